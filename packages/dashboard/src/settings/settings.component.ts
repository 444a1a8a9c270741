import { LitElement, html } from 'lit';
import { property } from 'lit/decorators.js';
import type { AdminClient } from '@tandem/sdk/admin';
import { type Me } from '../session.js';
import { styles } from './settings.styles.js';

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

  override render() {
    return html`<h1>Settings</h1>
      <p class="muted">Coming next.</p>`;
  }
}
