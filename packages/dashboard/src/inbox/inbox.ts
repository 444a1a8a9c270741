import { TandemInbox } from './inbox.component.js';

export { TandemInbox };

if (!customElements.get('tandem-inbox')) customElements.define('tandem-inbox', TandemInbox);

declare global {
  interface HTMLElementTagNameMap {
    'tandem-inbox': TandemInbox;
  }
}
