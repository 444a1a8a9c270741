import { css } from 'lit';

/** What the settings' parts share: forms, their errors, and the lists of things they manage. */
export const forms = css`
  :host {
    display: block;
  }

  h2 {
    margin: 1.5rem 0 0.5rem;
    font-size: 1.2rem;
  }

  h2:first-child {
    margin-top: 0;
  }

  h3 {
    margin: 0;
    font-size: 1.05rem;
  }

  form,
  .card {
    display: grid;
    gap: 0.5rem;
    padding: 1rem;
    border: 1px solid var(--t-border);
    border-radius: var(--t-radius);
    background: var(--t-surface);
  }

  .field {
    display: grid;
    gap: 0.25rem;
  }

  .hint {
    margin: 0;
    font-size: 0.875rem;
  }

  .error {
    margin: 0;
  }

  .error:empty {
    display: none;
  }

  fieldset {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    margin: 0;
    padding: 0.5rem 0.75rem 0.75rem;
    border: 1px solid var(--t-border);
    border-radius: var(--t-radius);
  }

  legend {
    padding: 0 0.25rem;
    font-weight: 600;
  }

  fieldset label {
    display: inline-flex;
    align-items: center;
    gap: 0.35rem;
    font-weight: normal;
  }

  input[type='checkbox'],
  input[type='radio'] {
    min-height: auto;
    width: 1.1rem;
    height: 1.1rem;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }

  button.danger {
    border-color: var(--t-danger);
    color: var(--t-danger);
  }

  ul.items {
    display: grid;
    gap: 0.75rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  table {
    width: 100%;
    border-collapse: collapse;
    font-size: 0.9375rem;
  }

  th,
  td {
    padding: 0.45rem 0.5rem;
    border-bottom: 1px solid var(--t-border);
    text-align: start;
    vertical-align: top;
  }

  code,
  .mono {
    font-family: ui-monospace, monospace;
    font-size: 0.875rem;
    overflow-wrap: anywhere;
  }

  .ok {
    color: var(--t-ok);
  }
`;
