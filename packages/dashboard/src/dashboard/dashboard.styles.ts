import { css } from 'lit';
import { base } from '../base.styles.js';

export const styles = [
  base,
  css`
    :host {
      display: block;
      min-height: 100vh;
    }

    header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 1.25rem;
      padding: 0.5rem 1rem;
      border-bottom: 1px solid var(--t-border);
      background: var(--t-surface);
    }

    .brand {
      margin: 0;
      font-size: 1.125rem;
      font-weight: 700;
    }

    nav ul {
      display: flex;
      gap: 0.25rem;
      margin: 0;
      padding: 0;
      list-style: none;
    }

    nav a {
      display: inline-block;
      padding: 0.4rem 0.75rem;
      border-radius: var(--t-radius);
      color: inherit;
      text-decoration: none;
    }

    nav a[aria-current='page'] {
      background: var(--t-selected);
      font-weight: 600;
    }

    .who {
      display: flex;
      align-items: center;
      gap: 0.75rem;
      margin-left: auto;
    }

    .skip {
      position: absolute;
      left: 0.5rem;
      top: -3rem;
      padding: 0.5rem 1rem;
      background: var(--t-accent);
      color: var(--t-accent-text);
      border-radius: var(--t-radius);
    }

    .skip:focus {
      top: 0.5rem;
    }

    .loading,
    .failed {
      padding: 2rem 1rem;
      text-align: center;
    }
  `,
];
