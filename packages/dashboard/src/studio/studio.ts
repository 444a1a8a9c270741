import { TandemStudio } from './studio.component.js';

export { TandemStudio };

if (!customElements.get('tandem-studio')) customElements.define('tandem-studio', TandemStudio);

declare global {
  interface HTMLElementTagNameMap {
    'tandem-studio': TandemStudio;
  }
}
