import { css } from 'lit';

// What every Tandem shadow root starts from: the host page's own rules never reach inside, so
// each root sets its boxes, fonts, focus ring and the look of its accent buttons itself.
export const base = css`
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  button,
  input,
  textarea {
    font: inherit;
    color: inherit;
  }

  button {
    cursor: pointer;
  }

  svg {
    display: block;
  }

  :focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }

  .accent {
    min-width: 44px;
    min-height: 44px;
    padding: 0.5rem 1.25rem;
    border: none;
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--_accent-text);
    font-weight: 600;
  }
`;
