import { TandemWallPreview } from './wall-preview.component.js';

export { TandemWallPreview };

if (!customElements.get('tandem-wall-preview')) customElements.define('tandem-wall-preview', TandemWallPreview);

declare global {
  interface HTMLElementTagNameMap {
    'tandem-wall-preview': TandemWallPreview;
  }
}
