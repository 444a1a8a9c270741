import { LitElement, html, svg, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { FeedbackInput, Route } from '@tandem/sdk';
import type { TandemErrorDetail, TandemSubmitDetail } from '../events.js';
import { strings } from './strings.js';
import { styles } from './feedback-form.styles.js';
import { SubmitController } from './submit.controller.js';

const RATINGS = [1, 2, 3, 4, 5];
const starIcon = svg`<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M12 2.8l2.8 5.8 6.3.9-4.6 4.4 1.1 6.3L12 17.2l-5.6 3 1.1-6.3-4.6-4.4 6.3-.9z"/></svg>`;

/**
 * The inside of `<tandem-feedback>`'s dialog: rating, message, optional email and name, the offer
 * to be quoted publicly, then the thank-you. Loaded only when the dialog first opens (or the
 * launcher is hovered or focused), so a page that never opens it never downloads it or the SDK.
 * Not meant to be used alone: `<tandem-feedback>` places it and passes its parts on.
 *
 * @tagname tandem-feedback-form
 */
export class TandemFeedbackForm extends LitElement {
  static override styles = styles;

  @property({ attribute: false }) siteKey?: string;
  @property({ attribute: false }) endpoint?: string;

  @state() private rating?: number;
  @state() private message = '';
  @state() private publish = false;
  @state() private email = '';
  @state() private name = '';

  @query('textarea') private textarea?: HTMLTextAreaElement;
  @query('.submit') private submitButton?: HTMLButtonElement;

  private sender = new SubmitController(this, () => ({ siteKey: this.siteKey, endpoint: this.endpoint }));

  /**
   * The page the customer was on when they opened the form. Taken once, so a retry after a
   * single-page app navigates sends the same message (and idempotency key) as the first try.
   */
  private pageUrl?: string;

  /** The dialog opened. */
  opened(): void {
    // A send that finished after the dialog closed leaves its thank-you: start afresh.
    this.closed();
    if (this.sender.status !== 'failed') this.pageUrl = currentPageUrl();
  }

  /** The dialog closed: after a send, the next customer starts from an empty form. */
  closed(): void {
    if (this.sender.status !== 'sent') return;
    this.rating = undefined;
    this.message = '';
    this.publish = false;
    this.email = '';
    this.name = '';
    this.sender.reset();
  }

  override render() {
    const { status, result } = this.sender;
    return html`
      ${status === 'sent' ? nothing : this.renderForm()}
      <div part="thanks" class="thanks" role="status" aria-live="polite">
        ${status === 'sent' && result ? html`<p tabindex="-1">${thanksFor(result.routes)}</p>` : nothing}
      </div>
      ${status === 'sent'
        ? html`<button part="done-button" class="done accent" type="button" @click=${this.done}>${strings.done}</button>`
        : nothing}
    `;
  }

  private done() {
    this.closest('dialog')?.close();
  }

  private renderForm() {
    const sending = this.sender.status === 'sending';
    const rating = this.rating ?? 0;
    return html`
      <form part="form" aria-busy=${sending ? 'true' : 'false'} @submit=${this.onSubmit}>
        <fieldset>
          <legend>${strings.ratingLegend}</legend>
          <div class="stars">
            ${RATINGS.map(
              (n) => html`
                <label class="star ${n <= rating ? 'on' : ''}">
                  <input
                    type="radio"
                    name="rating"
                    value=${n}
                    .checked=${this.rating === n}
                    @change=${() => (this.rating = n)}
                  />${starIcon}<span class="sr">${strings.stars(n)}</span>
                </label>
              `,
            )}
          </div>
        </fieldset>
        <div>
          <label for="message">${strings.message}</label>
          <textarea
            id="message"
            name="message"
            rows="5"
            maxlength="5000"
            required
            .value=${this.message}
            @input=${this.onMessageInput}
            @keydown=${this.onMessageKeydown}
          ></textarea>
        </div>
        <div class="field">
          <label for="email">${strings.email}</label>
          <p class="hint" id="email-hint">${strings.emailHint}</p>
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
          <label for="name">${strings.name}</label>
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
          <input type="checkbox" name="publish" .checked=${this.publish} @change=${this.onPublishChange} />
          ${strings.consent}
        </label>
        <p part="error" class="error" role="alert">${this.errorText()}</p>
        <button part="submit" class="submit accent" type="submit" ?disabled=${sending}>
          ${sending ? strings.sending : strings.send}
        </button>
      </form>
    `;
  }

  private errorText() {
    const { error } = this.sender;
    if (!error) return nothing;
    // The SDK's configuration message is for developers; customers only need to know it cannot work.
    if (error.code === 'invalid_config') return strings.notConfigured;
    return error.retryable ? strings.notConfirmed : `${strings.notSent} ${error.message}`;
  }

  private onMessageInput(event: InputEvent) {
    const textarea = event.target as HTMLTextAreaElement;
    textarea.setCustomValidity('');
    this.message = textarea.value;
  }

  // Enter adds a line; Ctrl/Cmd+Enter sends, as in most chat and mail apps.
  private onMessageKeydown(event: KeyboardEvent) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      (event.target as HTMLTextAreaElement).form?.requestSubmit();
    }
  }

  private onPublishChange(event: Event) {
    this.publish = (event.target as HTMLInputElement).checked;
  }

  private async onSubmit(event: SubmitEvent) {
    event.preventDefault();
    if (this.sender.status === 'sending') return;
    const message = this.message.trim();
    if (!message) {
      // `required` lets a message of only spaces through; the API would refuse it.
      this.textarea?.setCustomValidity(strings.messageRequired);
      this.textarea?.reportValidity();
      return;
    }
    const input: FeedbackInput = { message, consent: { publish: this.publish } };
    if (this.rating) input.rating = this.rating;
    if (this.email.trim()) input.email = this.email.trim();
    if (this.name.trim()) input.name = this.name.trim();
    if (this.pageUrl) input.pageUrl = this.pageUrl;

    await this.sender.submit(input);
    await this.updateComplete;
    const { status, result, error } = this.sender;
    if (status === 'sent' && result) {
      const { id, label, routes } = result;
      this.emit<TandemSubmitDetail>('tandem-submit', { id, label, routes });
      this.renderRoot.querySelector<HTMLElement>('.thanks p')?.focus();
    } else if (status === 'failed' && error) {
      this.emit<TandemErrorDetail>('tandem-error', { code: error.code });
      // Disabling the focused Send button dropped focus; give it back so Enter retries.
      const active = (this.renderRoot as ShadowRoot).activeElement;
      if (!active || active === this.submitButton) this.submitButton?.focus();
    }
  }

  private emit<T>(type: string, detail: T) {
    this.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true, composed: true }));
  }
}

function thanksFor(routes: readonly Route[]): string {
  if (routes.includes('support')) return strings.thanks.support;
  if (routes.includes('product')) return strings.thanks.product;
  if (routes.includes('pr')) return strings.thanks.pr;
  return strings.thanksDefault;
}

/**
 * The page's address without the query and hash, which may hold private data. The API refuses
 * the whole message for an address that is not http(s) or over 2048 characters: leave those out.
 */
function currentPageUrl(): string | undefined {
  const url = location.origin + location.pathname;
  return /^https?:$/.test(location.protocol) && url.length <= 2048 ? url : undefined;
}
