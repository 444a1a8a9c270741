import { css } from 'lit';
import { base } from '../base.styles.js';

export const styles = [
  base,
  css`
    :host {
      display: block;
      max-width: 60rem;
      padding: 1rem;
    }

    h1 {
      margin: 0 0 0.75rem;
      font-size: 1.5rem;
    }

    nav ul {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem;
      margin: 0 0 1rem;
      padding: 0;
      border-bottom: 1px solid var(--t-border);
      list-style: none;
    }

    nav a {
      display: inline-block;
      padding: 0.5rem 0.9rem;
      border-bottom: 3px solid transparent;
      color: inherit;
      text-decoration: none;
    }

    nav a[aria-current='page'] {
      border-bottom-color: var(--t-accent);
      font-weight: 600;
    }

    #panel:focus {
      outline: none;
    }
  `,
];
