import { css } from 'lit';
import { base } from '../base.styles.js';

export const styles = [
  base,
  css`
    :host {
      display: block;
      padding: 1rem;
    }

    h1 {
      margin: 0 0 0.75rem;
      font-size: 1.375rem;
    }

    h2 {
      display: flex;
      align-items: center;
      gap: 0.5rem;
      margin: 0 0 0.5rem;
      font-size: 1.125rem;
    }

    section > p {
      margin: 0 0 0.5rem;
    }

    ul {
      margin: 0;
      padding: 0;
      list-style: none;
    }

    /* Alerts first: a complaint about to go public cannot wait behind the praise. */
    .alerts {
      margin-bottom: 1rem;
      padding: 0.75rem 1rem;
      border: 1px solid var(--t-border);
      border-radius: var(--t-radius);
      background: var(--t-surface);
    }

    .alerts.raised {
      border-color: var(--t-critical-text);
      border-inline-start-width: 4px;
    }

    .alerts ul {
      display: grid;
      gap: 0.4rem;
    }

    .alerts a {
      display: grid;
      gap: 0.2rem;
      padding: 0.5rem 0.6rem;
      border: 1px solid var(--t-border);
      border-radius: var(--t-radius);
      color: inherit;
      text-decoration: none;
    }

    .alerts a:hover .excerpt {
      text-decoration: underline;
    }

    .line {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.35rem 0.5rem;
      margin: 0;
    }

    .line button {
      margin-inline-start: auto;
    }

    time {
      color: var(--t-muted);
      font-size: 0.875rem;
    }

    /* The lists beside the editor on a wide screen, above it on a tablet. */
    .work {
      display: grid;
      grid-template-columns: minmax(18rem, 2fr) 3fr;
      gap: 1rem;
      align-items: start;
    }

    @media (max-width: 900px) {
      .work {
        grid-template-columns: 1fr;
      }
    }

    .lists {
      display: grid;
      gap: 1.25rem;
      min-width: 0;
    }

    .cards {
      display: grid;
      gap: 0.5rem;
      margin-bottom: 0.5rem;
    }

    .card {
      display: grid;
      gap: 0.4rem;
      padding: 0.6rem 0.75rem;
      border: 1px solid var(--t-border);
      border-radius: var(--t-radius);
      background: var(--t-surface);
    }

    .card.current {
      border-color: var(--t-accent);
      background: var(--t-selected);
    }

    .card p {
      margin: 0;
    }

    .message,
    .suggestion,
    .excerpt {
      overflow-wrap: anywhere;
    }

    .suggestion {
      font-style: italic;
    }

    .statuses {
      display: flex;
      flex-wrap: wrap;
      gap: 1rem;
      margin: 0 0 0.5rem;
      padding: 0;
      border: 0;
    }

    .statuses label {
      display: flex;
      align-items: center;
      gap: 0.3rem;
      min-height: 2.5rem;
      font-weight: 400;
    }

    .statuses input {
      min-height: 0;
      width: 1.1rem;
      height: 1.1rem;
    }

    .editor {
      min-width: 0;
    }

    .placeholder {
      padding: 2rem 1rem;
      border: 1px dashed var(--t-border);
      border-radius: var(--t-radius);
      text-align: center;
    }

    .wall {
      margin-top: 1.5rem;
    }

    /* Praise from a customer whose complaint was resolved: a link to that complaint. */
    .badge.recovered {
      background: var(--t-selected);
      color: var(--t-text);
      text-decoration: none;
    }
  `,
];
