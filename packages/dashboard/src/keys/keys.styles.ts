import { css } from 'lit';
import { base } from '../base.styles.js';
import { forms } from '../settings/forms.styles.js';

export const styles = [
  base,
  forms,
  css`
    form,
    tandem-shown-once {
      max-width: 40rem;
    }

    tandem-shown-once {
      margin-bottom: 1rem;
    }

    .scroll {
      overflow-x: auto;
    }

    tr.revoked td {
      color: var(--t-muted);
    }

    fieldset.roles {
      display: grid;
    }

    [role='alert']:empty,
    .error:empty {
      display: none;
    }
  `,
];
