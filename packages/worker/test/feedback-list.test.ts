import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { listConditions, type ListFilter } from '../src/db/feedback.js';
import { api, createSite, getWithSecret, postFeedback, type Envelope, type TestSite } from './helpers.js';

interface Page {
  data: Array<Record<string, unknown> & { id: string; routes: string[] }>;
  nextCursor: string | null;
}

async function send(site: TestSite, messages: { message: string; rating?: number; consent?: { publish: boolean } }[]) {
  const ids: string[] = [];
  for (const m of messages) ids.push((await (await postFeedback(site, m)).json<{ id: string }>()).id);
  return ids;
}

describe('GET /v1/feedback', () => {
  it('lists the site’s feedback newest first with its decision and consent', async () => {
    const site = await createSite();
    const [complaintId, praiseId] = await send(site, [
      { message: 'The grinder arrived broken and support never replied.', rating: 1 },
      { message: 'Wonderful coffee, thank you!', rating: 5, consent: { publish: true } },
    ]);
    const res = await getWithSecret('/v1/feedback', site.secretKeys.support);
    expect(res.status).toBe(200);
    const page = await res.json<Page>();
    expect(page.data.map((f) => f.id)).toEqual([praiseId, complaintId]);
    expect(page.nextCursor).toBeNull();
    expect(page.data[0]).toMatchObject({
      message: 'Wonderful coffee, thank you!',
      rating: 5,
      label: 'praise',
      routes: ['pr'],
      consent: { publish: true, givenAt: expect.any(String) },
      status: 'new',
      createdAt: expect.any(String),
    });
    expect(page.data[1]).toMatchObject({ label: 'complaint', routes: ['support'], consent: { publish: false, givenAt: null } });
  });

  it('returns what the widget sent beside the message, and null where it sent nothing', async () => {
    const site = await createSite();
    const context = { locale: 'en-GB', viewport: { width: 1280, height: 720 }, userAgent: 'Widget/1.0', timezone: 'Europe/London' };
    const [plainId] = await send(site, [{ message: 'Do you ship to Norway?' }]);
    const posted = await postFeedback(site, {
      message: 'Great service, thanks!',
      score: 9,
      consent: { publish: true, version: '2026-11' },
      context,
      user: { id: 'cus_7', email: 'kim@example.com' },
      signals: { honeypot: '', elapsedMs: 30_000 },
    });
    const fullId = (await posted.json<{ id: string }>()).id;
    const { data } = await (await getWithSecret('/v1/feedback', site.secretKeys.admin)).json<Page>();
    const full = data.find((f) => f.id === fullId);
    const plain = data.find((f) => f.id === plainId);
    expect(full).toMatchObject({
      rating: null,
      score: 9,
      email: 'kim@example.com',
      consent: { publish: true, givenAt: expect.any(String), version: '2026-11' },
      context,
      user: { id: 'cus_7', email: 'kim@example.com' },
      signals: { honeypot: '', elapsedMs: 30_000 },
    });
    expect(full).not.toHaveProperty('token');
    expect(plain).toMatchObject({ score: null, consent: { version: null }, user: null, signals: null });
  });

  it('filters by route', async () => {
    const site = await createSite();
    const [complaintId, praiseId] = await send(site, [
      { message: 'My order never arrived and I want a refund.', rating: 1 },
      { message: 'Best beans I have ever bought. Love it!', rating: 5 },
    ]);
    const support = await (await getWithSecret('/v1/feedback?route=support', site.secretKeys.admin)).json<Page>();
    const pr = await (await getWithSecret('/v1/feedback?route=pr', site.secretKeys.admin)).json<Page>();
    expect(support.data.map((f) => f.id)).toEqual([complaintId]);
    expect(pr.data.map((f) => f.id)).toEqual([praiseId]);
  });

  it('pages through everything with the cursor, without gaps or repeats', async () => {
    const site = await createSite();
    const ids = await send(site, Array.from({ length: 5 }, (_, i) => ({ message: `Question number ${i}?` })));
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const url = `/v1/feedback?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page: Page = await (await getWithSecret(url, site.secretKeys.pr)).json<Page>();
      seen.push(...page.data.map((f) => f.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual([...ids].reverse());
  });

  it('never shows another site’s feedback', async () => {
    const a = await createSite();
    const b = await createSite();
    await send(a, [{ message: 'Private complaint for site A: my card was charged twice.', rating: 1 }]);
    const page = await (await getWithSecret('/v1/feedback', b.secretKeys.admin)).json<Page>();
    expect(page.data).toEqual([]);
  });

  it('answers 401 without an Authorization header', async () => {
    const res = await api('/v1/feedback');
    expect(res.status).toBe(401);
    expect((await res.json<Envelope>()).error.message).toMatch(/Missing API key/);
  });

  it.each([
    ['a publishable key', 'pk'],
    ['an unknown secret key', 'sk_test_unknown'],
    ['a revoked secret key', 'revoked'],
  ])('answers 401 to %s', async (_case, key) => {
    const site = await createSite();
    if (key === 'revoked') {
      await env.DB.prepare("UPDATE api_keys SET revoked_at = '2026-01-01T00:00:00.000Z' WHERE id = ?")
        .bind(`key_${site.id}_admin`)
        .run();
    }
    const secret = key === 'pk' ? site.publishableKey : key === 'revoked' ? site.secretKeys.admin : key;
    const res = await getWithSecret('/v1/feedback', secret);
    expect(res.status).toBe(401);
    expect((await res.json<Envelope>()).error.code).toBe('unauthorized');
  });

  it.each([
    ['an unknown route', '?route=sales', 'route'],
    ['a limit of 0', '?limit=0', 'limit'],
    ['a limit over 100', '?limit=101', 'limit'],
    ['a cursor this API never gave out', '?cursor=1%20OR%201=1', 'cursor'],
  ])('answers 400 for %s', async (_case, query, path) => {
    const site = await createSite();
    const res = await getWithSecret(`/v1/feedback${query}`, site.secretKeys.admin);
    expect(res.status).toBe(400);
    const { error } = await res.json<Envelope>();
    expect(error.code).toBe('invalid_request');
    expect(error.issues?.map((i) => i.path)).toContain(path);
  });

  it('answers 500 without internals when stored data is unreadable', async () => {
    const site = await createSite();
    await env.DB.prepare(
      `INSERT INTO feedback (id, site_id, message, consent_publish, label, routes, sentiment, confidence, reasons, metadata, created_at)
       VALUES ('fb_01JD000000000000000000BROK', ?, 'x', 0, 'neutral', '["support"]', 0, 0, '[]', '{not json', '2026-01-01T00:00:00.000Z')`,
    )
      .bind(site.id)
      .run();
    const res = await getWithSecret('/v1/feedback', site.secretKeys.admin);
    expect(res.status).toBe(500);
    const { error } = await res.json<Envelope>();
    expect(error.code).toBe('internal_error');
    expect(error.requestId).toBe(res.headers.get('x-request-id'));
    expect(error.message).not.toMatch(/JSON|SyntaxError|stack|at /);
  });
});

describe('GET /v1/feedback filters', () => {
  const ids = async (site: TestSite, query: string) => {
    const res = await getWithSecret(`/v1/feedback?${query}`, site.secretKeys.support);
    expect(res.status).toBe(200);
    return (await res.json<Page>()).data.map((f) => f.message);
  };

  it('stores urgency, topics and PR risk, and filters by label, urgency, status, words and time', async () => {
    const site = await createSite();
    const critical = 'You charged my card twice for the same order and I want my money back now.';
    const threat = 'Nobody answers about my broken grinder. I will post about this on Twitter and leave a review.';
    const praise = 'Lovely 100% arabica, the best beans I have had.';
    await send(site, [{ message: critical, rating: 1 }, { message: threat, rating: 1 }, { message: praise, rating: 5 }]);

    const all = (await (await getWithSecret('/v1/feedback', site.secretKeys.support)).json<Page>()).data;
    const byMessage = Object.fromEntries(all.map((f) => [f.message, f]));
    expect(byMessage[critical]).toMatchObject({ urgency: 'critical', topics: expect.arrayContaining(['billing']), prRisk: false });
    expect(byMessage[threat]).toMatchObject({ prRisk: true });
    expect(byMessage[praise]).toMatchObject({ label: 'praise', urgency: 'low' });

    expect(await ids(site, 'label=praise')).toEqual([praise]);
    expect(await ids(site, 'urgency=critical')).toEqual([critical]);
    expect(await ids(site, 'status=new')).toHaveLength(3);
    expect(await ids(site, 'status=resolved')).toEqual([]);
    expect(await ids(site, 'q=grinder')).toEqual([threat]);
    expect(await ids(site, 'q=GRINDER')).toEqual([threat]);
    // The words are matched as written: % is not a wildcard.
    expect(await ids(site, `q=${encodeURIComponent('100%')}`)).toEqual([praise]);
    expect(await ids(site, `q=${encodeURIComponent('1%0')}`)).toEqual([]);
    const hourAgo = new Date(Date.now() - 3600_000).toISOString();
    expect(await ids(site, `from=${hourAgo}`)).toHaveLength(3);
    expect(await ids(site, `to=${hourAgo}`)).toEqual([]);
    expect(await ids(site, 'prRisk=true')).toEqual([threat]);
    expect((await ids(site, 'prRisk=false')).sort()).toEqual([critical, praise].sort());
    expect(await ids(site, 'prRisk=true&urgency=critical')).toEqual([]);
  });

  it('places a message by its instant, however `from` and `to` write the time', async () => {
    const site = await createSite();
    const [message] = await send(site, [{ message: 'The lid cracked.', rating: 2 }]);
    await env.DB.prepare('UPDATE feedback SET created_at = ? WHERE id = ?').bind('2026-11-22T10:00:00.500Z', message).run();
    const has = async (query: string) => (await ids(site, query)).length === 1;
    // Received at 10:00:00.500 UTC: at or after 10:00:00, and not before it.
    for (const ten of ['2026-11-22T10:00:00Z', '2026-11-22T10:00:00.000Z', '2026-11-22T12:00:00+02:00', '2026-11-22T04:30:00-05:30']) {
      expect(await has(`from=${encodeURIComponent(ten)}`), `from=${ten}`).toBe(true);
      expect(await has(`to=${encodeURIComponent(ten)}`), `to=${ten}`).toBe(false);
    }
    // The same instant is at or after itself, not before it, whatever the precision.
    for (const half of ['2026-11-22T10:00:00.5Z', '2026-11-22T10:00:00.500000Z', '2026-11-22T11:00:00.5+01:00']) {
      expect(await has(`from=${encodeURIComponent(half)}`), `from=${half}`).toBe(true);
      expect(await has(`to=${encodeURIComponent(half)}`), `to=${half}`).toBe(false);
    }
    // A ten-thousandth of a second later: after it, though stored times have only milliseconds.
    expect(await has('from=2026-11-22T10:00:00.5001Z')).toBe(false);
    expect(await has('to=2026-11-22T10:00:00.5001Z')).toBe(true);
  });

  it('lists what is still to do with status=open: new or in progress, not resolved or archived', async () => {
    const site = await createSite();
    const [fresh, working, done, shelved] = await send(site, [
      { message: 'Where is my order?' },
      { message: 'The app logs me out.' },
      { message: 'The bag was torn.' },
      { message: 'Test message, please ignore.' },
    ]);
    for (const [id, status] of [[working, 'in_progress'], [done, 'resolved'], [shelved, 'archived']] as const) {
      const res = await api(`/v1/feedback/${id}/status`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${site.secretKeys.support}`, 'content-type': 'application/json' },
        body: JSON.stringify({ status }),
      });
      expect(res.status).toBe(200);
    }
    const page = (await (await getWithSecret('/v1/feedback?status=open', site.secretKeys.support)).json<Page>()).data;
    expect(page.map((f) => f.id)).toEqual([working, fresh]);
  });

  it('refuses filters it does not know the values of', async () => {
    const site = await createSite();
    for (const query of [
      'label=angry',
      'urgency=urgent',
      'from=yesterday',
      // A time without its offset could be any of 26 hours.
      'from=2026-11-22T10:00:00',
      // Past the year 9999 in UTC, where stored times stop sorting as text.
      `to=${encodeURIComponent('9999-12-31T23:00:00-02:00')}`,
      `q=${'x'.repeat(201)}`,
      'prRisk=yes',
      'status=closed',
    ]) {
      const res = await getWithSecret(`/v1/feedback?${query}`, site.secretKeys.support);
      expect(res.status, query).toBe(400);
    }
  });
});

describe('GET /v1/feedback/{id}', () => {
  it('reads one message of the site with every role, and nothing of another site', async () => {
    const site = await createSite();
    const other = await createSite();
    const [id] = await send(site, [{ message: 'My parcel is stuck in customs.', rating: 2 }]);
    for (const role of ['admin', 'support', 'pr'] as const) {
      const res = await getWithSecret(`/v1/feedback/${id}`, site.secretKeys[role]);
      expect(res.status, role).toBe(200);
      expect(await res.json()).toMatchObject({ id, message: 'My parcel is stuck in customs.', rating: 2, urgency: expect.any(String) });
    }
    const elsewhere = await getWithSecret(`/v1/feedback/${id}`, other.secretKeys.admin);
    expect(elsewhere.status).toBe(404);
    expect((await elsewhere.json<Envelope>()).error.code).toBe('not_found');
  });

  it('refuses a malformed id and a publishable key', async () => {
    const site = await createSite();
    const [id] = await send(site, [{ message: 'Hello' }]);
    expect((await getWithSecret('/v1/feedback/not-an-id', site.secretKeys.admin)).status).toBe(400);
    expect((await getWithSecret(`/v1/feedback/${id}`, site.publishableKey)).status).toBe(401);
  });
});

describe('GET /v1/feedback on a site with 10,000 messages', () => {
  it('pages through one urgency, PR risks and praise, newest first', async () => {
    const site = await createSite();
    // Every 4th a praise (pr), the rest complaints (support); urgency cycles low..critical every
    // 5th; every 100th a PR risk. Ids (ULID-shaped, as the cursor must be) sort by k.
    await env.DB.prepare(
      `WITH RECURSIVE i(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM i WHERE k < 9999)
       INSERT INTO feedback (id, site_id, message, consent_publish, label, routes, sentiment, confidence, reasons,
                             urgency, pr_risk, created_at)
       SELECT printf('fb_00000000%018d', k), ?1, 'Message ' || k, 0,
              CASE k % 4 WHEN 0 THEN 'praise' ELSE 'complaint' END,
              CASE k % 4 WHEN 0 THEN '["pr"]' ELSE '["support"]' END, 0, 0.9, '[]',
              CASE k % 5 WHEN 0 THEN 'low' WHEN 1 THEN 'normal' WHEN 2 THEN 'normal' WHEN 3 THEN 'high' ELSE 'critical' END,
              k % 100 = 7, strftime('%Y-%m-%dT%H:%M:%fZ', '2026-01-01', '+' || k || ' minutes')
         FROM i`,
    )
      .bind(site.id)
      .run();
    const page = async (query: string) => {
      const res = await getWithSecret(`/v1/feedback?${query}`, site.secretKeys.support);
      expect(res.status, query).toBe(200);
      return res.json<Page>();
    };
    const ks = (p: Page) => p.data.map((f) => Number(f.id.slice('fb_00000000'.length)));
    // The newest n of the seeded k that match, worked out here rather than by SQL.
    const newest = (n: number, match: (k: number) => boolean) =>
      Array.from({ length: 10_000 }, (_, i) => 9999 - i)
        .filter(match)
        .slice(0, n);

    // The inbox's first request: support's critical messages (k % 5 = 4, not k % 4 = 0).
    const critical = await page('route=support&urgency=critical&limit=20');
    const supportCritical = (k: number) => k % 5 === 4 && k % 4 !== 0;
    expect(ks(critical)).toEqual(newest(20, supportCritical));
    const next = await page(`route=support&urgency=critical&limit=20&cursor=${critical.nextCursor}`);
    expect(ks(next)).toEqual(newest(40, supportCritical).slice(20));
    expect(ks(await page('prRisk=true&limit=3'))).toEqual([9907, 9807, 9707]);
    expect(ks(await page('label=praise&limit=3'))).toEqual([9996, 9992, 9988]);
  });

  const plan = async (filter: ListFilter) => {
    const where = listConditions(filter);
    const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN SELECT id FROM feedback WHERE ${where.sql} ORDER BY id DESC LIMIT ?`)
      .bind('site', ...where.values, filter.limit + 1)
      .all<{ detail: string }>();
    return results.map((r) => r.detail).join('; ');
  };

  it('reads each list through an index in id order: no scan of the table, no sort of the site’s messages', async () => {
    const cases: [ListFilter, RegExp][] = [
      [{ limit: 20 }, /SEARCH feedback USING (COVERING )?INDEX feedback_by_site \(site_id=\?\)/],
      [{ route: 'support', urgency: 'critical', limit: 20 }, /INDEX feedback_by_site_urgency \(site_id=\? AND urgency=\?\)/],
      [{ route: 'support', urgency: 'high', status: 'open', before: 'fb_x', limit: 20 }, /INDEX feedback_by_site_urgency \(site_id=\? AND urgency=\? AND id<\?\)/],
      [{ label: 'praise', limit: 20 }, /INDEX feedback_by_site_label \(site_id=\? AND label=\?\)/],
      [{ prRisk: true, status: 'open', limit: 20 }, /INDEX feedback_pr_risks \(site_id=\?\)/],
    ];
    for (const [filter, index] of cases) {
      const detail = await plan(filter);
      expect(detail, JSON.stringify(filter)).toMatch(index);
      expect(detail, JSON.stringify(filter)).not.toMatch(/SCAN feedback\b|TEMP B-TREE/);
    }
  });
});
