import { TandemFeedback } from './feedback.component.js';

export { TandemFeedback };

// Defined only once: the npm package and the script tag may both be on one page.
if (!customElements.get('tandem-feedback')) customElements.define('tandem-feedback', TandemFeedback);

declare global {
  interface HTMLElementTagNameMap {
    'tandem-feedback': TandemFeedback;
  }
}
