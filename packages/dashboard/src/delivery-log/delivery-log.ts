import { TandemDeliveryLog } from './delivery-log.component.js';

export { TandemDeliveryLog };

if (!customElements.get('tandem-delivery-log')) customElements.define('tandem-delivery-log', TandemDeliveryLog);

declare global {
  interface HTMLElementTagNameMap {
    'tandem-delivery-log': TandemDeliveryLog;
  }
}
