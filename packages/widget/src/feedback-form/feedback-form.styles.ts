import { css } from 'lit';
import { base } from '../base.styles.js';

// The colours (--_accent, --_surface, ...) come from <tandem-feedback>, whose dialog holds the form.
export const styles = [
  base,
  css`
  :host {
    display: block;
  }

  form {
    display: grid;
    gap: 1rem;
  }

  fieldset {
    margin: 0;
    padding: 0;
    border: none;
  }

  legend,
  label[for] {
    padding: 0;
    margin-bottom: 0.25rem;
    font-weight: 600;
  }

  .stars {
    display: flex;
    /* Line the first star up with the legend despite its 44px touch target. */
    margin-inline-start: -6px;
  }

  .star {
    position: relative;
    display: grid;
    place-items: center;
    width: 44px;
    height: 44px;
    cursor: pointer;
  }

  .star svg {
    width: 32px;
    height: 32px;
    border-radius: 4px;
    fill: transparent;
    stroke: var(--_muted);
    stroke-width: 1.5;
    stroke-linejoin: round;
  }

  .star.on svg {
    fill: var(--_accent);
    stroke: var(--_accent);
  }

  /* Hovering previews the rating: the hovered star and every star before it. */
  @media (hover: hover) {
    .stars:hover .star svg {
      fill: transparent;
      stroke: var(--_muted);
    }
    .stars:hover .star:hover svg,
    .stars:hover .star:has(~ .star:hover) svg {
      fill: var(--_accent);
      stroke: var(--_accent);
    }
  }

  .star input:focus-visible + svg {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }

  @media (forced-colors: active) {
    .star svg {
      stroke: CanvasText;
    }
    .star.on svg {
      fill: Highlight;
    }
  }

  /* The real radio, transparent over its star: clicks, taps and focus all land on it. */
  .star input {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    margin: 0;
    opacity: 0;
    cursor: pointer;
  }

  .star svg {
    pointer-events: none;
  }

  /* Visually hidden, still read: the "n stars" labels. */
  .sr {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: 0;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  textarea,
  .field input {
    display: block;
    width: 100%;
    min-height: 44px;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--_muted);
    border-radius: calc(var(--_radius) / 2);
    background: var(--_surface);
  }

  .hint {
    margin: 0 0 0.25rem;
    font-size: 0.875rem;
    color: var(--_muted);
  }

  textarea {
    min-height: 7rem;
    resize: vertical;
  }

  .consent {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    min-height: 44px;
    cursor: pointer;
  }

  .consent input {
    width: 1.25rem;
    height: 1.25rem;
    margin: 0;
    accent-color: var(--_accent);
  }

  .submit {
    justify-self: end;
  }

  .submit:disabled {
    cursor: progress;
    opacity: 0.7;
  }

  .thanks p {
    margin: 0 0 1rem;
    font-size: 1.125rem;
  }

  .thanks p:focus {
    outline: none;
  }
`,
];
