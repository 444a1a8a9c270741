/**
 * The widget as the script tag loads it (see loader.ts): defines `<tandem-feedback>` and adds one
 * to the page for the tag that loaded it. The API defaults to the origin the script came from
 * (first-party wherever the worker runs); `data-endpoint` overrides it.
 */
import './feedback/feedback.js';

export function mount(script: HTMLScriptElement | null): void {
  const siteKey = script?.dataset.site;
  if (!script || !siteKey) {
    // A page that places its own <tandem-feedback site-key=…> only needs the definition.
    if (document.querySelector('tandem-feedback')) return;
    console.warn('Tandem: add data-site="pk_…" (your publishable site key) to the tandem.js script tag.');
    return;
  }
  const endpoint = script.dataset.endpoint || new URL(script.src || location.href).origin;
  const add = () => {
    // The same tag pasted twice should still give one launcher.
    for (const el of document.querySelectorAll('tandem-feedback')) if (el.getAttribute('site-key') === siteKey) return;
    const el = document.createElement('tandem-feedback');
    el.setAttribute('site-key', siteKey);
    el.setAttribute('endpoint', endpoint);
    // data-launcher="none", data-corner="bottom-left", data-label="Tell us", data-theme="dark": see <tandem-feedback>.
    for (const name of ['launcher', 'corner', 'label', 'theme'] as const) {
      const value = script.dataset[name];
      if (value) el.setAttribute(name, value);
    }
    document.body.append(el);
  };
  if (document.body) add();
  else document.addEventListener('DOMContentLoaded', add, { once: true });
}
