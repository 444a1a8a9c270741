import { LitElement, html, nothing } from 'lit';
import type { Testimonial } from '@tandem/worker/types';
import { strings } from './strings.js';
import { styles } from './testimonials.styles.js';
import { TestimonialsController } from './testimonials.controller.js';
import { displayName } from './names.js';

// Drawn by the stylesheet (stroke, size). Their buttons are named by aria-label, so screen
// readers skip the drawings anyway.
// A whole <svg> element: html`` parses it as SVG, so Lit's svg`` tag is not needed.
const icon = (d: string) => html`<svg viewBox="0 0 24 24"><path d=${d} /></svg>`;
const back = icon('M15 5l-7 7 7 7');
const forward = icon('M9 5l7 7-7 7');
const pause = icon('M8 5v14M16 5v14');
const play = icon('M8 5l11 7-11 7z');

/**
 * A wall of the testimonials PR approved for the site, from `GET /v1/testimonials` (a public,
 * cacheable answer): a grid, a list or a carousel of quotes with the customer's name (or
 * initials), their rating when they gave one, and the date. Captioned "Selected testimonials":
 * readers should know these were picked.
 *
 * It reserves its space before the testimonials arrive (`limit` cards, or one slide), so the page
 * does not move when they do; fewer testimonials than `limit`, or none, leave that space empty
 * rather than collapse it under the reader. Before the element is even defined, reserve it from
 * the page: `tandem-testimonials:not(:defined) { display: block; min-height: … }` (see README).
 *
 * The carousel follows the WAI-ARIA carousel pattern: previous and next buttons, arrow keys, and
 * only if the site asks (`autoplay`) a rotation that stops for hover and keyboard focus, has a
 * stop/start button, and never runs for customers who prefer reduced motion.
 *
 * With `structured-data="product"` and `product-name`, it also writes the quotes as schema.org
 * Reviews of that product in a `<script type="application/ld+json">` beside the element (search
 * engines do not read shadow roots). Only on a product's page: Google ignores reviews a business
 * publishes about itself on its organization or local-business pages (self-serving reviews), so
 * the wall emits no markup for those, and never an aggregateRating of selected quotes.
 *
 * @tagname tandem-testimonials
 *
 * @event tandem-load - The testimonials arrived. `detail`: `{ count }` (0 for an empty wall).
 * @event tandem-error - They could not be loaded; the wall stays empty. `detail`: `{ code }`.
 *
 * @csspart base - The wall: a `<section>` labelled by its caption (the carousel's region).
 * @csspart label - The "Selected testimonials" caption.
 * @csspart card - One testimonial (a `<figure>`).
 * @csspart rating - Its stars, read as "Rated n out of 5".
 * @csspart quote - The customer's words (a `<blockquote>`).
 * @csspart author - The name, initials or "Anonymous customer".
 * @csspart date - When it was published.
 * @csspart button - Each of the carousel's buttons.
 * @csspart rotation-button - Stop / start the automatic slide show (only with `autoplay`).
 * @csspart previous-button - Previous testimonial.
 * @csspart next-button - Next testimonial.
 *
 * Right-to-left pages get a right-to-left wall: it takes the page's direction.
 *
 * @cssproperty --tandem-accent - Stars and focus rings. Default `#4f46e5` (`#8b93ff` in dark mode).
 * @cssproperty --tandem-text - Text colour. Default `#1f2328` (`#ececf1` in dark mode).
 * @cssproperty --tandem-muted - Dates, borders and empty stars. Default `#6b7280` (`#9ca3af` in dark mode).
 * @cssproperty --tandem-surface - Card background. Default `#ffffff` (`#1f2023` in dark mode).
 * @cssproperty --tandem-radius - Corner radius. Default `12px`.
 * @cssproperty --tandem-font - Font family. Default the system UI font.
 * @cssproperty --tandem-card-min-height - Height reserved for each card: `16rem` in the grid, `10rem` in the list; the whole carousel's, `20rem`.
 * @cssproperty --tandem-card-min-width - Narrowest column of the grid. Default `16rem`.
 */
export class TandemTestimonials extends LitElement {
  static override styles = styles;

  // Without decorators, as in <tandem-feedback>: the script tag's download stays small.
  static override properties = {
    siteKey: { attribute: 'site-key' },
    endpoint: {},
    layout: {},
    limit: { type: Number },
    names: {},
    label: {},
    theme: {},
    autoplay: { type: Boolean },
    structuredData: { attribute: 'structured-data' },
    productName: { attribute: 'product-name' },
    current: { state: true },
    playing: { state: true },
    hovered: { state: true },
  };

  /** The site's publishable key, `pk_…`; `tandem.js` sets the script tag's on walls without one. */
  siteKey?: string;

  /** Where the Tandem worker runs, e.g. `https://feedback.example.com`; `tandem.js` sets it too. */
  endpoint?: string;

  /** `grid` (default), `list`, or `carousel` (one testimonial at a time). */
  layout: 'grid' | 'list' | 'carousel' = 'grid';

  /** How many testimonials to show (1–50), and so how much room to reserve. Default 6. */
  limit = 6;

  /** `full` (default): the name the customer agreed to show; `initials`: only its initials. */
  names: 'full' | 'initials' = 'full';

  /** The caption; "Selected testimonials" by default. Keep it saying that they were selected. */
  label?: string;

  /** `auto` (default) follows the customer's light or dark system setting; `light` or `dark` fixes it. */
  theme: 'auto' | 'light' | 'dark' = 'auto';

  /** Carousel only: move on to the next testimonial every 7 seconds (never under reduced motion). */
  autoplay = false;

  /**
   * `product` adds the testimonials to the page as schema.org Reviews of `productName`; only on
   * that product's own page (see structured-data.ts). Nothing else is emitted.
   */
  structuredData?: string;

  /** The product the reviews are about, for `structured-data="product"`. */
  productName?: string;

  /** The carousel's slide in view. */
  private current = 0;
  /** The rotation the customer wants: on until they stop it, or move keyboard focus into the carousel. */
  private playing = true;
  /** A pointer rests on the carousel: rotation waits. */
  private hovered = false;

  #timer?: ReturnType<typeof setTimeout>;

  #data = new TestimonialsController(this, () => ({
    siteKey: this.siteKey,
    endpoint: this.endpoint,
    limit: this.#shown(),
  }));

  /** The testimonials on the wall (empty until they arrive), most recently approved first. */
  get testimonials(): readonly Testimonial[] {
    return (this.#data.items ?? []).slice(0, this.#shown());
  }

  override render() {
    const items = this.testimonials;
    const carousel = this.layout === 'carousel';
    // While loading, and for a wall with nothing to show, the same boxes stay, invisible and
    // hidden from screen readers. Any layout but list and carousel is a grid; any theme but
    // light and dark is auto.
    return html`<section
      part="base"
      class="root ${this.layout} ${this.theme}"
      aria-labelledby="label"
      aria-roledescription=${carousel ? 'carousel' : nothing}
      aria-hidden=${items.length ? nothing : 'true'}
      @keydown=${this.#onKeydown}
      @focusin=${this.#onFocusin}
      @pointerenter=${this.#onPointer}
      @pointerleave=${this.#onPointer}
    >
      <p id="label" part="label" class="label">${this.label || strings.label}</p>
      ${carousel ? this.#renderCarousel(items) : this.#renderCards(items)}
    </section>`;
  }

  #renderCards(items: readonly Testimonial[]) {
    const fillers = Array.from({ length: this.#shown() - items.length });
    return html`<ul role="list">
      ${items.map((t) => html`<li>${this.#card(t)}</li>`)}${fillers.map(() => html`<li aria-hidden="true"></li>`)}
    </ul>`;
  }

  #renderCarousel(items: readonly Testimonial[]) {
    const n = items.length;
    return html`${n > 1
        ? html`<div class="controls">
            ${this.#canRotate()
              ? html`<button part="button rotation-button" aria-label=${this.playing ? strings.stop : strings.start} @click=${this.#toggle}>
                  ${this.playing ? pause : play}
                </button>`
              : nothing}
            <button part="button previous-button" aria-label=${strings.previous} @click=${this.#previous}>${back}</button>
            <button part="button next-button" aria-label=${strings.next} @click=${this.#next}>${forward}</button>
          </div>`
        : nothing}
      <div class="slides" aria-live=${this.#rotating() ? 'off' : 'polite'}>
        ${items.map(
          (t, i) => html`<div class="slide ${i === this.current % n ? 'current' : ''}" role="group" aria-roledescription="slide" aria-label=${strings.slide(i + 1, n)}>
            ${this.#card(t)}
          </div>`,
        )}
      </div>`;
  }

  #card(t: Testimonial) {
    // Whole stars; repeat() drops a fraction.
    const rating = Math.min(5, t.rating ?? 0);
    let date = t.approvedAt;
    try {
      // The page's language; the UTC day, as published.
      date = new Date(date).toLocaleDateString((this.closest('[lang]') as HTMLElement | null)?.lang, DATE);
    } catch {
      // Not a language tag (or lang=""): the ISO date is still a date.
      date = date.slice(0, 10);
    }
    return html`<figure part="card" class="card">
      ${rating > 0
        ? html`<div part="rating" class="stars" role="img" aria-label=${strings.rated(rating)}><span class="on">${'★'.repeat(rating)}</span>${'★'.repeat(5 - rating)}</div>`
        : nothing}
      <blockquote part="quote">${t.quote}</blockquote>
      <figcaption>
        <span part="author" class="author">${displayName(t.author, this.names === 'initials') ?? strings.anonymous}</span>
        <time part="date" datetime=${t.approvedAt}>${date}</time>
      </figcaption>
    </figure>`;
  }

  /** How many testimonials the wall shows and reserves room for: `limit`, within what the API serves. */
  #shown(): number {
    return Math.min(50, Math.max(1, this.limit | 0 || 6));
  }

  #canRotate(): boolean {
    return this.autoplay && !matchMedia('(prefers-reduced-motion: reduce)').matches;
  }

  #rotating(): boolean {
    return this.layout === 'carousel' && this.#canRotate() && this.playing && !this.hovered && this.testimonials.length > 1;
  }

  #go(step: number) {
    const n = this.testimonials.length;
    if (n) this.current = (this.current + step + n) % n;
  }

  #previous = () => this.#go(-1);
  #next = () => this.#go(1);

  #toggle() {
    this.playing = !this.playing;
  }

  #onKeydown(event: KeyboardEvent) {
    const step = { ArrowLeft: -1, ArrowRight: 1 }[event.key];
    if (this.layout !== 'carousel' || !step) return;
    event.preventDefault();
    // On a right-to-left page the next testimonial is to the left.
    this.#go(getComputedStyle(this).direction === 'rtl' ? -step : step);
  }

  // WAI-ARIA carousel: keyboard focus inside stops the rotation until the customer starts it again.
  #onFocusin(event: FocusEvent) {
    if ((event.target as Element).matches(':focus-visible')) this.playing = false;
  }

  #onPointer(event: PointerEvent) {
    this.hovered = event.type === 'pointerenter';
  }

  protected override updated(): void {
    clearTimeout(this.#timer);
    if (this.#rotating()) this.#timer = setTimeout(this.#next, 7000);
    this.#markUp();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#timer);
    this.#markUp();
  }

  /** schema.org markup, from a module fetched only by walls that ask for it. */
  #markUp() {
    if (this.structuredData) void import('./structured-data.js').then((m) => m.markUp(this));
  }
}

const DATE = { dateStyle: 'medium', timeZone: 'UTC' } as const;
