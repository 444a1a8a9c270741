/**
 * The file a site pastes as a script tag (served by the worker at /tandem.js):
 *
 *   <script src="https://feedback.example.com/tandem.js" data-site="pk_…" async></script>
 *
 * A classic script, a few hundred bytes: it reads its own tag, then imports the widget as ES
 * modules from beside itself. The launcher and Lit come first; the form and the SDK only when
 * the customer heads for the launcher (see TandemFeedback.prefetch). Pages that place a
 * `<tandem-testimonials>` wall also get its module.
 */
// Read now: currentScript is only set while this file first runs (also for async scripts).
const script =
  (document.currentScript as HTMLScriptElement | null) ??
  document.querySelector<HTMLScriptElement>('script[data-site][src*="tandem"]');

if (!script?.src) {
  // Without its own address it cannot know where the widget's modules are.
  console.warn('Tandem: load tandem.js with <script src="…/tandem.js" data-site="pk_…" async></script>.');
} else {
  // Browsers without constructable stylesheets get <style> elements from Lit, which a strict
  // Content-Security-Policy allows only with its nonce: pass on the one this tag carries.
  if (script.nonce && !('adoptedStyleSheets' in Document.prototype)) (window as { litNonce?: string }).litNonce = script.nonce;
  const load = (file: string, what = '', then = (_module: { mount(script: HTMLScriptElement): void }) => {}) =>
    import(new URL(file, script.src).href).then(then, () => what && console.warn(`Tandem: the ${what} could not be loaded.`));
  // Lit, which the launcher and the wall both import: fetched beside them rather than after.
  load('tandem-lit.js');
  load('tandem-feedback.js', 'feedback widget', (widget) => widget.mount(script));

  // A page with a testimonial wall also gets the wall's module, which gives each wall the tag's
  // site key and endpoint unless it has its own.
  const walls = () =>
    document.querySelector('tandem-testimonials') && load('tandem-testimonials.js', 'testimonial wall', (wall) => wall.mount(script));
  // Walls are looked for once the page is parsed (an async script may run before that).
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', walls);
  else void walls();
}
