import { css } from 'lit';
import { base } from '../base.styles.js';

export const styles = [
  base,
  css`
    dialog {
      max-width: min(32rem, calc(100vw - 2rem));
      padding: 1.25rem;
      border: 1px solid var(--t-border);
      border-radius: var(--t-radius);
      background: var(--t-surface);
      color: var(--t-text);
    }

    dialog::backdrop {
      background: rgb(0 0 0 / 0.5);
    }

    h2 {
      margin: 0 0 0.5rem;
      font-size: 1.2rem;
    }

    .actions {
      display: flex;
      flex-wrap: wrap;
      justify-content: flex-end;
      gap: 0.5rem;
    }

    button.danger {
      border-color: var(--t-danger);
      background: var(--t-danger);
      color: var(--t-surface);
      font-weight: 600;
    }
  `,
];
