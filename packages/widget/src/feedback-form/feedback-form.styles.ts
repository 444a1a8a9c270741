import { css } from 'lit';
import { base } from '../base.styles.js';

// The colours (--_accent, --_surface, ...) come from <tandem-feedback>, whose dialog holds the form.
export const styles = [
  base,
  css`
  :host {
    display: block;
  }

  /* Inline, the form is a panel in the page, drawn as the dialog is. */
  :host([inline]) {
    padding: 1.25rem;
    border: 1px solid color-mix(in srgb, var(--_muted) 40%, transparent);
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  h2 {
    margin: 0 0 1rem;
    font-size: 1.25rem;
    line-height: 1.3;
  }

  /* Always rendered, so screen readers hear it as soon as it is filled; empty, it takes no
     room (out of flow, no grid gap). */
  .error {
    margin: 0;
  }

  .error:empty {
    position: absolute;
  }

  .error:not(:empty) {
    padding: 0.5rem 0.75rem;
    border-inline-start: 4px solid #d1242f;
    border-radius: 4px;
    background: color-mix(in srgb, #d1242f 12%, var(--_surface));
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

  .options {
    display: flex;
    flex-wrap: wrap;
    /* Line the first star up with the legend despite its 44px touch target. */
    margin-inline-start: -6px;
  }

  .option {
    position: relative;
    display: grid;
    place-items: center;
    width: 44px;
    height: 44px;
    border-radius: calc(var(--_radius) / 2);
    cursor: pointer;
  }

  .option svg {
    width: 32px;
    height: 32px;
    border-radius: 4px;
    fill: transparent;
    stroke: var(--_muted);
    stroke-width: 1.5;
    stroke-linejoin: round;
  }

  .option.on svg {
    fill: var(--_accent);
    stroke: var(--_accent);
  }

  /* Hovering previews the rating: the hovered star and every star before it. */
  @media (hover: hover) {
    .stars:hover .option svg {
      fill: transparent;
      stroke: var(--_muted);
    }
    .stars:hover .option:hover svg,
    .stars:hover .option:has(~ .option:hover) svg {
      fill: var(--_accent);
      stroke: var(--_accent);
    }
  }

  /* Faces: line drawings; the chosen one (or the one under the pointer) in the accent colour. */
  .faces svg {
    fill: none;
    stroke-linecap: round;
  }

  .faces .option.on svg,
  .faces .option:hover svg {
    fill: color-mix(in srgb, var(--_accent) 15%, transparent);
    stroke: var(--_accent);
    stroke-width: 2;
  }

  .scale {
    gap: 4px;
    margin: 0;
  }

  .scale .option {
    border: 1px solid var(--_muted);
    font-variant-numeric: tabular-nums;
  }

  .scale .option.on {
    background: var(--_accent);
    color: var(--_accent-text);
  }

  .option:has(input:focus-visible) {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }

  @media (forced-colors: active) {
    .option svg {
      stroke: CanvasText;
    }
    .option.on svg {
      fill: Highlight;
    }
    .option.on {
      outline: 2px solid Highlight;
    }
  }

  /* The real radio, transparent over its star, face or number: clicks, taps and focus all land on it. */
  .option input {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    margin: 0;
    opacity: 0;
    cursor: pointer;
  }

  .option > :not(input) {
    pointer-events: none;
  }

  /* The honeypot: out of sight and out of reach (inert), yet in the form for software to fill. */
  .trap {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
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

  select {
    font: inherit;
    color: inherit;
  }

  textarea,
  select,
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

  .follow-up {
    display: grid;
    gap: 0.25rem;
    margin-bottom: 1rem;
  }

  .follow-up .row {
    display: flex;
    gap: 0.5rem;
  }

  /* Its input looks like the form's (.field input), beside its button. */
  .follow-up input {
    flex: 1;
    min-width: 0;
  }

  .thanks p:focus {
    outline: none;
  }
`,
];
