// Delivery end to end inside workerd: storing feedback owes one delivery per matching destination,
// the queue consumer sends it to a real HTTP receiver (tests/support/webhook-receiver.ts), signs
// it, records every attempt, retries on the schedule, dead-letters, and replays on request.
import { createScheduledController } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it, vi } from 'vitest';
import { TOPICS } from '@tandem/triage';
import { verifyWebhook } from '../../sdk/src/webhooks.js';
import worker, { CRONS } from '../src/index.js';
import { DEAD_LETTER_QUEUE, DELIVERIES_QUEUE, type DeliveryMessage } from '../src/delivery/queue.js';
import { OWN_FAILURE_REASON } from '../src/delivery/consumer.js';
import { MAX_ATTEMPTS, OWN_FAILURE_RETRIES, RETRY_DELAYS_SECONDS } from '../src/delivery/retry.js';
import { send } from '../src/delivery/send.js';
import { slackMessage } from '../src/delivery/slack.js';
import { FeedbackInputSchema } from '../src/schemas/feedback.js';
import {
  adminCall,
  apiWithQueue,
  brokenQueue,
  consume,
  createDestination,
  delivery,
  listDeliveries,
  receiver,
  recordingQueue,
  sendFeedback,
} from './delivery-helpers.js';
import { api, createSite, postFeedback } from './helpers.js';

const COMPLAINT = { message: 'The grinder arrived broken and nobody answers my emails.', rating: 1, email: 'sam@example.com' };
const IDEA = { message: 'It would be great if you sold decaf in smaller bags.', category: 'idea' };
const PRAISE = { message: 'Wonderful coffee, fast delivery, thank you so much!', rating: 5 };
const PR_RISK = { message: 'You charged me twice. If this is not fixed today I will post it on Twitter and leave a review everywhere.', rating: 1 };

async function deliveryIdsOf(feedbackId: string): Promise<Map<string, string>> {
  const { results } = await env.DB.prepare('SELECT id, destination_id FROM deliveries WHERE feedback_id = ?')
    .bind(feedbackId)
    .all<{ id: string; destination_id: string }>();
  return new Map(results.map((r) => [r.destination_id, r.id]));
}

describe('storing feedback', () => {
  it('owes each enabled destination of the site that receives one of its teams one delivery, and enqueues them', async () => {
    const site = await createSite();
    const other = await createSite();
    const support = await createDestination(site, { url: receiver().url, routes: ['support'] });
    const product = await createDestination(site, { url: receiver().url, routes: ['product'] });
    const pr = await createDestination(site, { url: receiver().url, routes: ['pr'] });
    const everyone = await createDestination(site, { url: receiver().url, routes: ['support', 'product', 'pr'] });
    const off = await createDestination(site, { url: receiver().url, routes: ['support'] });
    await adminCall(site.secretKeys.admin, 'PATCH', `/v1/destinations/${off.id}`, { enabled: false });
    await createDestination(other, { url: receiver().url, routes: ['support', 'product', 'pr'] });
    const { queue, sent } = recordingQueue();

    const complaint = await deliveryIdsOf(await sendFeedback(site, queue, COMPLAINT));
    expect([...complaint.keys()].sort()).toEqual([support.id, everyone.id].sort());
    const idea = await deliveryIdsOf(await sendFeedback(site, queue, IDEA));
    expect([...idea.keys()].sort()).toEqual([product.id, everyone.id].sort());
    const praise = await deliveryIdsOf(await sendFeedback(site, queue, PRAISE));
    expect([...praise.keys()].sort()).toEqual([pr.id, everyone.id].sort());
    // Spam is kept and listed, and delivered to nobody.
    const spam = await deliveryIdsOf(await sendFeedback(site, queue, { ...COMPLAINT, signals: { honeypot: 'filled' } }));
    expect(spam.size).toBe(0);

    expect(sent.sort()).toEqual([...complaint.values(), ...idea.values(), ...praise.values()].sort());
  });

  it('alerts PR’s destinations to a PR-risk complaint while support still gets the message', async () => {
    const site = await createSite();
    const support = receiver();
    const pr = receiver();
    const product = receiver();
    const supportDestination = await createDestination(site, { url: support.url, routes: ['support'] });
    const prDestination = await createDestination(site, { url: pr.url, routes: ['pr'] });
    await createDestination(site, { url: product.url, routes: ['product'] });
    const { queue, sent } = recordingQueue();

    const id = await sendFeedback(site, queue, PR_RISK);
    await consume(sent);

    const [toSupport] = await support.received();
    const [toPr] = await pr.received();
    expect(JSON.parse(toSupport!.body)).toMatchObject({ type: 'feedback.created', data: { id, prRisk: true, label: 'complaint' } });
    expect(JSON.parse(toPr!.body)).toMatchObject({ type: 'feedback.pr_risk', data: { id, prRisk: true, routes: ['support', 'pr'] } });
    expect(await product.received()).toEqual([]);
    const ids = await deliveryIdsOf(id);
    expect((await delivery(site, ids.get(prDestination.id)!)).event).toBe('feedback.pr_risk');
    expect((await delivery(site, ids.get(supportDestination.id)!)).event).toBe('feedback.created');
  });

  it('enqueues an idempotent retry of the POST once', async () => {
    const site = await createSite();
    await createDestination(site, { url: receiver().url, routes: ['support'] });
    const { queue, sent } = recordingQueue();
    const key = { 'idempotency-key': crypto.randomUUID() };

    const first = await sendFeedback(site, queue, COMPLAINT, key);
    const again = await sendFeedback(site, queue, COMPLAINT, key);
    expect(again).toBe(first);
    expect(sent).toHaveLength(1);
    expect((await deliveryIdsOf(first)).size).toBe(1);
  });

  it('acknowledges the message when the queue is down, and the sweep enqueues what was left pending', async () => {
    const site = await createSite();
    const hook = receiver();
    await createDestination(site, { url: hook.url, routes: ['support'] });

    const stalledId = await sendFeedback(site, brokenQueue, COMPLAINT);
    const freshId = await sendFeedback(site, brokenQueue, { ...COMPLAINT, message: 'A second complaint, just now.' });
    const [stalled] = (await deliveryIdsOf(stalledId)).values();
    const [fresh] = (await deliveryIdsOf(freshId)).values();
    expect((await delivery(site, stalled!)).status).toBe('pending');
    // Its next attempt was due a quarter of an hour ago; the other's only just now.
    await env.DB.prepare('UPDATE deliveries SET next_attempt_at = ? WHERE id = ?')
      .bind(new Date(Date.now() - 15 * 60 * 1000).toISOString(), stalled)
      .run();

    const { queue, sent } = recordingQueue();
    const controller = createScheduledController({ scheduledTime: Date.now(), cron: CRONS.resendStalled });
    const sweep = () => worker.scheduled(controller, { ...env, DELIVERIES: queue });
    await sweep();
    expect(sent).toContain(stalled);
    expect(sent).not.toContain(fresh);
    // Enqueued again: not stalled any more until it is overdue once more.
    await sweep();
    expect(sent.filter((id) => id === stalled)).toHaveLength(1);

    await consume([stalled!]);
    expect(await hook.received()).toHaveLength(1);
  });

  it('leaves a slow queue alone: the sweep sends again only what nobody has enqueued for an hour', async () => {
    const site = await createSite();
    await createDestination(site, { url: receiver().url, routes: ['support'] });
    const { queue, sent } = recordingQueue();
    await sendFeedback(site, queue, COMPLAINT);
    const [id] = sent;
    const handedToTheQueue = (minutesAgo: number) =>
      env.DB.prepare('UPDATE deliveries SET next_attempt_at = ?1, enqueued_at = ?1 WHERE id = ?2')
        .bind(new Date(Date.now() - minutesAgo * 60 * 1000).toISOString(), id)
        .run();
    const swept = recordingQueue();
    const sweep = () =>
      worker.scheduled(createScheduledController({ scheduledTime: Date.now(), cron: CRONS.resendStalled }), { ...env, DELIVERIES: swept.queue });

    // Enqueued 20 minutes ago and still waiting behind others: a copy would only add to the queue.
    await handedToTheQueue(20);
    await sweep();
    expect(swept.sent).not.toContain(id);
    // After an hour its message is taken for lost.
    await handedToTheQueue(61);
    await sweep();
    expect(swept.messages).toContainEqual({ deliveryId: id, generation: 0 });
  });
});

describe('overriding a message’s routes', () => {
  /** PUT /v1/feedback/{id}/routes with the site's support key, through `queue`. */
  async function overrideRoutes(site: Awaited<ReturnType<typeof createSite>>, queue: Queue<DeliveryMessage>, id: string, routes: string[]) {
    const res = await apiWithQueue(queue, `/v1/feedback/${id}/routes`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${site.secretKeys.support}`, 'content-type': 'application/json' },
      body: JSON.stringify({ routes, reason: 'The customer mentions a journalist.', actor: 'Ana Ruiz' }),
    });
    expect(res.status).toBe(200);
  }

  it('delivers the message to the destinations of an added team, once, and only the site’s own', async () => {
    const site = await createSite();
    const other = await createSite();
    const support = receiver();
    const pr = receiver();
    const supportDestination = await createDestination(site, { url: support.url, routes: ['support'] });
    const prDestination = await createDestination(site, { url: pr.url, routes: ['pr'] });
    const productDestination = await createDestination(site, { url: receiver().url, routes: ['product'] });
    const prOff = await createDestination(site, { url: receiver().url, routes: ['pr'] });
    await adminCall(site.secretKeys.admin, 'PATCH', `/v1/destinations/${prOff.id}`, { enabled: false });
    const theirs = receiver();
    await createDestination(other, { url: theirs.url, routes: ['support', 'pr'] });
    const first = recordingQueue();
    const id = await sendFeedback(site, first.queue, COMPLAINT);
    await consume(first.sent);
    // PR's desk set up after the message arrived: an added team's destination all the same.
    const latePr = await createDestination(site, { url: receiver().url, routes: ['pr', 'support'] });

    const { queue, sent } = recordingQueue();
    await overrideRoutes(site, queue, id, ['support', 'pr']);
    const ids = await deliveryIdsOf(id);
    expect([...ids.keys()].sort()).toEqual([supportDestination.id, prDestination.id, latePr.id].sort());
    expect(ids.has(productDestination.id)).toBe(false);
    expect(sent.sort()).toEqual([ids.get(prDestination.id), ids.get(latePr.id)].sort());
    expect(await consume(sent)).toEqual({ acked: expect.arrayContaining(sent), retried: [] });

    const [got] = await pr.received();
    expect(JSON.parse(got!.body)).toMatchObject({
      type: 'feedback.created',
      data: { id, routes: ['support', 'pr'], message: COMPLAINT.message, email: COMPLAINT.email },
    });
    expect(await support.received()).toHaveLength(1);
    expect(await theirs.received()).toEqual([]);

    // The same override again owes nothing new.
    const again = recordingQueue();
    await overrideRoutes(site, again.queue, id, ['pr', 'support']);
    expect(again.sent).toEqual([]);
    expect((await deliveryIdsOf(id)).size).toBe(3);
  });

  it('recalls nothing when a team is taken away, and sends nothing twice when it comes back', async () => {
    const site = await createSite();
    const support = receiver();
    const supportDestination = await createDestination(site, { url: support.url, routes: ['support'] });
    const productDestination = await createDestination(site, { url: receiver().url, routes: ['product'] });
    const first = recordingQueue();
    const id = await sendFeedback(site, first.queue, COMPLAINT);
    await consume(first.sent);

    const moved = recordingQueue();
    await overrideRoutes(site, moved.queue, id, ['product']);
    const ids = await deliveryIdsOf(id);
    expect(ids.has(productDestination.id)).toBe(true);
    expect(moved.sent).toEqual([ids.get(productDestination.id)]);
    expect(await delivery(site, ids.get(supportDestination.id)!)).toMatchObject({ status: 'delivered' });

    const back = recordingQueue();
    await overrideRoutes(site, back.queue, id, ['support']);
    expect(back.sent).toEqual([]);
    expect(await support.received()).toHaveLength(1);
  });
});

describe('the queue consumer', () => {
  it('retries a failing receiver with backoff and delivers once it recovers, signed for verifyWebhook and standardwebhooks', async () => {
    const site = await createSite();
    const hook = receiver('fail=2');
    const destination = await createDestination(site, { url: hook.url, routes: ['support'] });
    const { queue, sent } = recordingQueue();
    const feedbackId = await sendFeedback(site, queue, COMPLAINT);
    const [id] = sent;

    expect(await consume([id!], 1)).toEqual({ acked: [], retried: [{ id, delaySeconds: RETRY_DELAYS_SECONDS[0] }] });
    expect(await consume([id!], 2)).toEqual({ acked: [], retried: [{ id, delaySeconds: RETRY_DELAYS_SECONDS[1] }] });
    expect(await consume([id!], 3)).toEqual({ acked: [id], retried: [] });

    const received = await hook.received();
    expect(received).toHaveLength(3);
    // Every attempt carries the same webhook-id (the delivery's), so a receiver can dedupe.
    expect(received.map((r) => r.headers['webhook-id'])).toEqual([id, id, id]);
    const last = received[2]!;
    expect(last.headers['content-type']).toBe('application/json');
    const event = await verifyWebhook<{ type: string; timestamp: string; data: Record<string, unknown> }>(last.body, last.headers, destination.secret!);
    expect(new Webhook(destination.secret!).verify(last.body, last.headers)).toEqual(event);
    expect(event).toEqual({
      type: 'feedback.created',
      timestamp: expect.any(String),
      data: {
        id: feedbackId,
        siteId: site.id,
        label: 'complaint',
        routes: ['support'],
        urgency: expect.any(String),
        topics: expect.any(Array),
        prRisk: false,
        rating: 1,
        score: null,
        category: null,
        message: COMPLAINT.message,
        email: 'sam@example.com',
        pageUrl: null,
        createdAt: event.timestamp,
        link: `https://tandem.test/dashboard/feedback/${feedbackId}`,
      },
    });
    // The signature is over these exact bytes: another secret or a changed body fails.
    await expect(verifyWebhook(last.body.replace('broken', 'fine'), last.headers, destination.secret!)).rejects.toThrow();

    const view = await delivery(site, id!);
    expect(view).toMatchObject({ status: 'delivered', deadReason: null, nextAttemptAt: null, feedbackId, destinationId: destination.id });
    expect(view.attempts.map(({ attempt, status, responseCode }) => ({ attempt, status, responseCode }))).toEqual([
      { attempt: 1, status: 'failed', responseCode: 503 },
      { attempt: 2, status: 'failed', responseCode: 503 },
      { attempt: 3, status: 'ok', responseCode: 200 },
    ]);
    expect(view.attempts[0]!.error).toBe('HTTP 503: refused: attempt 1');
    expect(view.attempts[2]!.error).toBeNull();
    // A duplicate queue message for a delivered delivery sends nothing more.
    expect(await consume([id!], 1)).toEqual({ acked: [id], retried: [] });
    expect(await hook.received()).toHaveLength(3);
  });

  it('gives up after the last attempt: the delivery is dead and its message done with', async () => {
    const site = await createSite();
    const hook = receiver('fail=1000');
    await createDestination(site, { url: hook.url, routes: ['support'] });
    const { queue, sent } = recordingQueue();
    await sendFeedback(site, queue, COMPLAINT);
    const [id] = sent;

    for (const [i, delaySeconds] of RETRY_DELAYS_SECONDS.entries()) {
      expect(await consume([id!], i + 1)).toEqual({ acked: [], retried: [{ id, delaySeconds }] });
      expect((await delivery(site, id!)).status).toBe('pending');
    }
    // The last attempt: the outcome is in D1, and the message moves to the dead-letter queue.
    const deadLetters = recordingQueue();
    expect(await consume([id!], MAX_ATTEMPTS, undefined, { DEAD_LETTERS: deadLetters.queue })).toEqual({ acked: [id], retried: [] });
    expect(deadLetters.sent).toEqual([id]);

    const view = await delivery(site, id!);
    expect(view).toMatchObject({ status: 'dead', deadReason: `no 2xx after ${MAX_ATTEMPTS} attempts`, nextAttemptAt: null });
    expect(view.attempts).toHaveLength(MAX_ATTEMPTS);
    expect(await hook.received()).toHaveLength(MAX_ATTEMPTS);
    // A dead letter for it (had the queue given up on our own failures) leaves it dead as it is.
    expect(await consume([id!], 1, DEAD_LETTER_QUEUE)).toEqual({ acked: [id], retried: [] });
    expect((await delivery(site, id!)).status).toBe('dead');
  });

  it('keeps queue retries for failures of our own: after one, the delivery still gets all its attempts', async () => {
    const maxRetries = env.QUEUE_CONSUMERS.find((c) => c.queue === DELIVERIES_QUEUE)!.max_retries!;
    const site = await createSite();
    const hook = receiver('status=503');
    await createDestination(site, { url: hook.url, routes: ['support'] });
    const { queue, sent } = recordingQueue();
    await sendFeedback(site, queue, COMPLAINT);
    const [id] = sent;
    const unavailable = {
      prepare() {
        throw new Error('D1_ERROR: network connection lost');
      },
    } as unknown as D1Database;

    // The queue's first delivery of it: D1 is down, so no attempt is made or recorded.
    expect(await consume([id!], 1, DELIVERIES_QUEUE, { DB: unavailable })).toEqual({ acked: [], retried: [{ id, delaySeconds: RETRY_DELAYS_SECONDS[0] }] });
    // Then every attempt of the schedule, each on a delivery the queue still allows (the first is
    // no retry: the queue's count is max_retries + 1 at most).
    for (let delivered = 2; delivered <= MAX_ATTEMPTS + 1; delivered++) {
      expect(delivered).toBeLessThanOrEqual(maxRetries + 1);
      await consume([id!], delivered, DELIVERIES_QUEUE, { DEAD_LETTERS: recordingQueue().queue });
    }
    const view = await delivery(site, id!);
    expect(view).toMatchObject({ status: 'dead', deadReason: `no 2xx after ${MAX_ATTEMPTS} attempts` });
    expect(view.attempts).toHaveLength(MAX_ATTEMPTS);
    expect(await hook.received()).toHaveLength(MAX_ATTEMPTS);
  });

  it('waits out an outage of our own at the schedule’s longest delay once past the schedule', async () => {
    const site = await createSite();
    await createDestination(site, { url: receiver().url, routes: ['support'] });
    const { queue, sent } = recordingQueue();
    await sendFeedback(site, queue, COMPLAINT);
    const unavailable = { prepare: () => { throw new Error('D1_ERROR: network connection lost'); } } as unknown as D1Database;
    const longest = RETRY_DELAYS_SECONDS.at(-1);
    for (const delivered of [RETRY_DELAYS_SECONDS.length + 1, RETRY_DELAYS_SECONDS.length + OWN_FAILURE_RETRIES]) {
      expect(await consume(sent, delivered, DELIVERIES_QUEUE, { DB: unavailable })).toEqual({ acked: [], retried: [{ id: sent[0], delaySeconds: longest }] });
    }
  });

  it('marks dead a delivery that reached the dead-letter queue without its last attempt recorded', async () => {
    const site = await createSite();
    await createDestination(site, { url: receiver().url, routes: ['support'] });
    const { queue, sent } = recordingQueue();
    await sendFeedback(site, queue, COMPLAINT);
    expect(await consume(sent, 1, DEAD_LETTER_QUEUE)).toEqual({ acked: sent, retried: [] });
    expect(await delivery(site, sent[0]!)).toMatchObject({ status: 'dead', deadReason: OWN_FAILURE_REASON, attempts: [] });
  });

  it('counts the attempts D1 holds, not the queue message’s: a second copy never starts the schedule over', async () => {
    const site = await createSite();
    const hook = receiver('fail=1000');
    await createDestination(site, { url: hook.url, routes: ['support'] });
    const { queue, sent } = recordingQueue();
    await sendFeedback(site, queue, COMPLAINT);
    const [id] = sent;

    expect(await consume([id!], 1)).toEqual({ acked: [], retried: [{ id, delaySeconds: RETRY_DELAYS_SECONDS[0] }] });
    // A copy the sweep sent, on its first attempt as far as the queue knows: the second attempt all the same.
    expect(await consume([id!], 1)).toEqual({ acked: [], retried: [{ id, delaySeconds: RETRY_DELAYS_SECONDS[1] }] });
    for (let attempt = 3; attempt < MAX_ATTEMPTS; attempt++) await consume([id!], 2);
    // The sixth attempt is the last, though this message has been delivered only twice.
    expect(await consume([id!], 2)).toEqual({ acked: [id], retried: [] });
    const view = await delivery(site, id!);
    expect(view).toMatchObject({ status: 'dead', deadReason: `no 2xx after ${MAX_ATTEMPTS} attempts` });
    expect(view.attempts).toHaveLength(MAX_ATTEMPTS);
    // Another copy still queued sends nothing more.
    expect(await consume([id!], 1)).toEqual({ acked: [id], retried: [] });
    expect(await hook.received()).toHaveLength(MAX_ATTEMPTS);
  });

  it('replays in a new generation: the chain it replaced and its dead letter leave it alone, and the schedule starts over', async () => {
    const site = await createSite();
    const hook = receiver('fail=1000');
    await createDestination(site, { url: hook.url, routes: ['support'] });
    const { queue, sent } = recordingQueue();
    await sendFeedback(site, queue, COMPLAINT);
    const [id] = sent;
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) await consume([id!], attempt);

    // Five attempts failed and the sixth is queued when an admin replays it.
    const replay = recordingQueue();
    const res = await apiWithQueue(replay.queue, `/v1/deliveries/${id}/replay`, {
      method: 'POST',
      headers: { authorization: `Bearer ${site.secretKeys.admin}` },
    });
    expect(res.status).toBe(202);
    expect(replay.messages).toEqual([{ deliveryId: id, generation: 1 }]);
    // The old chain's last message sends nothing and gives nothing up; nor does its dead letter.
    expect(await consume([id!], MAX_ATTEMPTS)).toEqual({ acked: [id], retried: [] });
    expect(await consume([id!], 1, DEAD_LETTER_QUEUE)).toEqual({ acked: [id], retried: [] });
    expect(await hook.received()).toHaveLength(MAX_ATTEMPTS - 1);
    expect((await delivery(site, id!)).status).toBe('pending');

    // The replay's message: the sixth attempt in all, the first of its own schedule.
    expect(await consume(replay.messages, 1)).toEqual({ acked: [], retried: [{ id, delaySeconds: RETRY_DELAYS_SECONDS[0] }] });
    const view = await delivery(site, id!);
    expect(view.status).toBe('pending');
    expect(view.attempts.map((a) => a.attempt)).toEqual([1, 2, 3, 4, 5, 6]);
    // And its own dead letter, had our own failures used up the queue's retries, does bury it.
    expect(await consume(replay.messages, 1, DEAD_LETTER_QUEUE)).toEqual({ acked: [id], retried: [] });
    expect((await delivery(site, id!)).status).toBe('dead');
  });

  it('keeps wrangler.toml’s retries, dead-letter queue and the retry schedule in step', () => {
    const consumer = env.QUEUE_CONSUMERS.find((c) => c.queue === DELIVERIES_QUEUE);
    expect(consumer).toMatchObject({ max_retries: RETRY_DELAYS_SECONDS.length + OWN_FAILURE_RETRIES, dead_letter_queue: DEAD_LETTER_QUEUE });
    // The handler tells the two apart by these names: nothing else may be consumed.
    expect(env.QUEUE_CONSUMERS.map((c) => c.queue).sort()).toEqual([DELIVERIES_QUEUE, DEAD_LETTER_QUEUE].sort());
  });

  it('replays a delivery on request: a new attempt with the same webhook-id and a fresh signature', async () => {
    const site = await createSite();
    const hook = receiver();
    const destination = await createDestination(site, { url: hook.url, routes: ['support'] });
    const { queue, sent } = recordingQueue();
    await sendFeedback(site, queue, COMPLAINT);
    const [id] = sent;
    await consume([id!]);
    expect((await delivery(site, id!)).status).toBe('delivered');

    const replay = recordingQueue();
    const res = await apiWithQueue(replay.queue, `/v1/deliveries/${id}/replay`, {
      method: 'POST',
      headers: { authorization: `Bearer ${site.secretKeys.admin}` },
    });
    expect(res.status).toBe(202);
    expect(await res.json()).toMatchObject({ id, status: 'pending', attempts: [{ attempt: 1, status: 'ok' }] });
    expect(replay.sent).toEqual([id]);
    await consume(replay.messages);

    const [first, again] = await hook.received();
    expect(again!.headers['webhook-id']).toBe(first!.headers['webhook-id']);
    expect(again!.body).toBe(first!.body);
    expect(await verifyWebhook(again!.body, again!.headers, destination.secret!)).toEqual(JSON.parse(first!.body));
    const view = await delivery(site, id!);
    expect(view.status).toBe('delivered');
    expect(view.attempts.map((a) => [a.attempt, a.status])).toEqual([
      [1, 'ok'],
      [2, 'ok'],
    ]);
  });

  it('turns a destination off when its receiver answers 410 Gone, and sends it nothing more', async () => {
    const site = await createSite();
    const hook = receiver('status=410');
    const destination = await createDestination(site, { url: hook.url, routes: ['support'] });
    const { queue, sent } = recordingQueue();
    await sendFeedback(site, queue, COMPLAINT);
    expect(await consume(sent)).toEqual({ acked: sent, retried: [] });

    expect(await delivery(site, sent[0]!)).toMatchObject({ status: 'dead', deadReason: 'the receiver answered 410 Gone' });
    const { data } = await (await adminCall(site.secretKeys.admin, 'GET', '/v1/destinations')).json<{ data: { id: string; enabled: boolean; disabledReason: string }[] }>();
    expect(data.find((d) => d.id === destination.id)).toMatchObject({ enabled: false, disabledReason: 'the receiver answered 410 Gone' });
    await sendFeedback(site, queue, COMPLAINT);
    expect(sent).toHaveLength(1);
    expect(await hook.received()).toHaveLength(1);
  });

  it('gives up what was pending for a destination turned off meanwhile, without sending it', async () => {
    const site = await createSite();
    const hook = receiver();
    const destination = await createDestination(site, { url: hook.url, routes: ['support'] });
    const { queue, sent } = recordingQueue();
    await sendFeedback(site, queue, COMPLAINT);
    await adminCall(site.secretKeys.admin, 'PATCH', `/v1/destinations/${destination.id}`, { enabled: false });

    expect(await consume(sent)).toEqual({ acked: sent, retried: [] });
    expect(await delivery(site, sent[0]!)).toMatchObject({ status: 'dead', deadReason: 'the destination is disabled', attempts: [] });
    expect(await hook.received()).toEqual([]);
  });

  /** Sends `body` to a new site whose Slack destination takes support's messages: the message's id and what Slack got. */
  async function sentToSlack(body: Record<string, unknown>) {
    const site = await createSite();
    const slack = receiver();
    await createDestination(site, { kind: 'slack', url: slack.url, routes: ['support'] });
    const { queue, sent } = recordingQueue();
    const id = await sendFeedback(site, queue, body);
    await consume(sent);
    return { id, got: (await slack.received())[0]! };
  }

  it('sends Slack a readable message: label, team, urgency, rating, topics, the words as text, and a link', async () => {
    const message = 'My refund never arrived <!channel> & the <b>order</b> page > says "paid".\nStill waiting.';
    const { id, got } = await sentToSlack({ message, rating: 2, name: 'Sam Lee', pageUrl: 'https://shop.example/orders?x=<1>' });
    expect(got.headers['webhook-signature']).toBeUndefined();
    const { text, blocks } = JSON.parse(got.body) as { text: string; blocks: { type: string; text?: { text: string }; elements?: { text: string }[] }[] };
    const shown = [blocks[0]!.text!.text, blocks[1]!.text!.text, blocks[2]!.elements![0]!.text].join('\n');
    expect(blocks[0]!.text!.text).toMatch(/^\*New complaint\* · for support · urgency \*(normal|high|critical)\* · ★★☆☆☆ 2\/5$/);
    // The customer's words as text: never a mention, a link or markup.
    expect(blocks[1]!.text!.text).toBe(
      '>My refund never arrived &lt;!channel&gt; &amp; the &lt;b&gt;order&lt;/b&gt; page &gt; says "paid".\n>Still waiting.',
    );
    expect(blocks[2]!.elements![0]!.text).toContain('Topics: refund');
    expect(blocks[2]!.elements![0]!.text).toContain('From Sam Lee');
    expect(blocks[2]!.elements![0]!.text).toContain('On https://shop.example/orders?x=&lt;1&gt;');
    expect(blocks[2]!.elements![0]!.text).toContain(`<https://tandem.test/dashboard/feedback/${id}|Open in Tandem>`);
    expect(shown).not.toContain('<!channel>');
    expect(text).toMatch(/^New complaint \(urgency \w+\): My refund never arrived &lt;!channel&gt;/);
  });

  it('asks Slack to show the customer’s words verbatim: an address or #channel in them is never made a link, ours still is', async () => {
    const message = 'Your refund page is broken, use https://refunds-northwind.example/login instead, or ask in #general.';
    const { id, got } = await sentToSlack({ message, rating: 1, name: 'Sam at www.sam.example', pageUrl: 'https://shop.example/#general' });
    type Text = { type: string; text: string; verbatim?: boolean };
    const { blocks } = JSON.parse(got.body) as { blocks: { text?: Text; elements?: Text[] }[] };
    const texts = blocks.flatMap((b) => [...(b.text ? [b.text] : []), ...(b.elements ?? [])]);
    const words = texts.filter((t) => /refunds-northwind|www\.sam\.example|shop\.example/.test(t.text));
    expect(words.map((t) => t.text).join('\n')).toMatch(/refunds-northwind[\s\S]*www\.sam\.example[\s\S]*shop\.example/);
    // Slack's text object: without verbatim, "URLs will be auto-converted into links, conversation names will be link-ified".
    for (const text of words) expect(text, text.text).toMatchObject({ type: 'mrkdwn', verbatim: true });
    // A link Tandem writes itself (<url|text>) is a "manual parsing string", which verbatim text still turns into a link.
    expect(blocks[2]!.elements![0]!.text).toContain(`<https://tandem.test/dashboard/feedback/${id}|Open in Tandem>`);
  });

  it('keeps every Slack text within Slack’s 3,000 characters for the longest inputs, shortening the page address between escapes', async () => {
    const topics = [...TOPICS].sort((a, b) => b.length - a.length).slice(0, 3);
    const name = '&'.repeat(100);
    const link = `https://feedback.tandem.example/dashboard/feedback/fb_01JD3X6Q0ZK4T1V8M2N5P7R9S3`;
    for (const pad of ['', 'b', 'bb', 'bbb', 'bbbb']) {
      // A page address of 2,048 characters, mostly &, which Slack needs as &amp;.
      let pageUrl = `https://shop.example/c?${pad}`;
      while (pageUrl.length + 2 <= 2048) pageUrl += '&x';
      pageUrl += '&'.repeat(2048 - pageUrl.length);
      for (const message of ['&'.repeat(5000), '&\n'.repeat(2500)]) {
        expect(FeedbackInputSchema.safeParse({ message, rating: 1, name, pageUrl }).success).toBe(true);
        const { text, blocks } = slackMessage({
          type: 'feedback.pr_risk',
          timestamp: '2026-11-22T10:00:00.000Z',
          data: {
            id: 'fb_01JD3X6Q0ZK4T1V8M2N5P7R9S3', siteId: 's', label: 'complaint', routes: ['support', 'product', 'pr'], urgency: 'critical',
            topics, prRisk: true, rating: 1, score: null, category: null, message, name, pageUrl, createdAt: '2026-11-22T10:00:00.000Z', link,
          },
        });
        expect(text.length).toBeLessThanOrEqual(3000);
        for (const t of blocks.flatMap((b) => (b.type === 'section' ? [b.text] : b.elements))) {
          expect(t.text.length, t.text.slice(0, 80)).toBeLessThanOrEqual(3000);
          // Every & Slack sees starts an escape: none was cut in half.
          expect(t.text).not.toMatch(/&(?!amp;|lt;|gt;)/);
        }
        const context = (blocks[2] as { elements: { text: string }[] }).elements[0]!.text;
        expect(context).toMatch(/^Topics: .* · From (&amp;){100} · On https:\/\/shop\.example\/c\?b*&amp;x(&amp;x)*(&amp;)*… · </);
        expect(context.endsWith(`<${link}|Open in Tandem>`)).toBe(true);
      }
    }
  });

  it('shows Slack a PR-risk alert and a 0–10 score, and cuts a long message short', async () => {
    const site = await createSite();
    const prChannel = receiver();
    const supportChannel = receiver();
    await createDestination(site, { kind: 'slack', url: prChannel.url, routes: ['pr'] });
    await createDestination(site, { kind: 'slack', url: supportChannel.url, routes: ['support'] });
    const { queue, sent } = recordingQueue();
    await sendFeedback(site, queue, { message: `${PR_RISK.message} ${'Really. '.repeat(100)}`, score: 0 });
    await consume(sent);

    const blocksOf = async (channel: ReturnType<typeof receiver>) =>
      (JSON.parse((await channel.received())[0]!.body) as { blocks: { text?: { text: string } }[] }).blocks;
    const alert = await blocksOf(prChannel);
    expect(alert[0]!.text!.text).toMatch(/^:rotating_light: \*PR risk: a complaint that may go public\* · for support, pr · urgency \*\w+\* · score 0\/10$/);
    expect([...alert[1]!.text!.text].length).toBeLessThanOrEqual(501);
    expect(alert[1]!.text!.text.endsWith('…')).toBe(true);
    // Support's channel gets the message, and hears of the risk.
    expect((await blocksOf(supportChannel))[0]!.text!.text).toMatch(/^\*New complaint\* · .* · :rotating_light: may go public$/);
  });

  it('records a receiver that does not answer in time as a failed attempt with no response code', async () => {
    const site = await createSite();
    const hook = receiver('hang=2000');
    const destination = await createDestination(site, { url: hook.url, routes: ['support'] });
    const result = await send(
      { id: 'dlv_01JD3X6Q0ZK4T1V8M2N5P7R9S3', payload: '{"type":"test"}', destination: { ...destination, kind: 'webhook', enabled: true } },
      { timeoutMs: 200 },
    );
    expect(result).toMatchObject({ ok: false, responseCode: null, error: 'timed out after 0.2 s' });
    expect(await hook.received()).toHaveLength(1);
  });

  it('records a receiver that hangs up without answering as a failed attempt and retries it', async () => {
    // workerd logs the lost connection as "uncaught" even though send() catches it.
    const site = await createSite();
    await createDestination(site, { url: receiver('drop=1').url, routes: ['support'] });
    const { queue, sent } = recordingQueue();
    await sendFeedback(site, queue, COMPLAINT);
    expect(await consume(sent)).toEqual({ acked: [], retried: [{ id: sent[0], delaySeconds: RETRY_DELAYS_SECONDS[0] }] });
    const [attempt] = (await delivery(site, sent[0]!)).attempts;
    expect(attempt).toMatchObject({ status: 'failed', responseCode: null, error: expect.any(String) });
  });
});

describe('through the real local queue', () => {
  it('delivers a message sent to the API without anyone driving the consumer', async () => {
    const site = await createSite();
    const hook = receiver();
    const destination = await createDestination(site, { url: hook.url, routes: ['support'] });
    const res = await postFeedback(site, COMPLAINT);
    const { id } = await res.json<{ id: string }>();

    const got = await vi.waitFor(
      async () => {
        const [first] = await hook.received();
        expect(first).toBeDefined();
        return first!;
      },
      { timeout: 15_000, interval: 100 },
    );
    expect(await verifyWebhook(got.body, got.headers, destination.secret!)).toMatchObject({ type: 'feedback.created', data: { id } });
    await vi.waitFor(async () => expect((await listDeliveries(site, `feedback=${id}`)).data[0]?.status).toBe('delivered'), {
      timeout: 5_000,
      interval: 100,
    });
  });
});

describe('the OpenAPI document', () => {
  it('describes the events receivers get as webhooks, with the signature headers', async () => {
    const doc = await (await api('/v1/openapi.json')).json<{
      webhooks: Record<string, { post: { parameters: { name: string; in: string }[]; requestBody: { content: Record<string, { schema: { $ref: string } }> } } }>;
      components: { schemas: Record<string, { properties: Record<string, unknown> }> };
    }>();
    expect(Object.keys(doc.webhooks).sort()).toEqual(['alert', 'feedback', 'test']);
    expect(doc.webhooks.alert!.post.requestBody.content['application/json']!.schema.$ref).toBe('#/components/schemas/SurgeEvent');
    const feedback = doc.webhooks.feedback!.post;
    expect(feedback.parameters.map((p) => `${p.in}:${p.name}`).sort()).toEqual(['header:webhook-id', 'header:webhook-signature', 'header:webhook-timestamp']);
    expect(feedback.requestBody.content['application/json']!.schema.$ref).toBe('#/components/schemas/FeedbackEvent');
    expect(Object.keys(doc.components.schemas.FeedbackEventData!.properties)).toEqual(
      expect.arrayContaining(['id', 'label', 'routes', 'urgency', 'topics', 'prRisk', 'rating', 'score', 'message', 'email', 'pageUrl', 'link']),
    );
  });
});

describe('a message’s deliveries', () => {
  it('go with it when a customer’s data is deleted, and the count says one message', async () => {
    const site = await createSite();
    await createDestination(site, { url: receiver().url, routes: ['support'] });
    await createDestination(site, { url: receiver().url, routes: ['support'] });
    const { queue, sent } = recordingQueue();
    const id = await sendFeedback(site, queue, COMPLAINT);
    await consume(sent);
    expect(await deliveryIdsOf(id)).toHaveProperty('size', 2);

    const res = await adminCall(site.secretKeys.admin, 'DELETE', `/v1/customer-data?email=${COMPLAINT.email}`);
    expect(await res.json()).toEqual({ deleted: { feedback: 1, testimonials: 0 } });
    expect((await deliveryIdsOf(id)).size).toBe(0);
    expect((await listDeliveries(site)).data).toEqual([]);
    const attempts = await env.DB.prepare('SELECT COUNT(*) AS n FROM delivery_attempts WHERE delivery_id IN (SELECT value FROM json_each(?))')
      .bind(JSON.stringify(sent))
      .first<{ n: number }>();
    expect(attempts!.n).toBe(0);
  });
});
