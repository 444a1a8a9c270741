import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { newFollowUpToken } from '../src/lib/follow-up.js';
import { newId } from '../src/lib/ids.js';
import {
  api,
  createSite,
  getWithSecret,
  ORIGIN,
  patchFeedback,
  postFeedback,
  storedFeedback,
  type Envelope,
  type TestSite,
} from './helpers.js';

interface Created {
  id: string;
  token: string;
}

async function send(site: TestSite, body: Record<string, unknown> = {}): Promise<Created> {
  const res = await postFeedback(site, { message: 'The grinder arrived with a cracked hopper.', rating: 2, ...body });
  expect(res.status).toBe(201);
  return res.json<Created>();
}

/** Feedback created `hoursAgo` hours ago, stored directly, with a token the test knows. */
async function sentHoursAgo(site: TestSite, hoursAgo: number): Promise<Created> {
  const id = newId('fb');
  const token = newFollowUpToken();
  const createdAt = new Date(Date.now() - hoursAgo * 60 * 60 * 1000).toISOString();
  await env.DB.prepare(
    `INSERT INTO feedback (id, site_id, message, consent_publish, label, routes, sentiment, confidence, reasons,
       follow_up_token, created_at)
     VALUES (?, ?, 'My parcel never came.', 0, 'complaint', '["support"]', -0.5, 0.8, '[]', ?, ?)`,
  )
    .bind(id, site.id, token, createdAt)
    .run();
  return { id, token };
}

describe('PATCH /v1/feedback/{id}', () => {
  it('adds the email and name the customer left out, and answers without echoing them', async () => {
    const site = await createSite();
    const { id, token } = await send(site);
    const res = await patchFeedback(site, id, { token, email: 'sam@example.com', name: 'Sam Lee' });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ id, email: true, name: true, consent: { publish: false } });
    expect(text).not.toContain('sam@example.com');
    expect(text).not.toContain('Sam Lee');
    expect(await storedFeedback(id)).toMatchObject({ email: 'sam@example.com', name: 'Sam Lee', message: expect.stringContaining('grinder') });
  });

  it('records consent given later, with its version, and clears it when withdrawn', async () => {
    const site = await createSite();
    const { id, token } = await send(site, { message: 'Lovely coffee, thank you!', rating: 5 });

    const given = await patchFeedback(site, id, { token, consent: { publish: true, version: '2026-11' } });
    expect(given.status).toBe(200);
    expect(await given.json()).toEqual({ id, email: false, name: false, consent: { publish: true } });
    const afterGiving = await storedFeedback(id);
    expect(afterGiving).toMatchObject({ consent_publish: 1, consent_version: '2026-11' });
    expect(Date.parse(afterGiving!.consent_at as string)).not.toBeNaN();

    const withdrawn = await patchFeedback(site, id, { token, consent: { publish: false } });
    expect(withdrawn.status).toBe(200);
    expect((await withdrawn.json<{ consent: unknown }>()).consent).toEqual({ publish: false });
    expect(await storedFeedback(id)).toMatchObject({ consent_publish: 0, consent_at: null, consent_version: '2026-11' });

    const { data } = await (await getWithSecret('/v1/feedback', site.secretKeys.pr)).json<{ data: { consent: unknown }[] }>();
    expect(data[0]!.consent).toEqual({ publish: false, givenAt: null, version: '2026-11' });
  });

  it('answers 409 already_set for an email or name the feedback already has, and changes nothing', async () => {
    const site = await createSite();
    const { id, token } = await send(site, { email: 'sam@example.com', user: { name: 'Sam Lee' } });

    const email = await patchFeedback(site, id, { token, email: 'someone.else@example.com', consent: { publish: true } });
    expect(email.status).toBe(409);
    const { error } = await email.json<Envelope>();
    expect(error.code).toBe('already_set');
    expect(error.message).toMatch(/already has an email/);

    const name = await patchFeedback(site, id, { token, name: 'Mallory' });
    expect(name.status).toBe(409);
    expect((await name.json<Envelope>()).error.message).toMatch(/already has a name/);

    expect(await storedFeedback(id)).toMatchObject({ email: 'sam@example.com', name: 'Sam Lee', consent_publish: 0 });
  });

  it('accepts the same email again, so a retried request succeeds', async () => {
    const site = await createSite();
    const { id, token } = await send(site);
    expect((await patchFeedback(site, id, { token, email: 'sam@example.com' })).status).toBe(200);
    const retry = await patchFeedback(site, id, { token, email: 'sam@example.com' });
    expect(retry.status).toBe(200);
    expect(await retry.json()).toMatchObject({ email: true });
  });

  it('takes a follow-up until 24 hours after sending, and then answers 404', async () => {
    const site = await createSite();
    const recent = await sentHoursAgo(site, 23);
    expect((await patchFeedback(site, recent.id, { token: recent.token, email: 'sam@example.com' })).status).toBe(200);

    const old = await sentHoursAgo(site, 25);
    const res = await patchFeedback(site, old.id, { token: old.token, email: 'sam@example.com' });
    expect(res.status).toBe(404);
    expect((await res.json<Envelope>()).error.code).toBe('not_found');
    expect(await storedFeedback(old.id)).toMatchObject({ email: null });
  });

  it('answers 404 for a wrong token, the same as for an expired one', async () => {
    const site = await createSite();
    const { id, token } = await send(site);
    const expired = await sentHoursAgo(site, 48);
    const wrong = await patchFeedback(site, id, { token: newFollowUpToken(), email: 'mallory@example.com' });
    const truncated = await patchFeedback(site, id, { token: token.slice(0, -1), email: 'mallory@example.com' });
    const late = await patchFeedback(site, expired.id, { token: expired.token, email: 'mallory@example.com' });

    for (const res of [wrong, truncated, late]) expect(res.status).toBe(404);
    const [a, b, c] = await Promise.all([wrong, truncated, late].map((r) => r.json<Envelope>()));
    expect(a!.error.message).toBe(c!.error.message);
    expect(b!.error.message).toBe(c!.error.message);
    expect(await storedFeedback(id)).toMatchObject({ email: null });
  });

  it('answers 404 to another site’s key, even with the right token', async () => {
    const mine = await createSite();
    const theirs = await createSite();
    const { id, token } = await send(theirs);
    const res = await patchFeedback(mine, id, { token, email: 'mallory@example.com', consent: { publish: true } });
    expect(res.status).toBe(404);
    expect((await res.json<Envelope>()).error.code).toBe('not_found');
    expect(await storedFeedback(id)).toMatchObject({ email: null, consent_publish: 0 });
  });

  it('answers 403 from an origin the site does not allow', async () => {
    const site = await createSite();
    const { id, token } = await send(site);
    const res = await patchFeedback(site, id, { token, email: 'sam@example.com' }, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect((await res.json<Envelope>()).error.code).toBe('origin_not_allowed');
    expect(await storedFeedback(id)).toMatchObject({ email: null });
  });

  it('answers 401 without a key', async () => {
    const site = await createSite();
    const { id, token } = await send(site);
    const res = await api(`/v1/feedback/${id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', origin: ORIGIN },
      body: JSON.stringify({ token, email: 'sam@example.com' }),
    });
    expect(res.status).toBe(401);
    expect((await res.json<Envelope>()).error.code).toBe('unauthorized');
  });

  it('lets a browser on an allowed origin send PATCH after a preflight', async () => {
    await createSite(['https://allowed-patch.example']);
    const res = await api('/v1/feedback/fb_01JD3X6Q0ZK4T1V8M2N5P7R9S3', {
      method: 'OPTIONS',
      headers: {
        origin: 'https://allowed-patch.example',
        'access-control-request-method': 'PATCH',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://allowed-patch.example');
    expect(res.headers.get('access-control-allow-methods')).toContain('PATCH');
  });
});

describe('PATCH /v1/feedback/{id} validation', () => {
  const invalid: [string, Record<string, unknown>, string][] = [
    ['no token', { token: undefined, email: 'sam@example.com' }, 'token'],
    ['nothing to add', {}, ''],
    ['a field that cannot change', { message: 'Actually, all is fine' }, ''],
    ['a rating', { rating: 5 }, ''],
    ['an invalid email', { email: 'sam at example' }, 'email'],
    ['a name over 100 characters', { name: 'a'.repeat(101) }, 'name'],
    ['consent without publish', { consent: { version: '2026-11' } }, 'consent.publish'],
    ['a consent version with spaces', { consent: { publish: true, version: 'v 2' } }, 'consent.version'],
  ];

  it.each(invalid)('answers 400 for %s', async (_case, fields, path) => {
    const site = await createSite();
    const { id, token } = await send(site);
    const res = await patchFeedback(site, id, { token, ...fields });
    expect(res.status).toBe(400);
    const { error } = await res.json<Envelope>();
    expect(error.code).toBe('invalid_request');
    expect(error.issues?.map((i) => i.path)).toContain(path);
    expect(await storedFeedback(id)).toMatchObject({ email: null, name: null, consent_publish: 0, rating: 2 });
  });

  it('answers 400 for an id this API never gave out', async () => {
    const site = await createSite();
    const res = await patchFeedback(site, 'fb_1 OR 1=1', { token: newFollowUpToken(), email: 'sam@example.com' });
    expect(res.status).toBe(400);
    expect((await res.json<Envelope>()).error.issues?.map((i) => i.path)).toContain('id');
  });
});
