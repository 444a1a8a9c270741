import { afterEach, describe, expect, inject, it } from 'vitest';
import { freePort } from '../../../tests/support/wrangler-dev.js';
import { createOutbox, TandemError } from '../src/index.js';
import { OUTBOX_MAX_AGE_DAYS, outboxStorageKey } from '../src/outbox.js';
import { MemoryStorage } from './memory-storage.js';

const endpoint = inject('endpoint');
const siteKey = 'pk_demo_3b7f1d6a92e04c8b5a1f7e2d';
const secretKey = 'sk_demo_8c4e2a91f05b47d3a6e9c1b07d52f3e8';

/**
 * Another tab's view of the same storage, as Chromium gives one: writes go through, reads come
 * from a copy taken when the view was made, which another tab's later writes have not reached.
 */
class StaleView implements Storage {
  #snapshot: Map<string, string>;
  constructor(private readonly store: MemoryStorage) {
    this.#snapshot = new Map(Array.from({ length: store.length }, (_, i) => [store.key(i)!, store.getItem(store.key(i)!)!]));
  }
  get length() {
    return this.#snapshot.size;
  }
  key(index: number) {
    return [...this.#snapshot.keys()][index] ?? null;
  }
  getItem(key: string) {
    return this.#snapshot.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.#snapshot.set(key, value);
    this.store.setItem(key, value);
  }
  removeItem(key: string) {
    this.#snapshot.delete(key);
    this.store.removeItem(key);
  }
  clear() {
    this.#snapshot.clear();
    this.store.clear();
  }
}

async function copies(message: string): Promise<number> {
  const res = await fetch(`${endpoint}/v1/feedback?limit=100`, { headers: { authorization: `Bearer ${secretKey}` } });
  return ((await res.json()) as { data: { message: string }[] }).data.filter((f: { message: string }) => f.message === message).length;
}

const offline = async () => `http://127.0.0.1:${await freePort()}`;

describe('createOutbox', () => {
  it('keeps a message it could not send and delivers it once with flush', async () => {
    const storage = new MemoryStorage();
    const message = `My order never arrived. ${crypto.randomUUID()}`;
    const away = createOutbox({ siteKey, endpoint: await offline(), storage });
    const sent = await away.send({ message });
    expect(sent.status).toBe('queued');
    expect(sent.status === 'queued' && sent.error.code).toBe('network_error');
    expect(away.pending()).toBe(1);

    // Back online (the same site, so the same stored list).
    const back = createOutbox({ siteKey, endpoint, storage });
    const flushed = await back.flush();
    expect(flushed).toHaveLength(1);
    expect(back.pending()).toBe(0);
    expect(storage.length).toBe(0);
    expect(await copies(message)).toBe(1);
  });

  it('flushes again after a flush that found nothing waiting', async () => {
    // An app flushes on page load (nothing waits, usually) and again when the browser is back
    // online: that second flush must send what was kept in between.
    const storage = new MemoryStorage();
    const page = createOutbox({ siteKey, endpoint, storage });
    expect(await page.flush()).toEqual([]);
    const message = `Kept after the first flush. ${crypto.randomUUID()}`;
    expect((await createOutbox({ siteKey, endpoint: await offline(), storage }).send({ message })).status).toBe('queued');
    expect(await page.flush()).toHaveLength(1);
    expect(page.pending()).toBe(0);
    expect(await copies(message)).toBe(1);
  });

  it("never crosses out another tab's message, even from a stale view of storage", async () => {
    const storage = new MemoryStorage();
    const [first, second] = [`Tab one waited. ${crypto.randomUUID()}`, `Tab two waited. ${crypto.randomUUID()}`];
    const unreachable = await offline();
    await createOutbox({ siteKey, endpoint: unreachable, storage }).send({ message: first });
    // Tab B's view of storage is taken now; then tab A keeps a second message, offline too.
    const tabB = createOutbox({ siteKey, endpoint, storage: new StaleView(storage) });
    await createOutbox({ siteKey, endpoint: unreachable, storage }).send({ message: second });
    // Tab B, back online, sends what it sees waiting (the first) and crosses it out.
    expect(await tabB.flush()).toHaveLength(1);
    expect(await copies(first)).toBe(1);
    // Tab A's message is still kept, and goes with the next flush.
    const tabA = createOutbox({ siteKey, endpoint, storage });
    expect(tabA.pending()).toBe(1);
    await tabA.flush();
    expect(await copies(second)).toBe(1);
    expect(storage.length).toBe(0);
  });

  it('keeps nothing the API refused, and rejects with its error', async () => {
    const storage = new MemoryStorage();
    const outbox = createOutbox({ siteKey, endpoint, storage });
    const error = await outbox.send({ message: 'ok', rating: 7 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TandemError);
    expect((error as TandemError).code).toBe('invalid_request');
    expect(outbox.pending()).toBe(0);
  });

  it('reports a failure instead of queuing when it cannot keep the message', async () => {
    const unreachable = await offline();
    const full = new MemoryStorage();
    full.full = true;
    for (const storage of [null, full]) {
      const outbox = createOutbox({ siteKey, endpoint: unreachable, storage });
      const error = await outbox.send({ message: 'hello' }).catch((e: unknown) => e);
      expect((error as TandemError).code).toBe('network_error');
      expect(outbox.pending()).toBe(0);
    }
  });

  it('stores a message once when it is sent again with the same key after a failure it could not keep', async () => {
    const message = `The lid leaks. ${crypto.randomUUID()}`;
    // The answer is lost: the API stored the message, the page heard nothing.
    let stored = 0;
    const lost: typeof fetch = async (...args) => {
      await fetch(...args);
      stored++;
      throw new TypeError('Failed to fetch');
    };
    const first = createOutbox({ siteKey, endpoint, storage: null, fetch: lost });
    const error = await first.send({ message }, { idempotencyKey: `again-${message}` }).catch((e: unknown) => e);
    expect((error as TandemError).code).toBe('network_error');
    expect(stored).toBe(1);
    // The customer presses Send again.
    const again = createOutbox({ siteKey, endpoint, storage: null });
    expect((await again.send({ message }, { idempotencyKey: `again-${message}` })).status).toBe('sent');
    expect(await copies(message)).toBe(1);
  });

  it("keeps a message when the answer is not the API's (a captive portal, a proxy's 403)", async () => {
    const storage = new MemoryStorage();
    for (const status of [200, 403]) {
      const portal: typeof fetch = async () => new Response('<html>Sign in to the Wi-Fi</html>', { status });
      const outbox = createOutbox({ siteKey, endpoint, storage, fetch: portal });
      const sent = await outbox.send({ message: `Behind a portal (${status})` });
      expect(sent.status).toBe('queued');
    }
    expect(createOutbox({ siteKey, endpoint, storage }).pending()).toBe(2);
    await createOutbox({ siteKey, endpoint, storage }).flush();
    expect(createOutbox({ siteKey, endpoint, storage }).pending()).toBe(0);
  });

  it('goes on past a kept message something on the way refuses, which stays kept', async () => {
    const storage = new MemoryStorage();
    const stuck = `Pasted: <script>alert(1)</script> ${crypto.randomUUID()}`;
    const after = `Written after it. ${crypto.randomUUID()}`;
    const unreachable = await offline();
    for (const message of [stuck, after]) expect((await createOutbox({ siteKey, endpoint: unreachable, storage }).send({ message })).status).toBe('queued');
    // A firewall in front of the API refuses the first message with a page of its own, every time.
    const firewall: typeof fetch = async (input, init) =>
      String(init?.body).includes('<script>') ? new Response('<html>Request blocked</html>', { status: 403 }) : fetch(input, init);
    const back = createOutbox({ siteKey, endpoint, storage, fetch: firewall });
    expect((await back.flush()).map((f) => f.id)).toHaveLength(1);
    expect(await copies(after)).toBe(1);
    expect(back.pending()).toBe(1);
  });

  it("keeps messages it already kept when the API refuses the site's key or origin, and sends them once that is fixed", async () => {
    const storage = new MemoryStorage();
    const message = `Kept while the site's key was wrong. ${crypto.randomUUID()}`;
    expect((await createOutbox({ siteKey, endpoint: await offline(), storage }).send({ message })).status).toBe('queued');
    for (const [status, code] of [[401, 'unauthorized'], [403, 'origin_not_allowed']] as const) {
      const refusing: typeof fetch = async () =>
        Response.json({ error: { code, message: 'The site is not set up for this.', requestId: 'req_1' } }, { status });
      expect(await createOutbox({ siteKey, endpoint, storage, fetch: refusing }).flush()).toEqual([]);
      expect(createOutbox({ siteKey, endpoint, storage }).pending(), code).toBe(1);
    }
    expect(await createOutbox({ siteKey, endpoint, storage }).flush()).toHaveLength(1);
    expect(await copies(message)).toBe(1);
  });

  it(`gives up a kept message after ${OUTBOX_MAX_AGE_DAYS} days, so no customer's words stay in a browser for good`, async () => {
    const storage = new MemoryStorage();
    const day = 24 * 60 * 60 * 1000;
    const kept = (key: string, daysAgo: number) =>
      storage.setItem(`${outboxStorageKey(siteKey)}${key}`, JSON.stringify({ key, input: { message: `From ${daysAgo} days ago` }, at: Date.now() - daysAgo * day }));
    kept('old-one', OUTBOX_MAX_AGE_DAYS + 1);
    kept('recent-one', OUTBOX_MAX_AGE_DAYS - 1);
    const outbox = createOutbox({ siteKey, endpoint: await offline(), storage });
    expect(outbox.pending()).toBe(1);
    expect(storage.getItem(`${outboxStorageKey(siteKey)}old-one`)).toBeNull();
    expect(storage.getItem(`${outboxStorageKey(siteKey)}recent-one`)).not.toBeNull();
  });

  describe('where the browser blocks storage', () => {
    afterEach(() => {
      delete (globalThis as { localStorage?: Storage }).localStorage;
    });

    it('reports a failure instead of queuing, and finds nothing waiting', async () => {
      // Reading window.localStorage throws in sandboxed frames and under some privacy settings.
      Object.defineProperty(globalThis, 'localStorage', {
        configurable: true,
        get() {
          throw new DOMException('Access is denied for this document.', 'SecurityError');
        },
      });
      const outbox = createOutbox({ siteKey, endpoint: await offline() });
      const error = await outbox.send({ message: 'hello' }).catch((e: unknown) => e);
      expect((error as TandemError).code).toBe('network_error');
      expect(outbox.pending()).toBe(0);
      expect(await outbox.flush()).toEqual([]);
    });
  });
});
