import { TandemDashboard } from './dashboard.component.js';

export { TandemDashboard };

if (!customElements.get('tandem-dashboard')) customElements.define('tandem-dashboard', TandemDashboard);

declare global {
  interface HTMLElementTagNameMap {
    'tandem-dashboard': TandemDashboard;
  }
}
