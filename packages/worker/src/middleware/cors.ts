/**
 * CORS for browsers calling the API from a site's pages.
 *
 * A preflight carries no key, so it can only be answered by origin: an origin some site allows
 * gets the CORS headers, any other gets none and the browser stops there. The key-checking
 * middleware then holds each request to its own site's list (a 403 otherwise), server-side,
 * because a request without a preflight (sendBeacon, a plain form) reaches us regardless.
 */
import { cors } from 'hono/cors';
import { isAllowedOriginOfAnySite } from '../db/sites.js';
import type { Bindings } from '../env.js';

// Origins change rarely; remembering answers for a minute saves a D1 read on most requests.
// Only CORS headers depend on this: the per-site check reads the key's site, remembered for at
// most KEY_CACHE_MS (middleware/keys.ts) and forgotten when the site's origins change.
const TTL_MS = 60_000;
const known = new Map<string, { allowed: boolean; until: number }>();

export const siteCors = () =>
  cors({
    origin: async (origin, c) => {
      if (!origin) return null;
      const hit = known.get(origin);
      if (hit && hit.until > Date.now()) return hit.allowed ? origin : null;
      const allowed = await isAllowedOriginOfAnySite((c.env as Bindings).DB, origin);
      if (known.size > 1000) known.clear();
      known.set(origin, { allowed, until: Date.now() + TTL_MS });
      return allowed ? origin : null;
    },
    allowMethods: ['GET', 'POST', 'PATCH'],
    allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key'],
    exposeHeaders: ['X-Request-Id', 'Retry-After', 'Idempotent-Replayed'],
    // Chromium caps this at two hours; one preflight then covers a whole visit.
    maxAge: 7200,
  });

/**
 * Forget what this isolate remembers of origins, after a site's list changed: its own next
 * preflight reads D1 again. Other isolates catch up within TTL_MS.
 */
export function forgetKnownOrigins(): void {
  known.clear();
}
