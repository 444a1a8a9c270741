import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { forgetTestimonials } from '../src/lib/testimonials-cache.js';
import { api, createSite, ORIGIN, type Envelope } from './helpers.js';

async function addTestimonial(siteId: string, id: string, status: string, approvedAt: string | null) {
  await env.DB.prepare(
    `INSERT INTO testimonials (id, site_id, quote, author_name, rating, status, approved_at, created_at)
     VALUES (?, ?, ?, 'Ana P.', 5, ?, ?, '2026-01-01T00:00:00.000Z')`,
  )
    .bind(id, siteId, `Quote ${id}`, status, approvedAt)
    .run();
}

describe('GET /v1/testimonials', () => {
  it('lists only approved testimonials, most recently approved first', async () => {
    const site = await createSite();
    const other = await createSite();
    await addTestimonial(site.id, `${site.id}_old`, 'approved', '2026-02-01T00:00:00.000Z');
    await addTestimonial(site.id, `${site.id}_new`, 'approved', '2026-03-01T00:00:00.000Z');
    await addTestimonial(site.id, `${site.id}_draft`, 'draft', null);
    await addTestimonial(site.id, `${site.id}_gone`, 'withdrawn', '2026-02-15T00:00:00.000Z');
    await addTestimonial(other.id, `${other.id}_theirs`, 'approved', '2026-03-02T00:00:00.000Z');

    const res = await api(`/v1/testimonials?siteKey=${site.publishableKey}`, { headers: { origin: ORIGIN } });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('public');
    const { data } = await res.json<{ data: { id: string; quote: string; author: string; rating: number }[] }>();
    expect(data.map((t) => t.id)).toEqual([`${site.id}_new`, `${site.id}_old`]);
    expect(data[0]).toEqual({
      id: `${site.id}_new`,
      quote: `Quote ${site.id}_new`,
      author: 'Ana P.',
      rating: 5,
      approvedAt: '2026-03-01T00:00:00.000Z',
    });
  });

  it('serves the list from the edge cache until the site’s testimonials change', async () => {
    const site = await createSite();
    await addTestimonial(site.id, `${site.id}_first`, 'approved', '2026-02-01T00:00:00.000Z');
    const ids = async (limit = 12) => {
      const res = await api(`/v1/testimonials?siteKey=${site.publishableKey}&limit=${limit}`);
      const { data } = await res.json<{ data: { id: string }[] }>();
      return { cache: res.headers.get('tandem-cache'), ids: data.map((t) => t.id) };
    };
    expect(await ids()).toEqual({ cache: 'miss', ids: [`${site.id}_first`] });

    // Approved straight in D1: the cached list does not know yet, whatever limit is asked.
    await addTestimonial(site.id, `${site.id}_second`, 'approved', '2026-03-01T00:00:00.000Z');
    expect(await ids()).toEqual({ cache: 'hit', ids: [`${site.id}_first`] });
    expect(await ids(1)).toEqual({ cache: 'hit', ids: [`${site.id}_first`] });

    // What approving or withdrawing will call: the next request reads D1 again.
    await forgetTestimonials(site.id);
    expect(await ids()).toEqual({ cache: 'miss', ids: [`${site.id}_second`, `${site.id}_first`] });
    expect(await ids(1)).toEqual({ cache: 'hit', ids: [`${site.id}_second`] });

    // Still checked on every request: the key and the origin.
    const elsewhere = await api(`/v1/testimonials?siteKey=${site.publishableKey}`, { headers: { origin: 'https://copycat.example' } });
    expect(elsewhere.status).toBe(403);
  });

  it('takes the key in the Authorization header too', async () => {
    const site = await createSite();
    const res = await api('/v1/testimonials', { headers: { authorization: `Bearer ${site.publishableKey}` } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: [] });
  });

  it('refuses other origins, missing keys and bad limits', async () => {
    const site = await createSite();
    const fromElsewhere = await api(`/v1/testimonials?siteKey=${site.publishableKey}`, {
      headers: { origin: 'https://copycat.example' },
    });
    expect(fromElsewhere.status).toBe(403);
    expect((await fromElsewhere.json<Envelope>()).error.code).toBe('origin_not_allowed');

    const noKey = await api('/v1/testimonials');
    expect(noKey.status).toBe(401);

    const badLimit = await api(`/v1/testimonials?siteKey=${site.publishableKey}&limit=500`);
    expect(badLimit.status).toBe(400);
  });
});
