/**
 * The file a site pastes as a script tag (served by the worker at /tandem.js):
 *
 *   <script src="https://feedback.example.com/tandem.js" data-site="pk_…" async></script>
 *
 * A classic script, a few hundred bytes: it reads its own tag, then imports the widget as ES
 * modules from beside itself. The launcher and Lit come first; the form and the SDK only when
 * the customer heads for the launcher (see TandemFeedback.loadForm).
 */
// Read now: currentScript is only set while this file first runs (also for async scripts).
const script =
  (document.currentScript as HTMLScriptElement | null) ??
  document.querySelector<HTMLScriptElement>('script[data-site][src*="tandem"]');

if (!script?.src) {
  // Without its own address it cannot know where the widget's modules are.
  console.warn('Tandem: load tandem.js with <script src="…/tandem.js" data-site="pk_…" async></script>.');
} else {
  import(new URL('tandem-feedback.js', script.src).href).then(
    (widget: { mount(script: HTMLScriptElement): void }) => widget.mount(script),
    () => console.warn('Tandem: the feedback widget could not be loaded.'),
  );
}
