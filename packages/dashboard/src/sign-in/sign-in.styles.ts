import { css } from 'lit';
import { base } from '../base.styles.js';

export const styles = [
  base,
  css`
    :host {
      display: block;
      max-width: 28rem;
      margin: 8vh auto 2rem;
      padding: 0 1rem;
    }

    form {
      display: grid;
      gap: 0.4rem;
      padding: 1.5rem;
      border: 1px solid var(--t-border);
      border-radius: var(--t-radius);
      background: var(--t-surface);
    }

    h1 {
      margin: 0 0 0.5rem;
      font-size: 1.5rem;
    }

    .hint {
      margin: 0 0 0.75rem;
      font-size: 0.875rem;
    }

    input {
      width: 100%;
    }

    button {
      margin-top: 0.75rem;
      justify-self: start;
    }

    [role='alert']:empty {
      display: none;
    }
  `,
];
