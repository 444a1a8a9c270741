import { css } from 'lit';
import { base } from '../base.styles.js';
import { forms } from '../settings/forms.styles.js';

export const styles = [
  base,
  forms,
  css`
    :host {
      display: grid;
      gap: 0.5rem;
    }

    .bar {
      display: flex;
      gap: 0.75rem;
      align-items: center;
    }

    .scroll {
      overflow-x: auto;
    }

    .badge[data-status='dead'] {
      background: var(--t-critical-bg);
      color: var(--t-critical-text);
    }

    [role='alert']:empty {
      display: none;
    }

    button {
      justify-self: start;
    }
  `,
];
