import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { TandemError, type AdminClient } from '@tandem/sdk/admin';
import { dashboardEvent, type Candidate, type TestimonialDetail } from '../events.js';
import { ratingText, when } from '../format.js';
import { styles } from './testimonial-editor.styles.js';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'sentence' });

/** A message's sentences as written (trimmed), as the API splits them for its suggestion. */
export const sentencesOf = (message: string): string[] =>
  [...segmenter.segment(message)].map((s) => s.segment.trim()).filter((s) => s.length > 0);

export const TESTIMONIAL_STATUS_NAMES = { draft: 'Draft', approved: 'Approved', withdrawn: 'Withdrawn' } as const;
const ACTIONS = { create: 'Made', edit: 'Edited', approve: 'Approved', withdraw: 'Withdrawn' } as const;

/**
 * Making or editing one testimonial, with the customer's original words always beside it: a
 * sentence of the message picked with a click (the suggested one to start with), the quote and
 * author edited, saved as a draft, approved or withdrawn; every saved edit in the history below.
 *
 * Give it `candidate` (a message with no testimonial yet) or `testimonialId`.
 *
 * @event tandem-testimonial-changed - The testimonial as the API answered after a change made here.
 * @event tandem-announce - What happened, for the screen reader.
 * @tagname tandem-testimonial-editor
 */
export class TandemTestimonialEditor extends LitElement {
  static override styles = styles;

  @property({ attribute: false }) client?: AdminClient;
  @property({ attribute: false }) actor = '';
  /** The message to make a testimonial from. */
  @property({ attribute: false }) candidate?: Candidate;
  /** The testimonial to edit. */
  @property({ attribute: false }) testimonialId?: string;

  @state() private detail?: TestimonialDetail;
  @state() private quote = '';
  @state() private author = '';
  @state() private busy = false;
  @state() private error = '';
  private loading = 0;

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('candidate') && this.candidate) {
      // A testimonial still loading was picked before this praise: its answer must not replace it.
      this.loading++;
      this.detail = undefined;
      this.quote = this.candidate.suggestedQuote ?? '';
      this.author = this.candidate.name ?? '';
      this.error = '';
    }
    if ((changed.has('testimonialId') || changed.has('client')) && this.testimonialId && this.client) {
      if (this.detail?.id !== this.testimonialId) void this.load(this.client, this.testimonialId);
    }
  }

  /** Puts keyboard focus on the editor's heading, e.g. after it opens. */
  override focus(): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('h2')?.focus());
  }

  private async load(client: AdminClient, id: string) {
    const run = ++this.loading;
    this.error = '';
    try {
      const detail = await client.testimonials.get(id);
      if (run === this.loading) this.show(detail);
    } catch (e) {
      if (run === this.loading) this.error = `Could not load the testimonial: ${messageOf(e)}`;
    }
  }

  private show(detail: TestimonialDetail) {
    this.detail = detail;
    this.quote = detail.quote;
    this.author = detail.author ?? '';
  }

  /** The original words: the candidate's message, or the testimonial's source. */
  private get original(): string | undefined {
    return this.candidate && !this.detail ? this.candidate.message : this.detail?.source?.message;
  }

  private get dirty(): boolean {
    if (!this.detail) return true;
    return this.quote.trim() !== this.detail.quote || (this.author.trim() || null) !== this.detail.author;
  }

  /** Runs one change against the API; the answer becomes what the editor shows. */
  private async change(what: string, call: (client: AdminClient) => Promise<TestimonialDetail>) {
    if (!this.client || this.busy) return;
    this.busy = true;
    this.error = '';
    try {
      const detail = await call(this.client);
      this.show(detail);
      this.dispatchEvent(dashboardEvent('tandem-testimonial-changed', detail));
      this.dispatchEvent(dashboardEvent('tandem-announce', { message: what }));
    } catch (e) {
      this.error = messageOf(e);
    } finally {
      this.busy = false;
    }
  }

  private actorField() {
    return this.actor ? { actor: this.actor } : {};
  }

  private save = (event: Event) => {
    event.preventDefault();
    const quote = this.quote.trim();
    const author = this.author.trim() || null;
    if (!quote) {
      this.error = 'Write the words the wall should show.';
      return;
    }
    const detail = this.detail;
    if (!detail) {
      const feedbackId = this.candidate!.id;
      void this.change('Saved as a draft.', (c) => c.testimonials.create({ feedbackId, quote, author, ...this.actorField() }));
    } else if (this.dirty) {
      void this.change('Changes saved.', (c) => c.testimonials.edit(detail.id, { quote, author, ...this.actorField() }));
    }
  };

  private approve = () => {
    const id = this.detail!.id;
    const edit = this.dirty ? { quote: this.quote.trim(), author: this.author.trim() || null } : undefined;
    void this.change('Approved: it is on the wall.', async (c) => {
      if (edit) await c.testimonials.edit(id, { ...edit, ...this.actorField() });
      return c.testimonials.approve(id, this.actorField());
    });
  };

  private withdraw = () => {
    const id = this.detail!.id;
    void this.change('Withdrawn: it is off the wall.', (c) => c.testimonials.withdraw(id, this.actorField()));
  };

  override render() {
    if (!this.candidate && !this.testimonialId) return nothing;
    const detail = this.detail;
    const original = this.original;
    if (this.testimonialId && !detail) {
      return html`<p class=${this.error ? 'error' : 'muted'} role=${this.error ? 'alert' : nothing}>${this.error || 'Loading…'}</p>`;
    }
    const picked = this.quote.trim();
    return html`
      <h2 tabindex="-1">
        ${detail ? 'Testimonial' : 'New testimonial'}
        ${detail ? html`<span class="badge status ${detail.status}">${TESTIMONIAL_STATUS_NAMES[detail.status]}</span>` : nothing}
      </h2>
      <div class="sides">
        <section class="original" aria-labelledby="original-title">
          <h3 id="original-title">The customer’s words</h3>
          ${original === undefined
            ? html`<p class="muted">
                The message was deleted (retention or the customer’s request)${detail?.status === 'approved'
                  ? '; the quote stays as approved. Withdrawing it is for good: with no message left to show the customer’s consent, it could not be approved again, and it is deleted the next night.'
                  : `. With no message left to show the customer’s consent, this quote cannot go on the wall again${
                      detail?.status === 'withdrawn' ? '; it is deleted the next night' : ''
                    }.`}
              </p>`
            : html`<p class="muted hint" id="pick-hint">Pick a sentence to quote it.</p>
                <blockquote aria-describedby="pick-hint">
                  ${sentencesOf(original).map(
                    // No whitespace inside the button: its name is the sentence exactly.
                    (sentence) =>
                      html`<button type="button" class="sentence" aria-pressed=${sentence === picked ? 'true' : 'false'} @click=${() => this.pick(sentence)}>${sentence}</button> `,
                  )}
                </blockquote>`}
          ${this.renderProvenance()}
        </section>
        <form @submit=${this.save} aria-labelledby="form-title">
          <h3 id="form-title">On the wall</h3>
          <label for="quote">Quote</label>
          <textarea id="quote" rows="5" maxlength="5000" .value=${this.quote} @input=${(e: Event) => (this.quote = (e.target as HTMLTextAreaElement).value)}></textarea>
          <label for="author">Author <span class="muted">(leave empty to show none)</span></label>
          <input id="author" type="text" maxlength="100" .value=${this.author} @input=${(e: Event) => (this.author = (e.target as HTMLInputElement).value)} />
          ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
          <div class="actions">
            <button type="submit" class=${detail ? '' : 'primary'} ?disabled=${this.busy || (detail && !this.dirty)}>
              ${detail ? 'Save changes' : 'Save as draft'}
            </button>
            ${detail && detail.status !== 'approved' && detail.source
              ? html`<button type="button" class="primary" ?disabled=${this.busy} @click=${this.approve}>Approve</button>`
              : nothing}
            ${detail?.status === 'approved'
              ? html`<button type="button" ?disabled=${this.busy} @click=${this.withdraw}>Withdraw</button>`
              : nothing}
          </div>
        </form>
      </div>
      ${detail ? this.renderHistory(detail) : nothing}
    `;
  }

  private pick(sentence: string) {
    this.quote = sentence;
    this.dispatchEvent(dashboardEvent('tandem-announce', { message: `Quote: ${sentence}` }));
  }

  private renderProvenance() {
    const source = this.detail ? this.detail.source : this.candidate;
    if (!source) return nothing;
    const rating = ratingText(source);
    const consent = source.consent;
    return html`<p class="muted provenance">
      ${this.candidate && !this.detail ? html`${this.candidate.name ?? 'Anonymous'} · ` : nothing}${rating ? html`${rating} · ` : nothing}
      ${consent.givenAt ? html`agreed to be quoted ${when(consent.givenAt)}` : 'agreed to be quoted'}${consent.version
        ? ` (consent text ${consent.version})`
        : ''}
    </p>`;
  }

  private renderHistory(detail: TestimonialDetail) {
    return html`<section class="history" aria-labelledby="history-title">
      <h3 id="history-title">History</h3>
      <ol>
        ${detail.history.map(
          (h) => html`<li>
            <span class="line"
              ><strong>${ACTIONS[h.action]}</strong> <time datetime=${h.at}>${when(h.at)}</time> · ${h.by.actor ?? 'no name'}
              <span class="muted">(${h.by.role} key)</span></span
            >
            ${h.action === 'create' || h.action === 'edit' ? this.renderEdit(h.before, h.after) : nothing}
          </li>`,
        )}
      </ol>
    </section>`;
  }

  private renderEdit(before: { quote: string; author: string | null } | null, after: { quote: string; author: string | null }) {
    const quoteChanged = !before || before.quote !== after.quote;
    const authorChanged = !before || before.author !== after.author;
    return html`<dl>
      ${quoteChanged
        ? html`${before ? html`<dt>Quote before</dt><dd class="before">${before.quote}</dd>` : nothing}<dt>Quote</dt><dd>${after.quote}</dd>`
        : nothing}
      ${authorChanged
        ? html`${before ? html`<dt>Author before</dt><dd class="before">${before.author ?? 'none'}</dd>` : nothing}<dt>Author</dt><dd>${after.author ?? 'none'}</dd>`
        : nothing}
    </dl>`;
  }
}

function messageOf(e: unknown): string {
  if (e instanceof TandemError) return e.detail ?? e.message;
  return e instanceof Error ? e.message : String(e);
}
