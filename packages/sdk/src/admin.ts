/**
 * @tandem/sdk/admin: the private API for servers (Node 20+, Workers, Deno, Bun), with a secret
 * key. Never import it into a web page: a secret key there is anyone's.
 *
 * Every method's input and answer are typed from the worker's own routes with Hono's client
 * types (type-only: nothing of Hono runs here), so the client cannot drift from the API.
 */
import type { hc, InferRequestType, InferResponseType } from 'hono/client';
import type { SuccessStatusCode } from 'hono/utils/http-status';
import type { AppType } from '@tandem/worker';
import { DEFAULT_MESSAGES, TandemError, type TandemErrorCode } from './errors.js';
import { request } from './request.js';

/** The API as Hono's client sees it: `V1['feedback'][':id']['$get']` is one route. */
type V1 = ReturnType<typeof hc<AppType>>['v1'];
type Answer<E, S extends SuccessStatusCode = 200> = InferResponseType<E, S>;
type Query<E> = InferRequestType<E> extends { query: infer Q } ? Q : never;
type Body<E> = InferRequestType<E> extends { json: infer J } ? J : never;

export interface AdminClientOptions {
  /** Where the Tandem worker runs, e.g. `https://feedback.example.com`. */
  endpoint: string;
  /** A secret key, `sk_…`: its role (admin, support or pr) decides what the calls may do. */
  secretKey: string;
  /** Give up on a request after this many milliseconds. Default 10,000. */
  timeoutMs?: number;
  /** Messages for TandemError codes, e.g. to translate them. */
  messages?: Partial<Record<TandemErrorCode, string>>;
  /** A fetch implementation; defaults to the global one. */
  fetch?: typeof fetch;
}

export interface CallOptions {
  signal?: AbortSignal;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Params = Record<string, string | number | boolean | readonly (string | number)[] | null | undefined>;

/** A page of a list: its items, and the cursor of the next page (null on the last). */
interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

/**
 * Every item of a list, page after page, fetched as the loop asks for them.
 *
 * @example
 * for await (const feedback of admin.feedback.all({ route: 'support', status: 'new' })) { … }
 */
async function* everyItem<T, Q>(list: (query: Q, options?: CallOptions) => Promise<Page<T>>, query: Q, options?: CallOptions) {
  let cursor: string | undefined;
  do {
    const page = await list({ ...query, cursor }, options);
    yield* page.data;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

/**
 * A client for the private API.
 *
 * @example
 * import { createAdminClient } from '@tandem/sdk/admin';
 * const admin = createAdminClient({ endpoint: 'https://feedback.example.com', secretKey: process.env.TANDEM_SECRET_KEY });
 * for await (const feedback of admin.feedback.all({ route: 'support', urgency: 'critical' })) console.log(feedback.message);
 */
export function createAdminClient(options: AdminClientOptions) {
  const messages = { ...DEFAULT_MESSAGES, ...options.messages };
  if (!options.secretKey?.startsWith('sk_')) {
    throw new TandemError('invalid_config', `${messages.invalid_config} secretKey must be a secret key (sk_…).`);
  }
  let base: string;
  try {
    base = new URL(options.endpoint).href.replace(/\/+$/, '');
  } catch {
    throw new TandemError('invalid_config', `${messages.invalid_config} endpoint must be an absolute URL.`);
  }
  const ctx = { ...options, messages };

  /** One call: the path's `{id}`-style parts already filled in, encoded. */
  function call<T>(method: Method, path: string, input: { query?: Params; json?: unknown } = {}, { signal }: CallOptions = {}) {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(input.query ?? {})) {
      if (value === undefined || value === null) continue;
      for (const one of Array.isArray(value) ? value : [value]) search.append(name, String(one));
    }
    const query = search.size ? `?${search}` : '';
    const headers: Record<string, string> = { authorization: `Bearer ${options.secretKey}` };
    if (input.json !== undefined) headers['content-type'] = 'application/json';
    const body = input.json === undefined ? undefined : JSON.stringify(input.json);
    return request<T>(ctx, `${base}${path}${query}`, { method, headers, body }, signal);
  }
  const id = encodeURIComponent;

  const feedback = {
    /** One page of the site's feedback, newest first, with filters. */
    list: (query: Query<V1['feedback']['$get']> = {}, options?: CallOptions) =>
      call<Answer<V1['feedback']['$get']>>('GET', '/v1/feedback', { query: query as Params }, options),
    /** Every message the filters match, newest first, page after page. */
    all: (query: Omit<Query<V1['feedback']['$get']>, 'cursor'> = {}, options?: CallOptions) =>
      everyItem(feedback.list, query, options),
    /** One message with its whole triage decision. */
    get: (feedbackId: string, options?: CallOptions) =>
      call<Answer<V1['feedback'][':id']['$get']>>('GET', `/v1/feedback/${id(feedbackId)}`, {}, options),
  };

  const customers = {
    /** Everything stored about one customer (by email, or one message by id): admin keys only. */
    export: (who: Query<V1['customer-data']['$get']>, options?: CallOptions) =>
      call<Answer<V1['customer-data']['$get']>>('GET', '/v1/customer-data', { query: who as Params }, options),
    /** Deletes one customer's messages and the testimonials made from them: admin keys only. */
    delete: (who: Query<V1['customer-data']['$delete']>, options?: CallOptions) =>
      call<Answer<V1['customer-data']['$delete']>>('DELETE', '/v1/customer-data', { query: who as Params }, options),
  };

  return { feedback, customers };
}

export type AdminClient = ReturnType<typeof createAdminClient>;
export { TandemError } from './errors.js';
export type { TandemErrorCode } from './errors.js';
