import { TandemTestimonials } from './testimonials.component.js';

export { TandemTestimonials };

// Defined only once: the npm package and the script tag may both be on one page.
if (!customElements.get('tandem-testimonials')) customElements.define('tandem-testimonials', TandemTestimonials);

declare global {
  interface HTMLElementTagNameMap {
    'tandem-testimonials': TandemTestimonials;
  }
}
