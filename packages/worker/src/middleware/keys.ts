/**
 * API keys. Publishable keys (pk_…) are public: they identify a site from its web pages and
 * may only send feedback and read approved testimonials, from the site's allowed origins.
 * Secret keys (sk_…) belong on servers and in the dashboard, each with one role.
 */
import type { MiddlewareHandler } from 'hono';
import { findKey, type ApiKey, type Role } from '../db/keys.js';
import type { AppContext, AppEnv } from '../env.js';
import { ApiError } from '../errors.js';

/** The key from `Authorization: Bearer …`, if any. */
function bearer(c: AppContext): string | undefined {
  const header = c.req.header('authorization');
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match) throw new ApiError('unauthorized', 'Send the key as "Authorization: Bearer <key>".');
  return match[1];
}

async function liveKey(c: AppContext, key: string | undefined, expected: 'pk_' | 'sk_'): Promise<ApiKey> {
  if (!key) {
    throw new ApiError('unauthorized', `Missing API key: send "Authorization: Bearer ${expected}…".`);
  }
  if (!key.startsWith(expected)) {
    throw new ApiError(
      'unauthorized',
      expected === 'pk_'
        ? 'This route takes the site’s publishable key (pk_…). Never put a secret key in a web page.'
        : 'This route takes a secret key (sk_…).',
    );
  }
  const found = await findKey(c.env.DB, key);
  if (!found) throw new ApiError('unauthorized', 'Unknown or revoked API key.');
  return found;
}

/**
 * Public routes: the publishable key from the Authorization header, the `siteKey` query
 * parameter (cacheable GETs) or the JSON body's `siteKey` (sendBeacon cannot set headers).
 * Requests from a browser must come from one of the site's allowed origins; requests with no
 * Origin come from servers and apps, which a publishable key also serves.
 */
export function publishableKey(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    let key = bearer(c) ?? c.req.query('siteKey');
    if (!key && c.req.method === 'POST') {
      let body: unknown;
      try {
        body = await c.req.json();
      } catch {
        throw new ApiError('invalid_request', 'The body is not valid JSON.');
      }
      const siteKey = (body as { siteKey?: unknown } | null)?.siteKey;
      if (typeof siteKey === 'string') key = siteKey;
    }
    const { site } = await liveKey(c, key, 'pk_');
    const origin = c.req.header('origin');
    if (origin !== undefined && !site.origins.includes(origin)) {
      throw new ApiError(
        'origin_not_allowed',
        `${origin} is not an allowed origin of this site; add it to the site's allowed origins.`,
      );
    }
    c.set('site', site);
    await next();
  };
}

/** Private routes: a secret key, with one of the given roles. */
export function secretKey(...roles: Role[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { id, role, site } = await liveKey(c, bearer(c), 'sk_');
    if (!roles.includes(role!)) {
      throw new ApiError('forbidden', `A ${role} key may not do this; it needs one of: ${roles.join(', ')}.`);
    }
    c.set('site', site);
    c.set('secretKey', { id, role: role! });
    await next();
  };
}
