import { createServer as createHttpServer } from 'node:http';
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '../../../tests/support/wrangler-dev.js';
import { createClient, DEFAULT_MESSAGES, TandemError } from '../src/index.js';

const endpoint = inject('endpoint');
const siteKey = 'pk_demo_3b7f1d6a92e04c8b5a1f7e2d';
const secretKey = 'sk_demo_8c4e2a91f05b47d3a6e9c1b07d52f3e8';

async function listed(): Promise<{ id: string; message: string; email: string | null; consent: { publish: boolean } }[]> {
  const res = await fetch(`${endpoint}/v1/feedback?limit=100`, { headers: { authorization: `Bearer ${secretKey}` } });
  return ((await res.json()) as { data: Awaited<ReturnType<typeof listed>> }).data;
}

async function rejection(promise: Promise<unknown>): Promise<TandemError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TandemError);
  return error as TandemError;
}

describe('createClient().submit against wrangler dev', () => {
  const tandem = createClient({ siteKey, endpoint });

  it('stores the message and answers with its label and routes', async () => {
    const message = `The app logs me out every time I pay. ${crypto.randomUUID()}`;
    const result = await tandem.submit({ message, rating: 1, consent: { publish: false } });
    expect(result).toEqual({
      id: expect.stringMatching(/^fb_/),
      label: 'complaint',
      routes: ['support'],
      token: expect.stringMatching(/^fbt_/),
    });
    expect((await listed()).find((f) => f.id === result.id)).toMatchObject({ message, consent: { publish: false } });
  });

  it('stores a retried message once when the idempotency key is reused', async () => {
    const message = `Thank you, the roast is perfect! ${crypto.randomUUID()}`;
    const first = await tandem.submit({ message, rating: 5 }, { idempotencyKey: `retry-${message}` });
    const again = await tandem.submit({ message, rating: 5 }, { idempotencyKey: `retry-${message}` });
    expect(again).toEqual(first);
    expect((await listed()).filter((f) => f.message === message)).toHaveLength(1);
  });

  it('rejects invalid feedback with a stable code and the API’s explanation', async () => {
    const error = await rejection(tandem.submit({ message: 'ok', rating: 7 }));
    expect(error.code).toBe('invalid_request');
    expect(error.status).toBe(400);
    expect(error.detail).toMatch(/rating/);
    expect(error.requestId).toBeTruthy();
    expect(error.retryable).toBe(false);
  });

  it('rejects an unknown key as unauthorized, in the API’s own words', async () => {
    const stranger = createClient({ siteKey: 'pk_live_unknown', endpoint });
    const error = await rejection(stranger.submit({ message: 'hello' }));
    expect(error.code).toBe('unauthorized');
    expect(error.message).toMatch(/key/i);
    expect(error.message).toBe(error.detail);
  });

  it('uses the messages the app gives it', async () => {
    const localized = createClient({ siteKey: 'pk_live_unknown', endpoint, messages: { unauthorized: 'Clé invalide.' } });
    const error = await rejection(localized.submit({ message: 'bonjour' }));
    expect(error.message).toBe('Clé invalide.');
    expect(error.detail).toMatch(/key/i);
  });

  it('calls the app’s fetch as browsers require, so window.fetch can be passed', async () => {
    // Like window.fetch, which throws "Illegal invocation" when called as a method of another object.
    let calls = 0;
    function strictFetch(this: unknown, ...args: Parameters<typeof fetch>) {
      if (this !== undefined && this !== globalThis) throw new TypeError('Illegal invocation');
      calls++;
      return fetch(...args);
    }
    const client = createClient({ siteKey, endpoint, fetch: strictFetch });
    const result = await client.submit({ message: `Where can I change my plan? ${crypto.randomUUID()}` });
    expect(result.id).toMatch(/^fb_/);
    expect(calls).toBe(1);
  });

  it('refuses a secret key or a relative endpoint before sending anything', () => {
    expect(() => createClient({ siteKey: secretKey, endpoint })).toThrow(TandemError);
    expect(() => createClient({ siteKey, endpoint: '/api' })).toThrow(/endpoint/);
  });
});

describe('createClient().update against wrangler dev', () => {
  const tandem = createClient({ siteKey, endpoint });

  it('adds the email the customer left out when sending', async () => {
    const message = `The lid of my grinder cracked. ${crypto.randomUUID()}`;
    const { id, token } = await tandem.submit({ message, rating: 2 });
    const updated = await tandem.update(id, { token, email: 'sam@example.com' });
    expect(updated).toEqual({ id, email: true, name: false, consent: { publish: false } });
    expect((await listed()).find((f) => f.id === id)).toMatchObject({ message, email: 'sam@example.com' });
  });

  it('rejects a second, different email as already_set, and a wrong token as not_found', async () => {
    const { id, token } = await tandem.submit({ message: `Where is my parcel? ${crypto.randomUUID()}`, email: 'sam@example.com' });
    const taken = await rejection(tandem.update(id, { token, email: 'mallory@example.com' }));
    expect(taken.code).toBe('already_set');
    expect(taken.status).toBe(409);
    const wrongToken = `${token.slice(0, -1)}${token.endsWith('0') ? '1' : '0'}`;
    const wrong = await rejection(tandem.update(id, { token: wrongToken, name: 'Mallory' }));
    expect(wrong.code).toBe('not_found');
  });
});

describe('createClient().submit when the network fails', () => {
  let silent: Server;
  let silentEndpoint: string;

  beforeAll(async () => {
    // A server that accepts connections and never answers, like a stalled network.
    silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    silentEndpoint = `http://127.0.0.1:${(silent.address() as { port: number }).port}`;
  });
  afterAll(() => {
    silent.close();
  });

  it('gives up after the timeout with a retryable error', async () => {
    const client = createClient({ siteKey, endpoint: silentEndpoint, timeoutMs: 300 });
    const error = await rejection(client.submit({ message: 'hello' }));
    expect(error.code).toBe('timeout');
    expect(error.message).toBe(DEFAULT_MESSAGES.timeout);
    expect(error.retryable).toBe(true);
  });

  it('uses the app’s message for a code of its own', async () => {
    const client = createClient({ siteKey, endpoint: silentEndpoint, timeoutMs: 100, messages: { timeout: 'Trop lent.' } });
    expect((await rejection(client.submit({ message: 'bonjour' }))).message).toBe('Trop lent.');
  });

  it('reports the caller’s abort as aborted, not as a failure to retry', async () => {
    const client = createClient({ siteKey, endpoint: silentEndpoint });
    const controller = new AbortController();
    const pending = client.submit({ message: 'hello' }, { signal: controller.signal });
    controller.abort();
    const error = await rejection(pending);
    expect(error.code).toBe('aborted');
    expect(error.retryable).toBe(false);
  });

  it('sends nothing when the caller aborted before the call', async () => {
    let connections = 0;
    const server = createServer(() => connections++);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (server.address() as { port: number }).port;
      const client = createClient({ siteKey, endpoint: `http://127.0.0.1:${port}` });
      const error = await rejection(client.submit({ message: 'hello' }, { signal: AbortSignal.abort() }));
      expect(error.code).toBe('aborted');
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(connections).toBe(0);
    } finally {
      server.close();
    }
  });

  it('reports an unreachable endpoint as a retryable network error', async () => {
    const closed = await freePort();
    const client = createClient({ siteKey, endpoint: `http://127.0.0.1:${closed}` });
    const error = await rejection(client.submit({ message: 'hello' }));
    expect(error.code).toBe('network_error');
    expect(error.retryable).toBe(true);
  });
});

describe('createClient() when the answer is not one it knows', () => {
  // Stands in for a proxy in front of the worker, and for a newer API: each path answers one way.
  const answers: Record<string, { status: number; type: string; body: string; headers?: Record<string, string> }> = {
    '/proxy': { status: 502, type: 'text/html', body: '<h1>Bad gateway</h1>' },
    '/garbled': { status: 201, type: 'application/json', body: '{"id":' },
    '/newer': {
      status: 409,
      type: 'application/json',
      body: JSON.stringify({ error: { code: 'feedback_frozen', message: 'This feedback is frozen.', requestId: 'req_newer' } }),
    },
    '/inherited': {
      status: 400,
      type: 'application/json',
      body: JSON.stringify({ error: { code: 'constructor', message: 'Odd.', requestId: 'req_odd' } }),
    },
    '/busy': {
      status: 429,
      type: 'application/json',
      body: JSON.stringify({ error: { code: 'too_eager', message: 'Slow down.', requestId: 'req_busy' } }),
      headers: { 'retry-after': '7' },
    },
  };
  const server = createHttpServer((req, res) => {
    const answer = answers[req.url!.replace('/v1/feedback', '')]!;
    res.writeHead(answer.status, { 'content-type': answer.type, ...answer.headers }).end(answer.body);
  });
  let base: string;
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => {
    server.close();
  });
  const send = (path: string) => rejection(createClient({ siteKey, endpoint: base + path }).submit({ message: 'hello' }));

  it('takes an error page without our envelope for what its status says', async () => {
    const error = await send('/proxy');
    expect(error).toMatchObject({ code: 'internal_error', status: 502, retryable: true });
    expect(error.message).toBe(DEFAULT_MESSAGES.invalid_response);
  });

  it('reports a success it cannot read as invalid_response', async () => {
    expect(await send('/garbled')).toMatchObject({ code: 'invalid_response', status: 201 });
  });

  it('falls back to what the status says for a code from a newer API, keeping the API’s words', async () => {
    const error = await send('/newer');
    expect(error).toMatchObject({ code: 'invalid_request', status: 409, requestId: 'req_newer', retryable: false });
    expect(error.message).toBe('This feedback is frozen.');
    expect(error.detail).toBe('This feedback is frozen.');
    expect((await send('/inherited')).code).toBe('invalid_request');
    expect(await send('/busy')).toMatchObject({ code: 'rate_limited', retryAfter: 7, retryable: true });
  });
});
