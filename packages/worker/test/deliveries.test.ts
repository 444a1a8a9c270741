import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { adminCall, apiWithQueue, consume, createDestination, listDeliveries, receiver, recordingQueue, sendFeedback } from './delivery-helpers.js';
import { api, createSite, expectError } from './helpers.js';

const COMPLAINT = { message: 'The lid of my grinder cracked on the second day.', rating: 2 };


/** A site with a working and a failing destination, and two complaints delivered (or not) to each. */
async function siteWithHistory() {
  const site = await createSite();
  const good = await createDestination(site, { url: receiver().url, routes: ['support'] });
  const bad = await createDestination(site, { url: receiver('fail=1000').url, routes: ['support'] });
  const { queue, sent } = recordingQueue();
  const first = await sendFeedback(site, queue, COMPLAINT);
  const second = await sendFeedback(site, queue, { ...COMPLAINT, message: 'And the second grinder too.' });
  await consume(sent);
  return { site, good, bad, first, second, deliveryIds: sent };
}

describe('GET /v1/deliveries', () => {
  it('lists the site’s deliveries newest first, each with its attempts', async () => {
    const { site, good, bad, first, second } = await siteWithHistory();
    const { data, nextCursor } = await listDeliveries(site);
    expect(nextCursor).toBeNull();
    expect(data).toHaveLength(4);
    expect(data.map((d) => d.feedbackId)).toEqual([second, second, first, first]);
    expect(data.map((d) => d.id)).toEqual([...data.map((d) => d.id)].sort().reverse());
    const delivered = data.find((d) => d.feedbackId === first && d.destinationId === good.id)!;
    expect(delivered).toMatchObject({ event: 'feedback.created', status: 'delivered', deadReason: null, nextAttemptAt: null });
    expect(delivered.attempts).toEqual([
      { attempt: 1, status: 'ok', responseCode: 200, error: null, durationMs: expect.any(Number), at: expect.any(String) },
    ]);
    const failing = data.find((d) => d.feedbackId === first && d.destinationId === bad.id)!;
    expect(failing).toMatchObject({ status: 'pending', nextAttemptAt: expect.any(String) });
    // Its next attempt is the schedule's first delay after the failed one.
    expect(Date.parse(failing.nextAttemptAt!) - Date.parse(failing.attempts[0]!.at)).toBe(10_000);
    expect(failing.attempts).toEqual([
      { attempt: 1, status: 'failed', responseCode: 503, error: 'HTTP 503: refused: attempt 1', durationMs: expect.any(Number), at: expect.any(String) },
    ]);
  });

  it('filters by destination, status and message', async () => {
    const { site, good, bad, first } = await siteWithHistory();
    const ids = async (query: string) => (await listDeliveries(site, query)).data.map((d) => [d.destinationId, d.feedbackId, d.status]);
    expect(await ids(`destination=${bad.id}`)).toEqual([
      [bad.id, expect.any(String), 'pending'],
      [bad.id, first, 'pending'],
    ]);
    expect((await ids('status=delivered')).every(([destination]) => destination === good.id)).toBe(true);
    expect(await ids('status=delivered')).toHaveLength(2);
    expect(await ids('status=dead')).toEqual([]);
    expect(await ids(`feedback=${first}&status=pending`)).toEqual([[bad.id, first, 'pending']]);
  });

  it('pages with the cursor it gives out', async () => {
    const { site } = await siteWithHistory();
    const all = (await listDeliveries(site)).data.map((d) => d.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { data: { id: string }[]; nextCursor: string | null } = await listDeliveries(site, `limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.data.map((d) => d.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
  });

  it('never lists another site’s deliveries', async () => {
    const { site, first } = await siteWithHistory();
    const other = await createSite();
    expect((await listDeliveries(site)).data).toHaveLength(4);
    expect((await listDeliveries(other)).data).toEqual([]);
    expect((await listDeliveries(other, `feedback=${first}`)).data).toEqual([]);
  });

  it.each([
    ['status', 'status=failed'],
    ['destination', 'destination=fb_01JD3X6Q0ZK4T1V8M2N5P7R9S3'],
    ['feedback', 'feedback=nonsense'],
    ['cursor', 'cursor=fb_01JD3X6Q0ZK4T1V8M2N5P7R9S3'],
    ['limit', 'limit=101'],
  ])('refuses a bad %s with a 400 naming it', async (path, query) => {
    const site = await createSite();
    const error = await expectError(await adminCall(site.secretKeys.admin, 'GET', `/v1/deliveries?${query}`), 400, 'invalid_request');
    expect(error.issues?.map((i) => i.path)).toEqual([path]);
  });
});

describe('POST /v1/deliveries/{id}/replay', () => {
  it('sends a dead delivery again and it can be delivered this time', async () => {
    const site = await createSite();
    const destination = await createDestination(site, { url: receiver('status=500').url, routes: ['support'] });
    const { queue, sent } = recordingQueue();
    await sendFeedback(site, queue, COMPLAINT);
    const [id] = sent;
    await env.DB.prepare(`UPDATE deliveries SET status = 'dead', dead_reason = 'no 2xx after 6 attempts' WHERE id = ?`).bind(id).run();
    // The receiver is fixed: the same destination now points at one that works.
    const fixed = receiver();
    await adminCall(site.secretKeys.admin, 'PATCH', `/v1/destinations/${destination.id}`, { url: fixed.url });

    const replay = recordingQueue();
    const res = await apiWithQueue(replay.queue, `/v1/deliveries/${id}/replay`, {
      method: 'POST',
      headers: { authorization: `Bearer ${site.secretKeys.admin}` },
    });
    expect(res.status).toBe(202);
    expect(await res.json()).toMatchObject({ id, status: 'pending', deadReason: null });
    await consume(replay.messages);
    expect((await fixed.received()).map((r) => r.headers['webhook-id'])).toEqual([id]);
    expect((await listDeliveries(site)).data[0]).toMatchObject({ id, status: 'delivered' });
  });

  it('refuses a delivery whose destination is disabled (409), another site’s (404), and a malformed id (400)', async () => {
    const site = await createSite();
    const other = await createSite();
    const destination = await createDestination(site, { url: receiver().url, routes: ['support'] });
    const { queue, sent } = recordingQueue();
    await sendFeedback(site, queue, COMPLAINT);
    const [id] = sent;

    await expectError(await adminCall(other.secretKeys.admin, 'POST', `/v1/deliveries/${id}/replay`), 404, 'not_found');
    await expectError(await adminCall(site.secretKeys.admin, 'POST', '/v1/deliveries/dlv_01JD3X6Q0ZK4T1V8M2N5P7R9S3/replay'), 404, 'not_found');
    const error = await expectError(await adminCall(site.secretKeys.admin, 'POST', '/v1/deliveries/not-an-id/replay'), 400, 'invalid_request');
    expect(error.issues?.map((i) => i.path)).toEqual(['id']);
    await adminCall(site.secretKeys.admin, 'PATCH', `/v1/destinations/${destination.id}`, { enabled: false });
    await expectError(await adminCall(site.secretKeys.admin, 'POST', `/v1/deliveries/${id}/replay`), 409, 'destination_disabled');
  });
});

describe('the delivery routes', () => {
  const calls = (id: string) =>
    [
      ['GET', '/v1/deliveries'],
      ['POST', `/v1/deliveries/${id}/replay`],
    ] as const;

  it('are for admin keys only: support and pr keys get 403, no key or a publishable one 401', async () => {
    const { site, deliveryIds } = await siteWithHistory();
    for (const [method, path] of calls(deliveryIds[0]!)) {
      for (const role of ['support', 'pr'] as const) await expectError(await adminCall(site.secretKeys[role], method, path), 403, 'forbidden');
      await expectError(await api(path, { method }), 401, 'unauthorized');
      await expectError(await adminCall(site.publishableKey, method, path), 401, 'unauthorized');
    }
  });
});
