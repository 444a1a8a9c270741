/**
 * The widget as the script tag loads it (see loader.ts): defines `<tandem-feedback>` and adds one
 * to the page for the tag that loaded it. The API defaults to the origin the script came from
 * (first-party wherever the worker runs); `data-endpoint` overrides it.
 */
import { TandemFeedback } from './feedback/feedback.js';

export function mount(script: HTMLScriptElement | null): void {
  const siteKey = script?.dataset.site;
  if (!script || !siteKey) {
    // A page that places its own <tandem-feedback site-key=…> only needs the definition.
    if (document.querySelector('tandem-feedback')) return;
    console.warn('Tandem: add data-site="pk_…" (your publishable site key) to the tandem.js script tag.');
    return;
  }
  const endpoint = new URL(script.src || location.href).origin;
  const add = () => {
    const found = [...document.querySelectorAll('tandem-feedback')];
    // The same tag pasted twice should still give one launcher.
    if (found.some((el) => el.getAttribute('site-key') === siteKey)) return;
    // Elements the site placed without a key (<tandem-feedback inline>, or one it opens itself)
    // take this tag's; only a page without any gets the floating launcher.
    const placed = found.filter((el) => !el.hasAttribute('site-key'));
    for (const el of placed.length ? placed : [document.createElement('tandem-feedback')]) {
      // Each data-* of the tag that names an attribute of <tandem-feedback> sets it, unless the
      // element has its own (data-site is site-key; data-endpoint overrides the script's origin):
      // data-rating="faces", data-lang="de"… Others (a framework's data-turbo-track…) are not ours.
      // data-meta-order-id="A-1" sends { "order-id": "A-1" } (HTML lowercases attribute names).
      const metadata: Record<string, string> = {};
      for (const { name, value } of [...script.attributes, { name: 'data-endpoint', value: endpoint }]) {
        const [, meta, key] = /^data-(meta-)?(.+)/.exec(name) ?? [];
        const attribute = key === 'site' ? 'site-key' : key!;
        if (meta) metadata[key!] = value;
        else if ([...TandemFeedback.observedAttributes, 'lang'].includes(attribute) && !el.hasAttribute(attribute)) el.setAttribute(attribute, value);
      }
      el.metadata ??= metadata;
      if (!el.isConnected) document.body.append(el);
    }
  };
  // Elements placed in the page exist once it is parsed (an async script may run before that).
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', add, { once: true });
  else add();
}
