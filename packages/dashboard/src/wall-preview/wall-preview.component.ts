import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { AdminClient } from '@tandem/sdk/admin';
import { dashboardEvent, type TestimonialItem } from '../events.js';
import type { Role } from '../session.js';
import { styles } from './wall-preview.styles.js';

/** As many cards as the wall shows by default (`limit` 6). */
const WALL_SIZE = 6;
const DAY = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

/**
 * The testimonial wall as the site's visitors see it, and the snippet that puts it on a page.
 *
 * Drawn here, with the wall's look, from the studio's list of approved testimonials that the
 * wall shows (`onWall`: their customer still agrees to be quoted), through the admin SDK like the
 * rest of the dashboard, rather than by loading the real <tandem-testimonials>:
 * its bundle carries its own Lit, which would create a second Trusted Types policy named
 * `lit-html`, refused by the dashboard's CSP (`trusted-types lit-html`, no 'allow-duplicates'),
 * and it would need the site's publishable key and the dashboard's origin among the site's
 * allowed origins.
 *
 * @event tandem-announce - The snippet was copied (or could not be).
 * @tagname tandem-wall-preview
 */
export class TandemWallPreview extends LitElement {
  static override styles = styles;

  @property({ attribute: false }) client?: AdminClient;
  @property({ attribute: false }) keyRole: Role = 'pr';
  /** Bumped by the studio when a testimonial changes, to draw the wall again. */
  @property({ attribute: false }) revision = 0;

  @state() private approved: TestimonialItem[] = [];
  @state() private publishableKey?: string;
  @state() private error = '';
  private loading = 0;

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if ((changed.has('client') || changed.has('revision')) && this.client) void this.load(this.client);
    if (changed.has('client') && this.client && this.keyRole === 'admin') void this.loadKey(this.client);
  }

  private async load(client: AdminClient) {
    const run = ++this.loading;
    try {
      const { data } = await client.testimonials.list({ status: 'approved', limit: 100 });
      if (run !== this.loading) return;
      // The wall's order: most recently approved first.
      this.approved = data
        .filter((t) => t.onWall)
        .sort((a, b) => (b.approvedAt ?? '').localeCompare(a.approvedAt ?? '') || b.id.localeCompare(a.id))
        .slice(0, WALL_SIZE);
      this.error = '';
    } catch (e) {
      if (run === this.loading) this.error = e instanceof Error ? e.message : String(e);
    }
  }

  /** The site's publishable key, for the snippet: only admin keys may list keys. */
  private async loadKey(client: AdminClient) {
    try {
      const { data } = await client.keys.list();
      this.publishableKey = data.find((k) => k.kind === 'publishable' && !k.revokedAt)?.hint;
    } catch {
      this.publishableKey = undefined;
    }
  }

  private get snippet(): string {
    return (
      `<script src="${location.origin}/tandem.js" data-site="${this.publishableKey ?? 'pk_…'}" async></script>\n` +
      `<tandem-testimonials></tandem-testimonials>`
    );
  }

  private copy = async () => {
    try {
      await navigator.clipboard.writeText(this.snippet);
      this.dispatchEvent(dashboardEvent('tandem-announce', { message: 'Embed snippet copied.' }));
    } catch {
      // No clipboard (permission refused): select it, for Ctrl+C.
      const code = this.renderRoot.querySelector('code');
      if (code) getSelection()?.selectAllChildren(code);
      this.dispatchEvent(dashboardEvent('tandem-announce', { message: 'Could not copy: the snippet is selected, press Ctrl+C.' }));
    }
  };

  override render() {
    return html`
      <div class="wall" role="group" aria-label="Preview of the wall">
        <p class="label">Selected testimonials</p>
        ${this.error ? html`<p class="error" role="alert">Could not load the wall: ${this.error}</p>` : nothing}
        ${this.approved.length
          ? html`<ul role="list">
              ${this.approved.map((t) => html`<li>${this.card(t)}</li>`)}
            </ul>`
          : html`<p class="muted">Nothing approved yet: the wall is empty.</p>`}
      </div>
      <h3>Embed it</h3>
      <p>
        Paste this into a page of your site (its origin must be among the site’s allowed origins). The wall shows up to
        ${WALL_SIZE} testimonials; <code>layout</code>, <code>limit</code> and <code>theme</code> change it (see the README).
      </p>
      ${this.publishableKey
        ? nothing
        : html`<p class="muted">
            Replace <code>pk_…</code> with your site’s publishable key: an admin finds it in Settings, under Keys.
          </p>`}
      <pre role="region" tabindex="0" aria-label="Embed snippet"><code>${this.snippet}</code></pre>
      <button type="button" class="primary" @click=${this.copy}>Copy embed snippet</button>
    `;
  }

  private card(t: TestimonialItem) {
    const rating = Math.min(5, t.rating ?? 0);
    return html`<figure class="card">
      ${rating > 0
        ? html`<div class="stars" role="img" aria-label="Rated ${rating} out of 5"><span class="on">${'★'.repeat(rating)}</span>${'★'.repeat(5 - rating)}</div>`
        : nothing}
      <blockquote>${t.quote}</blockquote>
      <figcaption>
        <span class="author">${t.author ?? 'Anonymous customer'}</span>
        ${t.approvedAt ? html`<time datetime=${t.approvedAt}>${DAY.format(new Date(t.approvedAt))}</time>` : nothing}
      </figcaption>
    </figure>`;
  }
}
