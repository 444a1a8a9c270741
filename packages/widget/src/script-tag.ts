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
  const endpoint = new URL(script.src || location.href).origin;
  const add = () => {
    // The same tag pasted twice should still give one launcher.
    for (const el of document.querySelectorAll('tandem-feedback')) if (el.getAttribute('site-key') === siteKey) return;
    const el = document.createElement('tandem-feedback');
    el.setAttribute('endpoint', endpoint);
    // Every data-* of the tag is the attribute of the same name (data-site is site-key, and
    // data-endpoint overrides the default above): data-rating="faces", data-lang="de"… See the
    // README. data-meta-order-id="A-1" sends { orderId: "A-1" } with each message.
    const metadata: Record<string, string> = {};
    for (const { name, value } of script.attributes) {
      const [, meta, key] = /^data-(meta-)?(.+)/.exec(name) ?? [];
      if (meta) metadata[key!.replace(/-(.)/g, (_, c: string) => c.toUpperCase())] = value;
      else if (key) el.setAttribute(key === 'site' ? 'site-key' : key, value);
    }
    if (Object.keys(metadata).length) el.metadata = metadata;
    document.body.append(el);
  };
  if (document.body) add();
  else document.addEventListener('DOMContentLoaded', add, { once: true });
}
