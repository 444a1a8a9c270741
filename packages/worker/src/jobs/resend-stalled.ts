/**
 * The sweep, every five minutes (wrangler.toml [triggers]): a delivery still pending well after
 * its next attempt was due was never enqueued (the enqueue after storing its message failed) or
 * its queue message was lost, so it is enqueued again. At worst a receiver gets a delivery twice,
 * with the same webhook-id to tell; never not at all.
 */
import { markEnqueued, stalledDeliveries } from '../db/deliveries.js';
import { enqueue, type DeliveryMessage } from '../delivery/queue.js';
import { STALLED_AFTER_MINUTES } from '../delivery/retry.js';

/** At most this many per run; the next run takes the rest. */
const PER_RUN = 500;

export async function resendStalled(db: D1Database, queue: Queue<DeliveryMessage>, now: Date): Promise<number> {
  const dueBefore = new Date(now.getTime() - STALLED_AFTER_MINUTES * 60 * 1000).toISOString();
  const ids = await stalledDeliveries(db, dueBefore, PER_RUN);
  if (!ids.length) return 0;
  await enqueue(queue, ids);
  await markEnqueued(db, ids, now.toISOString());
  return ids.length;
}
