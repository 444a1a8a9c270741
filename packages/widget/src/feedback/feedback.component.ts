import { LitElement, html, svg, nothing } from 'lit';
import type { TandemFeedbackForm } from '../feedback-form/feedback-form.component.js';
import { styles } from './feedback.styles.js';
import { strings } from './strings.js';
import { listenForOpeners } from './openers.js';

const closeIcon = svg`<svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true"><path d="M6 6l12 12M18 6L6 18" stroke="currentColor" stroke-width="2" stroke-linecap="round"/></svg>`;

/**
 * A floating "Feedback" launcher that opens a modal form: a 1–5 star rating, a message, an
 * optional email and name, and the offer to be quoted publicly (made to everyone, whatever their
 * rating). Sends to Tandem with the SDK and thanks the customer in words that fit where the
 * message went. The form itself (`<tandem-feedback-form>`) is loaded on first use.
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
 * @csspart form - The form: rating, message, email, name, consent and Send.
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

  // Declared without decorators: this element is the script tag's first download, and the
  // decorator helpers would add to it (the form, loaded later, uses them).
  static override properties = {
    siteKey: { attribute: 'site-key' },
    endpoint: {},
    launcher: { reflect: true },
    corner: { reflect: true },
    label: {},
    theme: { reflect: true },
    formReady: { state: true },
    formFailed: { state: true },
  };

  /** The site's publishable key, `pk_…`. */
  siteKey?: string;

  /** Where the Tandem worker runs, e.g. `https://feedback.example.com`. */
  endpoint?: string;

  /** `floating` (default): a button in a corner of the page; `none`: the site opens the form itself. */
  launcher: 'floating' | 'none' = 'floating';

  /** Which corner the floating button sits in. */
  corner: 'bottom-right' | 'bottom-left' | 'top-right' | 'top-left' = 'bottom-right';

  /** The floating button's text; "Feedback" by default. */
  label?: string;

  /** `auto` (default) follows the customer's light or dark system setting; `light` or `dark` fixes it. */
  theme: 'auto' | 'light' | 'dark' = 'auto';

  /** Whether the form's module has arrived (it is loaded on first use, see loadForm). */
  private formReady = false;
  /** The form's module could not be loaded (offline before it ever arrived). */
  private formFailed = false;

  private get dialog(): HTMLDialogElement {
    return this.renderRoot.querySelector('dialog')!;
  }

  private get launcherButton(): HTMLButtonElement | null {
    return this.renderRoot.querySelector('.launcher');
  }

  private get form(): TandemFeedbackForm | null {
    return this.renderRoot.querySelector('tandem-feedback-form');
  }

  private formLoading?: Promise<void>;
  /** Counts open() and close() calls, so an open that waited on the network knows it was cancelled. */
  private openRequest = 0;

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
    // A close() while the form is still on its way cancels this open.
    const request = ++this.openRequest;
    await this.prefetch();
    await this.updateComplete;
    await this.form?.updateComplete;
    if (request !== this.openRequest || !this.isConnected || this.dialog.open) return;
    this.opener = opener ?? (focused instanceof HTMLElement && focused !== document.body ? focused : undefined);
    this.form?.opened();
    this.dialog.showModal();
  }

  /**
   * Fetches the form (and the SDK it sends with) ahead of open(): the launcher and the site's own
   * buttons call it as soon as the customer heads for them. Pages that never open it never
   * download it.
   */
  prefetch = (): Promise<void> =>
    (this.formLoading ??= import('../feedback-form/feedback-form.js').then(
      () => {
        this.formReady = true;
        this.formFailed = false;
      },
      () => {
        // Try again next time; meanwhile the dialog says why it is empty.
        this.formLoading = undefined;
        this.formFailed = true;
      },
    ));

  /** Closes the dialog (or cancels an open still loading); a message not yet sent stays in the form. */
  close(): void {
    this.openRequest++;
    this.renderRoot?.querySelector('dialog')?.close();
  }

  override render() {
    return html`<div class="root">
      ${this.launcher === 'none'
        ? nothing
        : html`<button
            part="launcher"
            class="launcher accent"
            type="button"
            aria-haspopup="dialog"
            @click=${() => this.open()}
            @pointerenter=${this.prefetch}
            @focus=${this.prefetch}
          >
            ${this.label || strings.launcher}
          </button>`}
      <dialog part="dialog" aria-labelledby="title" closedby="any" @close=${this.onClose}>
        <div class="head">
          <h2 id="title">${strings.title}</h2>
          <button part="close-button" class="close" type="button" aria-label=${strings.close} @click=${this.close}>
            ${closeIcon}
          </button>
        </div>
        ${this.formReady
          ? html`<tandem-feedback-form
              .siteKey=${this.siteKey}
              .endpoint=${this.endpoint}
              exportparts="form, error, submit, thanks, done-button"
            ></tandem-feedback-form>`
          : html`<p part="error" class="error" role="alert">${this.formFailed ? strings.notLoaded : nothing}</p>`}
      </dialog>
    </div>`;
  }

  private onClose() {
    this.form?.closed();
    // Focus goes back to what opened the dialog (the launcher, or the site's own button). Not all
    // browsers do it, nor after a mouse click that never focused it; leave focus alone if the page
    // moved it elsewhere meanwhile.
    const back = this.opener?.isConnected ? this.opener : this.launcherButton;
    this.opener = undefined;
    const active = document.activeElement;
    if (!active || active === document.body || active === this) back?.focus();
  }
}

/** The focused element, looking into shadow roots (the site's button may live in one). */
function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}
