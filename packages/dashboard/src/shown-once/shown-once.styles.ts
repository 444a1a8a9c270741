import { css } from 'lit';
import { base } from '../base.styles.js';

export const styles = [
  base,
  css`
    :host {
      display: block;
    }

    [role='group'] {
      display: grid;
      gap: 0.5rem;
      padding: 1rem;
      border: 2px solid var(--t-high-text);
      border-radius: var(--t-radius);
      background: var(--t-high-bg);
      color: var(--t-high-text);
    }

    h3 {
      margin: 0;
      font-size: 1.05rem;
    }

    p {
      margin: 0;
    }

    .row {
      display: flex;
      gap: 0.5rem;
    }

    input {
      flex: 1;
      min-width: 0;
      font-family: ui-monospace, monospace;
      color: var(--t-text);
    }

    .copied:empty {
      display: none;
    }

    button.primary {
      justify-self: start;
    }
  `,
];
