import type { FeedbackCreated, FeedbackInput } from '@tandem/worker/types';
import { newIdempotencyKey, publicApi, type ClientOptions, type PublicApi } from './api.js';
import { TandemError, type TandemErrorCode } from './errors.js';

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
  /**
   * Sends every waiting message, oldest first. Stops while offline, while the API fails or is
   * busy, and while the site's setup is at fault (its key or origin refused: the messages wait
   * until that is fixed); a message something else on the way refuses (a proxy's page) stays
   * kept and the next ones go on.
   */
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

const DAY_MS = 24 * 60 * 60 * 1000;

/** Enough for a customer who wrote a few messages offline; never an unbounded pile. */
const MAX_ENTRIES = 20;

/**
 * Whether the API itself said no to the message (its error envelope, with a code that retrying
 * will not change). A captive portal's page, a proxy's 403 or an answer that cannot be read is
 * not the API's verdict: such a message is kept and tried again.
 */
const refused = (error: unknown): error is TandemError =>
  error instanceof TandemError && !error.retryable && error.detail !== undefined;

/** The API's refusals that are about the site's setup, not the message: a kept message waits them out. */
const SETUP: TandemErrorCode[] = ['unauthorized', 'forbidden', 'origin_not_allowed'];
const setupRefused = (error: unknown): boolean => refused(error) && SETUP.includes(error.code);

/** A kept message older than this is given up: a customer's words and email never sit in a browser for good. */
export const OUTBOX_MAX_AGE_DAYS = 30;

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
  /** The waiting messages, oldest first; anything unreadable is skipped, anything too old crossed out. */
  const read = (): Entry[] => {
    const entries: Entry[] = [];
    const expired: Entry[] = [];
    try {
      const store = storage();
      for (let i = 0; store && i < store.length; i++) {
        const name = store.key(i);
        if (!name?.startsWith(prefix)) continue;
        try {
          const entry = JSON.parse(store.getItem(name)!) as Entry;
          if (entry?.key !== name.slice(prefix.length) || !entry.input) continue;
          (Date.now() - entry.at > OUTBOX_MAX_AGE_DAYS * DAY_MS ? expired : entries).push(entry);
        } catch {
          // Not ours, or broken: leave it.
        }
      }
    } catch {
      // Storage blocked (privacy settings, sandboxed frames): nothing can be waiting.
    }
    // Removed after the walk, which removing would make skip a key.
    for (const entry of expired) remove(entry.key);
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

  /** Sends one kept message; `waiting` when the customer was already told it is kept. */
  async function attempt(entry: Entry, waiting = false): Promise<FeedbackCreated> {
    try {
      const result = await client.submit(entry.input, { idempotencyKey: entry.key });
      remove(entry.key);
      return result;
    } catch (error) {
      // Refused for good (invalid…): sending it again would fail the same way. A message already
      // kept outlives a refusal of the site's setup, which the site can fix.
      if (refused(error) && !(waiting && setupRefused(error))) remove(entry.key);
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
            sent.push(await attempt(entry, true));
          } catch (error) {
            // Still offline, the API failing or busy, or the site's setup refused: the rest would
            // fail too. A refused message was crossed out by attempt(), and one only something on
            // the way refused stays kept: go on with the next.
            if (!(error instanceof TandemError) || error.retryable || setupRefused(error)) break;
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
