import { LitElement, adoptStyles, html, nothing, type PropertyValues } from 'lit';
import type { RatingScale, TandemFeedbackForm } from '../feedback-form/feedback-form.component.js';
import type { PageUrlMode, User } from '../feedback-form/context.js';
import { styles } from './feedback.styles.js';
import { strings } from './strings.js';
import { listenForOpeners } from './openers.js';
import { launcherWord, loadLocale, pickLanguage, type Language, type LocalePack, type TandemStringOverrides } from '../locales/locales.js';


/**
 * A floating "Feedback" launcher that opens a modal form: a rating (stars, faces or 0–10), what
 * it is about, the message, an optional email and name, and the offer to be quoted publicly
 * (made to everyone, whatever their rating). Sends to Tandem through the SDK's outbox, so a
 * message that cannot go yet is kept and sent later, and thanks the customer in words that fit
 * where it went. The form itself is loaded on first use, in the customer's language (English,
 * Spanish, French, German or Portuguese: the element's or page's `lang`, else the browser's).
 * Right-to-left pages get a right-to-left form.
 *
 * Also opened by any element with `data-tandem-open` (the site's own button), and by `open()`;
 * `launcher="none"` leaves the floating button out, and `inline` shows the form in the page
 * where the element stands instead.
 *
 * @tagname tandem-feedback
 *
 * @attr lang - The language to speak: `en`, `es`, `fr`, `de` or `pt` (a region such as `pt-BR` is fine). By default the page's (`<html lang>`), else the customer's browser's, else English.
 *
 * @event tandem-submit - The message was stored. `detail`: `{ id, label, routes }`.
 * @event tandem-queued - The message could not be sent yet; it is kept in the browser and sent automatically (when back online, or on the next page load). No `detail`.
 * @event tandem-error - The message was neither sent nor kept; the form keeps the text. `detail`: `{ code }`.
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
    inline: { type: Boolean, reflect: true },
    corner: { reflect: true },
    label: {},
    theme: { reflect: true },
    rating: {},
    category: {},
    pageUrl: { attribute: 'page-url' },
    consentVersion: { attribute: 'consent-version' },
    metadata: { attribute: false },
    strings: { attribute: false },
  };

  /** The site's publishable key, `pk_…`. */
  siteKey?: string;

  /** Where the Tandem worker runs, e.g. `https://feedback.example.com`. */
  endpoint?: string;

  /** `floating` (default): a button in a corner of the page; `none`: the site opens the form itself. */
  launcher: 'floating' | 'none' = 'floating';

  /**
   * The form itself, where the element stands (with its title; no launcher, no dialog), loaded
   * as soon as the element is on the page. Reserve its room in your CSS (see the README).
   */
  inline = false;

  /** Which corner the floating button sits in. */
  corner: 'bottom-right' | 'bottom-left' | 'top-right' | 'top-left' = 'bottom-right';

  /** The floating button's text; "Feedback" by default. */
  label?: string;

  /** `auto` (default) follows the customer's light or dark system setting; `light` or `dark` fixes it. */
  theme: 'auto' | 'light' | 'dark' = 'auto';

  /** The rating the form asks for: `stars` (1–5, default), `faces` (1–5), `scale` (0–10) or `none`. */
  rating: RatingScale = 'stars';

  /** `optional` (default): the customer may say what it is about (problem, question, idea, praise); `none` leaves it out. */
  category: 'optional' | 'none' = 'optional';

  /** How much of the page's address is sent: `path` (default; no query or hash), `full` (with the query) or `none`. */
  pageUrl: PageUrlMode = 'path';

  /**
   * The version of the consent text ("You may quote me publicly"), stored with each answer so
   * you can tell what a customer agreed to. Change it when you change `strings.consent`.
   */
  consentVersion = 'tandem-1';

  /** Your own context sent with each message: up to 20 keys, each a short string, number, boolean or null. */
  metadata?: Record<string, string | number | boolean | null>;

  /**
   * Your own words for any of the widget's texts, e.g. `{ title: 'Tell us anything' }`; the rest
   * stay in the customer's language. See TandemStringOverrides for every key.
   */
  strings?: TandemStringOverrides;

  /** Who the customer is, as the site knows them (see identify). */
  #user?: User;

  /** The form's module could not be loaded (offline before it ever arrived). */
  #formFailed = false;

  get #form(): TandemFeedbackForm | null {
    return this.renderRoot.querySelector('tandem-feedback-form');
  }

  #formLoading?: Promise<void>;
  /** The language the form is (being) loaded in, and its words once they arrived with the form. */
  #language?: Language;
  #pack?: LocalePack;
  /** Counts open() and close() calls, so an open that waited on the network knows it was cancelled. */
  #openRequest = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    listenForOpeners();
  }

  override willUpdate(changed: PropertyValues<this>): void {
    // Inline, the form shows at once. Elsewhere, a message kept from an earlier visit (offline,
    // or the page closed while it was sending) loads the form, which sends what waits; pages with
    // nothing waiting download nothing more. (The key may come later, from the script tag.)
    if (this.inline || (changed.has('siteKey') && waiting(this.siteKey))) void this.prefetch();
  }

  /**
   * Tells Tandem who the customer is, e.g. after they sign in: sent with each message, and the
   * email and name fill the form's fields (the customer can still change them). Call it with no
   * argument when they sign out.
   */
  identify(user?: User): void {
    this.#user = user;
    this.requestUpdate();
  }

  /**
   * Opens the dialog, as the launcher does (inline, it takes the customer to the form). Safe to
   * call right after creating the element.
   * @param opener where focus returns on close; by default whatever had focus.
   */
  async open(opener?: HTMLElement): Promise<void> {
    // Read now: what had focus before the customer pressed anything that waits on the network.
    const focused = deepActiveElement();
    // A close() while the form is still on its way cancels this open.
    const request = ++this.#openRequest;
    await this.prefetch();
    await this.updateComplete;
    await this.#form?.updateComplete;
    if (request !== this.#openRequest || !this.isConnected) return;
    // The dialog's behaviour (focus in and back out) comes with the form (TandemFeedbackForm.show);
    // when the form could not be loaded, the dialog still opens to say so.
    if (this.#form) this.#form.show(opener ?? focused);
    else this.renderRoot.querySelector('dialog')?.showModal();
  }

  /**
   * Fetches the form (and the SDK it sends with) ahead of open(): the launcher and the site's own
   * buttons call it as soon as the customer heads for them. Pages that never open it never
   * download it.
   */
  prefetch(): Promise<void> {
    const language = pickLanguage(this);
    // The page's language changed: load the form's words anew; only the latest load counts.
    if (language !== this.#language) {
      this.#language = language;
      this.#formLoading = undefined;
    }
    return (this.#formLoading ??= Promise.all([import('../feedback-form/feedback-form.js'), loadLocale(language)]).then(
      ([{ dialogStyles }, pack]) => {
        if (language !== this.#language) return;
        if (!this.#pack) adoptStyles(this.renderRoot as ShadowRoot, [...TandemFeedback.elementStyles, dialogStyles]);
        this.#pack = pack;
        this.#formFailed = false;
        this.requestUpdate();
      },
      () => {
        if (language !== this.#language) return;
        // Try again next time; meanwhile the dialog says why it is empty.
        this.#formLoading = undefined;
        this.#formFailed = true;
        this.requestUpdate();
      },
    ));
  }

  /** Closes the dialog (or cancels an open still loading); a message not yet sent stays in the form. */
  close(): void {
    this.#openRequest++;
    this.renderRoot?.querySelector('dialog')?.close();
  }

  override render() {
    const language = pickLanguage(this);
    const t = { ...strings, launcher: launcherWord(language), ...this.#pack, ...this.strings };
    const form = this.#pack
      ? html`<tandem-feedback-form
          .siteKey=${this.siteKey}
          .endpoint=${this.endpoint}
          .strings=${this.#pack}
          .overrides=${this.strings}
          .scale=${this.rating}
          .askCategory=${this.category !== 'none'}
          .pageUrlMode=${this.pageUrl}
          .consentVersion=${this.consentVersion}
          .metadata=${this.metadata}
          .user=${this.#user}
          ?inline=${this.inline}
          exportparts="form, error, submit, thanks, done-button"
        ></tandem-feedback-form>`
      : html`<p part="error" class="error" role="alert">${this.#formFailed ? t.notLoaded : nothing}</p>`;
    return html`<div class="root" lang=${language}>
      ${this.inline
        ? form
        : html`${this.launcher === 'none'
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
                  ${this.label || t.launcher}
                </button>`}
            <dialog part="dialog" aria-labelledby="title" closedby="any">
              <div class="head">
                <h2 id="title">${t.title}</h2>
                <button part="close-button" class="close" type="button" aria-label=${t.close} @click=${this.close}>
                  ×
                </button>
              </div>
              ${form}
            </dialog>`}
    </div>`;
  }
}

/**
 * Whether messages wait in this browser to be sent (storage may be blocked: then none can). The
 * key is the SDK's outboxStorageKey, written out: importing the SDK here would put all of it in
 * the script tag's first download.
 */
function waiting(siteKey?: string): boolean {
  try {
    return Object.keys(localStorage).some((key) => key.startsWith(`tandem-outbox:${siteKey}:`));
  } catch {
    return false;
  }
}

/** The focused element, looking into shadow roots (the site's button may live in one). */
function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}
