/** Test fixtures: real sites and keys in the real (local) D1, and requests to the real worker. */
import { env, exports } from 'cloudflare:workers';
import { expect } from 'vitest';
import { sha256 } from '../src/lib/hash.js';
import type { Role } from '../src/db/keys.js';

export const ORIGIN = 'https://shop.example';

export interface TestSite {
  id: string;
  publishableKey: string;
  secretKeys: Record<Role, string>;
}

let count = 0;

/** A new site with its own keys, so every test starts from a clean slate. */
export async function createSite(origins: string[] = [ORIGIN]): Promise<TestSite> {
  const id = `site_test_${++count}_${crypto.randomUUID().slice(0, 8)}`;
  const now = new Date().toISOString();
  const key = (prefix: string) => `${prefix}${crypto.randomUUID().replaceAll('-', '')}`;
  const site: TestSite = {
    id,
    publishableKey: key('pk_test_'),
    secretKeys: { admin: key('sk_test_'), support: key('sk_test_'), pr: key('sk_test_') },
  };
  const statements = [
    env.DB.prepare('INSERT INTO sites (id, name, created_at) VALUES (?, ?, ?)').bind(id, `Test site ${count}`, now),
    ...origins.map((o) => env.DB.prepare('INSERT INTO site_origins (site_id, origin) VALUES (?, ?)').bind(id, o)),
    env.DB.prepare(
      `INSERT INTO api_keys (id, site_id, kind, role, key_hash, key_hint, created_at) VALUES (?, ?, 'publishable', NULL, ?, ?, ?)`,
    ).bind(`key_${id}_pk`, id, await sha256(site.publishableKey), site.publishableKey, now),
  ];
  for (const [role, secret] of Object.entries(site.secretKeys)) {
    statements.push(
      env.DB.prepare(
        `INSERT INTO api_keys (id, site_id, kind, role, key_hash, key_hint, created_at) VALUES (?, ?, 'secret', ?, ?, ?, ?)`,
      ).bind(`key_${id}_${role}`, id, role, await sha256(secret), `${secret.slice(0, 11)}…`, now),
    );
  }
  await env.DB.batch(statements);
  return site;
}

/** Sends a request to the worker as a client would. */
export function api(path: string, init: RequestInit = {}): Promise<Response> {
  return exports.default.fetch(new Request(`https://tandem.test${path}`, init));
}

/** POST /v1/feedback with the site's publishable key from its allowed origin. */
export function postFeedback(
  site: Pick<TestSite, 'publishableKey'>,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return api('/v1/feedback', {
    method: 'POST',
    headers: {
      authorization: `Bearer ${site.publishableKey}`,
      'content-type': 'application/json',
      origin: ORIGIN,
      ...headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** PATCH /v1/feedback/{id} with the site's publishable key from its allowed origin. */
export function patchFeedback(
  site: Pick<TestSite, 'publishableKey'>,
  id: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return api(`/v1/feedback/${id}`, {
    method: 'PATCH',
    headers: {
      authorization: `Bearer ${site.publishableKey}`,
      'content-type': 'application/json',
      origin: ORIGIN,
      ...headers,
    },
    body: JSON.stringify(body),
  });
}

/** The stored row, as D1 holds it. */
export function storedFeedback(id: string) {
  return env.DB.prepare('SELECT * FROM feedback WHERE id = ?').bind(id).first<Record<string, unknown>>();
}

/** GET with a secret key. */
export function getWithSecret(path: string, secret: string): Promise<Response> {
  return api(path, { headers: { authorization: `Bearer ${secret}` } });
}

export async function countFeedback(siteId: string): Promise<number> {
  const row = await env.DB.prepare('SELECT COUNT(*) AS n FROM feedback WHERE site_id = ?').bind(siteId).first<{ n: number }>();
  return row!.n;
}

export interface Envelope {
  error: { code: string; message: string; requestId: string; issues?: { path: string; message: string }[] };
}

/** Posts `body` to a new site and checks it is refused as invalid, naming `path`, with nothing stored. */
/** The error envelope with this status and code, its request id the one in the header. */
export async function expectError(res: Response, status: number, code: string): Promise<Envelope['error']> {
  expect(res.status).toBe(status);
  const { error } = await res.json<Envelope>();
  expect(error.code).toBe(code);
  expect(error.requestId).toBe(res.headers.get('x-request-id'));
  return error;
}

export async function expectRefusedField(body: unknown, path: string): Promise<void> {
  const site = await createSite();
  const res = await postFeedback(site, body);
  expect(res.status).toBe(400);
  const { error } = await res.json<Envelope>();
  expect(error.code).toBe('invalid_request');
  expect(error.requestId).toBe(res.headers.get('x-request-id'));
  expect(error.issues?.map((i) => i.path)).toContain(path);
  expect(await countFeedback(site.id)).toBe(0);
}
