import { css } from 'lit';
import { base } from '../base.styles.js';

export const styles = [
  base,
  css`
    :host {
      display: block;
      padding: 1rem;
    }

    header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 1.5rem;
    }

    h1 {
      margin: 0;
      font-size: 1.5rem;
    }

    h2 {
      margin: 0 0 0.5rem;
      font-size: 1.125rem;
    }

    .range {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1rem;
      margin: 0;
      padding: 0.25rem 0.75rem 0.5rem;
      border: 1px solid var(--t-border);
      border-radius: var(--t-radius);
    }

    .range label {
      display: inline-flex;
      align-items: center;
      gap: 0.35rem;
      font-weight: 400;
    }

    .range input {
      min-height: auto;
    }

    .surges,
    .card,
    .totals > div {
      padding: 1rem;
      border: 1px solid var(--t-border);
      border-radius: var(--t-radius);
      background: var(--t-surface);
    }

    .surges {
      margin: 1rem 0;
    }

    .surges ul {
      margin: 0;
      padding: 0;
      list-style: none;
      display: grid;
      gap: 0.5rem;
    }

    .totals {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr));
      gap: 0.75rem;
      margin: 0 0 1rem;
    }

    .totals dt {
      color: var(--t-muted);
      font-size: 0.875rem;
    }

    .totals dd {
      margin: 0;
      font-size: 1.5rem;
      font-weight: 600;
    }

    .charts {
      display: grid;
      grid-template-columns: repeat(2, minmax(0, 1fr));
      gap: 1rem;
    }

    @media (max-width: 1000px) {
      .charts {
        grid-template-columns: minmax(0, 1fr);
      }
    }

    /* Chart.js fills its container: the container gives the height. */
    .chart {
      position: relative;
      height: 16rem;
    }

    details {
      margin-top: 0.5rem;
    }

    summary {
      cursor: pointer;
      color: var(--t-accent);
    }

    .table {
      max-height: 20rem;
      overflow: auto;
    }

    table {
      border-collapse: collapse;
      width: 100%;
      font-size: 0.875rem;
    }

    th,
    td {
      padding: 0.2rem 0.5rem;
      border-bottom: 1px solid var(--t-border);
      text-align: right;
    }

    th[scope='row'],
    thead th:first-child {
      text-align: left;
    }
  `,
];
