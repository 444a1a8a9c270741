/**
 * API keys. Publishable keys (pk_…) are public: they identify a site from its web pages and
 * may only send feedback and read approved testimonials, from the site's allowed origins.
 * Secret keys (sk_…) belong on servers and in the dashboard, each with one role.
 */
import type { MiddlewareHandler } from 'hono';
import { findKey, type ApiKey, type KeyKind, type Role } from '../db/keys.js';
import type { AppContext, AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import type { ByWhom } from '../schemas/inbox.js';

/** The key from `Authorization: Bearer …`, if any. */
function bearer(c: AppContext): string | undefined {
  const header = c.req.header('authorization');
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match) throw new ApiError('unauthorized', 'Send the key as "Authorization: Bearer <key>".');
  return match[1];
}

const WRONG_KIND: Record<KeyKind, string> = {
  publishable: 'This route takes the site’s publishable key (pk_…). Never put a secret key in a web page.',
  secret: 'This route takes a secret key (sk_…).',
};

/**
 * Publishable keys this isolate looked up lately, so most POST /v1/feedback skip a D1 round trip
 * (half their cost). A revoked key, or a site's changed origins, reach other isolates within
 * KEY_CACHE_MS; the routes that change them call forgetKeys() for their own. Secret keys are
 * always read afresh: a leaked one must stop at once, everywhere. Unknown keys are not
 * remembered, so a new key works at once.
 */
export const KEY_CACHE_MS = 30_000;
const MAX_CACHED_KEYS = 1_000;
const recentKeys = new Map<string, { found: ApiKey; until: number }>();
// Bumped by forgetKeys: a lookup that began before it must not cache what it read.
let generation = 0;

/** Forget the cached keys (of one site, or all): after a key is revoked or a site changes. */
export function forgetKeys(siteId?: string): void {
  generation++;
  for (const [key, { found }] of recentKeys) if (!siteId || found.site.id === siteId) recentKeys.delete(key);
}

async function lookUp(c: AppContext, key: string, kind: KeyKind): Promise<ApiKey | null> {
  if (kind === 'secret') return findKey(c.env.DB, key);
  const cached = recentKeys.get(key);
  if (cached && cached.until > Date.now()) return cached.found;
  const started = generation;
  const found = await findKey(c.env.DB, key);
  recentKeys.delete(key);
  if (found && started === generation) {
    // Oldest first out: a Map iterates in insertion order.
    if (recentKeys.size >= MAX_CACHED_KEYS) recentKeys.delete(recentKeys.keys().next().value!);
    recentKeys.set(key, { found, until: Date.now() + KEY_CACHE_MS });
  }
  return found;
}

async function liveKey(c: AppContext, key: string | undefined, kind: KeyKind): Promise<ApiKey> {
  const prefix = kind === 'publishable' ? 'pk_' : 'sk_';
  if (!key) throw new ApiError('unauthorized', `Missing API key: send "Authorization: Bearer ${prefix}…".`);
  // The prefix answers the common mistake without a query; the stored kind is what counts.
  if (!key.startsWith(prefix)) throw new ApiError('unauthorized', WRONG_KIND[kind]);
  const found = await lookUp(c, key, kind);
  if (!found) throw new ApiError('unauthorized', 'Unknown or revoked API key.');
  if (found.kind !== kind) throw new ApiError('unauthorized', WRONG_KIND[kind]);
  return found;
}

export interface PublishableKeyOptions {
  /**
   * Also takes requests from the worker's own origin when this says yes: the invitation page
   * (/how-did-it-go/…) is served there, not on the site. The route must then check what made it
   * say yes.
   */
  ownOriginIf?: (c: AppContext) => boolean | Promise<boolean>;
}

/**
 * Public routes: the publishable key from the Authorization header, or else the `siteKey` query
 * parameter (GETs, which stay cacheable) or the JSON body's `siteKey` (POSTs: sendBeacon cannot
 * set headers). Two different keys in one request are refused rather than one picked.
 * Requests from a browser must come from one of the site's allowed origins; requests with no
 * Origin come from servers and apps, which a publishable key also serves.
 */
export function publishableKey({ ownOriginIf }: PublishableKeyOptions = {}): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = bearer(c);
    const other = c.req.method === 'GET' ? c.req.query('siteKey') : await siteKeyInBody(c);
    if (header && other && header !== other) {
      throw new ApiError('invalid_request', 'The Authorization header and siteKey name different keys.');
    }
    const { site } = await liveKey(c, header ?? other, 'publishable');
    const origin = c.req.header('origin');
    const own = origin === new URL(c.req.url).origin && ownOriginIf !== undefined && (await ownOriginIf(c));
    if (origin !== undefined && !site.origins.includes(origin) && !own) {
      throw new ApiError(
        'origin_not_allowed',
        `${origin} is not an allowed origin of this site; add it to the site's allowed origins.`,
      );
    }
    c.set('site', site);
    await next();
  };
}

async function siteKeyInBody(c: AppContext): Promise<string | undefined> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new ApiError('invalid_request', 'The body is not valid JSON.');
  }
  const siteKey = (body as { siteKey?: unknown } | null)?.siteKey;
  return typeof siteKey === 'string' ? siteKey : undefined;
}

/** Private routes: a secret key, with one of the given roles. */
export function secretKey(...roles: Role[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { id, role, site } = await liveKey(c, bearer(c), 'secret');
    if (!roles.includes(role!)) {
      throw new ApiError('forbidden', `A ${role} key may not do this; it needs one of: ${roles.join(', ')}.`);
    }
    c.set('site', site);
    c.set('secretKey', { id, role: role! });
    await next();
  };
}

/** Who is acting on a private route, for the log: the secret key, its role and the person named. */
export function byWhom(c: AppContext, actor: string | undefined): ByWhom {
  const { id, role } = c.get('secretKey');
  return { keyId: id, role, actor: actor ?? null };
}
