import type { FeedbackCreated, FeedbackInput } from '@tandem/worker/types';
import { newIdempotencyKey, publicApi, type ClientOptions, type PublicApi } from './api.js';
import { TandemError } from './errors.js';

export interface OutboxOptions extends ClientOptions {
  /**
   * Where waiting messages are kept across page loads: `localStorage` by default in browsers.
   * `null` keeps nothing, so a failed send is reported instead of queued.
   */
  storage?: Storage | null;
}

/** How a send ended: stored by the API, or kept to be sent again with the same key. */
export type OutboxResult = { status: 'sent'; result: FeedbackCreated } | { status: 'queued'; error: TandemError };

export interface Outbox {
  /**
   * Keeps the message, then sends it. Resolves `sent` once the API stored it, or `queued` when it
   * could not be confirmed (offline, timeout, server error) and was kept for `flush`. Rejects with
   * a TandemError, keeping nothing, when the API refused it (it would refuse it again).
   *
   * Pass the same `idempotencyKey` when sending the same message again after a failure that
   * could not be kept (no storage): the API then stores it once, whichever attempt arrived.
   */
  send(input: FeedbackInput, options?: { idempotencyKey?: string }): Promise<OutboxResult>;
  /** Sends every waiting message, oldest first; stops at the first that still cannot go. */
  flush(): Promise<FeedbackCreated[]>;
  /** How many messages wait. */
  pending(): number;
  /**
   * Hands every waiting message to `navigator.sendBeacon`, which outlives the page: call it when
   * the page is being hidden or closed. They stay kept until a later `flush` confirms them; the
   * idempotency key makes the API store each once.
   */
  beacon(): void;
  /** The calls it sends with, for the rest of the API (e.g. `update` with a sent message's token). */
  readonly client: PublicApi;
}

interface Entry {
  /** The idempotency key: the same for every attempt at this message, in every tab. */
  key: string;
  input: FeedbackInput;
  /** When it was kept (milliseconds): waiting messages go oldest first. */
  at: number;
}

/** Enough for a customer who wrote a few messages offline; never an unbounded pile. */
const MAX_ENTRIES = 20;

/**
 * Whether the API itself said no to the message (its error envelope, with a code that retrying
 * will not change). A captive portal's page, a proxy's 403 or an answer that cannot be read is
 * not the API's verdict: such a message is kept and tried again.
 */
const refused = (error: unknown): boolean =>
  error instanceof TandemError && !error.retryable && error.detail !== undefined;

/**
 * What the storage keys of a site's waiting messages start with; each message has its own key
 * (this, then its idempotency key). One key per message, rather than one list, so that tabs that
 * send and flush at the same time each add or cross out only their own message: a list rewritten
 * by one tab from a stale read could drop another tab's. The widget's launcher checks for them
 * before it loads the SDK.
 */
export const outboxStorageKey = (siteKey: string): string => `tandem-outbox:${siteKey}:`;

/**
 * Nothing lost, nothing twice: every message is written down before it is sent and crossed out
 * only once the API confirmed it, and every attempt carries the same idempotency key.
 *
 * @example
 * const outbox = createOutbox({ siteKey: 'pk_…', endpoint: 'https://feedback.example.com' });
 * addEventListener('online', () => outbox.flush());
 * addEventListener('pagehide', () => outbox.beacon());
 * const sent = await outbox.send({ message: 'Love the new app' });
 * if (sent.status === 'queued') showSavedForLater();
 *
 * @param client the calls it sends with: createClient passes its own, so its events fire for
 *   queued messages too; by default a plain one for `options`.
 */
export function createOutbox(options: OutboxOptions, client: PublicApi = publicApi(options)): Outbox {
  const prefix = outboxStorageKey(options.siteKey);
  const url = `${new URL(options.endpoint).href.replace(/\/+$/, '')}/v1/feedback`;
  let flushing: Promise<FeedbackCreated[]> | undefined;

  // Reading localStorage throws where storage is blocked (privacy settings, sandboxed frames):
  // read, keep and remove catch that, as they catch a full or broken store.
  const storage = (): Storage | null | undefined =>
    options.storage === undefined ? globalThis.localStorage : options.storage;
  /** The waiting messages, oldest first; anything unreadable is skipped. */
  const read = (): Entry[] => {
    const entries: Entry[] = [];
    try {
      const store = storage();
      for (let i = 0; store && i < store.length; i++) {
        const name = store.key(i);
        if (!name?.startsWith(prefix)) continue;
        try {
          const entry = JSON.parse(store.getItem(name)!) as Entry;
          if (entry?.key === name.slice(prefix.length) && entry.input) entries.push(entry);
        } catch {
          // Not ours, or broken: leave it.
        }
      }
    } catch {
      // Storage blocked (privacy settings, sandboxed frames): nothing can be waiting.
    }
    return entries.sort((a, b) => a.at - b.at);
  };
  /** Keeps one message; false when it could not be kept (no storage, or full). */
  const keep = (entry: Entry): boolean => {
    try {
      const store = storage();
      store?.setItem(prefix + entry.key, JSON.stringify(entry));
      return Boolean(store);
    } catch {
      return false;
    }
  };
  const remove = (key: string) => {
    try {
      storage()?.removeItem(prefix + key);
    } catch {
      // Storage blocked: it was never kept.
    }
  };

  async function attempt(entry: Entry): Promise<FeedbackCreated> {
    try {
      const result = await client.submit(entry.input, { idempotencyKey: entry.key });
      remove(entry.key);
      return result;
    } catch (error) {
      // Refused for good (invalid, unauthorized…): sending it again would fail the same way.
      if (refused(error)) remove(entry.key);
      throw error;
    }
  }

  return {
    async send(input, { idempotencyKey = newIdempotencyKey() } = {}) {
      const entry: Entry = { key: idempotencyKey, input, at: Date.now() };
      // A full outbox keeps no more: this message's failure is then reported, not queued.
      const kept = read().filter((e) => e.key !== entry.key).length < MAX_ENTRIES && keep(entry);
      try {
        return { status: 'sent', result: await attempt(entry) };
      } catch (error) {
        if (kept && error instanceof TandemError && !refused(error)) return { status: 'queued', error };
        throw error;
      }
    },

    flush() {
      // One pass at a time per page; other tabs may flush too, and the keys keep that harmless.
      // The pass is forgotten in a later turn, after it was remembered: one with nothing to send
      // ends at once, and clearing it from inside would run before the assignment and leave every
      // later flush answering that empty pass.
      return (flushing ??= (async () => {
        const sent: FeedbackCreated[] = [];
        for (const entry of read()) {
          try {
            sent.push(await attempt(entry));
          } catch (error) {
            // Still offline (or the API still failing): the rest would fail too. A refused
            // message was crossed out by attempt(); go on with the next.
            if (!refused(error)) break;
          }
        }
        return sent;
      })().finally(() => {
        flushing = undefined;
      }));
    },

    pending: () => read().length,

    client,

    beacon() {
      if (!globalThis.navigator?.sendBeacon) return;
      for (const { key, input } of read()) {
        // A string goes as text/plain, the one body type a beacon sends across origins without a
        // preflight; the API reads it as JSON and takes the key and the idempotency key from it.
        navigator.sendBeacon(url, JSON.stringify({ ...input, siteKey: options.siteKey, idempotencyKey: key }));
      }
    },
  };
}
