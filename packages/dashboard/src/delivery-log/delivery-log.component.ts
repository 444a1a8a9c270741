import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { AdminClient } from '@tandem/sdk/admin';
import { dashboardEvent } from '../events.js';
import { when } from '../format.js';
import { errorMessage } from '../settings/api-errors.js';
import { styles } from './delivery-log.styles.js';

export type Delivery = Awaited<ReturnType<AdminClient['deliveries']['list']>>['data'][number];

/** Deliveries per "Load more". */
const PAGE_SIZE = 20;

export const EVENT_NAMES: Record<Delivery['event'], string> = {
  'feedback.created': 'Message',
  'feedback.pr_risk': 'PR-risk alert',
  'alert.surge': 'Surge alert',
  test: 'Test event',
};

/** Failed so far: given up on, or waiting for a retry after a failed attempt. */
export const failed = (d: Delivery) => d.status === 'dead' || (d.status === 'pending' && d.attempts.some((a) => a.status === 'failed'));

/** The delivery's state in words: "Delivered", "Dead: no 2xx after 6 attempts", "Retrying", "Queued". */
export function deliveryState(d: Delivery): string {
  if (d.status === 'delivered') return 'Delivered';
  if (d.status === 'dead') return d.deadReason ? `Dead: ${d.deadReason}` : 'Dead';
  return failed(d) ? 'Retrying' : 'Queued';
}

/** What the last attempt got: its error, or its response code. */
export function lastAnswer(d: Delivery): string {
  const last = d.attempts.at(-1);
  if (!last) return '';
  return last.error ?? (last.responseCode === null ? '' : `HTTP ${last.responseCode}`);
}

/**
 * One destination's delivery log (GET /v1/deliveries?destination=…), newest first, a page at a
 * time: each delivery's event, state, attempts, last error and next attempt, with "Replay" for
 * those that failed.
 *
 * @tagname tandem-delivery-log
 * @event tandem-announce - A delivery was queued again.
 */
export class TandemDeliveryLog extends LitElement {
  static override styles = styles;

  @property({ attribute: false }) client?: AdminClient;
  @property() destination = '';
  /** The destination's name, for the table's caption. */
  @property() name = '';
  @state() private items: Delivery[] = [];
  @state() private nextCursor: string | null = null;
  @state() private loading = false;
  @state() private error = '';
  @state() private busy = '';
  #abort?: AbortController;

  override updated(changed: Map<string, unknown>): void {
    if (changed.has('client') || changed.has('destination')) void this.reload();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort?.abort();
  }

  /** The first page again, e.g. after a test event was sent. */
  async reload(): Promise<void> {
    await this.fetchPage(undefined);
  }

  private async fetchPage(cursor: string | undefined) {
    const { client, destination } = this;
    if (!client || !destination) return;
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    this.loading = true;
    this.error = '';
    try {
      const page = await client.deliveries.list({ destination, limit: PAGE_SIZE, cursor }, { signal: abort.signal });
      if (abort.signal.aborted) return;
      this.items = cursor ? [...this.items, ...page.data] : page.data;
      this.nextCursor = page.nextCursor;
    } catch (e) {
      if (abort.signal.aborted) return;
      this.error = errorMessage(e);
    }
    this.loading = false;
  }

  private loadMore() {
    if (this.nextCursor) void this.fetchPage(this.nextCursor);
  }

  private async replay(delivery: Delivery) {
    if (!this.client || this.busy) return;
    this.busy = delivery.id;
    this.error = '';
    try {
      const again = await this.client.deliveries.replay(delivery.id);
      this.items = this.items.map((d) => (d.id === again.id ? again : d));
      this.dispatchEvent(dashboardEvent('tandem-announce', { message: `${EVENT_NAMES[again.event]} queued again.` }));
    } catch (e) {
      this.error = errorMessage(e);
    } finally {
      this.busy = '';
    }
  }

  override render() {
    return html`
      <div class="bar">
        <button type="button" @click=${this.reload} ?disabled=${this.loading}>Refresh</button>
        <span class="muted" role="status">${this.loading ? 'Loading…' : ''}</span>
      </div>
      <p class="error" role="alert">${this.error}</p>
      ${this.items.length
        ? html`<div class="scroll">
            <table>
              <caption class="visually-hidden">Deliveries to ${this.name}, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Sent</th>
                  <th scope="col">Event</th>
                  <th scope="col">Status</th>
                  <th scope="col">Attempts</th>
                  <th scope="col">Last error</th>
                  <th scope="col">Next attempt</th>
                  <th scope="col"><span class="visually-hidden">Actions</span></th>
                </tr>
              </thead>
              <tbody>
                ${this.items.map((d) => this.renderRow(d))}
              </tbody>
            </table>
          </div>`
        : this.loading
          ? nothing
          : html`<p class="muted">Nothing sent here yet.</p>`}
      ${this.nextCursor ? html`<button type="button" @click=${this.loadMore} ?disabled=${this.loading}>Load more</button>` : nothing}
    `;
  }

  private renderRow(d: Delivery) {
    const last = d.attempts.at(-1);
    return html`<tr data-id=${d.id}>
      <td>${when(d.createdAt)}</td>
      <td>${EVENT_NAMES[d.event]}</td>
      <td><span class="badge" data-status=${d.status}>${deliveryState(d)}</span></td>
      <td>${d.attempts.length}</td>
      <td>${last?.status === 'failed' ? lastAnswer(d) : '—'}</td>
      <td>${d.status === 'pending' && d.nextAttemptAt ? when(d.nextAttemptAt) : '—'}</td>
      <td>
        ${failed(d)
          ? html`<button type="button" ?disabled=${this.busy === d.id} aria-label="Replay the ${EVENT_NAMES[d.event].toLowerCase()} of ${when(d.createdAt)}" @click=${() => this.replay(d)}>
              Replay
            </button>`
          : nothing}
      </td>
    </tr>`;
  }
}
