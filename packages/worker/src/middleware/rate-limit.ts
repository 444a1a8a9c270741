import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { sha256 } from '../lib/hash.js';

// The limiter's period in wrangler.toml: a client refused now may try again after it.
const PERIOD_SECONDS = 60;

/**
 * Limits each client per site on the public routes (the publishable key is public, so anyone
 * can use it). The client is keyed by a hash of its IP address, never the address itself.
 * Runs after the key check, so it knows the site.
 */
export function rateLimit(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const ip = c.req.header('cf-connecting-ip') ?? 'unknown';
    const client = await sha256(`${c.get('site').id}:${ip}`);
    const { success } = await c.env.PUBLIC_LIMITER.limit({ key: client });
    if (!success) {
      throw new ApiError('rate_limited', `Too many requests; try again in ${PERIOD_SECONDS} seconds.`, {
        headers: { 'Retry-After': String(PERIOD_SECONDS) },
      });
    }
    await next();
  };
}
