import { css } from 'lit';

// What every dashboard shadow root starts from. The colours are custom properties set on the
// page (dashboard.css) for light and dark, which inherit through the shadow roots.
export const base = css`
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  :host {
    color: var(--t-text);
  }

  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }

  input,
  select,
  textarea {
    min-height: 2.5rem;
    padding: 0.4rem 0.6rem;
    border: 1px solid var(--t-border);
    border-radius: var(--t-radius);
    background: var(--t-surface);
  }

  textarea {
    resize: vertical;
  }

  button {
    min-height: 2.5rem;
    padding: 0.4rem 0.9rem;
    border: 1px solid var(--t-border);
    border-radius: var(--t-radius);
    background: var(--t-surface);
    cursor: pointer;
  }

  button.primary {
    border-color: var(--t-accent);
    background: var(--t-accent);
    color: var(--t-accent-text);
    font-weight: 600;
  }

  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }

  :focus-visible {
    outline: 2px solid var(--t-accent);
    outline-offset: 2px;
  }

  label {
    font-weight: 600;
  }

  .muted {
    color: var(--t-muted);
  }

  .error {
    color: var(--t-danger);
  }

  .badge {
    display: inline-block;
    padding: 0.05rem 0.5rem;
    border-radius: 999px;
    background: var(--t-badge-bg);
    color: var(--t-badge-text);
    font-size: 0.8125rem;
    font-weight: 600;
    white-space: nowrap;
  }

  .badge.critical {
    background: var(--t-critical-bg);
    color: var(--t-critical-text);
  }

  .badge.high {
    background: var(--t-high-bg);
    color: var(--t-high-text);
  }

  /* Facts as name and value side by side: a message's details, a destination's settings. */
  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.25rem 1rem;
    margin: 0;
  }

  dt {
    color: var(--t-muted);
  }

  dd {
    margin: 0;
    min-width: 0;
    overflow-wrap: anywhere;
  }

  kbd {
    padding: 0 0.35rem;
    border: 1px solid var(--t-border);
    border-radius: 4px;
    font-family: ui-monospace, monospace;
    font-size: 0.85em;
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
