/**
 * @tandem/sdk/admin: the private API for servers (Node 20+, Workers, Deno, Bun), with a secret
 * key. Never import it into a site's web pages: a secret key there is anyone's. (Tandem's own
 * dashboard runs it in the browser with the signed-in person's key, under a strict CSP.)
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
    /** One message with its whole triage decision, its assignee, route override and log. */
    get: (feedbackId: string, options?: CallOptions) =>
      call<Answer<V1['feedback'][':id']['$get']>>('GET', `/v1/feedback/${id(feedbackId)}`, {}, options),
    /** new, in_progress, resolved or archived (admin and support keys). */
    setStatus: (feedbackId: string, body: Body<V1['feedback'][':id']['status']['$put']>, options?: CallOptions) =>
      call<Answer<V1['feedback'][':id']['status']['$put']>>('PUT', `/v1/feedback/${id(feedbackId)}/status`, { json: body }, options),
    /** Who works on it, or `null` (admin and support keys). */
    assign: (feedbackId: string, body: Body<V1['feedback'][':id']['assignee']['$put']>, options?: CallOptions) =>
      call<Answer<V1['feedback'][':id']['assignee']['$put']>>('PUT', `/v1/feedback/${id(feedbackId)}/assignee`, { json: body }, options),
    /** Sends it to other teams than triage chose; recorded with who and when (admin and support keys). */
    overrideRoutes: (feedbackId: string, body: Body<V1['feedback'][':id']['routes']['$put']>, options?: CallOptions) =>
      call<Answer<V1['feedback'][':id']['routes']['$put']>>('PUT', `/v1/feedback/${id(feedbackId)}/routes`, { json: body }, options),
    /** An internal note, never shown to the customer (any role). */
    addNote: (feedbackId: string, body: Body<V1['feedback'][':id']['notes']['$post']>, options?: CallOptions) =>
      call<Answer<V1['feedback'][':id']['notes']['$post'], 201>>('POST', `/v1/feedback/${id(feedbackId)}/notes`, { json: body }, options),
    /**
     * Invites the customer of a resolved message who left an email to say how it went: resolves
     * with the link to send them (shown once), where to send it and until when it works.
     */
    invite: (feedbackId: string, body: Body<V1['feedback'][':id']['invitation']['$post']> = {}, options?: CallOptions) =>
      call<Answer<V1['feedback'][':id']['invitation']['$post'], 201>>('POST', `/v1/feedback/${id(feedbackId)}/invitation`, { json: body }, options),
  };

  type Studio = V1['studio']['testimonials'];
  type Candidates = V1['studio']['candidates']['$get'];
  const testimonials = {
    /** One page of consented praise with no testimonial yet, newest first, each with a suggested sentence (admin and pr keys). */
    candidates: (query: Query<Candidates> = {}, options?: CallOptions) =>
      call<Answer<Candidates>>('GET', '/v1/studio/candidates', { query: query as Params }, options),
    /** One page of the site's testimonials, drafts and withdrawn ones too. */
    list: (query: Query<Studio['$get']> = {}, options?: CallOptions) =>
      call<Answer<Studio['$get']>>('GET', '/v1/studio/testimonials', { query: query as Params }, options),
    /** Every testimonial the filters match, page after page. */
    all: (query: Omit<Query<Studio['$get']>, 'cursor'> = {}, options?: CallOptions) =>
      everyItem(testimonials.list, query, options),
    /** One testimonial with the customer's original words and every edit. */
    get: (testimonialId: string, options?: CallOptions) =>
      call<Answer<Studio[':id']['$get']>>('GET', `/v1/studio/testimonials/${id(testimonialId)}`, {}, options),
    /** A draft from a message whose customer agreed to be quoted (admin and pr keys). */
    create: (body: Body<Studio['$post']>, options?: CallOptions) =>
      call<Answer<Studio['$post'], 201>>('POST', '/v1/studio/testimonials', { json: body }, options),
    /** New display words or author; the edit is kept (admin and pr keys). */
    edit: (testimonialId: string, body: Body<Studio[':id']['$patch']>, options?: CallOptions) =>
      call<Answer<Studio[':id']['$patch']>>('PATCH', `/v1/studio/testimonials/${id(testimonialId)}`, { json: body }, options),
    /** Puts it on the wall (admin and pr keys). */
    approve: (testimonialId: string, body: Body<Studio[':id']['approve']['$post']> = {}, options?: CallOptions) =>
      call<Answer<Studio[':id']['approve']['$post']>>('POST', `/v1/studio/testimonials/${id(testimonialId)}/approve`, { json: body }, options),
    /** Takes it off the wall (admin and pr keys). */
    withdraw: (testimonialId: string, body: Body<Studio[':id']['withdraw']['$post']> = {}, options?: CallOptions) =>
      call<Answer<Studio[':id']['withdraw']['$post']>>('POST', `/v1/studio/testimonials/${id(testimonialId)}/withdraw`, { json: body }, options),
  };

  /** The key itself: its id, its role (admin, support or pr) and its site's id and name (any role). */
  const me = (options?: CallOptions) => call<Answer<V1['me']['$get']>>('GET', '/v1/me', {}, options);

  /** Messages per day by team and label, average rating, complaint rate, top topics (any role). */
  const stats = (query: Query<V1['stats']['$get']> = {}, options?: CallOptions) =>
    call<Answer<V1['stats']['$get']>>('GET', '/v1/stats', { query: query as Params }, options);

  const alerts = {
    /** One page of the surges the hourly job found, newest first (any role). */
    list: (query: Query<V1['alerts']['$get']> = {}, options?: CallOptions) =>
      call<Answer<V1['alerts']['$get']>>('GET', '/v1/alerts', { query: query as Params }, options),
  };

  // Admin keys only from here on.
  const site = {
    /** The key's site: name, allowed origins, retention. */
    get: (options?: CallOptions) => call<Answer<V1['site']['$get']>>('GET', '/v1/site', {}, options),
    update: (body: Body<V1['site']['$patch']>, options?: CallOptions) =>
      call<Answer<V1['site']['$patch']>>('PATCH', '/v1/site', { json: body }, options),
  };

  const sites = {
    /** A new, independent site with its first keys, shown once. */
    create: (body: Body<V1['sites']['$post']>, options?: CallOptions) =>
      call<Answer<V1['sites']['$post'], 201>>('POST', '/v1/sites', { json: body }, options),
  };

  const keys = {
    list: (options?: CallOptions) => call<Answer<V1['keys']['$get']>>('GET', '/v1/keys', {}, options),
    /** A new key; a secret one is in this answer only. */
    create: (body: Body<V1['keys']['$post']>, options?: CallOptions) =>
      call<Answer<V1['keys']['$post'], 201>>('POST', '/v1/keys', { json: body }, options),
    revoke: (keyId: string, options?: CallOptions) =>
      call<Answer<V1['keys'][':id']['$delete']>>('DELETE', `/v1/keys/${id(keyId)}`, {}, options),
  };

  const destinations = {
    list: (options?: CallOptions) => call<Answer<V1['destinations']['$get']>>('GET', '/v1/destinations', {}, options),
    /** A signed webhook or a Slack incoming webhook for some teams; a webhook's secret is in this answer only. */
    create: (body: Body<V1['destinations']['$post']>, options?: CallOptions) =>
      call<Answer<V1['destinations']['$post'], 201>>('POST', '/v1/destinations', { json: body }, options),
    update: (destinationId: string, body: Body<V1['destinations'][':id']['$patch']>, options?: CallOptions) =>
      call<Answer<V1['destinations'][':id']['$patch']>>('PATCH', `/v1/destinations/${id(destinationId)}`, { json: body }, options),
    delete: (destinationId: string, options?: CallOptions) =>
      call<void>('DELETE', `/v1/destinations/${id(destinationId)}`, {}, options),
    /** Sends it a test event; resolves with the delivery to follow in deliveries.list. */
    test: (destinationId: string, options?: CallOptions) =>
      call<Answer<V1['destinations'][':id']['test']['$post'], 202>>('POST', `/v1/destinations/${id(destinationId)}/test`, {}, options),
  };

  const deliveries = {
    /** One page of deliveries, newest first, each with every attempt. */
    list: (query: Query<V1['deliveries']['$get']> = {}, options?: CallOptions) =>
      call<Answer<V1['deliveries']['$get']>>('GET', '/v1/deliveries', { query: query as Params }, options),
    all: (query: Omit<Query<V1['deliveries']['$get']>, 'cursor'> = {}, options?: CallOptions) =>
      everyItem(deliveries.list, query, options),
    /** Sends it again, with the same webhook-id. */
    replay: (deliveryId: string, options?: CallOptions) =>
      call<Answer<V1['deliveries'][':id']['replay']['$post'], 202>>('POST', `/v1/deliveries/${id(deliveryId)}/replay`, {}, options),
  };

  const customers = {
    /** Everything stored about one customer (by email, or one message by id). */
    export: (who: Query<V1['customer-data']['$get']>, options?: CallOptions) =>
      call<Answer<V1['customer-data']['$get']>>('GET', '/v1/customer-data', { query: who as Params }, options),
    /** Deletes one customer's messages and the testimonials made from them. */
    delete: (who: Query<V1['customer-data']['$delete']>, options?: CallOptions) =>
      call<Answer<V1['customer-data']['$delete']>>('DELETE', '/v1/customer-data', { query: who as Params }, options),
  };

  return { me, feedback, testimonials, stats, alerts, site, sites, keys, destinations, deliveries, customers };
}

export type AdminClient = ReturnType<typeof createAdminClient>;
export { TandemError } from './errors.js';
export type { TandemErrorCode } from './errors.js';
