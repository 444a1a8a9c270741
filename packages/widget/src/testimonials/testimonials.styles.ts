import { css } from 'lit';

// Adopted stylesheets, as in <tandem-feedback>: no <style> element or style attribute in the page,
// so the wall works under a Content-Security-Policy without 'unsafe-inline'. The colour names
// and defaults are <tandem-feedback>'s, so one rule on the page themes both.
//
// Not built on base.styles.ts: the few rules of it the wall needs are repeated below, so that
// base.styles.ts stays in the launcher's file and the wall's download (budget 8 KB with Lit)
// does not carry the form's rules.
export const styles = css`
  :host {
    /* Nothing the host page sets on inherited properties (font, colour, line-height…) leaks in. */
    all: initial;
    display: block;

    /* Each colour in light and dark; which one applies follows color-scheme, set by theme below. */
    --_accent: var(--tandem-accent, light-dark(#4f46e5, #8b93ff));
    --_text: var(--tandem-text, light-dark(#1f2328, #ececf1));
    --_muted: var(--tandem-muted, light-dark(#6b7280, #9ca3af));
    --_surface: var(--tandem-surface, light-dark(#ffffff, #1f2023));
    --_line: color-mix(in srgb, var(--_muted) 35%, transparent);
    --_card-h: var(--tandem-card-min-height, 16rem);
  }

  :host([hidden]) {
    display: none;
  }

  /* As in <tandem-feedback>: no page rule reaches this wrapper, which starts from initial values. */
  .root {
    all: initial;
    box-sizing: border-box;
    display: grid;
    gap: 1rem;
    font: 16px/1.5 var(--tandem-font, system-ui, sans-serif);
    color: var(--_text);
    /* theme="auto" (the default) follows the customer's system; "light" and "dark" fix it. */
    color-scheme: light dark;
  }

  .light {
    color-scheme: light;
  }

  .dark {
    color-scheme: dark;
  }

  :focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }

  /* Loading, failed or empty (the whole wall), or short of the limit (the boxes after the last
     card): the reserved space stays, and shows nothing. */
  [aria-hidden] {
    visibility: hidden;
  }

  .label,
  .card,
  .carousel,
  button {
    border: 1px solid var(--_line);
    border-radius: var(--tandem-radius, 12px);
    background: var(--_surface);
  }

  /* Says the quotes were picked: a badge, on the wall's own surface so it reads in any theme;
     2rem high with its border, which makes the reserved height easy to add up (see README). */
  .label {
    justify-self: start;
    align-self: center;
    margin: 0;
    padding: 0 0.75rem;
    border-radius: 1rem;
    font-size: 0.875rem;
    font-weight: 600;
    line-height: 1.875rem;
  }

  ul {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--tandem-card-min-width, 16rem)), 1fr));
    gap: 1rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .list {
    --_card-h: var(--tandem-card-min-height, 10rem);
  }

  .list ul {
    grid-template-columns: 1fr;
  }

  li {
    display: grid;
    min-height: var(--_card-h);
  }

  .card {
    display: flex;
    flex-direction: column;
    gap: 0.75rem;
    margin: 0;
    padding: 1.25rem;
  }

  /* Text stars: five in the font's own glyph, the rated ones in the accent colour. */
  .stars {
    color: var(--_line);
    font-size: 1.25rem;
    line-height: 1;
  }

  .on {
    color: var(--_accent);
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
    color: var(--_muted);
  }

  /* The carousel: one box holding the caption, the buttons and the slide in view, reserving
     --tandem-card-min-height in all. The tallest slide sets its height, so moving between
     slides never moves the page. */
  .carousel {
    --_card-h: var(--tandem-card-min-height, 20rem);
    min-height: var(--_card-h);
    grid-template: minmax(44px, auto) 1fr / 1fr auto;
    padding: 1.25rem;
  }

  .controls {
    display: flex;
    gap: 0.5rem;
  }

  button {
    box-sizing: border-box;
    display: grid;
    place-items: center;
    width: 44px;
    height: 44px;
    padding: 0;
    border-radius: 50%;
    color: inherit;
    cursor: pointer;
  }

  svg {
    width: 20px;
    height: 20px;
    fill: none;
    stroke: currentColor;
    stroke-width: 2.5;
    stroke-linecap: round;
    stroke-linejoin: round;
  }

  /* Right to left, previous is on the right and points right. */
  :host(:dir(rtl)) svg {
    transform: scaleX(-1);
  }

  /* Every slide in the same cell: the tallest sets the height; the others are invisible, so also
     out of reach of the keyboard and screen readers. */
  .slides {
    display: grid;
    grid-column: 1 / -1;
  }

  .slide {
    display: grid;
    grid-area: 1 / 1;
    visibility: hidden;
    opacity: 0;
    /* A fade (opacity and visibility, the only properties that change). */
    transition: 0.4s;
  }

  .current {
    visibility: visible;
    opacity: 1;
  }

  .carousel .card {
    padding: 0;
    border: none;
    font-size: 1.125rem;
  }

  @media (prefers-reduced-motion: reduce) {
    .slide {
      transition: none;
    }
  }
`;
