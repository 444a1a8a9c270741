import type { FeedbackCreated, FeedbackInput, FeedbackUpdated } from '@tandem/worker/types';
import { publicApi, type ClientOptions, type PublicApi, type SubmitOptions } from './api.js';
import type { TandemError } from './errors.js';
import { createOutbox, type OutboxOptions, type OutboxResult } from './outbox.js';

/** Who the customer is, as the site knows them: sent with every message until changed. */
export interface User {
  /** The site's own id for the customer (an account id), never shown to other customers. */
  id?: string;
  email?: string;
  name?: string;
}

/** What a client tells its listeners (see Client.on). */
export interface ClientEvents {
  /** A message was stored and sorted: by submit, send or a flush of the offline queue. */
  sent: FeedbackCreated;
  /** send could not confirm a message and kept it to try again (offline, timeout, server error). */
  queued: TandemError;
  /** A call failed: the API refused it, or it could not be confirmed and was not kept. */
  error: TandemError;
  /** update added an email, a name or consent to a message. */
  updated: FeedbackUpdated;
}

export interface Client extends PublicApi {
  /**
   * Remembers who the customer is (after sign-in) for every later message, as `user`; the API
   * also takes their email and name from it when a message has none. `null` forgets them
   * (sign-out).
   */
  identify(user: User | null): void;
  /**
   * Sends through the offline queue (localStorage in browsers): resolves `sent`, or `queued`
   * when it could not be confirmed and will go with the next `flush`. Rejects only when the API
   * refused the message.
   */
  send(feedback: FeedbackInput, options?: Pick<SubmitOptions, 'idempotencyKey'>): Promise<OutboxResult>;
  /** Sends what the queue kept; call it when the browser is back online and on page load. */
  flush(): Promise<FeedbackCreated[]>;
  /** How many messages the queue keeps. */
  pending(): number;
  /** Hands kept messages to `navigator.sendBeacon`: call it on `pagehide`. */
  beacon(): void;
  /** Listens to one kind of event; returns the function that stops listening. */
  on<K extends keyof ClientEvents>(type: K, listener: (detail: ClientEvents[K]) => void): () => void;
}

/**
 * The browser client: submit and update, who the customer is, the offline queue and events.
 * Touches no browser globals until a method is called, so it is safe to create during
 * server-side rendering.
 *
 * @example
 * const tandem = createClient({ siteKey: 'pk_…', endpoint: 'https://feedback.example.com' });
 * tandem.identify({ id: 'cus_42', email: 'sam@example.com' });
 * tandem.on('sent', ({ id, routes }) => console.log(id, routes));
 * const { id, token, label } = await tandem.submit({ message: 'Checkout is broken', rating: 1 });
 * await tandem.update(id, { token, name: 'Sam' });
 */
export function createClient(options: OutboxOptions): Client {
  const api = publicApi(options);
  type Listener = (detail: ClientEvents[keyof ClientEvents]) => void;
  const listeners = new Map<keyof ClientEvents, Set<Listener>>();
  const emit = <K extends keyof ClientEvents>(type: K, detail: ClientEvents[K]) => {
    for (const listener of listeners.get(type) ?? []) {
      // One listener's bug must not stop the others, nor the send that called it.
      try {
        listener(detail);
      } catch (error) {
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  };
  /** Tells `type` what the call answered, or `error` why it failed. */
  async function told<K extends 'sent' | 'updated'>(type: K, call: Promise<ClientEvents[K]>) {
    try {
      const result = await call;
      emit(type, result);
      return result;
    } catch (error) {
      emit('error', error as TandemError);
      throw error;
    }
  }
  let user: User | null = null;
  const withUser = (feedback: FeedbackInput): FeedbackInput =>
    user && !feedback.user ? { ...feedback, user: { ...user } } : feedback;
  const calls: PublicApi = {
    submit: (feedback, opts) => told('sent', api.submit(withUser(feedback), opts)),
    update: (id, update, opts) => told('updated', api.update(id, update, opts)),
  };
  // The outbox sends with these, so what it sends and flushes is told `sent`. A message it could
  // not confirm is not an error to the app: send tells `queued` once.
  const outbox = createOutbox(options, {
    submit: async (feedback, opts) => {
      const result = await api.submit(feedback, opts);
      emit('sent', result);
      return result;
    },
    update: calls.update,
  });

  return {
    ...calls,
    identify(next) {
      user = next && { ...next };
    },
    async send(feedback, opts) {
      try {
        const sent = await outbox.send(withUser(feedback), opts);
        if (sent.status === 'queued') emit('queued', sent.error);
        return sent;
      } catch (error) {
        emit('error', error as TandemError);
        throw error;
      }
    },
    flush: outbox.flush,
    pending: outbox.pending,
    beacon: outbox.beacon,
    on(type, listener) {
      const set = listeners.get(type) ?? new Set();
      listeners.set(type, set.add(listener as Listener));
      return () => void set.delete(listener as Listener);
    },
  };
}


