import { TandemConfirmDialog } from './confirm-dialog.component.js';

export { TandemConfirmDialog };

if (!customElements.get('tandem-confirm-dialog')) customElements.define('tandem-confirm-dialog', TandemConfirmDialog);

declare global {
  interface HTMLElementTagNameMap {
    'tandem-confirm-dialog': TandemConfirmDialog;
  }
}
