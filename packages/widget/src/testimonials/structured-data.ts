/**
 * `structured-data="product"`: the wall's testimonials as schema.org `Review`s of one `Product`,
 * in a `<script type="application/ld+json">` right after the element, in the page's own DOM
 * (search engines do not read shadow roots). A module of its own, fetched only by walls that ask.
 *
 * Only for a product's own page. Google ignores reviews that a business publishes about itself on
 * its organization or local-business pages ("self-serving reviews"), and a wall on a home or
 * about page is exactly that; product pages are where review markup is allowed. Other values
 * ("organization", "local-business"…) emit nothing.
 *
 * No `aggregateRating`: these are quotes PR selected, and an average of only the selected ones
 * would overstate the product (Tandem's aggregate ratings count every rating, published or not).
 * A review needs a named author, so unnamed quotes are left out; names appear as the wall shows
 * them (initials when it shows initials).
 */
import type { TandemTestimonials } from './testimonials.component.js';
import { displayName } from './names.js';

const scripts = new WeakMap<TandemTestimonials, HTMLScriptElement>();
const warned = new WeakSet<TandemTestimonials>();

/** Writes, updates or removes the wall's markup to match the wall (removed once it leaves the page). */
export function markUp(wall: TandemTestimonials): void {
  const { structuredData: type, productName, testimonials } = wall;
  if (type && type !== 'product' && !warned.has(wall)) {
    warned.add(wall);
    console.warn(`Tandem: structured-data="${type}" emits nothing; only "product", on a product's own page.`);
  }
  const json = wall.isConnected && type === 'product' && productName ? productJson(productName, testimonials, wall.names === 'initials') : undefined;
  let script = scripts.get(wall);
  if (!json) {
    script?.remove();
    scripts.delete(wall);
    return;
  }
  if (!script) {
    script = document.createElement('script');
    script.type = 'application/ld+json';
    scripts.set(wall, script);
  }
  if (script.textContent !== json) script.textContent = json;
  if (wall.nextElementSibling !== script) wall.after(script);
}

/** The JSON for one product and its reviews; undefined when no testimonial can be a review. */
export function productJson(product: string, testimonials: TandemTestimonials['testimonials'], initials: boolean): string | undefined {
  const review = testimonials.flatMap((t) => {
    const name = displayName(t.author, initials);
    if (!name) return [];
    return {
      '@type': 'Review',
      reviewBody: t.quote,
      datePublished: t.approvedAt.slice(0, 10),
      author: { '@type': 'Person', name },
      ...(t.rating && { reviewRating: { '@type': 'Rating', ratingValue: t.rating, bestRating: 5, worstRating: 1 } }),
    };
  });
  if (!review.length) return undefined;
  // "</script>" inside a quote must not end the script if the page is ever saved as HTML.
  return JSON.stringify({ '@context': 'https://schema.org', '@type': 'Product', name: product, review }).replace(/</g, '\\u003c');
}
