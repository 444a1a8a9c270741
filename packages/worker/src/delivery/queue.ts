/**
 * The deliveries queue carries only ids: D1 holds what is owed (the payload, the status, every
 * attempt), so a message is tiny, a duplicate is harmless (only a pending delivery is sent, and
 * the schedule follows D1's count of attempts) and a lost one is found again by the sweep.
 */
import { forgetEnqueued } from '../db/deliveries.js';
import type { AppContext } from '../env.js';

/** wrangler.toml's queues: the queue handler (index.ts) tells them apart by name; a test reads wrangler.toml to keep them equal. */
export const DELIVERIES_QUEUE = 'tandem-deliveries';
export const DEAD_LETTER_QUEUE = 'tandem-deliveries-dead';

export interface DeliveryMessage {
  deliveryId: string;
  /**
   * The delivery's generation when this was sent (bumped by each replay): the consumers drop a
   * message of an earlier one. Absent (0) in messages sent before generations existed.
   */
  generation?: number;
}

export function isDeliveryMessage(body: unknown): body is DeliveryMessage {
  const message = body as DeliveryMessage | null;
  return typeof message?.deliveryId === 'string' && (message.generation === undefined || Number.isInteger(message.generation));
}

/** The message for a delivery just written (never replayed). */
export function firstMessage(deliveryId: string): DeliveryMessage {
  return { deliveryId, generation: 0 };
}

/** A queue takes at most 100 messages per sendBatch. */
const BATCH = 100;

export async function enqueue(queue: Queue<DeliveryMessage>, messages: DeliveryMessage[]): Promise<void> {
  for (let i = 0; i < messages.length; i += BATCH) {
    await queue.sendBatch(messages.slice(i, i + BATCH).map((body) => ({ body, contentType: 'json' as const })));
  }
}

/**
 * Enqueues after the answer has gone, so the client never waits for the queue. If it fails the
 * deliveries stay pending in D1, marked as never enqueued, and the sweep (jobs/resend-stalled.ts)
 * enqueues them later.
 */
export function enqueueAfterResponse(c: AppContext, messages: DeliveryMessage[]): void {
  if (!messages.length) return;
  const ids = messages.map((m) => m.deliveryId);
  c.executionCtx.waitUntil(
    enqueue(c.env.DELIVERIES, messages).catch(async (err: unknown) => {
      console.error(JSON.stringify({ requestId: c.get('requestId'), error: 'enqueue failed; the sweep will resend', ids, message: String(err) }));
      // If D1 fails too, the sweep still finds them, an hour later (REQUEUE_AFTER_MINUTES).
      await forgetEnqueued(c.env.DB, ids).catch(() => {});
    }),
  );
}
