import { LitElement, html, nothing, type PropertyValues } from 'lit';
import type { Category, FeedbackInput, Route } from '@tandem/sdk';
import type { TandemErrorDetail, TandemSubmitDetail } from '../events.js';
import type { FeedbackFormStrings } from './strings.js';
import type { LocalePack, TandemStringOverrides } from '../locales/locales.js';
import { styles } from './feedback-form.styles.js';
import { SubmitController } from './submit.controller.js';
import { accountId, context, pageUrl, siteMetadata, type PageUrlMode, type User } from './context.js';

export type RatingScale = 'stars' | 'faces' | 'scale' | 'none';

const CATEGORIES: Category[] = ['problem', 'question', 'idea', 'praise'];
/**
 * Face n of 5, drawn rather than an emoji (emoji fonts differ by system, and some have none): the
 * mouth bends from a frown (1) through a straight line (3) to a smile (5).
 */
const faceIcon = (n: number) =>
  html`<svg viewBox="0 0 24 24" aria-hidden="true"><circle cx="12" cy="12" r="9.5" /><path d="M9 9.5v1M15 9.5v1M8 ${16 - n + 3}Q12 ${16 + 2 * (n - 3)} 16 ${16 - n + 3}" /></svg>`;
const starIcon = html`<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M12 2.8l2.8 5.8 6.3.9-4.6 4.4 1.1 6.3L12 17.2l-5.6 3 1.1-6.3-4.6-4.4 6.3-.9z"/></svg>`;
// The site's setup is wrong (key, origins): nothing the customer can do about it.
const SETUP_ERRORS = new Set(['invalid_config', 'unauthorized', 'forbidden', 'origin_not_allowed']);

/**
 * The inside of `<tandem-feedback>`'s dialog: a rating, what it is about, the message, an
 * optional email and name, the offer to be quoted publicly, then the thank-you. Loaded only when
 * the dialog first opens (or the launcher is hovered or focused), so a page that never opens it
 * never downloads it or the SDK. Not meant to be used alone: `<tandem-feedback>` places it and
 * passes its settings and parts on.
 *
 * @tagname tandem-feedback-form
 */
export class TandemFeedbackForm extends LitElement {
  static override styles = styles;

  // Declared without decorators, whose helpers would cost the download more than they save.
  static override properties = {
    siteKey: { attribute: false },
    endpoint: { attribute: false },
    strings: { attribute: false },
    overrides: { attribute: false },
    scale: { attribute: false },
    askCategory: { attribute: false },
    pageUrlMode: { attribute: false },
    consentVersion: { attribute: false },
    metadata: { attribute: false },
    user: { attribute: false },
    inline: { type: Boolean },
    rating: { state: true },
    category: { state: true },
    message: { state: true },
    publish: { state: true },
    email: { state: true },
    name: { state: true },
  };

  siteKey?: string;
  endpoint?: string;
  /** Every word, in the customer's language. */
  strings?: LocalePack;
  /** The site's own words, over those (see TandemFeedback.strings). */
  overrides?: TandemStringOverrides;
  scale: RatingScale = 'stars';
  askCategory = true;
  pageUrlMode: PageUrlMode = 'path';
  consentVersion?: string;
  metadata?: Record<string, unknown>;
  user?: User;
  /** Shown in the page rather than in the dialog: a panel with its own title, open from the start. */
  inline = false;

  private rating?: number;
  private category?: Category;
  private message = '';
  private publish = false;
  private email = '';
  private name = '';

  #find = <E extends Element>(selector: string) => this.renderRoot.querySelector<E>(selector);

  #sender = new SubmitController(this, () => ({ siteKey: this.siteKey, endpoint: this.endpoint }));

  /**
   * The page the customer was on when they opened the form. Taken once, so a retry after a
   * single-page app navigates sends the same page as the first try.
   */
  #pageUrl?: string;
  /** When the form opened: how long it took to write is a spam signal the worker weighs. */
  #openedAt = 0;
  /** What opened the dialog, where focus goes back when it closes. */
  #opener?: HTMLElement;

  override connectedCallback(): void {
    super.connectedCallback();
    // Messages kept from an earlier failure (this page or an earlier one) go when they can.
    addEventListener('online', this.#flush);
    addEventListener('pagehide', this.#beacon);
    this.closest('dialog')?.addEventListener('close', this.#onDialogClose);
    this.#flush();
  }

  override firstUpdated(): void {
    if (this.inline) this.#opened();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('online', this.#flush);
    removeEventListener('pagehide', this.#beacon);
    this.closest('dialog')?.removeEventListener('close', this.#onDialogClose);
  }

  /**
   * Shows the form: opens its dialog, which takes focus, or, inline, takes the customer to it.
   * `<tandem-feedback>` calls it from open(), once this module has arrived.
   * @param opener where focus goes back when the dialog closes.
   */
  show(opener?: Element | null): void {
    const dialog = this.closest('dialog');
    if (!dialog) return void this.#find<HTMLElement>('textarea')?.focus();
    if (dialog.open) return;
    this.#opener = opener instanceof HTMLElement && opener !== document.body ? opener : undefined;
    this.#opened();
    dialog.showModal();
  }

  #onDialogClose = () => {
    this.#closed();
    // Focus goes back to what opened the dialog (the launcher, or the site's own button). Not all
    // browsers do it, nor after a mouse click that never focused it; leave focus alone if the page
    // moved it elsewhere meanwhile.
    const root = this.getRootNode() as ShadowRoot;
    const back = this.#opener?.isConnected ? this.#opener : root.querySelector<HTMLElement>('.launcher');
    this.#opener = undefined;
    const active = document.activeElement;
    if (!active || active === document.body || active === root.host) back?.focus();
  };

  #flush = () => void this.#waiting()?.flush();
  // The page is going away: a message still on its way or waiting is handed to sendBeacon.
  #beacon = () => this.#waiting()?.beacon();

  /** The outbox, when the site is configured and something waits in it. */
  #waiting() {
    try {
      const outbox = this.#sender.outbox();
      return outbox.pending() ? outbox : undefined;
    } catch {
      return undefined; // Not configured (yet): nothing can have been kept.
    }
  }

  /** The form is shown (the dialog opened, or inline, the page loaded it). */
  #opened(): void {
    // A send that finished after the dialog closed leaves its thank-you: start afresh.
    this.#closed();
    this.#pageUrl = pageUrl(this.pageUrlMode);
    // A form the customer already began keeps its start: a stray click may have closed it.
    if (!this.message) this.#openedAt = performance.now();
  }

  override willUpdate(changed: PropertyValues<this>): void {
    // What the site knows about the customer (identify()) fills the fields they have not changed
    // themselves; a new customer (or none, after sign-out) replaces what the last one left.
    if (changed.has('user')) {
      const before = changed.get('user') as User | undefined;
      // Cut to the fields' own limits: maxlength does not cut what a script sets.
      const email = (user?: User) => String(user?.email ?? '').slice(0, 254);
      const name = (user?: User) => String(user?.name ?? '').slice(0, 100);
      if (this.email === email(before)) this.email = email(this.user);
      if (this.name === name(before)) this.name = name(this.user);
    }
  }

  /** The dialog closed: after a send, the next customer starts from an empty form. */
  #closed(): void {
    if (this.#sender.status !== 'sent' && this.#sender.status !== 'queued') return;
    this.rating = this.category = undefined;
    this.message = this.email = this.name = '';
    this.publish = false;
    this.#sender.reset();
  }

  override render() {
    const t = this.#words();
    if (!t) return nothing;
    const { status, result } = this.#sender;
    const done = status === 'sent' || status === 'queued';
    return html`
      ${this.inline ? html`<h2 id="title">${t.title}</h2>` : nothing}
      ${done ? nothing : this.#renderForm(t)}
      <div part="thanks" class="thanks" role="status" aria-live="polite">
        ${status === 'queued' ? html`<p tabindex="-1">${t.queued}</p>` : nothing}
        ${status === 'sent' && result ? html`<p tabindex="-1">${thanksFor(result.routes, t)}</p>` : nothing}
        ${this.#sender.followUp === 'added' ? html`<p tabindex="-1">${t.followUpDone}</p>` : nothing}
      </div>
      ${status === 'sent' && result?.routes.includes('support') && !this.email.trim() ? this.#renderFollowUp(t) : nothing}
      ${done && !this.inline
        ? html`<button part="done-button" class="done accent" type="button" @click=${this.#done}>${t.done}</button>`
        : nothing}
    `;
  }

  /** The customer's language with the site's words over it; the groups (thanks, categories) word by word. */
  #words(): LocalePack | undefined {
    const { strings: t, overrides: mine } = this;
    return (
      t && {
        ...t,
        ...mine,
        thanks: { ...t.thanks, ...mine?.thanks },
        categories: { ...t.categories, ...mine?.categories },
      }
    );
  }

  /** Support will want to answer: a customer who left no email may still add one. */
  #renderFollowUp(t: FeedbackFormStrings) {
    const { followUp } = this.#sender;
    if (followUp === 'added') return nothing;
    return html`<form class="field follow-up" @submit=${this.#onFollowUp}>
      <label for="follow-up-email">${t.followUpEmail}</label>
      <div class="row">
        <input id="follow-up-email" name="email" type="email" autocomplete="email" maxlength="254" required />
        <button class="accent" type="submit" ?disabled=${followUp === 'sending'}>${t.followUpAdd}</button>
      </div>
      <p class="error" role="alert">${followUp === 'failed' ? t.followUpFailed : nothing}</p>
    </form>`;
  }

  async #onFollowUp(event: SubmitEvent) {
    event.preventDefault();
    const email = this.#find<HTMLInputElement>('#follow-up-email')?.value.trim();
    if (!email) return;
    await this.#sender.addEmail(email);
    // The form gives way to its confirmation: read it out, where focus was.
    if (this.#sender.followUp === 'added') {
      this.email = email;
      await this.updateComplete;
      this.#find<HTMLElement>('.thanks p:last-child')?.focus();
    }
  }

  #done() {
    this.closest('dialog')?.close();
  }

  #renderForm(t: FeedbackFormStrings) {
    const sending = this.#sender.status === 'sending';
    return html`
      <form part="form" aria-labelledby=${this.inline ? 'title' : nothing} aria-busy=${sending ? 'true' : 'false'} @submit=${this.#onSubmit}>
        ${this.#renderRating(t)}
        ${this.askCategory
          ? html`<div class="field">
              <label for="category">${t.category}</label>
              <select id="category" name="category" @change=${this.#onCategoryChange}>
                <option value="" ?selected=${!this.category}>${t.categoryNone}</option>
                ${CATEGORIES.map(
                  (c) => html`<option value=${c} ?selected=${this.category === c}>${t.categories[c]}</option>`,
                )}
              </select>
            </div>`
          : nothing}
        <div>
          <label for="message">${t.message}</label>
          <textarea
            id="message"
            name="message"
            rows="5"
            maxlength="5000"
            required
            .value=${this.message}
            @input=${this.#onMessageInput}
            @keydown=${this.#onMessageKeydown}
          ></textarea>
        </div>
        <div class="field">
          <label for="email">${t.email}</label>
          <p class="hint" id="email-hint">${t.emailHint}</p>
          <input
            id="email"
            name="email"
            type="email"
            autocomplete="email"
            maxlength="254"
            aria-describedby="email-hint"
            .value=${this.email}
            @input=${(e: InputEvent) => (this.email = (e.target as HTMLInputElement).value)}
          />
        </div>
        <div class="field">
          <label for="name">${t.name}</label>
          <input
            id="name"
            name="name"
            autocomplete="name"
            maxlength="100"
            .value=${this.name}
            @input=${(e: InputEvent) => (this.name = (e.target as HTMLInputElement).value)}
          />
        </div>
        <label class="consent">
          <input type="checkbox" name="publish" .checked=${this.publish} @change=${this.#onPublishChange} />
          ${t.consent}
        </label>
        <!-- A field people never see or reach; software that fills in every field fills it too. -->
        <div class="trap" inert aria-hidden="true">
          <label>Website <input name="website" autocomplete="off" tabindex="-1" /></label>
        </div>
        <p part="error" class="error" role="alert">${this.#errorText(t)}</p>
        <button part="submit" class="submit accent" type="submit" ?disabled=${sending}>
          ${sending ? t.sending : t.send}
        </button>
      </form>
    `;
  }

  /** Radio buttons, whatever the scale: arrow keys move between them, as in any radio group. */
  #renderRating(t: FeedbackFormStrings) {
    if (this.scale === 'none') return nothing;
    const scale = this.scale === 'scale';
    const options = scale ? [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] : [1, 2, 3, 4, 5];
    const chosen = this.rating ?? -1;
    return html`<fieldset aria-describedby=${scale ? 'scale-hint' : nothing}>
      <legend>${scale ? t.scaleLegend : t.ratingLegend}</legend>
      ${scale ? html`<p class="hint" id="scale-hint">${t.scaleHint}</p>` : nothing}
      <div class="options ${this.scale}">
        ${options.map((n) => {
          // Stars fill up to the chosen one; faces and numbers mark only the one chosen.
          const on = this.scale === 'stars' ? n <= chosen : n === chosen;
          const face =
            this.scale === 'stars'
              ? html`${starIcon}<span class="sr">${t.stars(n)}</span>`
              : this.scale === 'faces'
                ? html`${faceIcon(n)}<span class="sr">${t.faces[n - 1]}</span>`
                : html`<span>${n}</span>`;
          return html`<label class="option ${on ? 'on' : ''}">
            <input type="radio" name="rating" value=${n} .checked=${this.rating === n} @change=${() => (this.rating = n)} />${face}
          </label>`;
        })}
      </div>
    </fieldset>`;
  }

  #errorText(t: FeedbackFormStrings) {
    const { error } = this.#sender;
    if (!error) return nothing;
    // The SDK's messages are for developers, in English; customers get their own language.
    if (SETUP_ERRORS.has(error.code)) return t.notConfigured;
    return error.retryable ? t.notConfirmed : `${t.notSent} ${t.checkInput}`;
  }

  #onCategoryChange(event: Event) {
    this.category = ((event.target as HTMLSelectElement).value || undefined) as Category | undefined;
  }

  #onMessageInput(event: InputEvent) {
    const textarea = event.target as HTMLTextAreaElement;
    textarea.setCustomValidity('');
    this.message = textarea.value;
  }

  // Enter adds a line; Ctrl/Cmd+Enter sends, as in most chat and mail apps.
  #onMessageKeydown(event: KeyboardEvent) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      (event.target as HTMLTextAreaElement).form?.requestSubmit();
    }
  }

  #onPublishChange(event: Event) {
    this.publish = (event.target as HTMLInputElement).checked;
  }

  async #onSubmit(event: SubmitEvent) {
    event.preventDefault();
    if (this.#sender.status === 'sending') return;
    const message = this.message.trim();
    if (!message) {
      // `required` lets a message of only spaces through; the API would refuse it.
      this.#find<HTMLTextAreaElement>('textarea')?.setCustomValidity(this.#words()!.messageRequired);
      this.#find<HTMLTextAreaElement>('textarea')?.reportValidity();
      return;
    }
    await this.#sender.submit(this.#input(message));
    await this.updateComplete;
    const { status, result, error } = this.#sender;
    if (status === 'sent' || status === 'queued') {
      if (result) {
        const { id, label, routes } = result;
        this.#emit<TandemSubmitDetail>('tandem-submit', { id, label, routes });
      } else this.#emit('tandem-queued', undefined);
      this.renderRoot.querySelector<HTMLElement>('.thanks p')?.focus();
    } else if (status === 'failed' && error) {
      this.#emit<TandemErrorDetail>('tandem-error', { code: error.code });
      // Disabling the focused Send button dropped focus; give it back so Enter retries.
      const active = (this.renderRoot as ShadowRoot).activeElement;
      const submit = this.#find<HTMLButtonElement>('.submit');
      if (!active || active === submit) submit?.focus();
    }
  }

  /** Everything one message carries: what the customer wrote and where they wrote it. */
  #input(message: string): FeedbackInput {
    const input: FeedbackInput = {
      message,
      consent: { publish: this.publish, ...(this.consentVersion && { version: this.consentVersion }) },
      context: context(),
      signals: { honeypot: this.#find<HTMLInputElement>('.trap input')?.value ?? '', elapsedMs: Math.round(performance.now() - this.#openedAt) },
    };
    if (this.rating !== undefined) input[this.scale === 'scale' ? 'score' : 'rating'] = this.rating;
    if (this.category) input.category = this.category;
    if (this.email.trim()) input.email = this.email.trim();
    if (this.name.trim()) input.name = this.name.trim();
    if (this.#pageUrl) input.pageUrl = this.#pageUrl;
    const metadata = siteMetadata(this.metadata);
    if (metadata) input.metadata = metadata;
    // Only the site's id for the customer: the email and name are what the form holds, which the
    // customer may have changed or cleared.
    const id = accountId(this.user);
    if (id) input.user = { id };
    return input;
  }

  #emit<T>(type: string, detail: T) {
    this.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true, composed: true }));
  }
}

function thanksFor(routes: readonly Route[], t: FeedbackFormStrings): string {
  if (routes.includes('support')) return t.thanks.support;
  if (routes.includes('product')) return t.thanks.product;
  if (routes.includes('pr')) return t.thanks.pr;
  return t.thanksDefault;
}
