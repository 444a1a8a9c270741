// The SDK's admin client takes its types from the routes, so programs that only know the browser's
// globals compile this file too: name the Workers types it needs here.
/// <reference types="@cloudflare/workers-types" />
import type { Context, MiddlewareHandler } from 'hono';
import type { Site } from './db/sites.js';
import type { SecretKey } from './db/keys.js';
import type { DeliveryMessage } from './delivery/queue.js';

/** The worker's bindings, as declared in wrangler.toml. */
export interface Bindings {
  DB: D1Database;
  PUBLIC_LIMITER: RateLimit;
  /** Deliveries to send (each message a delivery id); this worker consumes it too. */
  DELIVERIES: Queue<DeliveryMessage>;
  /** The dead-letter queue: deliveries given up on after their last attempt. */
  DEAD_LETTERS: Queue<DeliveryMessage>;
  /** Where deliveries link to: DASHBOARD_URL + /feedback/{id}; empty for this worker's origin + /dashboard. */
  DASHBOARD_URL?: string;
  /**
   * "allow" lets destinations use plain http and this machine's addresses (127.0.0.1, localhost,
   * [::1]): local development only, set in .dev.vars. Unset when deployed.
   */
  LOCAL_DESTINATIONS?: string;
  ASSETS?: Fetcher;
}

/** What middleware hands to the routes after it. */
export interface Variables {
  requestId: string;
  /** The site a publishable or secret key belongs to. */
  site: Site;
  /** The secret key a private route was called with. */
  secretKey: SecretKey;
}

export type AppEnv = { Bindings: Bindings; Variables: Variables };
export type AppContext = Context<AppEnv>;

/**
 * Refuses to serve when a binding is missing, so a broken deploy fails loudly on its first
 * request instead of half-working.
 */
export function requireBindings(): MiddlewareHandler<AppEnv> {
  let checked = false;
  return async (c, next) => {
    if (!checked) {
      const missing = (['DB', 'PUBLIC_LIMITER', 'DELIVERIES', 'DEAD_LETTERS'] as const).filter((name) => !c.env?.[name]);
      if (missing.length) throw new Error(`wrangler.toml is missing bindings: ${missing.join(', ')}`);
      checked = true;
    }
    await next();
  };
}
