/**
 * The sweep, every five minutes (wrangler.toml [triggers]): a delivery still pending well after
 * its next attempt was due, and that nobody has handed to the queue for a while, was never
 * enqueued (the enqueue after storing its message failed) or its queue message was lost, so it is
 * enqueued again. A queue that is only slow is left alone for REQUEUE_AFTER_MINUTES; a copy sent
 * anyway is harmless, since the consumer counts attempts in D1. At worst a receiver gets a
 * delivery twice, with the same webhook-id to tell; never not at all.
 */
import { markEnqueued, stalledDeliveries } from '../db/deliveries.js';
import { enqueue, type DeliveryMessage } from '../delivery/queue.js';
import { REQUEUE_AFTER_MINUTES, STALLED_AFTER_MINUTES } from '../delivery/retry.js';

/** At most this many per run; the next run takes the rest. */
const PER_RUN = 500;

const minutesBefore = (now: Date, minutes: number) => new Date(now.getTime() - minutes * 60 * 1000).toISOString();

export async function resendStalled(db: D1Database, queue: Queue<DeliveryMessage>, now: Date): Promise<number> {
  const messages = await stalledDeliveries(
    db,
    { dueBefore: minutesBefore(now, STALLED_AFTER_MINUTES), enqueuedBefore: minutesBefore(now, REQUEUE_AFTER_MINUTES) },
    PER_RUN,
  );
  if (!messages.length) return 0;
  await enqueue(queue, messages);
  await markEnqueued(db, messages.map((m) => m.deliveryId), now.toISOString());
  return messages.length;
}
