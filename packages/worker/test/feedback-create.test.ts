import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { sha256 } from '../src/lib/hash.js';
import { forgetKeys } from '../src/middleware/keys.js';
import { api, countFeedback, createSite, expectRefusedField, getWithSecret, ORIGIN, postFeedback, type Envelope } from './helpers.js';

const complaint = { message: 'I was charged twice for my order and nobody answers my emails.', rating: 1 };
const praise = {
  message: 'Love the new espresso blend, it arrived fresh and fast!',
  rating: 5,
  consent: { publish: true },
};

async function stored(id: string) {
  return env.DB.prepare('SELECT * FROM feedback WHERE id = ?').bind(id).first<Record<string, unknown>>();
}

describe('POST /v1/feedback', () => {
  it('stores a complaint with its decision and answers 201 with the route to support', async () => {
    const site = await createSite();
    const res = await postFeedback(site, { ...complaint, email: 'ana@example.com', pageUrl: 'https://shop.example/cart' });
    expect(res.status).toBe(201);
    expect(res.headers.get('x-request-id')).toBeTruthy();
    expect(res.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    const body = await res.json<{ id: string; label: string; routes: string[] }>();
    expect(body).toEqual({
      id: expect.stringMatching(/^fb_[0-9A-Z]{26}$/),
      label: 'complaint',
      routes: ['support'],
      token: expect.stringMatching(/^fbt_[0-9a-f]{32}$/),
    });

    const row = await stored(body.id);
    expect(row).toMatchObject({
      site_id: site.id,
      message: complaint.message,
      rating: 1,
      email: 'ana@example.com',
      page_url: 'https://shop.example/cart',
      label: 'complaint',
      routes: '["support"]',
      consent_publish: 0,
      consent_at: null,
    });
    expect(JSON.parse(row!.reasons as string).length).toBeGreaterThan(0);
  });

  it('routes praise with consent to PR and records when consent was given', async () => {
    const site = await createSite();
    const res = await postFeedback(site, praise);
    expect(res.status).toBe(201);
    const body = await res.json<{ id: string; label: string; routes: string[] }>();
    expect(body.label).toBe('praise');
    expect(body.routes).toEqual(['pr']);
    const row = await stored(body.id);
    expect(row).toMatchObject({ consent_publish: 1 });
    expect(Date.parse(row!.consent_at as string)).not.toBeNaN();
  });

  it('keeps the site’s metadata and trims the message', async () => {
    const site = await createSite();
    const res = await postFeedback(site, {
      message: '  Where is my order?\n\tOrder 1182  ',
      metadata: { plan: 'pro', orderId: 1234, vip: true, coupon: null },
    });
    expect(res.status).toBe(201);
    const row = await stored((await res.json<{ id: string }>()).id);
    expect(row!.message).toBe('Where is my order?\n\tOrder 1182');
    expect(JSON.parse(row!.metadata as string)).toEqual({ plan: 'pro', orderId: 1234, vip: true, coupon: null });
  });

  it('takes the key and idempotency key from a text/plain body, as navigator.sendBeacon sends them', async () => {
    const site = await createSite();
    const beacon = () =>
      api('/v1/feedback', {
        method: 'POST',
        headers: { 'content-type': 'text/plain;charset=UTF-8', origin: ORIGIN },
        body: JSON.stringify({ ...complaint, siteKey: site.publishableKey, idempotencyKey: 'beacon-1' }),
      });
    const first = await beacon();
    expect(first.status).toBe(201);
    const again = await beacon();
    expect(again.status).toBe(201);
    expect((await again.json<{ id: string }>()).id).toBe((await first.json<{ id: string }>()).id);
    expect(await countFeedback(site.id)).toBe(1);
  });

  it('accepts calls from servers and apps, which send no Origin', async () => {
    const site = await createSite();
    const res = await api('/v1/feedback', {
      method: 'POST',
      headers: { authorization: `Bearer ${site.publishableKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(complaint),
    });
    expect(res.status).toBe(201);
  });
});

describe('POST /v1/feedback validation', () => {
  const long = (n: number) => 'a'.repeat(n);
  const invalid: [string, unknown, string][] = [
    ['no message', { rating: 3 }, 'message'],
    ['an empty message', { message: '' }, 'message'],
    ['a message of only spaces', { message: '    ' }, 'message'],
    ['a message over 5,000 characters', { message: long(5001) }, 'message'],
    ['a message that is not a string', { message: 42 }, 'message'],
    ['a rating of 0', { message: 'ok', rating: 0 }, 'rating'],
    ['a rating of 6', { message: 'ok', rating: 6 }, 'rating'],
    ['a fractional rating', { message: 'ok', rating: 3.5 }, 'rating'],
    ['a rating sent as a string', { message: 'ok', rating: '5' }, 'rating'],
    ['an unknown category', { message: 'ok', category: 'rant' }, 'category'],
    ['an invalid email', { message: 'ok', email: 'not-an-email' }, 'email'],
    ['a name over 100 characters', { message: 'ok', name: long(101) }, 'name'],
    ['consent that is not an object', { message: 'ok', consent: true }, 'consent'],
    ['consent.publish that is not a boolean', { message: 'ok', consent: { publish: 'yes' } }, 'consent.publish'],
    ['a page URL that is not a URL', { message: 'ok', pageUrl: 'cart page' }, 'pageUrl'],
    ['a javascript: page URL', { message: 'ok', pageUrl: 'javascript:alert(1)' }, 'pageUrl'],
    ['metadata with more than 20 keys', { message: 'ok', metadata: Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`k${i}`, i])) }, 'metadata'],
    ['nested metadata', { message: 'ok', metadata: { order: { id: 1 } } }, 'metadata.order'],
    ['a metadata value over 500 characters', { message: 'ok', metadata: { note: long(501) } }, 'metadata.note'],
    ['an unknown field', { message: 'ok', stars: 5 }, ''],
    ['a message with a control character', { message: 'hello\u0000there' }, 'message'],
    ['a name with a control character', { message: 'ok', name: 'Ana\u001b[31m' }, 'name'],
    ['a page URL carrying a password', { message: 'ok', pageUrl: 'https://ana:secret@shop.example/cart' }, 'pageUrl'],
    ['a metadata key with spaces', { message: 'ok', metadata: { 'order id': 1 } }, 'metadata.order id'],
  ];

  it.each(invalid)('answers 400 for %s, naming the field', async (_case, body, path) => {
    await expectRefusedField(body, path);
  });

  it('takes every email a browser’s email field takes, so a typo never costs the message', async () => {
    const site = await createSite();
    for (const email of ['sam@gmail', 'jo.@example.co', 'a/b@example.co']) {
      const res = await postFeedback(site, { message: 'The lid leaks.', email }, { 'cf-connecting-ip': '203.0.113.77' });
      expect(res.status, email).toBe(201);
    }
    for (const email of ['sam', 'sam@', '@example.com', 'a@b@c', 'sam@-example.com']) await expectRefusedField({ message: 'ok', email }, 'email');
  });

  it('answers 400 for a body that is not JSON', async () => {
    const site = await createSite();
    const res = await postFeedback(site, '{"message": "unterminated');
    expect(res.status).toBe(400);
    expect((await res.json<Envelope>()).error.code).toBe('invalid_request');
  });

  it('answers 413 for a body over 32 KB, and stores nothing', async () => {
    const site = await createSite();
    const res = await postFeedback(site, { message: 'ok', metadata: { a: 'x'.repeat(500) }, pad: 'x'.repeat(33 * 1024) });
    expect(res.status).toBe(413);
    expect((await res.json<Envelope>()).error.code).toBe('payload_too_large');
    expect(await countFeedback(site.id)).toBe(0);
  });

  it('answers 415 for a form post', async () => {
    const site = await createSite();
    const res = await postFeedback(site, 'message=hello', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(415);
    expect((await res.json<Envelope>()).error.code).toBe('unsupported_media_type');
  });
});

describe('POST /v1/feedback keys and origins', () => {
  it('answers 401 without a key', async () => {
    const res = await api('/v1/feedback', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN },
      body: JSON.stringify(complaint),
    });
    expect(res.status).toBe(401);
    expect((await res.json<Envelope>()).error.code).toBe('unauthorized');
  });

  it.each([
    ['an unknown key', 'Bearer pk_test_doesnotexist'],
    ['a malformed Authorization header', 'Token pk_test_x'],
  ])('answers 401 for %s', async (_case, authorization) => {
    const res = await postFeedback({ publishableKey: '' }, complaint, { authorization });
    expect(res.status).toBe(401);
    expect((await res.json<Envelope>()).error.code).toBe('unauthorized');
  });

  it('answers 401 for a revoked key', async () => {
    const site = await createSite();
    await env.DB.prepare("UPDATE api_keys SET revoked_at = '2026-01-01T00:00:00.000Z' WHERE site_id = ? AND kind = 'publishable'")
      .bind(site.id)
      .run();
    const res = await postFeedback(site, complaint);
    expect(res.status).toBe(401);
  });

  it('refuses a secret key on the public route, so nobody learns to put one in a page', async () => {
    const site = await createSite();
    const res = await postFeedback({ publishableKey: site.secretKeys.admin }, complaint);
    expect(res.status).toBe(401);
    expect((await res.json<Envelope>()).error.message).toMatch(/publishable key/);
  });

  it('answers 400 when the header and the body name different keys, instead of picking one', async () => {
    const a = await createSite();
    const b = await createSite();
    const res = await postFeedback(a, { ...complaint, siteKey: b.publishableKey });
    expect(res.status).toBe(400);
    expect(await countFeedback(a.id)).toBe(0);
    expect(await countFeedback(b.id)).toBe(0);
  });

  it('goes by the kind of key stored, not only by its prefix', async () => {
    const site = await createSite();
    const misfiled = `pk_test_${crypto.randomUUID().replaceAll('-', '')}`;
    await env.DB.prepare(
      `INSERT INTO api_keys (id, site_id, kind, role, key_hash, key_hint, created_at)
       VALUES (?, ?, 'secret', 'admin', ?, 'pk_test_…', '2026-01-01T00:00:00.000Z')`,
    )
      .bind(`key_${site.id}_misfiled`, site.id, await sha256(misfiled))
      .run();
    const res = await postFeedback({ publishableKey: misfiled }, complaint);
    expect(res.status).toBe(401);
    expect(await countFeedback(site.id)).toBe(0);
  });

  it('answers 403 to an origin the site does not allow, and stores nothing', async () => {
    const site = await createSite();
    const res = await postFeedback(site, complaint, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect((await res.json<Envelope>()).error.code).toBe('origin_not_allowed');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(await countFeedback(site.id)).toBe(0);
  });

  it('answers 403 when another site’s key is used from this site’s origin', async () => {
    const mine = await createSite(['https://mine.example']);
    const theirs = await createSite(['https://theirs.example']);
    const res = await postFeedback(theirs, complaint, { origin: 'https://mine.example' });
    expect(res.status).toBe(403);
    expect(await countFeedback(theirs.id)).toBe(0);
    expect(await countFeedback(mine.id)).toBe(0);
  });

  it('answers a CORS preflight for an allowed origin, and not for others', async () => {
    await createSite(['https://allowed.example']);
    const preflight = (origin: string) =>
      api('/v1/feedback', {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization, content-type, idempotency-key',
        },
      });
    const allowed = await preflight('https://allowed.example');
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://allowed.example');
    expect(allowed.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('idempotency-key');
    const other = await preflight('https://not-a-customer.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('POST /v1/feedback idempotency', () => {
  it('returns the same feedback for a repeated Idempotency-Key and stores it once', async () => {
    const site = await createSite();
    const first = await postFeedback(site, complaint, { 'idempotency-key': 'order-7-attempt' });
    const second = await postFeedback(site, complaint, { 'idempotency-key': 'order-7-attempt' });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(await second.json()).toEqual(await first.json());
    expect(await countFeedback(site.id)).toBe(1);
  });

  it('replays the first answer even after a person changed the message’s routes', async () => {
    const site = await createSite();
    const first = await postFeedback(site, complaint, { 'idempotency-key': 'rerouted' });
    const answer = await first.json<{ id: string; routes: string[] }>();
    const override = await api(`/v1/feedback/${answer.id}/routes`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${site.secretKeys.support}`, 'content-type': 'application/json' },
      body: JSON.stringify({ routes: ['product'] }),
    });
    expect(override.status).toBe(200);
    const again = await postFeedback(site, complaint, { 'idempotency-key': 'rerouted' });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual(answer);
  });

  it('stores once when the same key arrives several times at once', async () => {
    const site = await createSite();
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => postFeedback(site, complaint, { 'idempotency-key': 'burst' })),
    );
    const ids = new Set(await Promise.all(responses.map(async (r) => (await r.json<{ id: string }>()).id)));
    expect(responses.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    expect(ids.size).toBe(1);
    expect(await countFeedback(site.id)).toBe(1);
  });

  it('answers 422 when a key is reused for a different message', async () => {
    const site = await createSite();
    await postFeedback(site, complaint, { 'idempotency-key': 'reused' });
    const res = await postFeedback(site, praise, { 'idempotency-key': 'reused' });
    expect(res.status).toBe(422);
    expect((await res.json<Envelope>()).error.code).toBe('idempotency_key_reused');
    expect(await countFeedback(site.id)).toBe(1);
  });

  it('scopes keys to a site: the same key on two sites stores two messages', async () => {
    const a = await createSite();
    const b = await createSite();
    await postFeedback(a, complaint, { 'idempotency-key': 'shared' });
    await postFeedback(b, complaint, { 'idempotency-key': 'shared' });
    expect(await countFeedback(a.id)).toBe(1);
    expect(await countFeedback(b.id)).toBe(1);
  });

  it('stores every message sent without a key', async () => {
    const site = await createSite();
    await postFeedback(site, complaint);
    await postFeedback(site, complaint);
    expect(await countFeedback(site.id)).toBe(2);
  });
});

describe('POST /v1/feedback rate limit', () => {
  it('answers 429 with Retry-After once a client sends too much, per site', async () => {
    const site = await createSite();
    const statuses: number[] = [];
    let limited: Response | undefined;
    // The limiter counts per clock minute: 61 tries always put 31 in one minute, even when a new
    // minute starts while they are sent.
    for (let i = 0; i < 61 && !limited; i++) {
      const res = await postFeedback(site, { message: `message ${i}` }, { 'cf-connecting-ip': '203.0.113.9' });
      statuses.push(res.status);
      if (res.status === 429) limited = res;
    }
    expect(limited, `statuses: ${statuses.join(',')}`).toBeDefined();
    expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await limited!.json<Envelope>()).error.code).toBe('rate_limited');
    expect(await countFeedback(site.id)).toBe(statuses.filter((s) => s === 201).length);

    // Another client of the same site is not held back.
    const other = await postFeedback(site, { message: 'from someone else' }, { 'cf-connecting-ip': '198.51.100.4' });
    expect(other.status).toBe(201);
  });
});

describe('key lookups', () => {
  it('remember a live key for a while, and forget it when told (as revoking does)', async () => {
    const site = await createSite();
    expect((await postFeedback(site, complaint)).status).toBe(201);
    await env.DB.prepare("UPDATE api_keys SET revoked_at = '2026-01-01T00:00:00.000Z' WHERE site_id = ? AND kind = 'publishable'")
      .bind(site.id)
      .run();
    // This isolate looked the key up a moment ago: no D1 round trip, so it still passes…
    expect((await postFeedback(site, complaint)).status).toBe(201);
    // …until the site's keys are forgotten, which the routes that change keys and origins do.
    forgetKeys(site.id);
    expect((await postFeedback(site, complaint)).status).toBe(401);
  });

  it('never remember a secret key: a revoked one stops at once, on every server', async () => {
    const site = await createSite();
    expect((await getWithSecret('/v1/feedback', site.secretKeys.admin)).status).toBe(200);
    await env.DB.prepare('UPDATE api_keys SET revoked_at = ? WHERE id = ?').bind(new Date().toISOString(), `key_${site.id}_admin`).run();
    expect((await getWithSecret('/v1/feedback', site.secretKeys.admin)).status).toBe(401);
  });
});
