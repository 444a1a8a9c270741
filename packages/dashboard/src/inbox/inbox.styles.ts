import { css } from 'lit';
import { base } from '../base.styles.js';

export const styles = [
  base,
  css`
    :host {
      display: block;
      padding: 1rem;
    }

    .top {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0.5rem 1rem;
    }

    h1 {
      margin: 0;
      font-size: 1.375rem;
    }

    details {
      margin-left: auto;
    }

    summary {
      cursor: pointer;
    }

    details ul {
      margin: 0.5rem 0 0;
      padding: 0.5rem 0.75rem;
      border: 1px solid var(--t-border);
      border-radius: var(--t-radius);
      background: var(--t-surface);
      list-style: none;
    }

    details li {
      padding: 0.1rem 0;
    }

    form {
      display: grid;
      grid-template-columns: minmax(12rem, 2fr) repeat(4, minmax(7.5rem, 1fr));
      gap: 0.5rem;
      margin: 0.75rem 0 1rem;
    }

    form > div {
      display: grid;
      gap: 0.2rem;
      min-width: 0;
    }

    form input,
    form select {
      width: 100%;
    }

    form label {
      font-size: 0.875rem;
    }

    .panes {
      display: grid;
      grid-template-columns: minmax(16rem, 2fr) minmax(0, 3fr);
      gap: 1rem;
      align-items: start;
    }

    .summary {
      margin: 0 0 0.5rem;
      font-size: 0.875rem;
    }

    ul.messages {
      margin: 0;
      padding: 0;
      list-style: none;
      border: 1px solid var(--t-border);
      border-radius: var(--t-radius);
      background: var(--t-surface);
    }

    ul.messages li + li {
      border-top: 1px solid var(--t-border);
    }

    ul.messages button {
      display: grid;
      gap: 0.2rem;
      width: 100%;
      min-height: 44px;
      padding: 0.6rem 0.75rem;
      border: none;
      border-left: 4px solid transparent;
      border-radius: 0;
      background: transparent;
      text-align: start;
    }

    ul.messages button[aria-current='true'] {
      border-left-color: var(--t-accent);
      background: var(--t-selected);
    }

    .line {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.35rem;
      font-size: 0.875rem;
    }

    .line time {
      margin-left: auto;
    }

    .excerpt {
      overflow-wrap: anywhere;
    }

    .more {
      margin-top: 0.75rem;
    }

    .empty {
      padding: 1rem;
    }

    tandem-feedback-detail {
      position: sticky;
      top: 0.5rem;
      max-height: calc(100vh - 1rem);
      overflow: auto;
    }

    /* A tablet held upright: the filters wrap, the list and the message stay side by side. */
    @media (max-width: 64rem) {
      form {
        grid-template-columns: repeat(3, minmax(0, 1fr));
      }

      form > div:first-child {
        grid-column: 1 / -1;
      }
    }

    /* Narrower: the message below the list. */
    @media (max-width: 44rem) {
      .panes {
        grid-template-columns: 1fr;
      }

      tandem-feedback-detail {
        position: static;
        max-height: none;
      }
    }
  `,
];
