import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { api, createSite, getWithSecret, patchFeedback, postFeedback, type Envelope, type TestSite, expectError } from './helpers.js';

interface Detail {
  id: string;
  feedbackId: string | null;
  quote: string;
  author: string | null;
  rating: number | null;
  status: string;
  approvedAt: string | null;
  createdAt: string;
  source: { feedbackId: string; message: string; consent: { publish: boolean; givenAt: string | null; version: string | null } } | null;
  history: {
    action: string;
    at: string;
    by: { keyId: string; role: string; actor: string | null };
    before: { quote: string; author: string | null } | null;
    after: { quote: string; author: string | null };
  }[];
}

const STUDIO = '/v1/studio/testimonials';

/** A request with a secret key and, when given, a JSON body. */
function call(method: string, path: string, secret: string, body?: unknown): Promise<Response> {
  return api(path, {
    method,
    headers: { authorization: `Bearer ${secret}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
}

const PRAISE = 'The beans arrived two days after roasting and the Guji tastes of blueberries. Thank you!';

/** A message through the public API; consented unless told otherwise. */
async function message(site: TestSite, extra: object = {}): Promise<{ id: string; token: string }> {
  const res = await postFeedback(site, { message: PRAISE, rating: 5, name: 'Amara Okafor', consent: { publish: true, version: '2026-11' }, ...extra });
  expect(res.status).toBe(201);
  return res.json<{ id: string; token: string }>();
}

async function create(site: TestSite, body: object, secret = site.secretKeys.pr): Promise<Detail> {
  const res = await call('POST', STUDIO, secret, body);
  expect(res.status, await res.clone().text()).toBe(201);
  return res.json<Detail>();
}

/** The public wall as a visitor's browser sees it, and whether it came from the edge cache. */
async function wall(site: TestSite) {
  const res = await api(`/v1/testimonials?siteKey=${site.publishableKey}`);
  const { data } = await res.json<{ data: { id: string; quote: string; author: string | null }[] }>();
  return { cache: res.headers.get('tandem-cache'), data };
}


const editsOf = async (id: string) =>
  (await env.DB.prepare('SELECT COUNT(*) AS n FROM testimonial_edits WHERE testimonial_id = ?').bind(id).first<{ n: number }>())!.n;

describe('POST /v1/studio/testimonials', () => {
  it('makes a draft from a consented message: its words, name and rating, its source and who made it', async () => {
    const site = await createSite();
    const { id: feedbackId } = await message(site);
    const made = await create(site, { feedbackId, actor: 'Maya, PR' });
    expect(made).toMatchObject({
      id: expect.stringMatching(/^tm_[0-9A-Z]{26}$/),
      feedbackId,
      quote: PRAISE,
      author: 'Amara Okafor',
      rating: 5,
      status: 'draft',
      approvedAt: null,
      source: { feedbackId, message: PRAISE, consent: { publish: true, givenAt: expect.any(String), version: '2026-11' } },
    });
    expect(made.history).toEqual([
      {
        action: 'create',
        at: made.createdAt,
        by: { keyId: `key_${site.id}_pr`, role: 'pr', actor: 'Maya, PR' },
        before: null,
        after: { quote: PRAISE, author: 'Amara Okafor' },
      },
    ]);
    // A draft is not on the wall.
    expect((await wall(site)).data).toEqual([]);
  });

  it('takes the quote PR picked and the name to show, and keeps the customer’s own words beside them', async () => {
    const site = await createSite();
    const { id: feedbackId } = await message(site);
    const made = await create(site, { feedbackId, quote: '  The Guji tastes of blueberries.  ', author: 'Amara O.' }, site.secretKeys.admin);
    expect(made).toMatchObject({ quote: 'The Guji tastes of blueberries.', author: 'Amara O.', source: { message: PRAISE } });
    expect(made.history[0]!.by).toEqual({ keyId: `key_${site.id}_admin`, role: 'admin', actor: null });

    const { id: anonymous } = await message(site, { message: 'Great service, friendly people.' });
    expect(await create(site, { feedbackId: anonymous, author: null })).toMatchObject({ author: null });
  });

  it('takes any message the customer agreed to share, a complaint too, and leaves the rating empty when there was none', async () => {
    const site = await createSite();
    const { id: feedbackId } = await message(site, { message: 'Shipping was slow, but support fixed it the same day.', rating: undefined });
    expect(await create(site, { feedbackId })).toMatchObject({ rating: null, status: 'draft' });
  });

  it('refuses a message whose customer did not agree to be quoted, or withdrew it', async () => {
    const site = await createSite();
    const { id: never } = await message(site, { consent: { publish: false } });
    const error = await expectError(await call('POST', STUDIO, site.secretKeys.pr, { feedbackId: never }), 409, 'no_consent');
    expect(error.message).toMatch(/not agreed to be quoted/);

    const { id: withdrawn, token } = await message(site);
    expect((await patchFeedback(site, withdrawn, { token, consent: { publish: false } })).status).toBe(200);
    await expectError(await call('POST', STUDIO, site.secretKeys.pr, { feedbackId: withdrawn }), 409, 'no_consent');
    expect((await env.DB.prepare('SELECT COUNT(*) AS n FROM testimonials WHERE site_id = ?').bind(site.id).first<{ n: number }>())!.n).toBe(0);
  });

  it('makes one testimonial per message', async () => {
    const site = await createSite();
    const { id: feedbackId } = await message(site);
    const first = await create(site, { feedbackId });
    const error = await expectError(await call('POST', STUDIO, site.secretKeys.admin, { feedbackId, quote: 'Another take' }), 409, 'already_exists');
    expect(error.message).toContain(first.id);
    // Both at once: one wins, the other is told.
    const { id: raced } = await message(site);
    const answers = await Promise.all([1, 2].map(() => call('POST', STUDIO, site.secretKeys.pr, { feedbackId: raced })));
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await editsOf(first.id)).toBe(1);
  });

  it('answers 404 for another site’s message or one that does not exist', async () => {
    const site = await createSite();
    const other = await createSite();
    const { id: theirs } = await message(other);
    await expectError(await call('POST', STUDIO, site.secretKeys.admin, { feedbackId: theirs }), 404, 'not_found');
    await expectError(await call('POST', STUDIO, site.secretKeys.admin, { feedbackId: 'fb_01JD3X6Q0ZK4T1V8M2N5P7R9S3' }), 404, 'not_found');
  });

  it.each([
    [{}, 'feedbackId'],
    [{ feedbackId: 'tm_nope' }, 'feedbackId'],
    [{ feedbackId: 'FEEDBACK', quote: '' }, 'quote'],
    [{ feedbackId: 'FEEDBACK', quote: '   ' }, 'quote'],
    [{ feedbackId: 'FEEDBACK', quote: 'x'.repeat(5001) }, 'quote'],
    [{ feedbackId: 'FEEDBACK', quote: 'Write to me at amara@example.com, great beans' }, 'quote'],
    [{ feedbackId: 'FEEDBACK', quote: 'Call me on +44 20 7946 0958 any time' }, 'quote'],
    [{ feedbackId: 'FEEDBACK', quote: 'Bell\u0007' }, 'quote'],
    [{ feedbackId: 'FEEDBACK', author: 'x'.repeat(101) }, 'author'],
    [{ feedbackId: 'FEEDBACK', author: 'amara@example.com' }, 'author'],
    [{ feedbackId: 'FEEDBACK', actor: '' }, 'actor'],
    [{ feedbackId: 'FEEDBACK', status: 'approved' }, ''],
  ])('refuses %j naming %s', async (body, path) => {
    const site = await createSite();
    const { id } = await message(site);
    const res = await call('POST', STUDIO, site.secretKeys.pr, JSON.parse(JSON.stringify(body).replace('FEEDBACK', id)));
    const error = await expectError(res, 400, 'invalid_request');
    expect(error.issues?.map((i) => i.path)).toContain(path);
    expect(error.requestId).toBe(res.headers.get('x-request-id'));
  });

  it('refuses to default to words or a name that hold contact details, naming the field to send', async () => {
    const site = await createSite();
    const { id: byPhone } = await message(site, { message: 'Lovely people. Ring me on 0161 496 0123 about the wholesale order!' });
    const error = await expectError(await call('POST', STUDIO, site.secretKeys.pr, { feedbackId: byPhone }), 400, 'invalid_request');
    expect(error.issues).toEqual([{ path: 'quote', message: expect.stringContaining('a phone number') }]);
    // With a quote PR picked, it goes through; the original words stay with the message.
    expect(await create(site, { feedbackId: byPhone, quote: 'Lovely people.' })).toMatchObject({ quote: 'Lovely people.' });

    const { id: byEmail } = await message(site, { name: 'ana@example.com' });
    const named = await expectError(await call('POST', STUDIO, site.secretKeys.pr, { feedbackId: byEmail }), 400, 'invalid_request');
    expect(named.issues?.map((i) => i.path)).toEqual(['author']);
    expect(await create(site, { feedbackId: byEmail, author: 'Ana' })).toMatchObject({ author: 'Ana' });
  });

  it('sees contact details typed in full-width or other look-alike characters, and lets ordinary quotes through as written', async () => {
    const site = await createSite();
    const { id: byPhone } = await message(site, { message: 'Great service, call me on ０７７００ ９００１２３ any time.' });
    const error = await expectError(await call('POST', STUDIO, site.secretKeys.pr, { feedbackId: byPhone }), 400, 'invalid_request');
    expect(error.issues).toEqual([{ path: 'quote', message: expect.stringContaining('a phone number') }]);
    for (const [body, path] of [
      [{ quote: 'Write to sam＠example.com' }, 'quote'],
      [{ quote: 'Write to ｓａｍ＠ｅｘａｍｐｌｅ．ｃｏｍ' }, 'quote'],
      [{ quote: 'Write to sam﹫example.com' }, 'quote'],
      [{ quote: 'Call ＋４４ ２０ ７９４６ ０９５８' }, 'quote'],
      [{ quote: 'Call （０１６１） ４９６－０１２３' }, 'quote'],
      [{ quote: 'Call 𝟎𝟕𝟕𝟎𝟎 𝟗𝟎𝟎𝟏𝟐𝟑' }, 'quote'],
      // Digits of another script, and invisible characters splitting a number or an address.
      [{ quote: 'اتصل على ٠٧٧٠٠ ٩٠٠١٢٣' }, 'quote'],
      [{ quote: 'Call 0770\u200b0 900\u200d123' }, 'quote'],
      [{ quote: 'Write to sam@exa\u200bmple.com' }, 'quote'],
      [{ quote: 'Lovely.', author: 'sam＠example.com' }, 'author'],
    ] as const) {
      const refused = await expectError(await call('POST', STUDIO, site.secretKeys.pr, { feedbackId: byPhone, ...body }), 400, 'invalid_request');
      expect(refused.issues?.map((i) => i.path), JSON.stringify(body)).toEqual([path]);
    }
    // Quotes, a date, an order number and full-width letters are no contact detail, and are kept as written.
    const quote = '“Best beans I’ve had” – order #48213 on 2026-11-22, ５ stars！ 最高のコーヒー。';
    expect(await create(site, { feedbackId: byPhone, quote, author: 'Ｓａｍ' })).toMatchObject({ quote, author: 'Ｓａｍ' });
  });

  it('refuses support keys, missing keys, publishable keys and bodies that are not JSON', async () => {
    const site = await createSite();
    const { id: feedbackId } = await message(site);
    const forbidden = await expectError(await call('POST', STUDIO, site.secretKeys.support, { feedbackId }), 403, 'forbidden');
    expect(forbidden.message).toMatch(/support key may not/);
    await expectError(await api(STUDIO, { method: 'POST', body: JSON.stringify({ feedbackId }) }), 401, 'unauthorized');
    await expectError(await call('POST', STUDIO, site.publishableKey, { feedbackId }), 401, 'unauthorized');
    const form = await api(STUDIO, {
      method: 'POST',
      headers: { authorization: `Bearer ${site.secretKeys.pr}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: `feedbackId=${feedbackId}`,
    });
    await expectError(form, 415, 'unsupported_media_type');
  });
});

describe('GET /v1/studio/testimonials', () => {
  it('lists every status of the site’s testimonials, newest first, filtered and paged, for every role', async () => {
    const site = await createSite();
    const other = await createSite();
    const made: Detail[] = [];
    for (let i = 0; i < 5; i++) made.push(await create(site, { feedbackId: (await message(site)).id, quote: `Quote ${i}` }));
    await create(other, { feedbackId: (await message(other)).id });
    await call('POST', `${STUDIO}/${made[1]!.id}/approve`, site.secretKeys.pr);
    await call('POST', `${STUDIO}/${made[3]!.id}/withdraw`, site.secretKeys.pr);

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await getWithSecret(`${STUDIO}?limit=2${cursor ? `&cursor=${cursor}` : ''}`, site.secretKeys.support);
      expect(res.status).toBe(200);
      const page: { data: Detail[]; nextCursor: string | null } = await res.json();
      seen.push(...page.data.map((t) => t.id));
      expect(page.data[0]).not.toHaveProperty('history');
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual(made.map((t) => t.id).reverse());

    const approved = await (await getWithSecret(`${STUDIO}?status=approved`, site.secretKeys.pr)).json<{ data: Detail[] }>();
    expect(approved.data).toEqual([
      {
        id: made[1]!.id,
        feedbackId: made[1]!.feedbackId,
        quote: 'Quote 1',
        author: 'Amara Okafor',
        rating: 5,
        status: 'approved',
        approvedAt: expect.any(String),
        createdAt: made[1]!.createdAt,
        onWall: true,
      },
    ]);
    const withdrawn = await (await getWithSecret(`${STUDIO}?status=withdrawn`, site.secretKeys.admin)).json<{ data: Detail[] }>();
    expect(withdrawn.data.map((t) => t.id)).toEqual([made[3]!.id]);
  });

  it('orders by time whatever the ids, and pages on when the last item of a page is deleted', async () => {
    const site = await createSite();
    const made = await create(site, { feedbackId: (await message(site)).id });
    // Seeded like the demo's: an id that sorts after every ULID, made before the one above.
    await env.DB.prepare(
      `INSERT INTO testimonials (id, site_id, quote, status, approved_at, created_at)
       VALUES (?, ?, 'Seeded', 'approved', '2026-01-02T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`,
    )
      .bind(`tm_seeded_${site.id}`, site.id)
      .run();
    const first = await (await getWithSecret(`${STUDIO}?limit=1`, site.secretKeys.pr)).json<{ data: Detail[]; nextCursor: string }>();
    expect(first.data.map((t) => t.id)).toEqual([made.id]);
    await call('DELETE', `/v1/customer-data?feedbackId=${made.feedbackId}`, site.secretKeys.admin);
    const next = await (await getWithSecret(`${STUDIO}?limit=1&cursor=${first.nextCursor}`, site.secretKeys.pr)).json<{ data: Detail[] }>();
    expect(next.data.map((t) => t.id)).toEqual([`tm_seeded_${site.id}`]);
  });

  it('refuses a bad status, limit or cursor, and a missing key', async () => {
    const site = await createSite();
    const forged = btoa('yesterday tm_01JD3X9V5B7C2D4E6F8G0H1J3K');
    for (const query of ['status=published', 'limit=0', 'limit=101', 'cursor=fb_01JD3X6Q0ZK4T1V8M2N5P7R9S3', `cursor=${forged}`, 'cursor=%25%25']) {
      const error = await expectError(await getWithSecret(`${STUDIO}?${query}`, site.secretKeys.pr), 400, 'invalid_request');
      expect(error.issues?.map((i) => i.path)).toContain(query.split('=')[0]);
    }
    await expectError(await api(STUDIO), 401, 'unauthorized');
  });
});

describe('GET /v1/studio/testimonials/{id}', () => {
  it('reads one for every role; another site’s id is a 404', async () => {
    const site = await createSite();
    const other = await createSite();
    const made = await create(site, { feedbackId: (await message(site)).id });
    for (const role of ['admin', 'support', 'pr'] as const) {
      const res = await getWithSecret(`${STUDIO}/${made.id}`, site.secretKeys[role]);
      expect(res.status, role).toBe(200);
      expect(await res.json()).toEqual(made);
    }
    await expectError(await getWithSecret(`${STUDIO}/${made.id}`, other.secretKeys.admin), 404, 'not_found');
    await expectError(await getWithSecret(`${STUDIO}/tm_01JD3X9V5B7C2D4E6F8G0H1J3K`, site.secretKeys.admin), 404, 'not_found');
    const bad = await expectError(await getWithSecret(`${STUDIO}/fb_nope`, site.secretKeys.admin), 400, 'invalid_request');
    expect(bad.issues?.map((i) => i.path)).toEqual(['id']);
    await expectError(await api(`${STUDIO}/${made.id}`), 401, 'unauthorized');
  });
});

describe('PATCH /v1/studio/testimonials/{id}', () => {
  it('keeps every edit, who made it and when, and the customer’s original words', async () => {
    const site = await createSite();
    const made = await create(site, { feedbackId: (await message(site)).id });
    const first = await call('PATCH', `${STUDIO}/${made.id}`, site.secretKeys.pr, { quote: 'The Guji tastes of blueberries.', actor: 'Maya' });
    expect(first.status).toBe(200);
    const second = await call('PATCH', `${STUDIO}/${made.id}`, site.secretKeys.admin, { author: 'Amara O.' });
    const edited = await second.json<Detail>();
    expect(edited).toMatchObject({ quote: 'The Guji tastes of blueberries.', author: 'Amara O.', status: 'draft', source: { message: PRAISE } });
    expect(edited.history.map(({ action, by, before, after }) => ({ action, by, before, after }))).toEqual([
      { action: 'create', by: { keyId: `key_${site.id}_pr`, role: 'pr', actor: null }, before: null, after: { quote: PRAISE, author: 'Amara Okafor' } },
      {
        action: 'edit',
        by: { keyId: `key_${site.id}_pr`, role: 'pr', actor: 'Maya' },
        before: { quote: PRAISE, author: 'Amara Okafor' },
        after: { quote: 'The Guji tastes of blueberries.', author: 'Amara Okafor' },
      },
      {
        action: 'edit',
        by: { keyId: `key_${site.id}_admin`, role: 'admin', actor: null },
        before: { quote: 'The Guji tastes of blueberries.', author: 'Amara Okafor' },
        after: { quote: 'The Guji tastes of blueberries.', author: 'Amara O.' },
      },
    ]);

    // The same words again change and record nothing; a null author shows none.
    const same = await (await call('PATCH', `${STUDIO}/${made.id}`, site.secretKeys.pr, { quote: 'The Guji tastes of blueberries.' })).json<Detail>();
    expect(same.history).toHaveLength(3);
    const anonymous = await (await call('PATCH', `${STUDIO}/${made.id}`, site.secretKeys.pr, { author: null })).json<Detail>();
    expect(anonymous.author).toBeNull();
    expect(anonymous.history.at(-1)).toMatchObject({ before: { author: 'Amara O.' }, after: { author: null } });
  });

  it('shows an approved testimonial’s new words on the wall at once, though the wall was cached', async () => {
    const site = await createSite();
    const made = await create(site, { feedbackId: (await message(site)).id, quote: 'Fresh beans.' });
    await call('POST', `${STUDIO}/${made.id}/approve`, site.secretKeys.pr);
    await wall(site);
    expect(await wall(site)).toEqual({ cache: 'hit', data: [expect.objectContaining({ quote: 'Fresh beans.', author: 'Amara Okafor' })] });

    const res = await call('PATCH', `${STUDIO}/${made.id}`, site.secretKeys.pr, { quote: 'Really fresh beans.', author: 'Amara O.' });
    expect((await res.json<Detail>()).status).toBe('approved');
    expect(await wall(site)).toEqual({ cache: 'miss', data: [expect.objectContaining({ quote: 'Really fresh beans.', author: 'Amara O.' })] });
  });

  it('refuses support keys, other sites, empty edits and contact details', async () => {
    const site = await createSite();
    const other = await createSite();
    const made = await create(site, { feedbackId: (await message(site)).id });
    await expectError(await call('PATCH', `${STUDIO}/${made.id}`, site.secretKeys.support, { quote: 'Nice' }), 403, 'forbidden');
    await expectError(await call('PATCH', `${STUDIO}/${made.id}`, other.secretKeys.admin, { quote: 'Nice' }), 404, 'not_found');
    await expectError(await api(`${STUDIO}/${made.id}`, { method: 'PATCH', body: '{}' }), 401, 'unauthorized');
    for (const [body, path] of [
      [{}, ''],
      [{ actor: 'Maya' }, ''],
      [{ quote: 'Mail amara@example.com' }, 'quote'],
      [{ quote: 'Call 020 7946 0958 0' }, 'quote'],
      [{ author: '' }, 'author'],
      [{ quote: 'Nice', rating: 4 }, ''],
    ] as const) {
      const error = await expectError(await call('PATCH', `${STUDIO}/${made.id}`, site.secretKeys.pr, body), 400, 'invalid_request');
      expect(error.issues?.map((i) => i.path), JSON.stringify(body)).toContain(path);
    }
    const unchanged = await (await getWithSecret(`${STUDIO}/${made.id}`, site.secretKeys.pr)).json<Detail>();
    expect(unchanged).toEqual(made);
  });
});

describe('POST /v1/studio/testimonials/{id}/approve and /withdraw', () => {
  it('puts a testimonial on the wall and takes it off, though the wall was cached, recording who did', async () => {
    const site = await createSite();
    const made = await create(site, { feedbackId: (await message(site)).id, quote: 'Best coffee at home.' });
    await wall(site);
    expect(await wall(site)).toEqual({ cache: 'hit', data: [] });

    const approve = await api(`${STUDIO}/${made.id}/approve`, {
      method: 'POST',
      headers: { authorization: `Bearer ${site.secretKeys.pr}`, 'content-type': 'application/json' },
      body: JSON.stringify({ actor: 'Maya' }),
    });
    expect(approve.status).toBe(200);
    const approved = await approve.json<Detail>();
    expect(approved).toMatchObject({ status: 'approved', approvedAt: expect.any(String) });
    expect(approved.history.at(-1)).toEqual({
      action: 'approve',
      at: approved.approvedAt,
      by: { keyId: `key_${site.id}_pr`, role: 'pr', actor: 'Maya' },
      before: { quote: 'Best coffee at home.', author: 'Amara Okafor' },
      after: { quote: 'Best coffee at home.', author: 'Amara Okafor' },
    });
    expect(await wall(site)).toEqual({
      cache: 'miss',
      data: [{ id: made.id, quote: 'Best coffee at home.', author: 'Amara Okafor', rating: 5, approvedAt: approved.approvedAt }],
    });

    // A retry changes nothing: same approval time, no new history.
    const again = await (await call('POST', `${STUDIO}/${made.id}/approve`, site.secretKeys.admin)).json<Detail>();
    expect(again).toEqual(approved);

    await wall(site);
    const withdrawn = await (await call('POST', `${STUDIO}/${made.id}/withdraw`, site.secretKeys.admin)).json<Detail>();
    expect(withdrawn).toMatchObject({ status: 'withdrawn', approvedAt: approved.approvedAt });
    expect(withdrawn.history.map((h) => `${h.action} by ${h.by.role}`)).toEqual(['create by pr', 'approve by pr', 'withdraw by admin']);
    expect(await wall(site)).toEqual({ cache: 'miss', data: [] });
    expect((await (await call('POST', `${STUDIO}/${made.id}/withdraw`, site.secretKeys.pr)).json<Detail>()).history).toHaveLength(3);

    // Withdrawn is not final: PR may approve it again.
    const back = await (await call('POST', `${STUDIO}/${made.id}/approve`, site.secretKeys.pr)).json<Detail>();
    expect(back.status).toBe('approved');
    expect((await wall(site)).data.map((t) => t.id)).toEqual([made.id]);
  });

  it('withdraws a draft, which never reaches the wall', async () => {
    const site = await createSite();
    const made = await create(site, { feedbackId: (await message(site)).id });
    const res = await call('POST', `${STUDIO}/${made.id}/withdraw`, site.secretKeys.pr);
    expect((await res.json<Detail>()).status).toBe('withdrawn');
    expect((await wall(site)).data).toEqual([]);
  });

  it('refuses to approve once the customer withdrew consent', async () => {
    const site = await createSite();
    const { id: feedbackId, token } = await message(site);
    const made = await create(site, { feedbackId });
    await patchFeedback(site, feedbackId, { token, consent: { publish: false } });
    await expectError(await call('POST', `${STUDIO}/${made.id}/approve`, site.secretKeys.pr), 409, 'no_consent');
    const now = await (await getWithSecret(`${STUDIO}/${made.id}`, site.secretKeys.pr)).json<Detail>();
    expect(now).toMatchObject({ status: 'draft', source: { consent: { publish: false } } });
    expect(now.history).toHaveLength(1);
    expect((await wall(site)).data).toEqual([]);
  });

  it('is for admin and pr keys of the site only', async () => {
    const site = await createSite();
    const other = await createSite();
    const made = await create(site, { feedbackId: (await message(site)).id });
    for (const action of ['approve', 'withdraw']) {
      await expectError(await call('POST', `${STUDIO}/${made.id}/${action}`, site.secretKeys.support), 403, 'forbidden');
      await expectError(await call('POST', `${STUDIO}/${made.id}/${action}`, other.secretKeys.pr), 404, 'not_found');
      await expectError(await api(`${STUDIO}/${made.id}/${action}`, { method: 'POST' }), 401, 'unauthorized');
      const bad = await expectError(await call('POST', `${STUDIO}/${made.id}/${action}`, site.secretKeys.pr, { actor: '', note: 1 }), 400, 'invalid_request');
      expect(bad.issues?.map((i) => i.path)).toContain('actor');
      await expectError(await call('POST', `${STUDIO}/nope/${action}`, site.secretKeys.pr), 400, 'invalid_request');
    }
    expect((await (await getWithSecret(`${STUDIO}/${made.id}`, site.secretKeys.pr)).json<Detail>()).status).toBe('draft');
  });
});

describe('a testimonial’s history and the customer’s data', () => {
  it('goes with its testimonial: D1 enforces foreign keys and ON DELETE CASCADE', async () => {
    const site = await createSite();
    const made = await create(site, { feedbackId: (await message(site)).id });
    await call('POST', `${STUDIO}/${made.id}/approve`, site.secretKeys.pr);
    expect(await env.DB.prepare('PRAGMA foreign_keys').first()).toEqual({ foreign_keys: 1 });
    expect(await editsOf(made.id)).toBe(2);
    await env.DB.prepare('DELETE FROM testimonials WHERE id = ?').bind(made.id).run();
    expect(await editsOf(made.id)).toBe(0);
    // And a history line for a testimonial that does not exist is refused.
    await expect(
      env.DB.prepare(
        `INSERT INTO testimonial_edits (testimonial_id, action, key_id, role, new_quote, created_at)
         VALUES ('tm_missing', 'edit', 'key_x', 'pr', 'x', '2026-01-01T00:00:00.000Z')`,
      ).run(),
    ).rejects.toThrow(/FOREIGN KEY/);
  });

  it('is deleted with the customer’s data, and the counts say what was deleted', async () => {
    const site = await createSite();
    const { id: feedbackId } = await message(site, { email: 'amara@example.com' });
    const made = await create(site, { feedbackId, quote: 'Blueberries!' });
    await call('PATCH', `${STUDIO}/${made.id}`, site.secretKeys.pr, { quote: 'Tastes of blueberries!' });
    await call('POST', `${STUDIO}/${made.id}/approve`, site.secretKeys.pr);
    expect(await editsOf(made.id)).toBe(3);

    const res = await call('DELETE', '/v1/customer-data?email=amara@example.com', site.secretKeys.admin);
    expect(await res.json()).toEqual({ deleted: { feedback: 1, testimonials: 1 } });
    expect(await editsOf(made.id)).toBe(0);
    await expectError(await getWithSecret(`${STUDIO}/${made.id}`, site.secretKeys.pr), 404, 'not_found');
  });

  it('is deleted when retention deletes the message, while the approved quote stays on the wall', async () => {
    const site = await createSite();
    const kept = await create(site, { feedbackId: (await message(site)).id, quote: 'Recent and kept' });
    const { id: oldMessage } = await message(site);
    const old = await create(site, { feedbackId: oldMessage, quote: 'Old but approved' });
    await call('PATCH', `${STUDIO}/${old.id}`, site.secretKeys.pr, { quote: 'Old, approved' });
    await call('POST', `${STUDIO}/${old.id}/approve`, site.secretKeys.pr);
    await env.DB.prepare("UPDATE feedback SET created_at = '2020-01-01T00:00:00.000Z' WHERE id = ?").bind(oldMessage).run();

    const { enforceRetention } = await import('../src/jobs/retention.js');
    expect(await enforceRetention(env.DB, new Date())).toBe(1);

    const after = await (await getWithSecret(`${STUDIO}/${old.id}`, site.secretKeys.pr)).json<Detail>();
    expect(after).toMatchObject({ feedbackId: null, quote: 'Old, approved', status: 'approved', source: null, history: [] });
    expect(await editsOf(kept.id)).toBe(1);
    expect((await wall(site)).data.map((t) => t.quote)).toEqual(['Old, approved']);
  });

  it('takes a quote off the wall, though the wall was cached, when its customer withdraws consent', async () => {
    const site = await createSite();
    const { id: feedbackId, token } = await message(site);
    const made = await create(site, { feedbackId, quote: 'Tastes of blueberries' });
    await call('POST', `${STUDIO}/${made.id}/approve`, site.secretKeys.pr);
    expect((await wall(site)).data.map((t) => t.quote)).toEqual(['Tastes of blueberries']);
    expect((await wall(site)).cache).toBe('hit');
    const listed = async () => (await (await getWithSecret(STUDIO, site.secretKeys.pr)).json<{ data: { id: string; onWall: boolean }[] }>()).data;
    expect(await listed()).toEqual([expect.objectContaining({ id: made.id, onWall: true })]);

    expect((await patchFeedback(site, feedbackId, { token, consent: { publish: false } })).status).toBe(200);
    expect((await wall(site)).data).toEqual([]);
    // PR sees why: approved once, but the customer no longer agrees; it cannot go up again.
    const now = await (await getWithSecret(`${STUDIO}/${made.id}`, site.secretKeys.pr)).json<Detail>();
    expect(now).toMatchObject({ status: 'approved', onWall: false, source: { consent: { publish: false } } });
    expect(await listed()).toEqual([expect.objectContaining({ id: made.id, onWall: false })]);
    await call('POST', `${STUDIO}/${made.id}/withdraw`, site.secretKeys.pr);
    await expectError(await call('POST', `${STUDIO}/${made.id}/approve`, site.secretKeys.pr), 409, 'no_consent');
  });

  it('takes drafts, withdrawn quotes and quotes without consent away with their message', async () => {
    const site = await createSite();
    const old = async (quote: string) => {
      const { id, token } = await message(site);
      const made = await create(site, { feedbackId: id, quote });
      await env.DB.prepare("UPDATE feedback SET created_at = '2020-01-01T00:00:00.000Z' WHERE id = ?").bind(id).run();
      return { id: made.id, feedbackId: id, token };
    };
    const draft = await old('A draft');
    const withdrawn = await old('Withdrawn');
    await call('POST', `${STUDIO}/${withdrawn.id}/approve`, site.secretKeys.pr);
    await call('POST', `${STUDIO}/${withdrawn.id}/withdraw`, site.secretKeys.pr);
    const approved = await old('Approved, still agreed');
    await call('POST', `${STUDIO}/${approved.id}/approve`, site.secretKeys.pr);
    const revoked = await old('Approved, then consent withdrawn');
    await call('POST', `${STUDIO}/${revoked.id}/approve`, site.secretKeys.pr);
    // The follow-up window is over for a 2020 message: withdraw consent as the customer's request would.
    await env.DB.prepare('UPDATE feedback SET consent_publish = 0 WHERE id = ?').bind(revoked.feedbackId).run();

    const { enforceRetention } = await import('../src/jobs/retention.js');
    expect(await enforceRetention(env.DB, new Date())).toBe(4);

    for (const gone of [draft, withdrawn, revoked]) {
      await expectError(await getWithSecret(`${STUDIO}/${gone.id}`, site.secretKeys.pr), 404, 'not_found');
    }
    expect((await wall(site)).data.map((t) => t.quote)).toEqual(['Approved, still agreed']);
    // Withdrawn after its message went, nothing shows consent any more: it cannot go back up.
    await call('POST', `${STUDIO}/${approved.id}/withdraw`, site.secretKeys.pr);
    await expectError(await call('POST', `${STUDIO}/${approved.id}/approve`, site.secretKeys.pr), 409, 'no_consent');
  });
});
