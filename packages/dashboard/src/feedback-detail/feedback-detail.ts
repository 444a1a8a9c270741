import { TandemFeedbackDetail } from './feedback-detail.component.js';

export { TandemFeedbackDetail };

if (!customElements.get('tandem-feedback-detail')) customElements.define('tandem-feedback-detail', TandemFeedbackDetail);

declare global {
  interface HTMLElementTagNameMap {
    'tandem-feedback-detail': TandemFeedbackDetail;
  }
}
