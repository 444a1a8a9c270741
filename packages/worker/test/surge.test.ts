// The surge job: today's complaints per topic against the 28 days before, one alert per site,
// topic and day, sent to PR's destinations only; and GET /v1/alerts, which lists them.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { SURGE_COUNTS } from '../src/db/alerts.js';
import { slackMessage } from '../src/delivery/slack.js';
import { detectSurges, MIN_COMPLAINTS, MIN_HISTORY_DAYS } from '../src/jobs/surge.js';
import { newId } from '../src/lib/ids.js';
import type { SurgeEvent } from '../src/schemas/alert.js';
import { consume, createDestination, listDeliveries, receiver, recordingQueue } from './delivery-helpers.js';
import { api, createSite, expectError, getWithSecret, type TestSite } from './helpers.js';

const DAY_MS = 24 * 60 * 60 * 1000;

let n = 0;
/** `count` complaints about `topics` on the UTC day `daysAgo` before `now` (0: today, before `now`). */
function complaints(site: TestSite, now: Date, daysAgo: number, count: number, topics: string[], label = 'complaint') {
  const dayStart = Date.parse(`${now.toISOString().slice(0, 10)}T00:00:00.000Z`) - daysAgo * DAY_MS;
  return Array.from({ length: count }, (_, i) =>
    env.DB.prepare(
      `INSERT INTO feedback (id, site_id, message, rating, consent_publish, label, routes, sentiment, confidence, reasons, topics, created_at)
       VALUES (?, ?, 'It broke', 1, 0, ?, '["support"]', -0.8, 0.9, '[]', ?, ?)`,
    ).bind(
      `fb_SURGE${String(++n).padStart(21, '0')}`,
      site.id,
      label,
      JSON.stringify(topics),
      new Date(dayStart + (i + 1) * 60_000).toISOString(),
    ),
  );
}

/** Every day of the 28 before `now`, `perDay` complaints about `topics`. */
const baseline = (site: TestSite, now: Date, perDay: number, topics: string[]) =>
  Array.from({ length: 28 }, (_, d) => complaints(site, now, d + 1, perDay, topics)).flat();

/** One praise `daysAgo` before today: the site has kept messages that long, none a complaint. */
const keptSince = (site: TestSite, now: Date, daysAgo: number) => complaints(site, now, daysAgo, 1, [], 'praise');

async function run(now: Date) {
  const { queue, sent } = recordingQueue();
  const alerts = await detectSurges({ DB: env.DB, DELIVERIES: queue, DASHBOARD_URL: 'https://tandem.example/dashboard' }, now);
  return { alerts, sent };
}

const alertsOf = (site: TestSite, alerts: SurgeEvent['data'][]) => alerts.filter((a) => a.siteId === site.id);

describe('the surge job', () => {
  it('raises one alert naming the topic that spiked, sent to PR’s destinations only, and never twice', async () => {
    const now = new Date('2031-05-20T15:00:00.000Z');
    const site = await createSite();
    const pr = receiver();
    const support = receiver();
    const prDestination = await createDestination(site, { url: pr.url, routes: ['pr'] });
    await createDestination(site, { url: support.url, routes: ['support', 'product'] });
    await env.DB.batch([
      // Billing: one a day, then 6 today. Delivery: steady at two a day, two today.
      ...baseline(site, now, 1, ['billing']),
      ...complaints(site, now, 0, 6, ['billing']),
      ...baseline(site, now, 2, ['delivery']),
      ...complaints(site, now, 0, 2, ['delivery']),
      // Praise about billing is no complaint.
      ...complaints(site, now, 0, 5, ['billing'], 'praise'),
    ]);

    const first = await run(now);
    expect(alertsOf(site, first.alerts)).toEqual([
      expect.objectContaining({ topic: 'billing', day: '2031-05-20', today: 6, baseline: 1, link: 'https://tandem.example/dashboard/#insights' }),
    ]);
    const [alert] = alertsOf(site, first.alerts);
    expect(alert!.sampleFeedbackIds).toHaveLength(5);

    const { data: deliveries } = await listDeliveries(site);
    expect(deliveries).toEqual([expect.objectContaining({ event: 'alert.surge', destinationId: prDestination.id, feedbackId: null })]);
    expect(first.sent).toContain(deliveries[0]!.id);
    expect((await consume([deliveries[0]!.id])).acked).toEqual([deliveries[0]!.id]);
    const [received] = await pr.received();
    const body = JSON.parse(received!.body) as SurgeEvent;
    expect(body).toMatchObject({ type: 'alert.surge', data: { id: alert!.id, topic: 'billing', today: 6, baseline: 1 } });
    expect(await support.received()).toEqual([]);

    // An hour later, with one more: still the one alert, nothing sent again.
    await env.DB.batch(complaints(site, now, 0, 1, ['billing']));
    const again = await run(new Date(now.getTime() + 60 * 60 * 1000));
    expect(alertsOf(site, again.alerts)).toEqual([]);
    expect((await listDeliveries(site)).data).toHaveLength(1);
    const res = await getWithSecret('/v1/alerts', site.secretKeys.pr);
    expect((await res.json<{ data: unknown[] }>()).data).toEqual([
      { id: alert!.id, kind: 'surge', topic: 'billing', day: '2031-05-20', today: 6, baseline: 1, sampleFeedbackIds: alert!.sampleFeedbackIds, createdAt: now.toISOString() },
    ]);
  });

  it('stays quiet while complaints are flat, and for another site', async () => {
    const now = new Date('2031-06-10T20:00:00.000Z');
    const busy = await createSite();
    const spiking = await createSite();
    await env.DB.batch([
      // Six a day is a lot, but usual: six today is no surge.
      ...baseline(busy, now, 6, ['delivery']),
      ...complaints(busy, now, 0, 6, ['delivery']),
      ...keptSince(spiking, now, 28),
      ...complaints(spiking, now, 0, 7, ['delivery']),
    ]);
    const { alerts } = await run(now);
    expect(alertsOf(busy, alerts)).toEqual([]);
    expect(alertsOf(spiking, alerts)).toEqual([expect.objectContaining({ topic: 'delivery', today: 7, baseline: 0 })]);
    const res = await getWithSecret('/v1/alerts', busy.secretKeys.admin);
    expect(await res.json()).toEqual({ data: [], nextCursor: null });
  });

  it(`takes the mean over the days a site has messages for, and needs ${MIN_HISTORY_DAYS} of them`, async () => {
    const now = new Date('2031-08-12T12:00:00.000Z');
    const [week, young, month] = [await createSite(), await createSite(), await createSite()];
    const days = (site: TestSite, n: number, perDay: number) => Array.from({ length: n }, (_, d) => complaints(site, now, d + 1, perDay, ['delivery'])).flat();
    await env.DB.batch([
      // A site that keeps a week: six a day is its usual, whatever the 28-day window holds.
      ...days(week, 7, 6),
      ...complaints(week, now, 0, 6, ['delivery']),
      // Three days old: too soon to know a usual day.
      ...days(young, 3, 1),
      ...complaints(young, now, 0, 9, ['delivery']),
      // The same week at six a day, but messages kept for a month: 42 over 28 days is 1.5 a day.
      ...keptSince(month, now, 28),
      ...days(month, 7, 6),
      ...complaints(month, now, 0, 6, ['delivery']),
    ]);
    const { alerts } = await run(now);
    expect(alertsOf(week, alerts)).toEqual([]);
    expect(alertsOf(young, alerts)).toEqual([]);
    expect(alertsOf(month, alerts)).toEqual([expect.objectContaining({ topic: 'delivery', today: 6, baseline: 1.5 })]);
  });

  it('looks at the whole of yesterday in the first hour of a day: its last minutes came after its last run', async () => {
    const lastRun = new Date('2031-09-03T23:41:00.000Z');
    const site = await createSite();
    await env.DB.batch([
      ...keptSince(site, lastRun, 28),
      // Four before the day's last run, and three after it (23:50 and on).
      ...complaints(site, lastRun, 0, 4, ['delivery']),
      ...[0, 1, 2].map((i) =>
        env.DB.prepare(
          `INSERT INTO feedback (id, site_id, message, consent_publish, label, routes, sentiment, confidence, reasons, topics, created_at)
           VALUES (?, ?, 'Late again', 0, 'complaint', '["support"]', -0.8, 0.9, '[]', '["delivery"]', ?)`,
        ).bind(`fb_LATE${String(++n).padStart(22, '0')}`, site.id, `2031-09-03T23:5${i}:00.000Z`),
      ),
    ]);
    expect(alertsOf(site, (await run(lastRun)).alerts)).toEqual([]);
    const { alerts } = await run(new Date('2031-09-04T00:41:00.000Z'));
    expect(alertsOf(site, alerts)).toEqual([expect.objectContaining({ topic: 'delivery', day: '2031-09-03', today: 7 })]);
  });

  it(`needs at least ${MIN_COMPLAINTS} complaints about a topic that had none, and three times its usual count`, async () => {
    const now = new Date('2031-07-01T23:00:00.000Z');
    const [none, four, twoADay] = [await createSite(), await createSite(), await createSite()];
    await env.DB.batch([
      ...complaints(none, now, 0, MIN_COMPLAINTS - 1, ['app']),
      // Yesterday's are the baseline, not today.
      ...complaints(none, now, 1, 10, ['app']),
      ...keptSince(none, now, 28),
      ...keptSince(four, now, 28),
      ...complaints(four, now, 0, MIN_COMPLAINTS, ['app']),
      ...baseline(twoADay, now, 2, ['app']),
      ...complaints(twoADay, now, 0, 5, ['app']),
    ]);
    const { alerts } = await run(now);
    expect(alertsOf(none, alerts)).toEqual([]);
    expect(alertsOf(four, alerts)).toHaveLength(1);
    expect(alertsOf(twoADay, alerts)).toEqual([]);
    await env.DB.batch(complaints(twoADay, now, 0, 1, ['app']));
    expect(alertsOf(twoADay, (await run(now)).alerts)).toEqual([expect.objectContaining({ today: 6, baseline: 2 })]);
  });

  it('reads only the 29 days’ messages, through the index on time', async () => {
    const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${SURGE_COUNTS}`)
      .bind('2031-04-22T00:00:00.000Z', '2031-05-20T00:00:00.000Z', '2031-05-20T15:00:00.000Z', MIN_COMPLAINTS)
      .all<{ detail: string }>();
    const plan = results.map((r) => r.detail).join('\n');
    expect(plan).toMatch(/SEARCH f USING INDEX feedback_by_age \(created_at>\? AND created_at<\?\)/);
    expect(plan).not.toMatch(/^SCAN f\b/m);
  });

  it('names the topic in Slack’s notification line', () => {
    const message = slackMessage({
      type: 'alert.surge',
      timestamp: '2031-05-20T15:00:00.000Z',
      data: { id: 'al_X', siteId: 's', topic: '<!channel> billing', day: '2031-05-20', today: 9, baseline: 0.5, sampleFeedbackIds: ['fb_1'], link: null },
    });
    expect(message.text).toContain('Complaint surge: &lt;!channel&gt; billing: 9 complaints today');
    expect(JSON.stringify(message.blocks)).toContain('0.5 a day');
  });
});

describe('GET /v1/alerts', () => {
  it('lists a site’s alerts newest first, a page at a time, to every role', async () => {
    const site = await createSite();
    // Raised one after the other: ids sort by time.
    await env.DB.batch(
      ['billing', 'delivery', 'app'].map((topic, i) =>
        env.DB.prepare(
          `INSERT INTO alerts (id, site_id, kind, topic, day, today, baseline, sample_feedback_ids, created_at)
           VALUES (?, ?, 'surge', ?, ?, 5, 0, '[]', ?)`,
        ).bind(newId('al'), site.id, topic, `2031-01-0${i + 1}`, `2031-01-0${i + 1}T10:00:00.000Z`),
      ),
    );
    for (const role of ['admin', 'support', 'pr'] as const) {
      const res = await getWithSecret('/v1/alerts?limit=2', site.secretKeys[role]);
      expect(res.status).toBe(200);
      const page = await res.json<{ data: { topic: string }[]; nextCursor: string | null }>();
      expect(page.data.map((a) => a.topic)).toEqual(['app', 'delivery']);
      const next = await getWithSecret(`/v1/alerts?limit=2&cursor=${page.nextCursor}`, site.secretKeys[role]);
      expect(await next.json()).toMatchObject({ data: [{ topic: 'billing' }], nextCursor: null });
    }
    // Another site sees none of them.
    const other = await createSite();
    expect(await (await getWithSecret('/v1/alerts', other.secretKeys.admin)).json()).toEqual({ data: [], nextCursor: null });
  });

  it('refuses a bad cursor or limit, and a missing or publishable key', async () => {
    const site = await createSite();
    for (const query of ['cursor=fb_01J000000000000000000000AB', 'limit=0', 'limit=101']) {
      await expectError(await getWithSecret(`/v1/alerts?${query}`, site.secretKeys.admin), 400, 'invalid_request');
    }
    await expectError(await api('/v1/alerts'), 401, 'unauthorized');
    await expectError(await getWithSecret('/v1/alerts', site.publishableKey), 401, 'unauthorized');
  });
});
