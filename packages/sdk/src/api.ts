import type { FeedbackCreated, FeedbackInput, FeedbackUpdate, FeedbackUpdated } from '@tandem/worker/types';
import { DEFAULT_MESSAGES, TandemError, type TandemErrorCode } from './errors.js';
import { request } from './request.js';

export interface ClientOptions {
  /** The site's publishable key, `pk_…`. Safe to ship to browsers. */
  siteKey: string;
  /** Where the Tandem worker runs, e.g. `https://feedback.example.com`. */
  endpoint: string;
  /** Give up on a request after this many milliseconds. Default 10,000. */
  timeoutMs?: number;
  /** Messages for TandemError codes, e.g. to translate them. */
  messages?: Partial<Record<TandemErrorCode, string>>;
  /** A fetch implementation; defaults to the global one. */
  fetch?: typeof fetch;
}

export interface SubmitOptions {
  /**
   * Sending the same key again returns the first answer and never stores the message twice.
   * Reuse it when retrying the same message; a fresh one is made when omitted.
   */
  idempotencyKey?: string;
  signal?: AbortSignal;
}

export interface UpdateOptions {
  signal?: AbortSignal;
}

/** The public API's two calls: what the offline queue and the widget need, and nothing more. */
export interface PublicApi {
  /** Sends one message; resolves once it is stored and sorted. Rejects with a TandemError. */
  submit(feedback: FeedbackInput, options?: SubmitOptions): Promise<FeedbackCreated>;
  /**
   * Adds an email, a name or consent to a message sent in the last 24 hours, with the `token`
   * submit resolved with. An email or name already there cannot be changed (`already_set`); a
   * wrong or expired token is `not_found`.
   */
  update(id: string, update: FeedbackUpdate, options?: UpdateOptions): Promise<FeedbackUpdated>;
}

/**
 * The public API's calls, checked options and nothing else (createClient adds identify, events
 * and the offline queue over it). Touches no browser globals until a method is called.
 */
export function publicApi(options: ClientOptions): PublicApi {
  const messages = { ...DEFAULT_MESSAGES, ...options.messages };
  if (!options.siteKey?.startsWith('pk_')) {
    throw new TandemError('invalid_config', `${messages.invalid_config} siteKey must be a publishable key (pk_…).`);
  }
  let base: string;
  try {
    base = new URL(options.endpoint).href.replace(/\/+$/, '');
  } catch {
    throw new TandemError('invalid_config', `${messages.invalid_config} endpoint must be an absolute URL.`);
  }
  const ctx = { ...options, messages }; // request() applies the defaults of fetch and timeoutMs.

  return {
    submit(feedback, { idempotencyKey = newIdempotencyKey(), signal } = {}) {
      return request<FeedbackCreated>(
        ctx,
        `${base}/v1/feedback`,
        {
          method: 'POST',
          headers: {
            authorization: `Bearer ${options.siteKey}`,
            'content-type': 'application/json',
            'idempotency-key': idempotencyKey,
          },
          body: JSON.stringify(feedback),
        },
        signal,
      );
    },

    update(id, update, { signal } = {}) {
      return request<FeedbackUpdated>(
        ctx,
        `${base}/v1/feedback/${encodeURIComponent(id)}`,
        {
          method: 'PATCH',
          headers: { authorization: `Bearer ${options.siteKey}`, 'content-type': 'application/json' },
          body: JSON.stringify(update),
        },
        signal,
      );
    },
  };
}

/**
 * A random key for one message. randomUUID needs a secure context; plain http pages fall back to
 * 128 random bits (the API takes any unique string).
 */
export function newIdempotencyKey(): string {
  return crypto.randomUUID?.() ?? crypto.getRandomValues(new Uint32Array(4)).join('-');
}
