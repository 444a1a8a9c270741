import { TandemInsights } from './insights.component.js';

export { TandemInsights };

if (!customElements.get('tandem-insights')) customElements.define('tandem-insights', TandemInsights);

declare global {
  interface HTMLElementTagNameMap {
    'tandem-insights': TandemInsights;
  }
}
