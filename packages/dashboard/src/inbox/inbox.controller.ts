import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { TandemError, type AdminClient } from '@tandem/sdk/admin';
import type { FeedbackDetail, FeedbackItem } from '../events.js';
import { URGENCIES, type Label, type Status, type Urgency } from '../format.js';

/** What the inbox's filters ask the list route for. */
export interface InboxFilters {
  /** A status, or `open`: new or in progress. */
  status?: Status | 'open';
  urgency?: Urgency;
  label?: Label;
  assignee?: string;
  q?: string;
}

/** Messages per "load more". */
export const PAGE_SIZE = 20;

/**
 * Support's messages, most urgent first, then newest: the list route pages newest first, so the
 * inbox walks one urgency at a time (critical, high, normal, low), each with the same filters and
 * the server's cursor, and "load more" carries on where the last page stopped. Nothing is read
 * beyond the page asked for, so a site with 10,000 messages costs what one page costs.
 *
 * A new set of filters aborts the requests of the old one, and their answers are dropped.
 */
export class InboxController implements ReactiveController {
  items: FeedbackItem[] = [];
  loading = false;
  error?: TandemError;
  /** Whether "load more" has anything left to fetch. */
  hasMore = false;

  #client?: AdminClient;
  #filters: InboxFilters = {};
  /** The urgencies still to walk, the one being walked first, and its next cursor. */
  #queue: Urgency[] = [];
  #cursor?: string;
  #abort?: AbortController;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#abort?.abort();
  }

  /** Starts over with these filters: the first page. */
  reload(client: AdminClient, filters: InboxFilters): Promise<void> {
    this.#abort?.abort();
    this.#client = client;
    this.#filters = filters;
    this.#queue = filters.urgency ? [filters.urgency] : [...URGENCIES];
    this.#cursor = undefined;
    this.items = [];
    this.hasMore = true;
    return this.loadMore();
  }

  /** The next page: up to PAGE_SIZE more messages, across urgencies when one runs out. */
  async loadMore(): Promise<void> {
    const client = this.#client;
    if (!client || !this.#queue.length) return;
    // One page at a time: the cursor moves as pages arrive.
    if (this.loading && this.#abort && !this.#abort.signal.aborted) return;
    const abort = (this.#abort = new AbortController());
    this.loading = true;
    this.error = undefined;
    this.host.requestUpdate();
    const { urgency: _, ...filters } = this.#filters;
    const found: FeedbackItem[] = [];
    try {
      while (found.length < PAGE_SIZE && this.#queue.length) {
        const page = await client.feedback.list(
          { ...filters, route: 'support', urgency: this.#queue[0], cursor: this.#cursor, limit: PAGE_SIZE - found.length },
          { signal: abort.signal },
        );
        found.push(...page.data);
        this.#cursor = page.nextCursor ?? undefined;
        if (!this.#cursor) this.#queue.shift();
      }
    } catch (e) {
      if (abort.signal.aborted) return;
      this.error = e instanceof TandemError ? e : new TandemError('network_error', String(e));
    }
    // A newer reload owns the list now. After an error, what did arrive stays, and the cursor
    // is where it stopped: "load more" tries again from there.
    if (abort.signal.aborted) return;
    this.items = [...this.items, ...found];
    this.hasMore = this.#queue.length > 0;
    this.loading = false;
    this.host.requestUpdate();
  }

  /** Puts a message as the API last answered it in place of the listed one. */
  replace(changed: FeedbackDetail): void {
    const { override: _, events: __, ...item } = changed;
    this.items = this.items.map((f) => (f.id === item.id ? item : f));
    this.host.requestUpdate();
  }
}
