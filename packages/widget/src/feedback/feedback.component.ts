import { LitElement, html, svg, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { FeedbackInput, Route } from '@tandem/sdk';
import type { TandemErrorDetail, TandemSubmitDetail } from '../events.js';
import { styles } from './feedback.styles.js';
import { strings } from './strings.js';
import { SubmitController } from './submit.controller.js';
import { listenForOpeners } from './openers.js';

const RATINGS = [1, 2, 3, 4, 5];
const starIcon = svg`<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M12 2.8l2.8 5.8 6.3.9-4.6 4.4 1.1 6.3L12 17.2l-5.6 3 1.1-6.3-4.6-4.4 6.3-.9z"/></svg>`;
const closeIcon = svg`<svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true"><path d="M6 6l12 12M18 6L6 18" stroke="currentColor" stroke-width="2" stroke-linecap="round"/></svg>`;

/**
 * A floating "Feedback" launcher that opens a modal form: a 1–5 star rating, a message, and
 * the offer to be quoted publicly (made to everyone, whatever their rating). Sends to Tandem
 * with the SDK and thanks the customer in words that fit where the message went.
 *
 * Also opened by any element with `data-tandem-open` (the site's own button), and by `open()`;
 * `launcher="none"` leaves the floating button out.
 *
 * @tagname tandem-feedback
 *
 * @event tandem-submit - The message was stored. `detail`: `{ id, label, routes }`.
 * @event tandem-error - The message was not sent; the form keeps the text. `detail`: `{ code }`.
 *
 * @csspart launcher - The floating "Feedback" button.
 * @csspart dialog - The modal `<dialog>`.
 * @csspart close-button - The dialog's "Close" (×) button.
 * @csspart form - The form: rating, message, consent and Send.
 * @csspart error - Why the last send failed (empty otherwise).
 * @csspart submit - The "Send" button.
 * @csspart thanks - The live region that holds the thank-you after a send.
 * @csspart done-button - The "Done" button under the thank-you.
 *
 * Right-to-left pages get a right-to-left form: the widget takes the page's direction.
 *
 * @cssproperty --tandem-accent - Launcher, stars, Send button and focus rings. Default `#4f46e5` (`#8b93ff` in dark mode).
 * @cssproperty --tandem-accent-text - Text on the accent colour. Default `#ffffff` (`#111111` in dark mode).
 * @cssproperty --tandem-text - Text colour. Default `#1f2328` (`#ececf1` in dark mode).
 * @cssproperty --tandem-muted - Borders and empty stars. Default `#6b7280` (`#9ca3af` in dark mode).
 * @cssproperty --tandem-surface - Dialog background. Default `#ffffff` (`#1f2023` in dark mode).
 * @cssproperty --tandem-radius - Corner radius. Default `12px`.
 * @cssproperty --tandem-font - Font family. Default the system UI font.
 * @cssproperty --tandem-z-index - Stacking of the launcher. Default `2147483000`.
 */
export class TandemFeedback extends LitElement {
  static override styles = styles;

  /** The site's publishable key, `pk_…`. */
  @property({ attribute: 'site-key' }) siteKey?: string;

  /** Where the Tandem worker runs, e.g. `https://feedback.example.com`. */
  @property() endpoint?: string;

  /** `floating` (default): a button in a corner of the page; `none`: the site opens the form itself. */
  @property({ reflect: true }) launcher: 'floating' | 'none' = 'floating';

  /** Which corner the floating button sits in. */
  @property({ reflect: true }) corner: 'bottom-right' | 'bottom-left' | 'top-right' | 'top-left' = 'bottom-right';

  /** The floating button's text; "Feedback" by default. */
  @property() label?: string;

  /** `auto` (default) follows the customer's light or dark system setting; `light` or `dark` fixes it. */
  @property({ reflect: true }) theme: 'auto' | 'light' | 'dark' = 'auto';

  @state() private rating?: number;
  @state() private message = '';
  @state() private publish = false;
  @state() private email = '';
  @state() private name = '';

  @query('dialog') private dialog!: HTMLDialogElement;
  @query('.launcher') private launcherButton?: HTMLButtonElement;
  @query('textarea') private textarea?: HTMLTextAreaElement;
  @query('.submit') private submitButton?: HTMLButtonElement;

  private sender = new SubmitController(this, () => ({ siteKey: this.siteKey, endpoint: this.endpoint }));

  /**
   * The page the customer was on when they opened the form. Taken once, so a retry after a
   * single-page app navigates sends the same message (and idempotency key) as the first try.
   */
  private pageUrl?: string;

  /** What opened the dialog, where focus goes back when it closes. */
  private opener?: HTMLElement;

  override connectedCallback(): void {
    super.connectedCallback();
    listenForOpeners();
  }

  /**
   * Opens the dialog, as the launcher does. Safe to call right after creating the element.
   * @param opener where focus returns on close; by default whatever had focus.
   */
  async open(opener?: HTMLElement): Promise<void> {
    const focused = deepActiveElement();
    await this.updateComplete;
    if (!this.isConnected || this.dialog.open) return;
    this.opener = opener ?? (focused instanceof HTMLElement && focused !== document.body ? focused : undefined);
    if (this.sender.status !== 'failed') this.pageUrl = currentPageUrl();
    this.dialog.showModal();
  }

  /** Closes the dialog; a message not yet sent stays in the form. */
  close(): void {
    this.dialog?.close();
  }

  override render() {
    const { status, result } = this.sender;
    return html`
      ${this.launcher === 'none'
        ? nothing
        : html`<button part="launcher" class="launcher" type="button" aria-haspopup="dialog" @click=${() => this.open()}>
            ${this.label || strings.launcher}
          </button>`}
      <dialog part="dialog" aria-labelledby="title" closedby="any" @close=${this.onClose}>
        <div class="head">
          <h2 id="title">${strings.title}</h2>
          <button part="close-button" class="close" type="button" aria-label=${strings.close} @click=${this.close}>
            ${closeIcon}
          </button>
        </div>
        ${status === 'sent' ? nothing : this.renderForm()}
        <div part="thanks" class="thanks" role="status" aria-live="polite">
          ${status === 'sent' && result ? html`<p tabindex="-1">${thanksFor(result.routes)}</p>` : nothing}
        </div>
        ${status === 'sent'
          ? html`<button part="done-button" class="done" type="button" @click=${this.close}>${strings.done}</button>`
          : nothing}
      </dialog>
    `;
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
        <button part="submit" class="submit" type="submit" ?disabled=${sending}>
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
      if (this.dialog.open) this.renderRoot.querySelector<HTMLElement>('.thanks p')?.focus();
    } else if (status === 'failed' && error) {
      this.emit<TandemErrorDetail>('tandem-error', { code: error.code });
      // Disabling the focused Send button dropped focus; give it back so Enter retries.
      const active = (this.renderRoot as ShadowRoot).activeElement;
      if (this.dialog.open && (!active || active === this.submitButton)) this.submitButton?.focus();
    }
  }

  private onClose() {
    if (this.sender.status === 'sent') {
      this.rating = undefined;
      this.message = '';
      this.publish = false;
      this.email = '';
      this.name = '';
      this.sender.reset();
    }
    // Focus goes back to what opened the dialog (the launcher, or the site's own button). Not all
    // browsers do it, nor after a mouse click that never focused it; leave focus alone if the page
    // moved it elsewhere meanwhile.
    const back = this.opener?.isConnected ? this.opener : this.launcherButton;
    this.opener = undefined;
    const active = document.activeElement;
    if (!active || active === document.body || active === this) back?.focus();
  }

  private emit<T>(type: string, detail: T) {
    this.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true, composed: true }));
  }
}

/** The focused element, looking into shadow roots (the site's button may live in one). */
function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
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
