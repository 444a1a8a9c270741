import { LitElement, html } from 'lit';
import { property } from 'lit/decorators.js';
import type { AdminClient } from '@tandem/sdk/admin';
import { type Role } from '../session.js';
import { styles } from './insights.styles.js';

/**
 * Insights: what customers said over time, by team, label and topic, and the surges.
 *
 * @tagname tandem-insights
 */
export class TandemInsights extends LitElement {
  static override styles = styles;

  @property({ attribute: false }) client?: AdminClient;
  @property({ attribute: false }) keyRole: Role = 'pr';

  override render() {
    return html`<h1>Insights</h1>
      <p class="muted">Coming next.</p>`;
  }
}
