import { TandemSettings } from './settings.component.js';

export { TandemSettings };

if (!customElements.get('tandem-settings')) customElements.define('tandem-settings', TandemSettings);

declare global {
  interface HTMLElementTagNameMap {
    'tandem-settings': TandemSettings;
  }
}
