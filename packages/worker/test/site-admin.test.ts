import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { sha256 } from '../src/lib/hash.js';
import { api, createSite, getWithSecret, ORIGIN, postFeedback, type Envelope, type TestSite, expectError } from './helpers.js';

interface Site {
  id: string;
  name: string;
  origins: string[];
  retentionDays: number;
  createdAt: string;
}

interface Key {
  id: string;
  kind: 'publishable' | 'secret';
  role: string | null;
  hint: string;
  createdAt: string;
  revokedAt: string | null;
  key?: string;
}

/** A request with a secret key and, when given, a JSON body. */
function call(method: string, path: string, secret: string, body?: unknown): Promise<Response> {
  return api(path, {
    method,
    headers: { authorization: `Bearer ${secret}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
}


/** Checks a request is refused as invalid, naming `path`. */
async function expectInvalid(res: Response, path: string): Promise<void> {
  const error = await expectError(res, 400, 'invalid_request');
  expect(error.issues?.map((i) => i.path)).toContain(path);
}

async function createKey(site: TestSite, body: object): Promise<Key & { key: string }> {
  const res = await call('POST', '/v1/keys', site.secretKeys.admin, body);
  expect(res.status).toBe(201);
  return res.json<Key & { key: string }>();
}

const liveAdminKeys = async (siteId: string) =>
  (await env.DB.prepare("SELECT COUNT(*) AS n FROM api_keys WHERE site_id = ? AND role = 'admin' AND revoked_at IS NULL").bind(siteId).first<{ n: number }>())!.n;

describe('GET /v1/site', () => {
  it('answers the key’s own site', async () => {
    const site = await createSite(['https://shop.example', 'https://www.shop.example']);
    await createSite(['https://elsewhere.example']);
    const res = await getWithSecret('/v1/site', site.secretKeys.admin);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      id: site.id,
      name: expect.stringMatching(/^Test site/),
      origins: ['https://shop.example', 'https://www.shop.example'],
      retentionDays: 365,
      createdAt: expect.any(String),
    });
  });

  it('is for admin keys only', async () => {
    const site = await createSite();
    for (const role of ['support', 'pr'] as const) await expectError(await getWithSecret('/v1/site', site.secretKeys[role]), 403, 'forbidden');
    await expectError(await api('/v1/site'), 401, 'unauthorized');
    await expectError(await getWithSecret('/v1/site', site.publishableKey), 401, 'unauthorized');
  });
});

describe('PATCH /v1/site', () => {
  it('renames, sets the retention and replaces the allowed origins, which count at once', async () => {
    const site = await createSite(['https://shop.example']);
    const other = await createSite(['https://shop.example']);
    const res = await call('PATCH', '/v1/site', site.secretKeys.admin, {
      name: '  Northwind Coffee  ',
      origins: ['https://northwind.example', 'http://localhost:8787'],
      retentionDays: 30,
    });
    expect(res.status).toBe(200);
    const changed = await res.json<Site>();
    expect(changed).toMatchObject({ id: site.id, name: 'Northwind Coffee', origins: ['http://localhost:8787', 'https://northwind.example'], retentionDays: 30 });
    expect(await (await getWithSecret('/v1/site', site.secretKeys.admin)).json()).toEqual(changed);

    const send = (s: TestSite, origin: string) => postFeedback(s, { message: 'Hello from the new shop' }, { origin });
    expect((await send(site, 'https://northwind.example')).status).toBe(201);
    await expectError(await send(site, 'https://shop.example'), 403, 'origin_not_allowed');
    // Another site's list is its own.
    expect((await send(other, 'https://shop.example')).status).toBe(201);

    // One field at a time leaves the others; an empty list allows no browser, servers still send.
    const renamed = await (await call('PATCH', '/v1/site', site.secretKeys.admin, { name: 'Northwind' })).json<Site>();
    expect(renamed).toMatchObject({ name: 'Northwind', retentionDays: 30, origins: changed.origins });
    const closed = await (await call('PATCH', '/v1/site', site.secretKeys.admin, { origins: [] })).json<Site>();
    expect(closed.origins).toEqual([]);
    await expectError(await send(site, 'https://northwind.example'), 403, 'origin_not_allowed');
    expect((await postFeedback(site, { message: 'From our server' }, { origin: '' })).status).toBe(201);
  });

  it('takes origins with ports, IP addresses and international names in punycode', async () => {
    const site = await createSite();
    const origins = ['http://127.0.0.1:8787', 'http://[::1]:3000', 'https://xn--caf-dma.example', 'https://shop.example:8443'];
    const res = await call('PATCH', '/v1/site', site.secretKeys.admin, { origins });
    expect(res.status).toBe(200);
    expect((await res.json<Site>()).origins).toEqual([...origins].sort());
  });

  it.each([
    ['https://café.example', 'an international name not in punycode'],
    ['https://shop.example/', 'a trailing slash'],
    ['https://shop.example/checkout', 'a path'],
    ['https://shop.example?x=1', 'a query'],
    ['https://Shop.Example', 'upper case'],
    ['https://shop.example:443', 'the default port'],
    ['https://user@shop.example', 'a user name'],
    ['shop.example', 'no scheme'],
    ['ftp://shop.example', 'another scheme'],
    ['https://*.shop.example', 'a wildcard'],
    ['null', 'the null origin'],
  ])('refuses %s as an origin (%s)', async (origin) => {
    const site = await createSite();
    await expectInvalid(await call('PATCH', '/v1/site', site.secretKeys.admin, { origins: ['https://ok.example', origin] }), 'origins.1');
    expect((await (await getWithSecret('/v1/site', site.secretKeys.admin)).json<Site>()).origins).toEqual([ORIGIN]);
  });

  it('refuses bad names, retentions, duplicate origins, unknown fields and an empty change', async () => {
    const site = await createSite();
    const cases: [unknown, string][] = [
      [{ name: '' }, 'name'],
      [{ name: 'x'.repeat(101) }, 'name'],
      [{ retentionDays: 0 }, 'retentionDays'],
      [{ retentionDays: 3651 }, 'retentionDays'],
      [{ retentionDays: 1.5 }, 'retentionDays'],
      [{ retentionDays: '30' }, 'retentionDays'],
      [{ origins: 'https://shop.example' }, 'origins'],
      [{ origins: ['https://a.example', 'https://a.example'] }, 'origins'],
      [{ origins: Array.from({ length: 51 }, (_, i) => `https://s${i}.example`) }, 'origins'],
      [{ name: 'Fine', id: 'site_other' }, ''],
      [{}, ''],
    ];
    for (const [body, path] of cases) await expectInvalid(await call('PATCH', '/v1/site', site.secretKeys.admin, body), path);
    const limits = await (await call('PATCH', '/v1/site', site.secretKeys.admin, { retentionDays: 3650 })).json<Site>();
    expect(limits.retentionDays).toBe(3650);
    expect((await (await call('PATCH', '/v1/site', site.secretKeys.admin, { retentionDays: 1 })).json<Site>()).retentionDays).toBe(1);
  });

  it('is for admin keys only', async () => {
    const site = await createSite();
    for (const role of ['support', 'pr'] as const) {
      await expectError(await call('PATCH', '/v1/site', site.secretKeys[role], { name: 'Mine now' }), 403, 'forbidden');
    }
    await expectError(await api('/v1/site', { method: 'PATCH', body: '{"name":"x"}' }), 401, 'unauthorized');
    const text = await api('/v1/site', { method: 'PATCH', headers: { authorization: `Bearer ${site.secretKeys.admin}`, 'content-type': 'text/csv' }, body: 'x' });
    await expectError(text, 415, 'unsupported_media_type');
    expect((await (await getWithSecret('/v1/site', site.secretKeys.admin)).json<Site>()).name).toMatch(/^Test site/);
  });
});

describe('/v1/keys', () => {
  it('lists the site’s keys, revoked ones too, never a secret', async () => {
    const site = await createSite();
    await createSite();
    const res = await getWithSecret('/v1/keys', site.secretKeys.admin);
    expect(res.status).toBe(200);
    const { data } = await res.json<{ data: Key[] }>();
    expect(data.map((k) => [k.kind, k.role]).sort()).toEqual([
      ['publishable', null],
      ['secret', 'admin'],
      ['secret', 'pr'],
      ['secret', 'support'],
    ]);
    expect(data.find((k) => k.kind === 'publishable')).toEqual({
      id: `key_${site.id}_pk`,
      kind: 'publishable',
      role: null,
      hint: site.publishableKey,
      createdAt: expect.any(String),
      revokedAt: null,
    });
    const body = JSON.stringify(data);
    for (const secret of Object.values(site.secretKeys)) expect(body).not.toContain(secret);
    expect(body).not.toContain('hash');
  });

  it('makes a secret key that works at once with its role, is shown once, stored hashed, and stops working when revoked', async () => {
    const site = await createSite();
    const made = await createKey(site, { kind: 'secret', role: 'pr' });
    expect(made).toEqual({
      id: expect.stringMatching(/^key_[0-9A-Z]{26}$/),
      kind: 'secret',
      role: 'pr',
      hint: `${made.key.slice(0, 7)}…${made.key.slice(-4)}`,
      createdAt: expect.any(String),
      revokedAt: null,
      key: expect.stringMatching(/^sk_[0-9a-f]{48}$/),
    });

    // Works right away, with a pr key's rights and no more.
    expect((await getWithSecret('/v1/studio/testimonials', made.key)).status).toBe(200);
    await expectError(await getWithSecret('/v1/keys', made.key), 403, 'forbidden');

    // Stored as its hash only; listed without it.
    const row = await env.DB.prepare('SELECT * FROM api_keys WHERE id = ?').bind(made.id).first<Record<string, unknown>>();
    expect(row).toMatchObject({ site_id: site.id, key_hash: await sha256(made.key) });
    expect(Object.values(row!)).not.toContain(made.key);
    const listed = (await (await getWithSecret('/v1/keys', site.secretKeys.admin)).json<{ data: Key[] }>()).data.find((k) => k.id === made.id);
    expect(listed).toEqual({ ...made, key: undefined });

    const revoke = await call('DELETE', `/v1/keys/${made.id}`, site.secretKeys.admin);
    expect(revoke.status).toBe(200);
    const revoked = await revoke.json<Key>();
    expect(revoked).toMatchObject({ id: made.id, revokedAt: expect.any(String) });
    expect(revoked).not.toHaveProperty('key');
    const refused = await expectError(await getWithSecret('/v1/studio/testimonials', made.key), 401, 'unauthorized');
    expect(refused.message).toMatch(/revoked/);

    // Revoking again changes nothing.
    expect(await (await call('DELETE', `/v1/keys/${made.id}`, site.secretKeys.admin)).json()).toEqual(revoked);
  });

  it('makes publishable keys, whose hint is the whole key, for pages of the site’s origins', async () => {
    const site = await createSite();
    const made = await createKey(site, { kind: 'publishable' });
    expect(made).toMatchObject({ kind: 'publishable', role: null, key: expect.stringMatching(/^pk_[0-9a-f]{32}$/) });
    expect(made.hint).toBe(made.key);
    expect((await postFeedback({ publishableKey: made.key }, { message: 'Sent with the new key' })).status).toBe(201);
    await expectError(await getWithSecret('/v1/feedback', made.key), 401, 'unauthorized');
    await call('DELETE', `/v1/keys/${made.id}`, site.secretKeys.admin);
    await expectError(await postFeedback({ publishableKey: made.key }, { message: 'Too late' }), 401, 'unauthorized');
  });

  it('refuses kinds, roles and fields that do not fit', async () => {
    const site = await createSite();
    for (const [body, path] of [
      [{}, 'kind'],
      [{ kind: 'master' }, 'kind'],
      [{ kind: 'secret' }, 'role'],
      [{ kind: 'secret', role: 'owner' }, 'role'],
      [{ kind: 'publishable', role: 'admin' }, 'role'],
      [{ kind: 'secret', role: 'pr', key: 'sk_mine' }, ''],
    ] as const) {
      await expectInvalid(await call('POST', '/v1/keys', site.secretKeys.admin, body), path);
    }
  });

  it('never revokes the site’s last live admin key, so nobody is locked out', async () => {
    const site = await createSite();
    const first = `key_${site.id}_admin`;
    const error = await expectError(await call('DELETE', `/v1/keys/${first}`, site.secretKeys.admin), 409, 'last_admin_key');
    expect(error.message).toMatch(/another admin key/);
    expect((await getWithSecret('/v1/site', site.secretKeys.admin)).status).toBe(200);

    // With a second admin key, the first may go, even revoking itself; then the second is the last.
    const second = await createKey(site, { kind: 'secret', role: 'admin' });
    expect((await call('DELETE', `/v1/keys/${first}`, site.secretKeys.admin)).status).toBe(200);
    await expectError(await getWithSecret('/v1/site', site.secretKeys.admin), 401, 'unauthorized');
    await expectError(await call('DELETE', `/v1/keys/${second.id}`, second.key), 409, 'last_admin_key');
    // Other roles' keys may all go.
    for (const role of ['support', 'pr']) expect((await call('DELETE', `/v1/keys/key_${site.id}_${role}`, second.key)).status).toBe(200);
    expect(await liveAdminKeys(site.id)).toBe(1);
  });

  it('leaves one live admin key when two admins revoke each other at once', async () => {
    const site = await createSite();
    const second = await createKey(site, { kind: 'secret', role: 'admin' });
    const answers = await Promise.all([
      call('DELETE', `/v1/keys/${second.id}`, site.secretKeys.admin),
      call('DELETE', `/v1/keys/key_${site.id}_admin`, second.key),
    ]);
    expect(answers.filter((r) => r.status === 200)).toHaveLength(1);
    expect(await liveAdminKeys(site.id)).toBe(1);
  });

  it('is for admin keys of the site only', async () => {
    const site = await createSite();
    const other = await createSite();
    for (const role of ['support', 'pr'] as const) {
      await expectError(await getWithSecret('/v1/keys', site.secretKeys[role]), 403, 'forbidden');
      await expectError(await call('POST', '/v1/keys', site.secretKeys[role], { kind: 'secret', role: 'admin' }), 403, 'forbidden');
      await expectError(await call('DELETE', `/v1/keys/key_${site.id}_admin`, site.secretKeys[role]), 403, 'forbidden');
    }
    await expectError(await api('/v1/keys'), 401, 'unauthorized');
    await expectError(await call('DELETE', `/v1/keys/key_${site.id}_support`, other.secretKeys.admin), 404, 'not_found');
    await expectError(await call('DELETE', '/v1/keys/key_01JD3XA2M4N6P8Q0R2S4T6V8W0', site.secretKeys.admin), 404, 'not_found');
    await expectInvalid(await call('DELETE', '/v1/keys/sk_not_an_id', site.secretKeys.admin), 'id');
    expect((await getWithSecret('/v1/feedback', site.secretKeys.support)).status).toBe(200);
  });
});

describe('POST /v1/sites', () => {
  it('makes an independent site with its first keys, shown once, which the calling key cannot reach', async () => {
    const maker = await createSite();
    const res = await call('POST', '/v1/sites', maker.secretKeys.admin, {
      name: 'Southwind Tea',
      origins: ['https://tea.example'],
      retentionDays: 90,
    });
    expect(res.status).toBe(201);
    const made = await res.json<{ site: Site; keys: { publishable: Key & { key: string }; admin: Key & { key: string } } }>();
    expect(made.site).toEqual({
      id: expect.stringMatching(/^site_[0-9A-Z]{26}$/),
      name: 'Southwind Tea',
      origins: ['https://tea.example'],
      retentionDays: 90,
      createdAt: expect.any(String),
    });
    expect(made.keys.publishable).toMatchObject({ kind: 'publishable', role: null, key: expect.stringMatching(/^pk_/) });
    expect(made.keys.admin).toMatchObject({ kind: 'secret', role: 'admin', key: expect.stringMatching(/^sk_/), revokedAt: null });

    // The new admin key runs the new site; the maker's key still sees only its own.
    expect(await (await getWithSecret('/v1/site', made.keys.admin.key)).json()).toEqual(made.site);
    expect((await (await getWithSecret('/v1/site', maker.secretKeys.admin)).json<Site>()).id).toBe(maker.id);
    const keys = (await (await getWithSecret('/v1/keys', made.keys.admin.key)).json<{ data: Key[] }>()).data;
    expect(keys.map((k) => k.id).sort()).toEqual([made.keys.admin.id, made.keys.publishable.id].sort());

    const sent = await postFeedback({ publishableKey: made.keys.publishable.key }, { message: 'Lovely oolong' }, { origin: 'https://tea.example' });
    expect(sent.status).toBe(201);
    const { id } = await sent.json<{ id: string }>();
    expect((await getWithSecret(`/v1/feedback/${id}`, made.keys.admin.key)).status).toBe(200);
    await expectError(await getWithSecret(`/v1/feedback/${id}`, maker.secretKeys.admin), 404, 'not_found');
    await expectError(await call('DELETE', `/v1/keys/${made.keys.publishable.id}`, maker.secretKeys.admin), 404, 'not_found');
  });

  it('defaults to no origins and a year’s retention', async () => {
    const maker = await createSite();
    const res = await call('POST', '/v1/sites', maker.secretKeys.admin, { name: 'Server only' });
    expect((await res.json<{ site: Site }>()).site).toMatchObject({ origins: [], retentionDays: 365 });
  });

  it('refuses bad input and keys that are not admin', async () => {
    const maker = await createSite();
    for (const [body, path] of [
      [{}, 'name'],
      [{ name: ' ' }, 'name'],
      [{ name: 'Tea', origins: ['https://tea.example/shop'] }, 'origins.0'],
      [{ name: 'Tea', retentionDays: 0 }, 'retentionDays'],
      [{ name: 'Tea', keys: [] }, ''],
    ] as const) {
      await expectInvalid(await call('POST', '/v1/sites', maker.secretKeys.admin, body), path);
    }
    for (const role of ['support', 'pr'] as const) {
      await expectError(await call('POST', '/v1/sites', maker.secretKeys[role], { name: 'Tea' }), 403, 'forbidden');
    }
    await expectError(await api('/v1/sites', { method: 'POST', body: '{"name":"Tea"}' }), 401, 'unauthorized');
    const count = await env.DB.prepare("SELECT COUNT(*) AS n FROM sites WHERE name = 'Tea'").first<{ n: number }>();
    expect(count!.n).toBe(0);
  });
});
