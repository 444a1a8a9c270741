/**
 * The deliveries queue carries only ids: D1 holds what is owed (the payload, the status, every
 * attempt), so a message is tiny, a duplicate is harmless (only a pending delivery is sent) and a
 * lost one is found again by the sweep.
 */
import type { AppContext } from '../env.js';

/** wrangler.toml's queues: the queue handler (index.ts) tells them apart by name; a test reads wrangler.toml to keep them equal. */
export const DELIVERIES_QUEUE = 'tandem-deliveries';
export const DEAD_LETTER_QUEUE = 'tandem-deliveries-dead';

export interface DeliveryMessage {
  deliveryId: string;
}

export function isDeliveryMessage(body: unknown): body is DeliveryMessage {
  return typeof (body as DeliveryMessage | null)?.deliveryId === 'string';
}

/** A queue takes at most 100 messages per sendBatch. */
const BATCH = 100;

export async function enqueue(queue: Queue<DeliveryMessage>, ids: string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += BATCH) {
    await queue.sendBatch(ids.slice(i, i + BATCH).map((deliveryId) => ({ body: { deliveryId }, contentType: 'json' as const })));
  }
}

/**
 * Enqueues after the answer has gone, so the client never waits for the queue. If it fails the
 * deliveries stay pending in D1 and the sweep (jobs/resend-stalled.ts) enqueues them later.
 */
export function enqueueAfterResponse(c: AppContext, ids: string[]): void {
  if (!ids.length) return;
  c.executionCtx.waitUntil(
    enqueue(c.env.DELIVERIES, ids).catch((err: unknown) => {
      console.error(JSON.stringify({ requestId: c.get('requestId'), error: 'enqueue failed; the sweep will resend', ids, message: String(err) }));
    }),
  );
}
