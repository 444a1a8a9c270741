import { css } from 'lit';
import { base } from '../base.styles.js';

// Lit adopts these as constructable stylesheets: no <style> element and no style attribute in
// the page, so the widget works under a Content-Security-Policy without 'unsafe-inline'.
const dark = css`
  --_accent: var(--tandem-accent, #8b93ff);
  --_accent-text: var(--tandem-accent-text, #111111);
  --_text: var(--tandem-text, #ececf1);
  --_muted: var(--tandem-muted, #9ca3af);
  --_surface: var(--tandem-surface, #1f2023);
  --_scheme: dark;
`;

export const styles = [
  base,
  css`
  :host {
    /* Nothing the host page sets on inherited properties (font, color, line-height…) leaks in. */
    all: initial;
    /* No box of its own: the launcher is fixed and the dialog sits in the top layer, so the
       page's layout never moves. */
    display: contents;

    --_accent: var(--tandem-accent, #4f46e5);
    --_accent-text: var(--tandem-accent-text, #ffffff);
    --_text: var(--tandem-text, #1f2328);
    --_muted: var(--tandem-muted, #6b7280);
    --_surface: var(--tandem-surface, #ffffff);
    --_radius: var(--tandem-radius, 12px);
    --_font: var(--tandem-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);

    --_scheme: light;
  }

  /* A page may even force 'all: unset !important' onto every element, this one included: its
     inherited values (font, colour, spacing…) then flow in through the host. Everything hangs
     under this wrapper, which no page rule can reach, and which starts from initial values. */
  .root {
    all: initial;
    display: contents;
    font: 16px/1.5 var(--_font);
    color: var(--_text);
    color-scheme: var(--_scheme);
  }

  /* theme="auto" (the default) follows the customer's system; "light" and "dark" fix it. */
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${dark}
    }
  }

  :host([theme='dark']) {
    ${dark}
  }

  :host([inline]) {
    display: block;
  }

  :host([hidden]) {
    display: none;
  }

  .launcher {
    position: fixed;
    right: 20px;
    bottom: 20px;
    z-index: var(--tandem-z-index, 2147483000);
    box-shadow: 0 4px 16px rgb(0 0 0 / 0.25);
  }

  :host([corner$='left']) .launcher {
    right: auto;
    left: 20px;
  }

  :host([corner^='top']) .launcher {
    bottom: auto;
    top: 20px;
  }

  /* The dialog's own look comes with the form (dialog.styles.ts); should the form fail to load,
     the browser's dialog shows why, with a Close button still big enough to tap. */
  .close {
    min-width: 44px;
    min-height: 44px;
  }
`,
];
