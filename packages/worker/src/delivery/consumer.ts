/**
 * The deliveries queue's consumer: each message is one delivery to send. Every attempt is
 * recorded in D1. A 2xx delivers it; a 410 Gone kills it and turns the destination off (the
 * receiver says it is gone for good); anything else is retried after the schedule's next delay,
 * counted from the attempts D1 holds for this generation, and after the last attempt the delivery
 * is dead and its message moves to the dead-letter queue. A message for another generation than the delivery's (a chain a replay replaced) does
 * nothing. Our own failures (D1 unavailable) are retried by the queue, and after its last retry the
 * message goes to the dead-letter queue.
 */
import { findOutgoing, markDead, recordAttempt, type NewAttempt, type Outcome } from '../db/deliveries.js';
import { disableDestinationStatement } from '../db/destinations.js';
import type { Bindings } from '../env.js';
import { allowsLocalDestinations, destinationUrlProblem } from './destination-url.js';
import { isDeliveryMessage, type DeliveryMessage } from './queue.js';
import { MAX_ATTEMPTS, RETRY_DELAYS_SECONDS, retryDelay } from './retry.js';
import { send } from './send.js';

export async function deliverBatch(batch: MessageBatch<DeliveryMessage>, env: Bindings): Promise<void> {
  // Each message on its own: one receiver's failure never holds up or retries another's.
  await Promise.all(batch.messages.map((message) => deliverOne(message, env)));
}

async function deliverOne(message: Message<DeliveryMessage>, env: Bindings): Promise<void> {
  const db = env.DB;
  try {
    if (!isDeliveryMessage(message.body)) {
      console.error(JSON.stringify({ error: 'not a delivery message; dropped', id: message.id }));
      message.ack();
      return;
    }
    const generation = message.body.generation ?? 0;
    const delivery = await findOutgoing(db, message.body.deliveryId);
    // Deleted with its destination or message, delivered already, given up (a duplicate or a late
    // message), or replayed since this message was sent (the replay's own message carries it on):
    // nothing is owed to this message.
    if (!delivery || delivery.status !== 'pending' || delivery.generation !== generation) {
      message.ack();
      return;
    }
    if (!delivery.destination.enabled) {
      await markDead(db, [message.body], 'the destination is disabled');
      message.ack();
      return;
    }
    const now = new Date();
    // Stored before these rules, or allowed only where it was added (local development): never
    // sent, and the destination is turned off until its URL is changed.
    const { kind, url } = delivery.destination;
    const refused = destinationUrlProblem(kind, url, { allowLocal: allowsLocalDestinations(env) });
    if (refused) {
      const reason = `its URL is not allowed: ${refused}`;
      await markDead(db, [message.body], reason, [disableDestinationStatement(db, delivery.destination.id, reason, now.toISOString())]);
      message.ack();
      return;
    }

    const result = await send(delivery, { now });
    const recorded: NewAttempt = {
      status: result.ok ? 'ok' : 'failed',
      responseCode: result.responseCode,
      error: result.error,
      durationMs: result.durationMs,
      at: now.toISOString(),
    };

    if (result.ok) {
      await recordAttempt(db, delivery.id, generation, recorded, { status: 'delivered' });
      message.ack();
    } else if (result.responseCode === 410) {
      await recordAttempt(db, delivery.id, generation, recorded, { status: 'dead', reason: 'the receiver answered 410 Gone' }, [
        disableDestinationStatement(db, delivery.destination.id, 'the receiver answered 410 Gone', now.toISOString()),
      ]);
      message.ack();
    } else {
      // D1's count, not message.attempts: a second copy of the message (the sweep's) or a replay
      // must not start the schedule over, nor a stale chain end it.
      const delay = retryDelay(delivery.attempts + 1);
      const outcome: Outcome =
        delay === null
          ? { status: 'dead', reason: `no 2xx after ${MAX_ATTEMPTS} attempts` }
          : { status: 'pending', nextAttemptAt: new Date(now.getTime() + delay * 1000).toISOString() };
      await recordAttempt(db, delivery.id, generation, recorded, outcome);
      if (delay !== null) return message.retry({ delaySeconds: delay });
      // Given up: dead in D1 already; the dead-letter queue keeps the message for whoever watches it.
      await env.DEAD_LETTERS.send(message.body).catch((err: unknown) =>
        console.error(JSON.stringify({ error: 'dead letter not sent', id: message.id, message: String(err) })),
      );
      message.ack();
    }
  } catch (err) {
    // Our own failure (D1 unavailable…): try again later, on the same schedule, its longest delay
    // once past it (an outage is not waited out by retrying at once).
    console.error(JSON.stringify({ error: 'delivery failed', id: message.id, message: String(err) }));
    message.retry({ delaySeconds: retryDelay(Math.min(message.attempts, RETRY_DELAYS_SECONDS.length))! });
  }
}

/** Why a delivery the queue gave up on is dead: it had not had its attempts, we failed it. */
export const OWN_FAILURE_REASON = 'Tandem kept failing to process it (see the worker logs); replay it to try again';

/**
 * The dead-letter queue's consumer: deliveries given up on after their last attempt (already
 * dead, left as they are), and messages the consumer itself kept failing on (our own failures,
 * retried until the queue's max_retries ran out). Each of those is marked dead, unless it was
 * replayed since (another generation) or is no longer pending.
 */
export async function buryBatch(batch: MessageBatch<DeliveryMessage>, env: Bindings): Promise<void> {
  const messages = batch.messages.flatMap((m) => (isDeliveryMessage(m.body) ? [m.body] : []));
  await markDead(env.DB, messages, OWN_FAILURE_REASON);
  batch.ackAll();
}
