/**
 * Approved testimonials, cached at the edge: a wall on every page of a busy site asks for the
 * same list, which changes only when PR approves or withdraws one. A Worker's own answers never
 * reach Cloudflare's CDN cache (Cache-Control only guides browsers), so the list is kept with the
 * Cache API, one entry per site, in the data centre that served it (on a custom domain: on
 * workers.dev the Cache API keeps nothing).
 */
import type { Testimonial } from '../schemas/testimonial.js';
import { MAX_TESTIMONIALS } from '../db/testimonials.js';

/** How long a cached list is served before D1 is asked again. */
export const TESTIMONIALS_TTL_SECONDS = 60;

// Never fetched: a name for the cache entry, one per site, whatever `limit` a wall asks for.
// Workers' default cache; typed here too for programs that see the browser's CacheStorage.
const edgeCache = () => (caches as CacheStorage & { default: Cache }).default;
const cacheKey = (siteId: string) => new Request(`https://cache.tandem.invalid/testimonials/${encodeURIComponent(siteId)}`);

/**
 * The site's approved testimonials (the first `MAX_TESTIMONIALS`), from the edge cache when it has
 * them; `hit` says which.
 */
export async function cachedTestimonials(
  siteId: string,
  load: () => Promise<Testimonial[]>,
): Promise<{ testimonials: Testimonial[]; hit: boolean }> {
  const cache = edgeCache();
  const cached = await cache.match(cacheKey(siteId));
  if (cached) return { testimonials: (await cached.json()) as Testimonial[], hit: true };
  const testimonials = await load();
  await cache.put(
    cacheKey(siteId),
    Response.json(testimonials, { headers: { 'cache-control': `max-age=${TESTIMONIALS_TTL_SECONDS}` } }),
  );
  return { testimonials, hit: false };
}

/**
 * Forget a site's cached list: call it whenever one of its testimonials is approved, edited or
 * withdrawn. Only this data centre's copy goes; the others expire within the TTL.
 */
export async function forgetTestimonials(siteId: string): Promise<void> {
  await edgeCache().delete(cacheKey(siteId));
}
