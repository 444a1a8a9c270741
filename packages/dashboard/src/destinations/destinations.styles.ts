import { css } from 'lit';
import { base } from '../base.styles.js';
import { forms } from '../settings/forms.styles.js';

export const styles = [
  base,
  forms,
  css`
    #add {
      max-width: 40rem;
    }

    tandem-shown-once {
      max-width: 40rem;
      margin-bottom: 1rem;
    }

    .head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
    }

    .badge[data-enabled='false'] {
      background: var(--t-critical-bg);
      color: var(--t-critical-text);
    }

    h4 {
      margin: 0.5rem 0;
      font-size: 1rem;
    }

    .note:empty,
    .error:empty {
      display: none;
    }

    form.edit {
      background: var(--t-bg);
    }

    [role='alert']:empty {
      display: none;
    }
  `,
];
