import type { ReactiveControllerHost } from 'lit';
import {
  createClient,
  newIdempotencyKey,
  TandemError,
  type Client,
  type FeedbackCreated,
  type FeedbackInput,
  type TandemErrorCode,
} from '@tandem/sdk';

export type SubmitStatus = 'idle' | 'sending' | 'sent' | 'failed';

/** Where to send: read from the host on every submit, so attribute changes apply. */
export interface SubmitConfig {
  siteKey?: string;
  endpoint?: string;
}

/**
 * Sends one message at a time and holds how it went, re-rendering its host on each change. It
 * needs none of the host's lifecycle hooks, so it is not registered with addController.
 *
 * One idempotency key per message: pressing Send again after a failure reuses it, so the API
 * stores the message once however often the customer retries. Different words (or rating, or
 * consent) get a new key, because the API rejects a key reused for a different body; so does
 * the next message after a success.
 *
 * Removing the host does not abort a send: a message already on its way should still arrive.
 */
export class SubmitController {
  status: SubmitStatus = 'idle';
  result?: FeedbackCreated;
  /** `retryable`: the message may or may not have arrived (timeout, network, server error). */
  error?: { code: TandemErrorCode; message: string; retryable: boolean };

  #client?: Client;
  #clientConfig = '';
  #key = '';
  #keyPayload = '';
  #abort?: AbortController;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly config: () => SubmitConfig,
  ) {}

  /** Sends `input`; resolves once the status is 'sent' or 'failed' (or the send was reset). */
  async submit(input: FeedbackInput): Promise<void> {
    if (this.status === 'sending') return;
    const payload = JSON.stringify(input);
    if (payload !== this.#keyPayload) {
      this.#key = newIdempotencyKey();
      this.#keyPayload = payload;
    }
    const abort = (this.#abort = new AbortController());
    this.status = 'sending';
    this.error = undefined;
    this.host.requestUpdate();
    try {
      const result = await this.#getClient().submit(input, { idempotencyKey: this.#key, signal: abort.signal });
      if (abort !== this.#abort) return;
      this.result = result;
      this.status = 'sent';
      this.#keyPayload = '';
    } catch (e) {
      if (abort !== this.#abort) return;
      this.error =
        e instanceof TandemError
          ? { code: e.code, message: e.message, retryable: e.retryable }
          : { code: 'internal_error', message: String(e), retryable: true };
      this.status = 'failed';
    }
    this.#abort = undefined;
    this.host.requestUpdate();
  }

  /** Forgets the last outcome (for a fresh form); an answer still on its way is ignored. */
  reset(): void {
    this.#abort?.abort();
    this.#abort = undefined;
    this.status = 'idle';
    this.result = this.error = undefined;
    this.host.requestUpdate();
  }

  // Created on first use, and again if the site key or endpoint changed since.
  #getClient(): Client {
    const { siteKey = '', endpoint = '' } = this.config();
    const key = `${siteKey} ${endpoint}`;
    if (!this.#client || key !== this.#clientConfig) {
      this.#client = createClient({ siteKey, endpoint });
      this.#clientConfig = key;
    }
    return this.#client;
  }
}
