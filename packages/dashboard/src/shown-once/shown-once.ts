import { TandemShownOnce } from './shown-once.component.js';

export { TandemShownOnce };

if (!customElements.get('tandem-shown-once')) customElements.define('tandem-shown-once', TandemShownOnce);

declare global {
  interface HTMLElementTagNameMap {
    'tandem-shown-once': TandemShownOnce;
  }
}
