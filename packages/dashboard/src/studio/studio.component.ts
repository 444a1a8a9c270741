import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { AdminClient } from '@tandem/sdk/admin';
import type { Candidate, FeedbackItem, TestimonialChangedDetail, TestimonialItem } from '../events.js';
import { customerName, excerpt, labelName, ratingText, STATUS_NAMES, URGENCIES, urgencyName, when } from '../format.js';
import type { Role } from '../session.js';
import { TESTIMONIAL_STATUS_NAMES, type TandemTestimonialEditor } from '../testimonial-editor/testimonial-editor.component.js';
import { styles } from './studio.styles.js';
import '../testimonial-editor/testimonial-editor.js';
import '../wall-preview/wall-preview.js';

type TestimonialStatus = keyof typeof TESTIMONIAL_STATUS_NAMES;
const TESTIMONIAL_STATUSES = Object.keys(TESTIMONIAL_STATUS_NAMES) as TestimonialStatus[];
const PAGE = 20;
/** The most alerts shown at once: more than this is a crisis, and the inbox has the rest. */
const ALERTS = 20;

/** What the editor holds: a message to quote, or a testimonial. */
type Editing = { candidate: Candidate } | { testimonialId: string } | undefined;

/**
 * PR's studio: PR-risk alerts at the top (complaints that threaten to go public, still open, most
 * urgent first, each a link to the message in the inbox); praise customers agreed to share, newest
 * first, each with the sentence the product suggests quoting; the testimonials by status; the
 * editor (tandem-testimonial-editor) with the customer's original words beside the quote; and the
 * wall as visitors see it, with its embed snippet (tandem-wall-preview).
 *
 * @tagname tandem-studio
 */
export class TandemStudio extends LitElement {
  static override styles = styles;

  @property({ attribute: false }) client?: AdminClient;
  /** The signed-in key's role: what the person may do. */
  @property({ attribute: false }) keyRole: Role = 'pr';
  @property({ attribute: false }) actor = '';

  @state() private alerts: FeedbackItem[] = [];
  @state() private moreAlerts = false;
  @state() private alertsError = '';
  @state() private candidates: Candidate[] = [];
  @state() private candidatesCursor: string | null = null;
  @state() private candidatesError = '';
  @state() private testimonials: TestimonialItem[] = [];
  @state() private testimonialsCursor: string | null = null;
  @state() private testimonialsError = '';
  @state() private testimonialStatus: TestimonialStatus = 'draft';
  @state() private editing: Editing;
  @state() private wallRevision = 0;
  @state() private loaded = false;
  /** Each list's latest load: an answer to an older one is dropped, and one list never drops another's. */
  #latest = { alerts: 0, candidates: 0, testimonials: 0 };

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('client') && this.client) void this.reload(this.client);
  }

  private async reload(client: AdminClient) {
    await Promise.all([this.loadAlerts(client), this.loadCandidates(client), this.loadTestimonials(client)]);
    this.loaded = true;
  }

  /**
   * Open (new or in progress) PR-risk messages, most urgent first, then newest: one page of each
   * urgency from the list route, in order, cut to a page.
   */
  private async loadAlerts(client: AdminClient) {
    const run = ++this.#latest.alerts;
    try {
      const pages = await Promise.all(
        URGENCIES.map((urgency) => client.feedback.list({ prRisk: 'true', status: 'open', urgency, limit: ALERTS })),
      );
      if (run !== this.#latest.alerts) return;
      const all = pages.flatMap((p) => p.data);
      this.alerts = all.slice(0, ALERTS);
      this.moreAlerts = all.length > ALERTS || pages.some((p) => p.nextCursor !== null);
      this.alertsError = '';
    } catch (e) {
      if (run === this.#latest.alerts) this.alertsError = messageOf(e);
    }
  }

  /** The first page, or with `cursor` the next (Load more, which a newer first page overrides). */
  private async loadCandidates(client: AdminClient, cursor?: string) {
    const run = cursor ? this.#latest.candidates : ++this.#latest.candidates;
    try {
      const page = await client.testimonials.candidates({ limit: PAGE, cursor });
      // A newer load, or this page added already (Load more pressed twice).
      if (run !== this.#latest.candidates || (cursor && cursor !== this.candidatesCursor)) return;
      this.candidates = cursor ? [...this.candidates, ...page.data] : page.data;
      this.candidatesCursor = page.nextCursor;
      this.candidatesError = '';
    } catch (e) {
      if (run === this.#latest.candidates) this.candidatesError = messageOf(e);
    }
  }

  private async loadTestimonials(client: AdminClient, cursor?: string) {
    const run = cursor ? this.#latest.testimonials : ++this.#latest.testimonials;
    try {
      const page = await client.testimonials.list({ status: this.testimonialStatus, limit: PAGE, cursor });
      if (run !== this.#latest.testimonials || (cursor && cursor !== this.testimonialsCursor)) return;
      this.testimonials = cursor ? [...this.testimonials, ...page.data] : page.data;
      this.testimonialsCursor = page.nextCursor;
      this.testimonialsError = '';
    } catch (e) {
      if (run === this.#latest.testimonials) this.testimonialsError = messageOf(e);
    }
  }

  private get editor() {
    return this.renderRoot.querySelector<TandemTestimonialEditor>('tandem-testimonial-editor');
  }

  private open(editing: NonNullable<Editing>) {
    this.editing = editing;
    void this.updateComplete.then(() => this.editor?.focus());
  }

  /** A testimonial was made or changed in the editor: the lists and the wall follow. */
  private changed = (event: CustomEvent<TestimonialChangedDetail>) => {
    const detail = event.detail;
    this.editing = { testimonialId: detail.id };
    this.candidates = this.candidates.filter((c) => c.id !== detail.feedbackId);
    this.testimonialStatus = detail.status;
    this.wallRevision++;
    if (this.client) {
      const client = this.client;
      void this.loadTestimonials(client).then(() => this.loadAlerts(client));
    }
  };

  private showStatus(status: TestimonialStatus) {
    this.testimonialStatus = status;
    if (this.client) void this.loadTestimonials(this.client);
  }

  override render() {
    return html`
      <h1>PR studio</h1>
      ${this.renderAlerts()}
      <div class="work">
        <div class="lists">${this.renderCandidates()} ${this.renderTestimonials()}</div>
        <section class="editor" aria-label="Editor">
          ${this.editing
            ? html`<tandem-testimonial-editor
                .client=${this.client}
                .actor=${this.actor}
                .candidate=${'candidate' in this.editing ? this.editing.candidate : undefined}
                .testimonialId=${'testimonialId' in this.editing ? this.editing.testimonialId : undefined}
                @tandem-testimonial-changed=${this.changed}
              ></tandem-testimonial-editor>`
            : html`<p class="muted placeholder">Pick a praise to quote, or a testimonial to edit.</p>`}
        </section>
      </div>
      <section class="wall" aria-labelledby="wall-title">
        <h2 id="wall-title">The wall</h2>
        <tandem-wall-preview .client=${this.client} .keyRole=${this.keyRole} .revision=${this.wallRevision}></tandem-wall-preview>
      </section>
    `;
  }

  private renderAlerts() {
    const alerts = this.alerts;
    return html`<section class="alerts ${alerts.length ? 'raised' : ''}" aria-labelledby="alerts-title">
      <h2 id="alerts-title">
        PR-risk alerts <span class="badge ${alerts.length ? 'critical' : ''}">${alerts.length}${this.moreAlerts ? '+' : ''}</span>
      </h2>
      ${this.alertsError ? html`<p class="error" role="alert">Could not load the alerts: ${this.alertsError}</p>` : nothing}
      ${alerts.length
        ? html`<ul>
            ${alerts.map(
              (f) => html`<li>
                <a href="#feedback/${f.id}">
                  <span class="line">
                    <span class="badge ${f.urgency}">${urgencyName(f.urgency)}</span>
                    <span class="badge">${STATUS_NAMES[f.status]}</span>
                    <time datetime=${f.createdAt}>${when(f.createdAt)}</time>
                  </span>
                  <span class="excerpt">${excerpt(f.message)}</span>
                  <span class="muted">${customerName(f)}${f.topics.length ? ` · ${f.topics.join(', ')}` : ''}</span>
                </a>
              </li>`,
            )}
          </ul>`
        : this.loaded && !this.alertsError
          ? html`<p class="muted">No open complaint threatens to go public.</p>`
          : nothing}
      ${this.moreAlerts ? html`<p class="muted">These are the ${ALERTS} most urgent; the inbox lists the rest.</p>` : nothing}
    </section>`;
  }

  private renderCandidates() {
    const editingId = this.editing && 'candidate' in this.editing ? this.editing.candidate.id : undefined;
    return html`<section aria-labelledby="candidates-title">
      <h2 id="candidates-title">Praise to quote</h2>
      <p class="muted">Customers who agreed to be quoted, newest first.</p>
      ${this.candidatesError ? html`<p class="error" role="alert">Could not load the praise: ${this.candidatesError}</p>` : nothing}
      ${this.candidates.length
        ? html`<ul class="cards">
            ${this.candidates.map((c) => this.renderCandidate(c, c.id === editingId))}
          </ul>`
        : this.loaded && !this.candidatesError
          ? html`<p class="muted">No praise waiting: every consented message has its testimonial.</p>`
          : nothing}
      ${this.candidatesCursor
        ? html`<button type="button" @click=${() => this.client && this.loadCandidates(this.client, this.candidatesCursor!)}>
            Load more
          </button>`
        : nothing}
    </section>`;
  }

  private renderCandidate(c: Candidate, current: boolean) {
    const rating = ratingText(c);
    // The first line holds the message's marks.
    return html`<li class="card ${current ? 'current' : ''}" data-id=${c.id}>
      <p class="line">
        <span class="badge">${c.label === 'praise' ? 'Praise' : `${labelName(c.label)}, sent to PR`}</span>
        ${c.invitedAfter
          ? html`<a class="badge recovered" href="#feedback/${c.invitedAfter}" title="Their complaint was resolved, and they answered the invitation to say how it went"
              >Recovered customer</a
            >`
          : nothing}
        <time datetime=${c.createdAt}>${when(c.createdAt)}</time>
      </p>
      <p class="message">${excerpt(c.message, 280)}</p>
      ${c.suggestedQuote
        ? html`<p class="suggestion"><span class="muted">Suggested:</span> “${c.suggestedQuote}”</p>`
        : html`<p class="muted">No sentence to suggest: each has contact details or a link.</p>`}
      <p class="line">
        <span class="muted">${c.name ?? 'Anonymous'}${rating ? ` · ${rating}` : ''}</span>
        <button type="button" class=${current ? '' : 'primary'} aria-current=${current ? 'true' : 'false'} @click=${() => this.open({ candidate: c })}>
          Make a testimonial<span class="visually-hidden"> from ${c.name ?? 'Anonymous'}’s message</span>
        </button>
      </p>
    </li>`;
  }

  private renderTestimonials() {
    const editingId = this.editing && 'testimonialId' in this.editing ? this.editing.testimonialId : undefined;
    return html`<section aria-labelledby="testimonials-title">
      <h2 id="testimonials-title">Testimonials</h2>
      <fieldset class="statuses">
        <legend class="visually-hidden">Show</legend>
        ${TESTIMONIAL_STATUSES.map(
          (s) => html`<label>
            <input type="radio" name="status" value=${s} .checked=${s === this.testimonialStatus} @change=${() => this.showStatus(s)} />
            ${TESTIMONIAL_STATUS_NAMES[s]}
          </label>`,
        )}
      </fieldset>
      ${this.testimonialsError ? html`<p class="error" role="alert">Could not load the testimonials: ${this.testimonialsError}</p>` : nothing}
      ${this.testimonials.length
        ? html`<ul class="cards">
            ${this.testimonials.map(
              (t) => html`<li class="card ${t.id === editingId ? 'current' : ''}" data-id=${t.id}>
                <p class="message">“${excerpt(t.quote, 200)}”</p>
                ${t.status === 'approved' && !t.onWall
                  ? html`<p class="line"><span class="badge high">Off the wall: the customer no longer agrees to be quoted</span></p>`
                  : nothing}
                <p class="line">
                  <span class="muted">${t.author ?? 'No name'} · made ${when(t.createdAt)}</span>
                  <button type="button" aria-current=${t.id === editingId ? 'true' : 'false'} @click=${() => this.open({ testimonialId: t.id })}>
                    Open<span class="visually-hidden"> the testimonial “${excerpt(t.quote, 40)}”</span>
                  </button>
                </p>
              </li>`,
            )}
          </ul>`
        : html`<p class="muted">No ${TESTIMONIAL_STATUS_NAMES[this.testimonialStatus].toLowerCase()} testimonials.</p>`}
      ${this.testimonialsCursor
        ? html`<button type="button" @click=${() => this.client && this.loadTestimonials(this.client, this.testimonialsCursor!)}>
            Load more
          </button>`
        : nothing}
    </section>`;
  }
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
