import { css } from 'lit';
import { base } from '../base.styles.js';

// The wall's own look (packages/widget/src/testimonials/testimonials.styles.ts), in the
// dashboard's colours so it reads in light and dark.
export const styles = [
  base,
  css`
    :host {
      display: block;
    }

    .wall {
      display: grid;
      gap: 1rem;
      padding: 1rem;
      border: 1px dashed var(--t-border);
      border-radius: var(--t-radius);
      background: var(--t-bg);
    }

    .label {
      justify-self: start;
      margin: 0;
      padding: 0 0.75rem;
      border: 1px solid var(--t-border);
      border-radius: 1rem;
      background: var(--t-surface);
      font-size: 0.875rem;
      font-weight: 600;
      line-height: 1.875rem;
    }

    ul {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 16rem), 1fr));
      gap: 1rem;
      margin: 0;
      padding: 0;
      list-style: none;
    }

    li {
      display: grid;
    }

    .card {
      display: flex;
      flex-direction: column;
      gap: 0.75rem;
      margin: 0;
      padding: 1.25rem;
      border: 1px solid var(--t-border);
      border-radius: 12px;
      background: var(--t-surface);
    }

    .stars {
      color: var(--t-muted);
      font-size: 1.25rem;
      line-height: 1;
    }

    .on {
      color: var(--t-accent);
    }

    blockquote {
      flex: 1;
      margin: 0;
      white-space: pre-line;
      overflow-wrap: anywhere;
    }

    figcaption {
      font-size: 0.875rem;
    }

    .author {
      font-weight: 600;
    }

    time {
      margin-inline-start: 0.5rem;
      color: var(--t-muted);
    }

    h3 {
      margin: 1rem 0 0.25rem;
      font-size: 1rem;
    }

    pre {
      margin: 0.5rem 0;
      padding: 0.75rem;
      overflow-x: auto;
      border: 1px solid var(--t-border);
      border-radius: var(--t-radius);
      background: var(--t-surface);
    }

    code {
      font-family: ui-monospace, monospace;
      font-size: 0.875rem;
    }
  `,
];
