/**
 * Delivery fixtures: destinations pointing at the real receiver (tests/support/webhook-receiver.ts),
 * a producer that records what the worker enqueues, and the consumer driven directly, one queue
 * attempt at a time, so a retry's delay is asserted instead of waited for.
 */
import { createExecutionContext, createMessageBatch, getQueueResult, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { expect, inject, vi } from 'vitest';
import worker from '../src/index.js';
import { DELIVERIES_QUEUE, type DeliveryMessage } from '../src/delivery/queue.js';
import { ORIGIN, type TestSite } from './helpers.js';

/** One request the receiver got. */
export interface Received {
  headers: Record<string, string>;
  body: string;
}

let count = 0;

/** A receiver of its own on the real HTTP server; `query` sets how it answers (?fail=2, ?status=410…). */
export function receiver(query = '') {
  const path = `/hook-${++count}-${crypto.randomUUID().slice(0, 8)}`;
  const base = inject('receiverUrl');
  return {
    url: `${base}${path}${query && `?${query}`}`,
    received: async () => (await (await fetch(`${base}/received${path}`)).json()) as Received[],
  };
}

/**
 * What the worker enqueued, in place of the real queue: the test then plays the consumer. `sent`
 * has the delivery ids, `messages` the messages themselves (with their generation).
 */
export function recordingQueue() {
  const sent: string[] = [];
  const messages: DeliveryMessage[] = [];
  const record = (body: DeliveryMessage) => {
    sent.push(body.deliveryId);
    messages.push(body);
  };
  const queue = {
    async send(body: DeliveryMessage) {
      record(body);
    },
    async sendBatch(batch: Iterable<MessageSendRequest<DeliveryMessage>>) {
      for (const m of batch) record(m.body);
    },
  } as unknown as Queue<DeliveryMessage>;
  return { queue, sent, messages };
}

/** A producer whose every send fails, as a queue outage would. */
export const brokenQueue = {
  send: () => Promise.reject(new Error('queue unavailable')),
  sendBatch: () => Promise.reject(new Error('queue unavailable')),
} as unknown as Queue<DeliveryMessage>;

/**
 * A request to the worker with `queue` as its DELIVERIES binding, waiting for what it does after
 * answering (the enqueue).
 */
export async function apiWithQueue(queue: Queue<DeliveryMessage>, path: string, init: RequestInit = {}): Promise<Response> {
  const ctx = createExecutionContext();
  const res = await worker.fetch(new Request(`https://tandem.test${path}`, init), { ...env, DELIVERIES: queue }, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

/** POST /v1/feedback through `queue`; answers the message's id. */
export async function sendFeedback(
  site: Pick<TestSite, 'publishableKey'>,
  queue: Queue<DeliveryMessage>,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<string> {
  const res = await apiWithQueue(queue, '/v1/feedback', {
    method: 'POST',
    headers: { authorization: `Bearer ${site.publishableKey}`, 'content-type': 'application/json', origin: ORIGIN, ...headers },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(201);
  return (await res.json<{ id: string }>()).id;
}

/** A call with a secret key (JSON body when given); `bindings` change the worker's env, e.g. to run it as deployed. */
export async function adminCall(
  secret: string,
  method: string,
  path: string,
  body?: unknown,
  bindings: Partial<Cloudflare.Env> = {},
): Promise<Response> {
  return worker.fetch(
    new Request(`https://tandem.test${path}`, {
      method,
      headers: { authorization: `Bearer ${secret}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
    { ...env, ...bindings },
    createExecutionContext(),
  );
}

/** The worker as deployed: no LOCAL_DESTINATIONS (the tests' env allows local receivers, as .dev.vars does). */
export const DEPLOYED = { LOCAL_DESTINATIONS: undefined } satisfies Partial<Cloudflare.Env>;

export interface CreatedDestination {
  id: string;
  secret: string | null;
  url: string;
  enabled: boolean;
}

/** POST /v1/destinations with the site's admin key. */
export async function createDestination(
  site: TestSite,
  body: { kind?: 'webhook' | 'slack'; url: string; routes: string[]; name?: string },
): Promise<CreatedDestination> {
  const res = await adminCall(site.secretKeys.admin, 'POST', '/v1/destinations', { kind: 'webhook', name: 'Receiver', ...body });
  expect(res.status).toBe(201);
  return res.json<CreatedDestination>();
}

/**
 * Runs the worker's queue handler on these deliveries (an id is a message of generation 0, a
 * delivery never replayed) as the queue's `attempts`-th attempt, and answers what it decided for
 * each: acked, or retried after how many seconds. (getQueueResult says which messages were
 * retried but not the delay asked for, so retry() is watched too.) `bindings` change the worker's
 * env, e.g. to run it as deployed.
 */
export async function consume(
  deliveries: (string | DeliveryMessage)[],
  attempts = 1,
  queueName = DELIVERIES_QUEUE,
  bindings: Partial<Cloudflare.Env> = {},
): Promise<{ acked: string[]; retried: { id: string; delaySeconds: number | undefined }[] }> {
  const bodies = deliveries.map((d) => (typeof d === 'string' ? { deliveryId: d } : d));
  const deliveryIds = bodies.map((b) => b.deliveryId);
  const batch = createMessageBatch<DeliveryMessage>(
    queueName,
    bodies.map((body) => ({ id: `msg_${body.deliveryId}`, timestamp: new Date(), attempts, body })),
  );
  const retries = new Map(batch.messages.map((m) => [m.id, vi.spyOn(m, 'retry')]));
  await worker.queue(batch, { ...env, ...bindings });
  const result = await getQueueResult(batch, createExecutionContext());
  return {
    acked: result.ackAll ? deliveryIds : result.explicitAcks.map((id: string) => id.slice('msg_'.length)),
    retried: result.retryMessages.map((m: { msgId: string }) => ({
      id: m.msgId.slice('msg_'.length),
      delaySeconds: retries.get(m.msgId)!.mock.calls[0]![0]?.delaySeconds,
    })),
  };
}

export interface DeliveryView {
  id: string;
  destinationId: string;
  feedbackId: string | null;
  event: string;
  status: string;
  deadReason: string | null;
  nextAttemptAt: string | null;
  attempts: { attempt: number; status: string; responseCode: number | null; error: string | null; durationMs: number; at: string }[];
}

/** The site's deliveries as GET /v1/deliveries lists them (admin key), with a query. */
export async function listDeliveries(site: TestSite, query = ''): Promise<{ data: DeliveryView[]; nextCursor: string | null }> {
  const res = await adminCall(site.secretKeys.admin, 'GET', `/v1/deliveries${query && `?${query}`}`);
  expect(res.status).toBe(200);
  return res.json();
}

export async function delivery(site: TestSite, id: string): Promise<DeliveryView> {
  const { data } = await listDeliveries(site, 'limit=100');
  const found = data.find((d) => d.id === id);
  expect(found, `delivery ${id}`).toBeDefined();
  return found!;
}
