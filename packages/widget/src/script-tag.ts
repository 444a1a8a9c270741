/**
 * The file a site pastes as a script tag (served by the worker at /tandem.js):
 *
 *   <script src="https://feedback.example.com/tandem.js" data-site="pk_…" async></script>
 *
 * Defines `<tandem-feedback>` and adds one to the page. The API defaults to the origin the
 * script came from (first-party wherever the worker runs); `data-endpoint` overrides it.
 */
import './feedback/feedback.js';

// Read now: currentScript is only set while this file first runs (also for async scripts).
const script =
  (document.currentScript as HTMLScriptElement | null) ??
  document.querySelector<HTMLScriptElement>('script[data-site][src*="tandem"]');

mount(script);

function mount(script: HTMLScriptElement | null) {
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
