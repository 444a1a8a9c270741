import { css } from 'lit';
import { base } from '../base.styles.js';

export const styles = [
  base,
  css`
    :host {
      display: block;
      padding: 1rem 1.25rem;
      border: 1px solid var(--t-border);
      border-radius: var(--t-radius);
      background: var(--t-surface);
    }

    h2 {
      margin: 0 0 0.5rem;
      font-size: 1.25rem;
    }

    h3 {
      margin: 1.25rem 0 0.5rem;
      font-size: 1rem;
    }

    .badges {
      display: flex;
      flex-wrap: wrap;
      gap: 0.35rem;
    }

    /* The customer's words exactly as written: line breaks kept, markup shown as text. */
    .message {
      margin: 0.75rem 0;
      padding: 0.75rem 1rem;
      border-left: 4px solid var(--t-accent);
      background: var(--t-bg);
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }

    a {
      color: var(--t-accent);
    }

    .invitations {
      margin: 0 0 0.5rem;
      padding-left: 1.25rem;
    }

    .new-link {
      margin-top: 0.75rem;
    }

    /* "Email the customer" opens the mail program: a link that looks like the buttons beside it. */
    a.button {
      display: inline-flex;
      align-items: center;
      min-height: 2.5rem;
      padding: 0.4rem 0.9rem;
      border: 1px solid var(--t-border);
      border-radius: var(--t-radius);
      text-decoration: none;
    }

    #invitation-link {
      flex: 1 1 16rem;
      min-width: 0;
    }

    ul.reasons {
      margin: 0;
      padding-left: 1.25rem;
    }

    fieldset {
      margin: 0 0 0.75rem;
      padding: 0;
      border: none;
    }

    legend {
      margin-bottom: 0.35rem;
      padding: 0;
      font-weight: 600;
    }

    .row {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
    }

    button[aria-pressed='true'] {
      border-color: var(--t-accent);
      background: var(--t-selected);
      font-weight: 600;
    }

    .check {
      display: inline-flex;
      align-items: center;
      gap: 0.35rem;
      min-height: 2.5rem;
      font-weight: normal;
    }

    .check input {
      min-height: auto;
      width: 1.1rem;
      height: 1.1rem;
    }

    form {
      display: grid;
      gap: 0.35rem;
      margin-bottom: 0.75rem;
    }

    form .row input {
      flex: 1 1 12rem;
    }

    textarea {
      min-height: 4.5rem;
    }

    ol.log {
      margin: 0;
      padding: 0;
      list-style: none;
    }

    ol.log li {
      padding: 0.5rem 0;
      border-top: 1px solid var(--t-border);
    }

    .note-text {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }

    [role='alert']:empty {
      display: none;
    }
  `,
];
