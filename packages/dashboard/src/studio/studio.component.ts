import { LitElement, html } from 'lit';
import { property } from 'lit/decorators.js';
import type { AdminClient } from '@tandem/sdk/admin';
import { type Role } from '../session.js';
import { styles } from './studio.styles.js';

/**
 * PR's studio: praise with consent, the quotes made from it, and the wall they make.
 *
 * @tagname tandem-studio
 */
export class TandemStudio extends LitElement {
  static override styles = styles;

  @property({ attribute: false }) client?: AdminClient;
  /** The signed-in key's role: what the person may do. */
  @property({ attribute: false }) keyRole: Role = 'pr';
  @property({ attribute: false }) actor = '';

  override render() {
    return html`<h1>PR studio</h1>
      <p class="muted">Coming next.</p>`;
  }
}
