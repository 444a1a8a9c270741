import { TandemKeys } from './keys.component.js';

export { TandemKeys };

if (!customElements.get('tandem-keys')) customElements.define('tandem-keys', TandemKeys);

declare global {
  interface HTMLElementTagNameMap {
    'tandem-keys': TandemKeys;
  }
}
