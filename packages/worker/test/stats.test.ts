import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { STATS_SQL } from '../src/db/stats.js';
import { api, createSite, getWithSecret, postFeedback, type Envelope, type TestSite } from './helpers.js';

interface Day {
  date: string;
  total: number;
  routes: Record<string, number>;
  labels: Record<string, number>;
  rating: { average: number | null; count: number };
  complaintRate: number | null;
}
interface Stats {
  from: string;
  to: string;
  tz: string;
  days: Day[];
  total: number;
  rating: { average: number | null; count: number };
  score: { average: number | null; count: number };
  complaints: number;
  complaintRate: number | null;
  spam: number;
  statuses: Record<string, number>;
  topics: { topic: string; count: number; complaints: number }[];
}

interface Message {
  at: string;
  label: string;
  routes: string[];
  rating?: number;
  score?: number;
  status?: string;
  override?: string[];
  topics?: string[];
}

let n = 0;
/** A stored message with exactly these values, received at `at`. */
function insert(site: TestSite, m: Message) {
  return env.DB.prepare(
    `INSERT INTO feedback (id, site_id, message, rating, score, consent_publish, label, routes, routes_override,
       sentiment, confidence, reasons, status, topics, created_at)
     VALUES (?, ?, 'A message', ?, ?, 0, ?, ?, ?, 0, 0.9, '[]', ?, ?, ?)`,
  ).bind(
    `fb_${String(++n).padStart(26, '0')}`,
    site.id,
    m.rating ?? null,
    m.score ?? null,
    m.label,
    JSON.stringify(m.routes),
    m.override ? JSON.stringify(m.override) : null,
    m.status ?? 'new',
    JSON.stringify(m.topics ?? []),
    m.at,
  );
}

const stats = async (site: TestSite, query: string, role: keyof TestSite['secretKeys'] = 'admin') => {
  const res = await getWithSecret(`/v1/stats?${query}`, site.secretKeys[role]);
  expect(res.status, query).toBe(200);
  return res.json<Stats>();
};

const zeros = (keys: string[]) => Object.fromEntries(keys.map((k) => [k, 0]));
const NO_ROUTES = zeros(['support', 'product', 'pr']);
const NO_LABELS = zeros(['complaint', 'question', 'idea', 'praise', 'neutral', 'spam']);
const day = (
  date: string,
  routes: Record<string, number> = {},
  labels: Record<string, number> = {},
  rating: Day['rating'] = { average: null, count: 0 },
): Day => {
  const total = Object.values(labels).reduce((a, b) => a + b, 0);
  const notSpam = total - (labels.spam ?? 0);
  return {
    date,
    total,
    routes: { ...NO_ROUTES, ...routes },
    labels: { ...NO_LABELS, ...labels },
    rating,
    complaintRate: notSpam ? Number(((labels.complaint ?? 0) / notSpam).toFixed(4)) : null,
  };
};

// Five days of March 2026 and what was said in them; one message on each side of the range.
const MARCH: Message[] = [
  { at: '2026-02-28T23:59:59.999Z', label: 'complaint', routes: ['support'], rating: 1 },
  { at: '2026-03-01T10:00:00.000Z', label: 'complaint', routes: ['support'], rating: 1 },
  { at: '2026-03-01T23:30:00.000Z', label: 'praise', routes: ['pr'], rating: 5 },
  { at: '2026-03-03T12:00:00.000Z', label: 'spam', routes: [], rating: 5 },
  { at: '2026-03-03T12:05:00.000Z', label: 'idea', routes: ['product'], score: 8 },
  { at: '2026-03-05T08:00:00.000Z', label: 'complaint', routes: ['support'], rating: 2, status: 'resolved', override: ['support', 'pr'] },
  { at: '2026-03-06T00:00:00.000Z', label: 'question', routes: ['support'] },
];

describe('GET /v1/stats', () => {
  it('counts each day by team and label, with zeros for quiet days, and the range’s totals', async () => {
    const site = await createSite();
    const other = await createSite();
    await env.DB.batch([...MARCH.map((m) => insert(site, m)), insert(other, { ...MARCH[1]!, label: 'praise' })]);

    expect(await stats(site, 'from=2026-03-01&to=2026-03-05')).toEqual({
      from: '2026-03-01',
      to: '2026-03-05',
      tz: 'UTC',
      days: [
        day('2026-03-01', { support: 1, pr: 1 }, { complaint: 1, praise: 1 }, { average: 3, count: 2 }),
        day('2026-03-02'),
        // Spam goes to no team but is counted; its stars are not.
        day('2026-03-03', { product: 1 }, { spam: 1, idea: 1 }),
        day('2026-03-04'),
        // The override counts: support and PR.
        day('2026-03-05', { support: 1, pr: 1 }, { complaint: 1 }, { average: 2, count: 1 }),
      ],
      total: 5,
      // Spam's 5 stars are left out: (1 + 5 + 2) / 3.
      rating: { average: 2.67, count: 3 },
      score: { average: 8, count: 1 },
      complaints: 2,
      complaintRate: 0.5,
      spam: 1,
      statuses: { new: 4, in_progress: 0, resolved: 1, archived: 0 },
      topics: [],
    });
  });

  it('names the topics spoken of most, with their complaints, spam and other days left out', async () => {
    const site = await createSite();
    const at = '2026-03-02T12:00:00.000Z';
    await env.DB.batch([
      insert(site, { at, label: 'complaint', routes: ['support'], topics: ['delivery', 'billing'] }),
      insert(site, { at, label: 'complaint', routes: ['support'], topics: ['delivery'] }),
      insert(site, { at, label: 'praise', routes: ['pr'], topics: ['delivery', 'staff'] }),
      insert(site, { at, label: 'question', routes: ['support'], topics: ['billing'] }),
      insert(site, { at, label: 'spam', routes: [], topics: ['crypto', 'crypto2', 'crypto3'] }),
      insert(site, { at: '2026-03-09T12:00:00.000Z', label: 'complaint', routes: ['support'], topics: ['staff'] }),
      ...Array.from({ length: 11 }, (_, i) => insert(site, { at, label: 'idea', routes: ['product'], topics: [`idea-${i}`] })),
    ]);
    const { topics } = await stats(site, 'from=2026-03-01&to=2026-03-05');
    expect(topics).toHaveLength(10);
    expect(topics.slice(0, 4)).toEqual([
      { topic: 'delivery', count: 3, complaints: 2 },
      { topic: 'billing', count: 2, complaints: 1 },
      { topic: 'idea-0', count: 1, complaints: 0 },
      { topic: 'idea-1', count: 1, complaints: 0 },
    ]);
    expect(topics.map((t) => t.topic)).not.toContain('crypto');
  });

  it('counts days in the time zone asked for, summer time included', async () => {
    const site = await createSite();
    await env.DB.batch([
      ...MARCH.map((m) => insert(site, m)),
      // 00:30 in Paris on the 29th (CET, UTC+1), the night the clocks go forward…
      insert(site, { at: '2026-03-28T23:30:00.000Z', label: 'question', routes: ['support'] }),
      // …and 00:30 on the 30th (CEST, UTC+2).
      insert(site, { at: '2026-03-29T22:30:00.000Z', label: 'idea', routes: ['product'] }),
    ]);
    const paris = await stats(site, 'from=2026-03-01&to=2026-03-02&tz=Europe/Paris');
    expect(paris.tz).toBe('Europe/Paris');
    // 23:30 UTC on the 1st is 00:30 on the 2nd in Paris; 23:59 UTC on 28 February is 00:59 on 1 March.
    expect(paris.days).toEqual([
      day('2026-03-01', { support: 2 }, { complaint: 2 }, { average: 1, count: 2 }),
      day('2026-03-02', { pr: 1 }, { praise: 1 }, { average: 5, count: 1 }),
    ]);
    const spring = await stats(site, 'from=2026-03-29&to=2026-03-30&tz=Europe/Paris');
    expect(spring.days).toEqual([day('2026-03-29', { support: 1 }, { question: 1 }), day('2026-03-30', { product: 1 }, { idea: 1 })]);
    const utc = await stats(site, 'from=2026-03-28&to=2026-03-29');
    expect(utc.days.map((d) => d.total)).toEqual([1, 1]);
    expect(utc.days[1]!.labels.idea).toBe(1);
  });

  it('covers the last 30 days by default, today included', async () => {
    const site = await createSite();
    await postFeedback(site, { message: 'The grinder is too loud.', rating: 2 });
    const body = await stats(site, '');
    const today = new Date().toISOString().slice(0, 10);
    expect(body.to).toBe(today);
    expect(body.days).toHaveLength(30);
    expect(body.days.at(-1)).toMatchObject({ date: today, total: 1 });
    expect(body.from).toBe(body.days[0]!.date);
    expect((await stats(site, `to=${today}`)).from).toBe(body.from);
  });

  it('is open to every role of the site, and to no one else', async () => {
    const site = await createSite();
    for (const role of ['admin', 'support', 'pr'] as const) expect((await stats(site, 'from=2026-03-01&to=2026-03-01', role)).total).toBe(0);
    expect((await api('/v1/stats')).status).toBe(401);
    expect((await getWithSecret('/v1/stats', site.publishableKey)).status).toBe(401);
  });

  it('refuses dates that do not exist, an unknown time zone, a range backwards or over 366 days', async () => {
    const site = await createSite();
    for (const [query, path] of [
      ['from=2026-02-30', 'from'],
      ['to=yesterday', 'to'],
      ['from=2026-3-1', 'from'],
      ['tz=Mars/Olympus_Mons', 'tz'],
      ['tz=', 'tz'],
      ['from=2026-03-05&to=2026-03-01', 'from'],
      ['from=2025-01-01&to=2026-01-02', 'from'],
      ['from=2020-01-01', 'from'],
    ]) {
      const res = await getWithSecret(`/v1/stats?${query}`, site.secretKeys.support);
      expect(res.status, query).toBe(400);
      const { error } = await res.json<Envelope>();
      expect(error.code).toBe('invalid_request');
      expect(error.issues?.map((i) => i.path), query).toContain(path);
    }
    // 366 days is the most, leap years included.
    expect((await stats(site, 'from=2024-01-01&to=2024-12-31')).days).toHaveLength(366);
  });
});

describe('stats for a busy site', () => {
  it('counts 10,000 messages over a year', async () => {
    const site = await createSite();
    // One message every 52 minutes and a bit from 1 January 2025: the last lands on 31 December.
    await env.DB.prepare(
      `WITH RECURSIVE i(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM i WHERE k < 9999)
       INSERT INTO feedback (id, site_id, message, rating, consent_publish, label, routes, sentiment, confidence, reasons, topics, created_at)
       SELECT printf('fb_busy%019d', k), ?1, 'Busy', 1 + k % 5, 0,
              CASE k % 4 WHEN 0 THEN 'complaint' WHEN 1 THEN 'praise' WHEN 2 THEN 'question' ELSE 'spam' END,
              CASE k % 4 WHEN 0 THEN '["support"]' WHEN 1 THEN '["pr"]' WHEN 2 THEN '["support"]' ELSE '[]' END,
              0, 0.9, '[]',
              CASE k % 4 WHEN 0 THEN '["delivery","billing"]' WHEN 1 THEN '["delivery"]' WHEN 3 THEN '["crypto"]' ELSE '[]' END,
              strftime('%Y-%m-%dT%H:%M:%fZ', '2025-01-01', '+' || (k * 3153) || ' seconds')
         FROM i`,
    )
      .bind(site.id)
      .run();
    const body = await stats(site, 'from=2025-01-01&to=2025-12-31');
    expect(body.total).toBe(10_000);
    expect(body.days).toHaveLength(365);
    expect(body.days.reduce((sum, d) => sum + d.total, 0)).toBe(10_000);
    expect(body.days.reduce((sum, d) => sum + d.routes.support!, 0)).toBe(5_000);
    expect(body).toMatchObject({ spam: 2_500, complaints: 2_500, complaintRate: 0.3333, rating: { count: 7_500 } });
    expect(body.days.reduce((sum, d) => sum + d.rating.count, 0)).toBe(7_500);
    expect(body.topics).toEqual([
      { topic: 'delivery', count: 5_000, complaints: 2_500 },
      { topic: 'billing', count: 2_500, complaints: 2_500 },
    ]);
  });

  it('reads one site’s messages by time through the index, never the whole table', async () => {
    const days = ['site', JSON.stringify([['2026-03-01', '2026-03-01T00:00:00.000Z', '2026-03-02T00:00:00.000Z']])];
    const range = ['site', '2026-03-01T00:00:00.000Z', '2026-03-02T00:00:00.000Z'];
    const bindings: Record<keyof typeof STATS_SQL, string[]> = {
      byRoute: days,
      byLabel: days,
      ratingByDay: days,
      totals: range,
      byStatus: range,
      topTopics: range,
    };
    for (const [name, sql] of Object.entries(STATS_SQL) as [keyof typeof STATS_SQL, string][]) {
      const args = bindings[name];
      const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .bind(...args)
        .all<{ detail: string }>();
      const plan = results.map((r) => r.detail);
      expect(plan.join('\n'), name).toMatch(/SEARCH feedback USING (COVERING )?INDEX feedback_by_site_time \(site_id=\? AND created_at>\? AND created_at<\?\)/);
      expect(plan.some((d) => /^SCAN feedback\b/.test(d)), `${name}: ${plan.join('; ')}`).toBe(false);
    }
  });
});
