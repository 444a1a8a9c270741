import { TandemFeedbackForm } from './feedback-form.component.js';

export { TandemFeedbackForm };
// Loaded with the form; see dialog.styles.ts.
export { dialogStyles } from '../feedback/dialog.styles.js';

if (!customElements.get('tandem-feedback-form')) customElements.define('tandem-feedback-form', TandemFeedbackForm);

declare global {
  interface HTMLElementTagNameMap {
    'tandem-feedback-form': TandemFeedbackForm;
  }
}
