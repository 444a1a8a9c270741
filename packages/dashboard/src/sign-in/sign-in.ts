import { TandemSignIn } from './sign-in.component.js';

export { TandemSignIn };

if (!customElements.get('tandem-sign-in')) customElements.define('tandem-sign-in', TandemSignIn);

declare global {
  interface HTMLElementTagNameMap {
    'tandem-sign-in': TandemSignIn;
  }
}
