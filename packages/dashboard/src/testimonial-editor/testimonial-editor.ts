import { TandemTestimonialEditor } from './testimonial-editor.component.js';

export { TandemTestimonialEditor };

if (!customElements.get('tandem-testimonial-editor')) customElements.define('tandem-testimonial-editor', TandemTestimonialEditor);

declare global {
  interface HTMLElementTagNameMap {
    'tandem-testimonial-editor': TandemTestimonialEditor;
  }
}
