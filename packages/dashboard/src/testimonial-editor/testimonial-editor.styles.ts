import { css } from 'lit';
import { base } from '../base.styles.js';

export const styles = [
  base,
  css`
    :host {
      display: block;
    }

    h2 {
      display: flex;
      align-items: center;
      gap: 0.5rem;
      margin: 0 0 0.75rem;
      font-size: 1.125rem;
    }

    h3 {
      margin: 0 0 0.5rem;
      font-size: 1rem;
    }

    /* The original beside the quote while there is room; above it on a tablet. */
    .sides {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(17rem, 1fr));
      gap: 1rem;
    }

    .original,
    form,
    .history {
      padding: 0.75rem 1rem;
      border: 1px solid var(--t-border);
      border-radius: var(--t-radius);
      background: var(--t-surface);
    }

    .hint {
      margin: 0 0 0.5rem;
      font-size: 0.875rem;
    }

    blockquote {
      margin: 0;
      line-height: 1.7;
      overflow-wrap: anywhere;
    }

    /* Each sentence is a button that reads as running text. */
    .sentence {
      display: inline;
      min-height: 0;
      padding: 0.1rem 0.15rem;
      border: 0;
      border-radius: 3px;
      background: none;
      text-align: start;
    }

    .sentence:hover {
      text-decoration: underline;
    }

    .sentence[aria-pressed='true'] {
      background: var(--t-selected);
      box-shadow: inset 0 -2px 0 var(--t-accent);
    }

    .provenance {
      margin: 0.75rem 0 0;
      font-size: 0.875rem;
    }

    form {
      display: grid;
      gap: 0.35rem;
      align-content: start;
    }

    textarea,
    input {
      width: 100%;
    }

    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin-top: 0.5rem;
    }

    .status.approved {
      background: var(--t-ok);
      color: var(--t-accent-text);
    }

    .history {
      margin-top: 1rem;
    }

    ol {
      display: grid;
      gap: 0.6rem;
      margin: 0;
      padding-inline-start: 1.25rem;
    }

    dl {
      gap: 0.1rem 0.75rem;
      margin: 0.25rem 0 0;
      font-size: 0.9375rem;
    }

    dd {
      white-space: pre-line;
    }

    .before {
      text-decoration: line-through;
      color: var(--t-muted);
    }
  `,
];
