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
  // Browsers without constructable stylesheets get <style> elements from Lit, which a strict
  // Content-Security-Policy allows only with its nonce: pass on the one this tag carries.
  if (script.nonce && !('adoptedStyleSheets' in Document.prototype)) (globalThis as { litNonce?: string }).litNonce ??= script.nonce;
  const add = () => {
    // The same tag pasted twice should still give one launcher.
    for (const el of document.querySelectorAll('tandem-feedback')) if (el.getAttribute('site-key') === siteKey) return;
    const el = document.createElement('tandem-feedback');
    el.setAttribute('site-key', siteKey);
    el.setAttribute('endpoint', endpoint);
    // data-launcher="none", data-corner="bottom-left", data-rating="faces", data-lang="de"…: the
    // attributes of <tandem-feedback>, as data-* on the tag (see the README).
    for (const name of ['launcher', 'corner', 'label', 'theme', 'rating', 'category', 'page-url', 'consent-version', 'lang']) {
      const value = script.getAttribute(`data-${name}`);
      if (value) el.setAttribute(name, value);
    }
    // data-meta-plan="pro" sends { plan: "pro" } with each message.
    const metadata = Object.entries(script.dataset).filter(([key]) => /^meta[A-Z]/.test(key));
    if (metadata.length) el.metadata = Object.fromEntries(metadata.map(([key, value]) => [key[4]!.toLowerCase() + key.slice(5), value!]));
    document.body.append(el);
  };
  if (document.body) add();
  else document.addEventListener('DOMContentLoaded', add, { once: true });
}
