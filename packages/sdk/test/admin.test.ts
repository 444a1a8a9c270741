import { createHash, randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { executeSql, siteSql, sql } from '../../../tests/support/d1.js';
import { createClient } from '../src/index.js';
import { createAdminClient, TandemError } from '../src/admin.js';

const endpoint = inject('endpoint');

// A site of these tests' own, so their messages neither meet the other suites' nor share
// their rate limit.
const site = `site_sdk_admin_${randomUUID().slice(0, 8)}`;
const siteKey = `pk_test_${randomUUID().replaceAll('-', '')}`;
const secretKey = `sk_test_${randomUUID().replaceAll('-', '')}`;
executeSql(
  siteSql(site, siteKey, 'https://shop.example') +
    `INSERT INTO api_keys (id, site_id, kind, role, key_hash, key_hint, created_at) VALUES (${sql(`key_${site}_admin`)},
      ${sql(site)}, 'secret', 'admin', ${sql(createHash('sha256').update(secretKey).digest('hex'))}, 'sk_test_…',
      ${sql(new Date().toISOString())});`,
);

const admin = createAdminClient({ endpoint, secretKey });
const tandem = createClient({ siteKey, endpoint, storage: null });

async function rejection(promise: Promise<unknown>): Promise<TandemError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(TandemError);
  return error as TandemError;
}

describe('createAdminClient against wrangler dev', () => {
  it('refuses a publishable key or a relative endpoint before sending anything', () => {
    expect(() => createAdminClient({ endpoint, secretKey: 'pk_demo_3b7f1d6a92e04c8b5a1f7e2d' })).toThrow(/secret key/);
    expect(() => createAdminClient({ endpoint: '/api', secretKey })).toThrow(/absolute URL/);
  });

  it('lists, filters and reads feedback', async () => {
    const word = `zebra${crypto.randomUUID().slice(0, 8)}`;
    const { id } = await tandem.submit({ message: `The ${word} mug arrived broken, I want a refund.`, rating: 1 });
    const page = await admin.feedback.list({ q: word, route: 'support', limit: 5 });
    expect(page.data.map((f) => f.id)).toEqual([id]);
    expect(page.nextCursor).toBeNull();
    const one = await admin.feedback.get(id);
    expect(one).toMatchObject({ id, label: 'complaint', rating: 1 });
  });

  it('walks every page with all(), in order, without repeats', async () => {
    const word = `okapi${crypto.randomUUID().slice(0, 8)}`;
    const sent: string[] = [];
    for (let i = 0; i < 5; i++) sent.push((await tandem.submit({ message: `Question ${i} about the ${word} plan?` })).id);
    const seen: string[] = [];
    for await (const feedback of admin.feedback.all({ q: word, limit: 2 })) seen.push(feedback.id);
    expect(seen).toEqual(sent.reverse()); // newest first, three pages
  });

  it('answers an unknown id as not_found, in the API’s words', async () => {
    const error = await rejection(admin.feedback.get('fb_01JD3X6Q0ZK4T1V8M2N5P7R9S3'));
    expect(error.code).toBe('not_found');
    expect(error.status).toBe(404);
    expect(error.requestId).toBeTruthy();
  });

  it('reports a bad filter as invalid_request naming it', async () => {
    const error = await rejection(admin.feedback.list({ urgency: 'whenever' as 'low' }));
    expect(error.code).toBe('invalid_request');
    expect(error.detail).toMatch(/urgency/);
  });

  it('refuses an unknown secret key as unauthorized', async () => {
    const stranger = createAdminClient({ endpoint, secretKey: 'sk_live_unknown' });
    expect((await rejection(stranger.feedback.list())).code).toBe('unauthorized');
  });

  it('exports, then deletes, one customer’s data', async () => {
    const email = `sam.${crypto.randomUUID().slice(0, 8)}@example.com`;
    const { id } = await tandem.submit({ message: 'Where is my parcel?', email });
    const exported = await admin.customers.export({ email });
    expect(exported.feedback.map((f) => f.id)).toEqual([id]);
    expect(await admin.customers.delete({ email })).toEqual({ deleted: { feedback: 1, testimonials: 0 } });
    expect((await rejection(admin.feedback.get(id))).code).toBe('not_found');
  });
});
