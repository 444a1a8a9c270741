import { TandemDestinations } from './destinations.component.js';

export { TandemDestinations };

if (!customElements.get('tandem-destinations')) customElements.define('tandem-destinations', TandemDestinations);

declare global {
  interface HTMLElementTagNameMap {
    'tandem-destinations': TandemDestinations;
  }
}
