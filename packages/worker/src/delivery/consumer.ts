/**
 * The deliveries queue's consumer: each message is one delivery to send. Every attempt is
 * recorded in D1. A 2xx delivers it; a 410 Gone kills it and turns the destination off (the
 * receiver says it is gone for good); anything else is retried after the schedule's next delay,
 * and after the last attempt the delivery is dead and its message goes on to the dead-letter queue.
 */
import { findOutgoing, markDead, recordAttempt, type NewAttempt, type Outcome } from '../db/deliveries.js';
import { disableDestinationStatement } from '../db/destinations.js';
import type { Bindings } from '../env.js';
import { isDeliveryMessage, type DeliveryMessage } from './queue.js';
import { MAX_ATTEMPTS, retryDelay } from './retry.js';
import { send } from './send.js';

export async function deliverBatch(batch: MessageBatch<DeliveryMessage>, env: Bindings): Promise<void> {
  // Each message on its own: one receiver's failure never holds up or retries another's.
  await Promise.all(batch.messages.map((message) => deliverOne(message, env.DB)));
}

async function deliverOne(message: Message<DeliveryMessage>, db: D1Database): Promise<void> {
  try {
    if (!isDeliveryMessage(message.body)) {
      console.error(JSON.stringify({ error: 'not a delivery message; dropped', id: message.id }));
      message.ack();
      return;
    }
    const delivery = await findOutgoing(db, message.body.deliveryId);
    // Deleted with its destination or message, delivered already, or given up (a duplicate or
    // a late message): nothing is owed.
    if (!delivery || delivery.status !== 'pending') {
      message.ack();
      return;
    }
    if (!delivery.destination.enabled) {
      await markDead(db, [delivery.id], 'the destination is disabled');
      message.ack();
      return;
    }

    const now = new Date();
    const result = await send(delivery, { now });
    const recorded: NewAttempt = {
      status: result.ok ? 'ok' : 'failed',
      responseCode: result.responseCode,
      error: result.error,
      durationMs: result.durationMs,
      at: now.toISOString(),
    };

    if (result.ok) {
      await recordAttempt(db, delivery.id, recorded, { status: 'delivered' });
      message.ack();
    } else if (result.responseCode === 410) {
      await recordAttempt(db, delivery.id, recorded, { status: 'dead', reason: 'the receiver answered 410 Gone' }, [
        disableDestinationStatement(db, delivery.destination.id, 'the receiver answered 410 Gone', now.toISOString()),
      ]);
      message.ack();
    } else {
      const delay = retryDelay(message.attempts);
      const outcome: Outcome =
        delay === null
          ? { status: 'dead', reason: `no 2xx after ${MAX_ATTEMPTS} attempts` }
          : { status: 'pending', nextAttemptAt: new Date(now.getTime() + delay * 1000).toISOString() };
      await recordAttempt(db, delivery.id, recorded, outcome);
      // After the last attempt the queue moves it to the dead-letter queue (max_retries).
      message.retry(delay === null ? {} : { delaySeconds: delay });
    }
  } catch (err) {
    // Our own failure (D1 unavailable…): try again later, on the same schedule.
    console.error(JSON.stringify({ error: 'delivery failed', id: message.id, message: String(err) }));
    message.retry({ delaySeconds: retryDelay(message.attempts) ?? 0 });
  }
}

/**
 * The dead-letter queue's consumer: each delivery whose attempts ran out is marked dead, if the
 * last attempt could not record it.
 */
export async function buryBatch(batch: MessageBatch<DeliveryMessage>, env: Bindings): Promise<void> {
  const ids = batch.messages.flatMap((m) => (isDeliveryMessage(m.body) ? [m.body.deliveryId] : []));
  await markDead(env.DB, ids, `no 2xx after ${MAX_ATTEMPTS} attempts`);
  batch.ackAll();
}
