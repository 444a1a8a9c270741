import { css } from 'lit';
import { base } from '../base.styles.js';
import { forms } from '../settings/forms.styles.js';

export const styles = [
  base,
  forms,
  css`
    form {
      max-width: 40rem;
    }

    fieldset.origins {
      display: grid;
      gap: 0.5rem;
    }

    .origin-list {
      display: grid;
      gap: 0.35rem;
      margin: 0;
      padding: 0;
      list-style: none;
    }

    .origin-list li {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0.5rem;
      padding: 0.25rem 0.5rem;
      border: 1px solid var(--t-border);
      border-radius: var(--t-radius);
    }

    .origin-list .error {
      flex-basis: 100%;
    }

    .add-origin {
      display: grid;
      gap: 0.25rem;
    }

    .row {
      display: flex;
      gap: 0.5rem;
    }

    .row input {
      flex: 1;
      min-width: 0;
    }

    input.narrow {
      max-width: 10rem;
    }

    [role='alert']:empty {
      display: none;
    }
  `,
];
