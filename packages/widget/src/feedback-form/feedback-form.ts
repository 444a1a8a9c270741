import { TandemFeedbackForm } from './feedback-form.component.js';

export { TandemFeedbackForm };

if (!customElements.get('tandem-feedback-form')) customElements.define('tandem-feedback-form', TandemFeedbackForm);

declare global {
  interface HTMLElementTagNameMap {
    'tandem-feedback-form': TandemFeedbackForm;
  }
}
