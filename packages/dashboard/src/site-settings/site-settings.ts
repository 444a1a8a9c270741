import { TandemSiteSettings } from './site-settings.component.js';

export { TandemSiteSettings };

if (!customElements.get('tandem-site-settings')) customElements.define('tandem-site-settings', TandemSiteSettings);

declare global {
  interface HTMLElementTagNameMap {
    'tandem-site-settings': TandemSiteSettings;
  }
}
