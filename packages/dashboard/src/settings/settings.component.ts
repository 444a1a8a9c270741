import { LitElement, html } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { AdminClient } from '@tandem/sdk/admin';
import { type Me } from '../session.js';
import { styles } from './settings.styles.js';
import '../site-settings/site-settings.js';
import '../destinations/destinations.js';
import '../keys/keys.js';

/** The settings' own parts, each at `#settings/<id>`. */
const TABS = [
  { id: 'site', label: 'Site' },
  { id: 'destinations', label: 'Destinations' },
  { id: 'keys', label: 'Keys' },
] as const;
type TabId = (typeof TABS)[number]['id'];

/** The part an address names (`#settings/keys`); the site's settings when it names none. */
const tabFor = (hash: string): TabId => TABS.find((t) => hash === `#settings/${t.id}`)?.id ?? 'site';

/**
 * Settings (admin keys): the site's origins and retention, its destinations and their deliveries, and its keys.
 *
 * @tagname tandem-settings
 */
export class TandemSettings extends LitElement {
  static override styles = styles;

  @property({ attribute: false }) client?: AdminClient;
  @property({ attribute: false }) me?: Me;
  @property({ attribute: false }) actor = '';
  @state() private tab: TabId = tabFor(location.hash);

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.followAddress);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.followAddress);
  }

  private followAddress = () => {
    const tab = tabFor(location.hash);
    if (tab === this.tab) return;
    this.tab = tab;
    // Keyboard and screen reader users land on the part they chose.
    this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#panel')?.focus());
  };

  override render() {
    return html`<h1>Settings</h1>
      <nav aria-label="Settings">
        <ul>
          ${TABS.map((t) => html`<li><a href="#settings/${t.id}" aria-current=${t.id === this.tab ? 'page' : 'false'}>${t.label}</a></li>`)}
        </ul>
      </nav>
      <section id="panel" tabindex="-1" aria-label=${TABS.find((t) => t.id === this.tab)!.label}>${this.renderTab()}</section>`;
  }

  private renderTab() {
    switch (this.tab) {
      case 'site':
        return html`<tandem-site-settings .client=${this.client}></tandem-site-settings>`;
      case 'destinations':
        return html`<tandem-destinations .client=${this.client}></tandem-destinations>`;
      case 'keys':
        return html`<tandem-keys .client=${this.client} .me=${this.me}></tandem-keys>`;
    }
  }
}
