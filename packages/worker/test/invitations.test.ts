import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { enforceRetention } from '../src/jobs/retention.js';
import { api, createSite, expectError, getWithSecret, ORIGIN, postFeedback, storedFeedback, type TestSite } from './helpers.js';

interface Created {
  id: string;
  url: string;
  expiresAt: string;
  email: string;
}

const SELF = 'https://tandem.test';

function call(method: string, path: string, secret: string, body?: unknown): Promise<Response> {
  return api(path, {
    method,
    headers: { authorization: `Bearer ${secret}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
    ...(body !== undefined && { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
}

const invite = (site: TestSite, id: string, secret = site.secretKeys.support, body?: unknown) =>
  call('POST', `/v1/feedback/${id}/invitation`, secret, body);

/** A complaint with an email, resolved by support. */
async function resolvedComplaint(site: TestSite, extra: object = { email: 'ana@example.com' }): Promise<string> {
  const res = await postFeedback(site, { message: 'My order never arrived and nobody answers.', rating: 1, ...extra });
  const { id } = await res.json<{ id: string }>();
  expect((await call('PUT', `/v1/feedback/${id}/status`, site.secretKeys.support, { status: 'resolved' })).status).toBe(200);
  return id;
}

async function invitation(site: TestSite, complaint?: string): Promise<{ complaint: string; token: string; created: Created }> {
  complaint ??= await resolvedComplaint(site);
  const created = await (await invite(site, complaint)).json<Created>();
  return { complaint, token: created.url.split('/').at(-1)!, created };
}

/** The customer's answer as the invitation page sends it: from the worker's own origin. */
function answer(site: TestSite, body: object, headers: Record<string, string> = {}) {
  return postFeedback(site, { message: 'Sorted in a day, thank you! Lovely people.', rating: 5, consent: { publish: true }, ...body }, {
    origin: SELF,
    ...headers,
  });
}

describe('POST /v1/feedback/{id}/invitation', () => {
  it('makes a link on the worker’s own origin, kept hashed, listed in the message with who sent it', async () => {
    const site = await createSite();
    const complaint = await resolvedComplaint(site);
    const res = await invite(site, complaint, site.secretKeys.support, { actor: 'Ana Ruiz' });
    expect(res.status).toBe(201);
    const created = await res.json<Created>();
    expect(created).toEqual({
      id: expect.stringMatching(/^inv_[0-9A-Z]{26}$/),
      url: expect.stringMatching(/^https:\/\/tandem\.test\/how-did-it-go\/ivt_[0-9a-f]{32}$/),
      expiresAt: expect.any(String),
      email: 'ana@example.com',
    });
    const days = (Date.parse(created.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);
    // Only the hash of the token is stored.
    const token = created.url.split('/').at(-1)!;
    const row = await env.DB.prepare('SELECT * FROM invitations WHERE id = ?').bind(created.id).first<Record<string, unknown>>();
    expect(JSON.stringify(row)).not.toContain(token);

    const detail = await (await getWithSecret(`/v1/feedback/${complaint}`, site.secretKeys.pr)).json<{ invitations: unknown[] }>();
    expect(detail.invitations).toEqual([
      {
        id: created.id,
        createdAt: expect.any(String),
        expiresAt: created.expiresAt,
        answeredBy: null,
        answeredAt: null,
        by: { keyId: `key_${site.id}_support`, role: 'support', actor: 'Ana Ruiz' },
      },
    ]);
    // Admin keys may too, without a body; each call is a new link.
    const again = await invite(site, complaint, site.secretKeys.admin);
    expect(again.status).toBe(201);
    expect((await again.json<Created>()).url).not.toBe(created.url);
  });

  it('sends to the identified user’s email when the customer typed none', async () => {
    const site = await createSite();
    const complaint = await resolvedComplaint(site, { user: { id: 'cus_9', email: 'bo@example.com' } });
    expect((await (await invite(site, complaint)).json<Created>()).email).toBe('bo@example.com');
  });

  it('refuses a message that is no complaint (not_a_complaint), not resolved (not_resolved) or has no email (no_email)', async () => {
    const site = await createSite();
    const praise = (await (await postFeedback(site, { message: 'Lovely coffee, thank you!', rating: 5, email: 'di@example.com' })).json<{ id: string }>()).id;
    expect((await call('PUT', `/v1/feedback/${praise}/status`, site.secretKeys.support, { status: 'resolved' })).status).toBe(200);
    await expectError(await invite(site, praise), 409, 'not_a_complaint');
    const open = (await (await postFeedback(site, { message: 'Still waiting.', rating: 2, email: 'cy@example.com' })).json<{ id: string }>()).id;
    await expectError(await invite(site, open), 409, 'not_resolved');
    const anonymous = await resolvedComplaint(site, {});
    await expectError(await invite(site, anonymous), 409, 'no_email');
    expect(await env.DB.prepare('SELECT COUNT(*) AS n FROM invitations WHERE site_id = ?').bind(site.id).first('n')).toBe(0);
  });

  it('refuses a bad id or body (400), no key (401), a pr key (403) and another site’s message (404)', async () => {
    const site = await createSite();
    const complaint = await resolvedComplaint(site);
    await expectError(await invite(site, 'fb_nope'), 400, 'invalid_request');
    await expectError(await invite(site, complaint, site.secretKeys.support, { actor: 'x'.repeat(101) }), 400, 'invalid_request');
    await expectError(await invite(site, complaint, site.secretKeys.support, { email: 'x@example.com' }), 400, 'invalid_request');
    await expectError(await api(`/v1/feedback/${complaint}/invitation`, { method: 'POST' }), 401, 'unauthorized');
    await expectError(await invite(site, complaint, site.secretKeys.pr), 403, 'forbidden');
    const other = await createSite();
    await expectError(await invite(other, complaint, other.secretKeys.admin), 404, 'not_found');
  });
});

describe('POST /v1/feedback with an invitation', () => {
  it('stores the answer with invitedAfter, triaged like any message, and marks the invitation answered', async () => {
    const site = await createSite();
    const { complaint, token, created } = await invitation(site);
    const res = await answer(site, { invitation: token });
    expect(res.status).toBe(201);
    const { id, label, routes } = await res.json<{ id: string; label: string; routes: string[] }>();
    expect(label).toBe('praise');
    expect(routes).toContain('pr');

    const stored = await (await getWithSecret(`/v1/feedback/${id}`, site.secretKeys.pr)).json<{ invitedAfter: string | null }>();
    expect(stored.invitedAfter).toBe(complaint);
    const listed = await (await getWithSecret('/v1/feedback?label=praise', site.secretKeys.pr)).json<{ data: { id: string; invitedAfter: string | null }[] }>();
    expect(listed.data).toEqual([expect.objectContaining({ id, invitedAfter: complaint })]);
    const detail = await (await getWithSecret(`/v1/feedback/${complaint}`, site.secretKeys.support)).json<{
      invitedAfter: string | null;
      invitations: { id: string; answeredBy: string | null; answeredAt: string | null }[];
    }>();
    expect(detail.invitedAfter).toBeNull();
    expect(detail.invitations).toEqual([expect.objectContaining({ id: created.id, answeredBy: id, answeredAt: expect.any(String) })]);
  });

  it('takes the token from the invitation page’s metadata key and does not store it', async () => {
    const site = await createSite();
    const { complaint, token } = await invitation(site);
    const res = await answer(site, { metadata: { 'tandem.invitation': token, plan: 'pro' } });
    expect(res.status).toBe(201);
    const row = await storedFeedback((await res.json<{ id: string }>()).id);
    expect(row!.invited_after).toBe(complaint);
    expect(JSON.parse(row!.metadata as string)).toEqual({ plan: 'pro' });
    expect(JSON.stringify(row)).not.toContain(token);
  });

  it('takes one answer: a retry with the same key gets the first answer, another message a 409', async () => {
    const site = await createSite();
    const { token } = await invitation(site);
    const first = await answer(site, { invitation: token }, { 'idempotency-key': 'answer-1' });
    expect(first.status).toBe(201);
    const retry = await answer(site, { invitation: token }, { 'idempotency-key': 'answer-1' });
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect((await retry.json<{ id: string }>()).id).toBe((await first.json<{ id: string }>()).id);
    await expectError(await answer(site, { invitation: token, message: 'Me again.' }), 409, 'invitation_answered');
    await expectError(await answer(site, { invitation: token }, { 'idempotency-key': 'answer-2' }), 409, 'invitation_answered');
    expect(await env.DB.prepare('SELECT COUNT(*) AS n FROM feedback WHERE site_id = ? AND invited_after IS NOT NULL').bind(site.id).first('n')).toBe(1);
  });

  it('answers a second answer racing the first with a 409, storing it not at all', async () => {
    const site = await createSite();
    const { token } = await invitation(site);
    const results = await Promise.all([answer(site, { invitation: token }), answer(site, { invitation: token, message: 'Great, thanks.' })]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await env.DB.prepare('SELECT COUNT(*) AS n FROM feedback WHERE site_id = ? AND invited_after IS NOT NULL').bind(site.id).first('n')).toBe(1);
  });

  it('keeps an answered invitation answered in the database itself, whatever writes to it', async () => {
    // The pre-check alone passes a race run one after the other: this is the guard behind it.
    const site = await createSite();
    const { created } = await invitation(site);
    const answerOnce = () => env.DB.prepare('UPDATE invitations SET answered_at = ? WHERE id = ?').bind(new Date().toISOString(), created.id).run();
    await answerOnce();
    await expect(answerOnce()).rejects.toThrow(/invitation already answered/);
  });

  it('refuses an expired token (410), an unknown one or another site’s (404), storing nothing', async () => {
    const site = await createSite();
    const { token, created } = await invitation(site);
    await env.DB.prepare('UPDATE invitations SET expires_at = ? WHERE id = ?').bind(new Date(Date.now() - 1000).toISOString(), created.id).run();
    await expectError(await answer(site, { invitation: token }), 410, 'invitation_expired');
    await expectError(await answer(site, { invitation: `ivt_${'0'.repeat(32)}` }), 404, 'not_found');
    await expectError(await answer(site, { invitation: 'not-a-token' }), 404, 'not_found');

    const other = await createSite();
    const theirs = await invitation(other);
    // From the site's own origin or the worker's, another site's token is unknown here.
    await expectError(await answer(site, { invitation: theirs.token }), 404, 'not_found');
    await expectError(await answer(site, { invitation: theirs.token }, { origin: ORIGIN }), 404, 'not_found');
    expect(await env.DB.prepare('SELECT COUNT(*) AS n FROM feedback WHERE site_id = ? AND invited_after IS NOT NULL').bind(site.id).first('n')).toBe(0);
  });

  it('takes the worker’s own origin only with an invitation token; without one it stays refused', async () => {
    const site = await createSite();
    await expectError(await answer(site, {}), 403, 'origin_not_allowed');
    await expectError(await answer(site, { metadata: { plan: 'pro' } }), 403, 'origin_not_allowed');
    // Another origin with a token is still refused: only the invitation page's is let in.
    const { token } = await invitation(site);
    await expectError(await answer(site, { invitation: token }, { origin: 'https://evil.example' }), 403, 'origin_not_allowed');
    // The site's own pages may send an answer too (a site can host its own page).
    expect((await answer(site, { invitation: token }, { origin: ORIGIN })).status).toBe(201);
  });

  it('lets the invitation page add an email to the answer afterwards, and nothing else from there', async () => {
    const site = await createSite();
    const { token } = await invitation(site);
    const sent = await (await answer(site, { invitation: token, message: 'Still broken, sadly.', rating: 1, consent: undefined })).json<{ id: string; token: string }>();
    const patch = (id: string, followUp: string) =>
      api(`/v1/feedback/${id}`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${site.publishableKey}`, 'content-type': 'application/json', origin: SELF },
        body: JSON.stringify({ token: followUp, email: 'ana@example.com' }),
      });
    expect((await patch(sent.id, sent.token)).status).toBe(200);
    const plain = await (await postFeedback(site, { message: 'Hello', rating: 3 })).json<{ id: string; token: string }>();
    await expectError(await patch(plain.id, plain.token), 403, 'origin_not_allowed');
  });
});

describe('invitations and customer data', () => {
  it('export and delete by email take the answers to invitations sent to it, and the invitations', async () => {
    const site = await createSite();
    const { complaint, token } = await invitation(site);
    const { id } = await (await answer(site, { invitation: token })).json<{ id: string }>();
    const data = await (await getWithSecret('/v1/customer-data?email=ana@example.com', site.secretKeys.admin)).json<{ feedback: { id: string }[] }>();
    expect(data.feedback.map((f) => f.id).sort()).toEqual([complaint, id].sort());

    const res = await call('DELETE', '/v1/customer-data?email=ana@example.com', site.secretKeys.admin);
    expect(await res.json()).toEqual({ deleted: { feedback: 2, testimonials: 0 } });
    expect(await env.DB.prepare('SELECT COUNT(*) AS n FROM invitations WHERE site_id = ?').bind(site.id).first('n')).toBe(0);
  });

  it('retention deletes the invitations with their complaint; the answer keeps invitedAfter', async () => {
    const site = await createSite();
    const { complaint, token } = await invitation(site);
    const { id } = await (await answer(site, { invitation: token })).json<{ id: string }>();
    await env.DB.prepare('UPDATE sites SET retention_days = 30 WHERE id = ?').bind(site.id).run();
    await env.DB.prepare('UPDATE feedback SET created_at = ? WHERE id = ?').bind('2020-01-01T00:00:00.000Z', complaint).run();
    await enforceRetention(env.DB, new Date());
    expect(await storedFeedback(complaint)).toBeNull();
    expect(await env.DB.prepare('SELECT COUNT(*) AS n FROM invitations WHERE site_id = ?').bind(site.id).first('n')).toBe(0);
    expect((await storedFeedback(id))!.invited_after).toBe(complaint);
  });
});

describe('GET /how-did-it-go/{token}', () => {
  it('shows the site’s name, when the customer wrote, and the form with the token, under a strict policy', async () => {
    const site = await createSite();
    const { token } = await invitation(site);
    const res = await api(`/how-did-it-go/${token}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toMatch(/script-src 'self';/);
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const page = await res.text();
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
    expect(page).toContain(`<style nonce="${nonce}">`);
    expect(page).toMatch(/<h1>Test site \d+<\/h1>/);
    const today = new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    expect(page).toContain(`You wrote to us on ${today}. How did it go?`);
    expect(page).toContain('<tandem-feedback inline></tandem-feedback>');
    expect(page).toContain(`data-site="${site.publishableKey}"`);
    expect(page).toContain(`data-meta-tandem.invitation="${token}"`);
    expect(page).toContain('data-page-url="none"');
    // A new nonce each time.
    const again = await api(`/how-did-it-go/${token}`);
    expect(again.headers.get('content-security-policy')).not.toBe(csp);
  });

  it('escapes the site’s name', async () => {
    const site = await createSite();
    await env.DB.prepare('UPDATE sites SET name = ? WHERE id = ?').bind('<script>alert(1)</script>', site.id).run();
    const page = await (await api(`/how-did-it-go/${(await invitation(site)).token}`)).text();
    expect(page).not.toContain('<script>alert');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('answers an unknown token with a friendly 404, and an expired or answered one with a 410', async () => {
    for (const token of ['nope', `ivt_${'0'.repeat(32)}`]) {
      const res = await api(`/how-did-it-go/${token}`);
      expect(res.status).toBe(404);
      expect(await res.text()).toContain('We could not find this link');
    }
    const site = await createSite();
    const expired = await invitation(site);
    await env.DB.prepare('UPDATE invitations SET expires_at = ? WHERE id = ?').bind(new Date(Date.now() - 1000).toISOString(), expired.created.id).run();
    const res = await api(`/how-did-it-go/${expired.token}`);
    expect(res.status).toBe(410);
    expect(await res.text()).toContain('This link has expired');

    const answered = await invitation(site);
    await answer(site, { invitation: answered.token });
    const done = await api(`/how-did-it-go/${answered.token}`);
    expect(done.status).toBe(410);
    const text = await done.text();
    expect(text).toContain('We already have your answer');
    expect(text).not.toContain('<tandem-feedback');
  });
});
