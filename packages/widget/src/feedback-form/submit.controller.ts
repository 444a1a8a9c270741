import type { ReactiveControllerHost } from 'lit';
import {
  createOutbox,
  newIdempotencyKey,
  TandemError,
  type FeedbackCreated,
  type FeedbackInput,
  type Outbox,
  type TandemErrorCode,
} from '@tandem/sdk';

/** `queued`: not confirmed yet, but kept in the browser and sent again later (see Outbox). */
export type SubmitStatus = 'idle' | 'sending' | 'sent' | 'queued' | 'failed';

/** The email offered after a send (see addEmail). */
export type FollowUpStatus = 'idle' | 'sending' | 'added' | 'failed';

/** Where to send: read from the host on every use, so attribute changes apply. */
export interface SubmitConfig {
  siteKey?: string;
  endpoint?: string;
}

/**
 * Sends one message at a time through the SDK's outbox and holds how it went, re-rendering its
 * host on each change. The outbox writes the message down before sending and keeps it when the
 * answer does not come, so the customer hears "thanks" (sent) or "saved" (queued) only for a
 * message that is safe, and never has to press Send twice.
 *
 * Removing the host does not abort a send: a message already on its way should still arrive.
 */
export class SubmitController {
  status: SubmitStatus = 'idle';
  result?: FeedbackCreated;
  /** `retryable`: it may have arrived, but the browser could not keep it to send again. */
  error?: { code: TandemErrorCode; retryable: boolean };

  followUp: FollowUpStatus = 'idle';

  #outbox?: Outbox;
  #outboxConfig = '';
  /** Counts resets, so an answer that arrives after one is ignored. */
  #round = 0;
  /**
   * One idempotency key per message: pressing Send again after a failure that could not be kept
   * reuses it, so the API stores the message once however often the customer retries. Other
   * words (or rating, or consent) get a new key, as the API refuses a key reused for another body.
   */
  #key = '';
  #keyPayload = '';
  #keyInput?: FeedbackInput;

  readonly #host: ReactiveControllerHost;
  readonly #config: () => SubmitConfig;

  constructor(host: ReactiveControllerHost, config: () => SubmitConfig) {
    this.#host = host;
    this.#config = config;
  }

  /** Sends `input`; resolves once the status is 'sent', 'queued' or 'failed' (or a reset came first). */
  async submit(input: FeedbackInput): Promise<void> {
    if (this.status === 'sending') return;
    const round = this.#round;
    this.status = 'sending';
    this.error = undefined;
    this.#host.requestUpdate();
    try {
      const outbox = this.outbox();
      // The same words again: the same body too (its time taken and context as first sent).
      const { signals: _, context: __, ...words } = input;
      const payload = JSON.stringify(words);
      if (payload !== this.#keyPayload) [this.#key, this.#keyPayload, this.#keyInput] = [newIdempotencyKey(), payload, input];
      const sent = await outbox.send(this.#keyInput!, { idempotencyKey: this.#key });
      if (round !== this.#round) return;
      this.status = sent.status;
      // Sent or kept: the same words written again are a new message.
      this.#keyPayload = '';
      if (sent.status === 'sent') {
        this.result = sent.result;
        // The connection works: anything kept from earlier can go too.
        void outbox.flush();
      }
    } catch (e) {
      if (round !== this.#round) return;
      this.error =
        e instanceof TandemError
          ? { code: e.code, retryable: e.retryable }
          : { code: 'internal_error', retryable: true };
      this.status = 'failed';
    }
    this.#host.requestUpdate();
  }

  /**
   * Adds the email the customer left out to the message just sent (within the API's 24 hours),
   * with the follow-up token the send was answered with.
   */
  async addEmail(email: string): Promise<void> {
    const { result } = this;
    if (!result || this.followUp === 'sending') return;
    const round = this.#round;
    this.followUp = 'sending';
    this.#host.requestUpdate();
    try {
      await this.outbox().client.update(result.id, { token: result.token, email });
      if (round === this.#round) this.followUp = 'added';
    } catch {
      if (round === this.#round) this.followUp = 'failed';
    }
    this.#host.requestUpdate();
  }

  /** Forgets the last outcome (for a fresh form); an answer still on its way is ignored. */
  reset(): void {
    this.#round++;
    this.status = 'idle';
    this.followUp = 'idle';
    this.result = this.error = undefined;
    this.#host.requestUpdate();
  }

  /**
   * The site's outbox (see Outbox), and through it the client: made on first use, and again if
   * the site key or endpoint changed since. Throws a TandemError (invalid_config) when they are
   * missing or malformed.
   */
  outbox(): Outbox {
    const { siteKey = '', endpoint = '' } = this.#config();
    const key = `${siteKey} ${endpoint}`;
    if (!this.#outbox || key !== this.#outboxConfig) {
      this.#outbox = createOutbox({ siteKey, endpoint });
      this.#outboxConfig = key;
    }
    return this.#outbox;
  }
}
