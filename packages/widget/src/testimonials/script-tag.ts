/**
 * The wall as pages fetch it from the worker (dist/public/tandem-testimonials.js), defining
 * `<tandem-testimonials>`. Alone:
 *
 *   <script type="module" src="https://feedback.example.com/tandem-testimonials.js"></script>
 *   <tandem-testimonials site-key="pk_…" endpoint="https://feedback.example.com"></tandem-testimonials>
 *
 * With the script tag, tandem.js imports it when the page has a wall and calls mount(), which
 * gives each wall without a site key or endpoint the tag's (`data-site`, and `data-endpoint` or
 * the origin tandem.js came from, as for the launcher).
 */
import './testimonials.js';

export function mount(script: HTMLScriptElement): void {
  const endpoint = script.dataset.endpoint || new URL(script.src).origin;
  for (const wall of document.querySelectorAll('tandem-testimonials')) {
    wall.siteKey ||= script.dataset.site;
    wall.endpoint ||= endpoint;
  }
}
