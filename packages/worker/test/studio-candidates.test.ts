import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { CANDIDATES_SQL } from '../src/db/candidates.js';
import { api, createSite, expectError, getWithSecret, patchFeedback, postFeedback, type TestSite } from './helpers.js';

interface Candidate {
  id: string;
  message: string;
  label: string;
  consent: { publish: boolean };
  suggestedQuote: string | null;
}
interface Page {
  data: Candidate[];
  nextCursor: string | null;
}

const CANDIDATES = '/v1/studio/candidates';
const PRAISE =
  'The parcel was a day late. The Kenya AA is bright and sweet, and the bags arrive two days after roasting. Thanks!';

async function send(site: TestSite, body: object): Promise<{ id: string; token: string }> {
  const res = await postFeedback(site, { rating: 5, name: 'Noor Haddad', ...body });
  expect(res.status, await res.clone().text()).toBe(201);
  return res.json();
}

const consented = (site: TestSite, message = PRAISE) => send(site, { message, consent: { publish: true, version: '2026-11' } });

async function candidates(site: TestSite, query = '', secret = site.secretKeys.pr): Promise<Page> {
  const res = await getWithSecret(`${CANDIDATES}${query}`, secret);
  expect(res.status, await res.clone().text()).toBe(200);
  return res.json<Page>();
}

describe('GET /v1/studio/candidates', () => {
  it('lists consented praise newest first, each with a suggested sentence, and nothing else', async () => {
    const site = await createSite();
    const older = await consented(site);
    const newer = await consented(site, 'Lovely people, lovely beans. The Guji was the best coffee I have had this year, truly wonderful!');
    await send(site, { message: 'Best coffee ever, thank you so much!' }); // no consent
    await send(site, { message: 'Wonderful beans, I love them!', consent: { publish: false } });
    await send(site, { message: 'Checkout is broken and I was charged twice.', rating: 1, consent: { publish: true } });
    // Consented, but a public threat: an alert for PR, not a quote.
    await send(site, {
      message: 'You charged me twice. I will post this on Twitter and leave a review everywhere.',
      rating: 1,
      consent: { publish: true },
    });

    const page = await candidates(site);
    expect(page.data.map((c) => c.id)).toEqual([newer.id, older.id]);
    expect(page.nextCursor).toBeNull();
    expect(page.data[1]).toMatchObject({
      message: PRAISE,
      consent: { publish: true },
      suggestedQuote: 'The Kenya AA is bright and sweet, and the bags arrive two days after roasting.',
    });
    expect(page.data[0]!.suggestedQuote).toBe('The Guji was the best coffee I have had this year, truly wonderful!');
    // An admin key sees the same.
    expect((await candidates(site, '', site.secretKeys.admin)).data.map((c) => c.id)).toEqual([newer.id, older.id]);
  });

  it('leaves out messages whose consent was withdrawn, and those already made into a testimonial', async () => {
    const site = await createSite();
    const withdrawn = await consented(site);
    const quoted = await consented(site);
    const kept = await consented(site);
    expect((await patchFeedback(site, withdrawn.id, { token: withdrawn.token, consent: { publish: false } })).status).toBe(200);
    const made = await api('/v1/studio/testimonials', {
      method: 'POST',
      headers: { authorization: `Bearer ${site.secretKeys.pr}`, 'content-type': 'application/json' },
      body: JSON.stringify({ feedbackId: quoted.id, quote: 'Bright and sweet.' }),
    });
    expect(made.status).toBe(201);
    expect((await candidates(site)).data.map((c) => c.id)).toEqual([kept.id]);
  });

  it('never lists another site’s messages', async () => {
    const site = await createSite();
    const other = await createSite();
    await consented(other);
    const mine = await consented(site);
    expect((await candidates(site)).data.map((c) => c.id)).toEqual([mine.id]);
  });

  it('pages with the cursor it gives out', async () => {
    const site = await createSite();
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push((await consented(site)).id);
    const first = await candidates(site, '?limit=2');
    expect(first.data.map((c) => c.id)).toEqual([ids[2], ids[1]]);
    expect(first.nextCursor).toBe(ids[1]);
    const second = await candidates(site, `?limit=2&cursor=${first.nextCursor}`);
    expect(second.data.map((c) => c.id)).toEqual([ids[0]]);
    expect(second.nextCursor).toBeNull();
  });

  it('reads the quotable messages through their own index, newest first, never the whole site', async () => {
    for (const cursor of [null, 'fb_01M823DWFMPDE9H9P5EM4VAE6A']) {
      const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${CANDIDATES_SQL}`).bind('site', cursor, 21).all<{ detail: string }>();
      const plan = results.map((r) => r.detail).join('; ');
      expect(plan).toMatch(/SEARCH feedback USING INDEX feedback_quotable \(site_id=\?/);
      expect(plan).not.toMatch(/SCAN feedback\b|TEMP B-TREE/);
    }
  });

  it('refuses a bad limit or cursor (400), no key or a publishable one (401), and a support key (403)', async () => {
    const site = await createSite();
    const pr = site.secretKeys.pr;
    for (const query of ['?limit=0', '?limit=101', '?cursor=tm_nope']) {
      await expectError(await getWithSecret(`${CANDIDATES}${query}`, pr), 400, 'invalid_request');
    }
    await expectError(await api(CANDIDATES), 401, 'unauthorized');
    await expectError(await getWithSecret(CANDIDATES, site.publishableKey), 401, 'unauthorized');
    await expectError(await getWithSecret(CANDIDATES, 'sk_test_unknown'), 401, 'unauthorized');
    await expectError(await getWithSecret(CANDIDATES, site.secretKeys.support), 403, 'forbidden');
  });
});
