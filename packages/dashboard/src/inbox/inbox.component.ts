import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { AdminClient } from '@tandem/sdk/admin';
import type { FeedbackChangedDetail, FeedbackItem } from '../events.js';
import {
  customerName,
  excerpt,
  labelName,
  LABELS,
  ratingText,
  STATUS_NAMES,
  STATUSES,
  URGENCIES,
  urgencyName,
  when,
  type Label,
  type Status,
  type Urgency,
} from '../format.js';
import { can, type Role } from '../session.js';
import { SHORTCUTS, shortcutOf } from '../shortcuts.js';
import type { TandemFeedbackDetail } from '../feedback-detail/feedback-detail.component.js';
import { InboxController, type InboxFilters } from './inbox.controller.js';
import { styles } from './inbox.styles.js';
import '../feedback-detail/feedback-detail.js';

/** How long the text filters wait for the typing to pause before asking the API. */
const TYPING_PAUSE_MS = 300;

/**
 * The open message lives in the fragment (#feedback/fb_…), where a delivery's link
 * (/dashboard/feedback/{id}, redirected by the worker) puts it and a reload finds it again.
 */
const FRAGMENT = /^#feedback\/(fb_[0-9A-Z]{26})$/;

/**
 * Support's inbox: complaints, questions and unsure messages (every message whose teams include
 * support), most urgent first, then newest; filters and search run on the server, a page at a
 * time. The list on one side, the chosen message (tandem-feedback-detail) on the other.
 *
 * Keyboard: the list is one tab stop (arrow keys, j and k move in it), and the shortcuts in
 * SHORTCUTS work anywhere on the page outside a field.
 *
 * @tagname tandem-inbox
 */
export class TandemInbox extends LitElement {
  static override styles = styles;

  @property({ attribute: false }) client?: AdminClient;
  /** The signed-in key's role: what the person may do. */
  @property({ attribute: false }) keyRole: Role = 'pr';
  @property({ attribute: false }) actor = '';

  @state() private selectedId?: string;
  private filters: InboxFilters = {};
  private list = new InboxController(this);
  private typingTimer?: ReturnType<typeof setTimeout>;

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('keydown', this.onShortcut);
    window.addEventListener('hashchange', this.followAddress);
    this.followAddress();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('keydown', this.onShortcut);
    window.removeEventListener('hashchange', this.followAddress);
    clearTimeout(this.typingTimer);
  }

  /** Opens the message the fragment names: on arrival, and when a link in a message names another. */
  private followAddress = () => {
    const id = FRAGMENT.exec(location.hash)?.[1];
    if (id) this.selectedId = id;
  };

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('client') && this.client) void this.list.reload(this.client, this.filters);
  }

  private get detail() {
    return this.renderRoot.querySelector<TandemFeedbackDetail>('tandem-feedback-detail');
  }

  private onShortcut = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && this.isInside(event)) {
      // Out of a field, back to the list, where the shortcuts work again.
      const field = event.composedPath()[0] as HTMLElement;
      if (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement || field instanceof HTMLSelectElement) {
        field.blur();
        this.focusSelected();
      }
      return;
    }
    const key = shortcutOf(event);
    if (!key) return;
    const act: Record<string, () => void> = {
      j: () => this.move(1),
      k: () => this.move(-1),
      r: () => this.detail?.setStatus('resolved'),
      a: () => this.detail?.focusAssignee(),
      n: () => this.detail?.focusNote(),
      '/': () => this.renderRoot.querySelector<HTMLInputElement>('#q')?.focus(),
    };
    // r and a need a key that may change the message; without one they do nothing.
    if ((key === 'r' || key === 'a') && !can.workInbox(this.keyRole)) return;
    event.preventDefault();
    act[key]!();
  };

  private isInside(event: Event) {
    return event.composedPath().includes(this);
  }

  /** Selects the next (1) or previous (-1) message and focuses it. */
  private move(step: number) {
    const { items } = this.list;
    if (!items.length) return;
    const at = items.findIndex((f) => f.id === this.selectedId);
    const next = at === -1 ? 0 : Math.min(items.length - 1, Math.max(0, at + step));
    this.select(items[next]!.id);
  }

  private async select(id: string) {
    this.selectedId = id;
    // Replaced, not pushed: moving through the list is not history to go back through.
    history.replaceState(null, '', `#feedback/${id}`);
    await this.updateComplete;
    this.focusSelected();
  }

  private focusSelected() {
    const current =
      this.renderRoot.querySelector<HTMLButtonElement>('ul.messages button[aria-current="true"]') ??
      this.renderRoot.querySelector<HTMLButtonElement>('ul.messages button');
    current?.focus();
  }

  private onListKey(event: KeyboardEvent) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      this.move(event.key === 'ArrowDown' ? 1 : -1);
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      const { items } = this.list;
      if (items.length) void this.select(items[event.key === 'Home' ? 0 : items.length - 1]!.id);
    }
  }

  private readFilters(): InboxFilters {
    const value = (id: string) => this.renderRoot.querySelector<HTMLInputElement>(`#${id}`)?.value.trim() || undefined;
    return {
      q: value('q'),
      status: value('status') as Status | 'open' | undefined,
      urgency: value('urgency') as Urgency | undefined,
      label: value('label') as Label | undefined,
      assignee: value('assignee-filter'),
    };
  }

  private applyFilters = () => {
    clearTimeout(this.typingTimer);
    const filters = this.readFilters();
    if (JSON.stringify(filters) === JSON.stringify(this.filters) || !this.client) return;
    this.filters = filters;
    void this.list.reload(this.client, filters);
  };

  private typed = () => {
    clearTimeout(this.typingTimer);
    this.typingTimer = setTimeout(this.applyFilters, TYPING_PAUSE_MS);
  };

  private changed(event: CustomEvent<FeedbackChangedDetail>) {
    this.list.replace(event.detail);
  }

  override render() {
    const { items, loading, error, hasMore } = this.list;
    const summary =
      loading && !items.length
        ? 'Loading…'
        : `${items.length} ${items.length === 1 ? 'message' : 'messages'}${hasMore ? ' so far' : ''}, most urgent first`;
    return html`
      <div class="top">
        <h1>Support inbox</h1>
        <details>
          <summary>Keyboard shortcuts</summary>
          <ul aria-label="Keyboard shortcuts">
            ${SHORTCUTS.filter((s) => can.workInbox(this.keyRole) || (s.key !== 'r' && s.key !== 'a')).map(
              (s) => html`<li><kbd>${s.key}</kbd> ${s.does}</li>`,
            )}
          </ul>
        </details>
      </div>
      ${this.renderFilters()}
      <div class="panes">
        <section aria-labelledby="list-title">
          <h2 id="list-title" class="visually-hidden">Messages</h2>
          <p class="summary muted" aria-live="polite">${summary}</p>
          ${items.length ? this.renderList(items) : !loading && !error ? html`<p class="empty muted">No messages match these filters.</p>` : nothing}
          ${error ? html`<p class="error" role="alert">Could not load messages: ${error.detail ?? error.message}</p>` : nothing}
          ${hasMore && items.length
            ? html`<button class="more" type="button" ?disabled=${loading} @click=${() => this.list.loadMore()}>
                ${loading ? 'Loading…' : 'Load more'}
              </button>`
            : nothing}
        </section>
        <tandem-feedback-detail
          aria-label="The chosen message"
          role="region"
          .client=${this.client}
          .keyRole=${this.keyRole}
          .actor=${this.actor}
          .feedbackId=${this.selectedId}
          @tandem-feedback-changed=${this.changed}
        ></tandem-feedback-detail>
      </div>
    `;
  }

  private renderFilters() {
    const options = (values: readonly string[], name: (v: string) => string, any: string) =>
      html`<option value="">${any}</option>${values.map((v) => html`<option value=${v}>${name(v)}</option>`)}`;
    return html`
      <form role="search" aria-label="Filter messages" @submit=${(e: Event) => (e.preventDefault(), this.applyFilters())}>
        <div>
          <label for="q">Search words</label>
          <input id="q" type="text" maxlength="200" placeholder="Press / to search" @input=${this.typed} @change=${this.applyFilters} />
        </div>
        <div>
          <label for="status">Status</label>
          <select id="status" @change=${this.applyFilters}>
            ${options(['open', ...STATUSES], (s) => (s === 'open' ? 'Open (new or in progress)' : STATUS_NAMES[s as Status]), 'Any status')}
          </select>
        </div>
        <div>
          <label for="urgency">Urgency</label>
          <select id="urgency" @change=${this.applyFilters}>${options(URGENCIES, urgencyName, 'Any urgency')}</select>
        </div>
        <div>
          <label for="label">Label</label>
          <select id="label" @change=${this.applyFilters}>${options(LABELS, labelName, 'Any label')}</select>
        </div>
        <div>
          <label for="assignee-filter">Assignee</label>
          <input id="assignee-filter" type="text" maxlength="100" @input=${this.typed} @change=${this.applyFilters} />
        </div>
      </form>
    `;
  }

  private renderList(items: FeedbackItem[]) {
    // One tab stop: the chosen message, or the first.
    const focusable = items.some((f) => f.id === this.selectedId) ? this.selectedId : items[0]!.id;
    return html`<ul class="messages" @keydown=${this.onListKey}>
      ${items.map((f) => {
        const rating = ratingText(f);
        return html`<li>
          <button
            type="button"
            data-id=${f.id}
            aria-current=${f.id === this.selectedId ? 'true' : 'false'}
            tabindex=${f.id === focusable ? '0' : '-1'}
            @click=${() => this.select(f.id)}
          >
            <span class="line">
              <span class="badge ${f.urgency}">${urgencyName(f.urgency)}</span>
              <span class="badge">${labelName(f.label)}</span>
              <span class="badge">${STATUS_NAMES[f.status]}</span>
              ${f.prRisk ? html`<span class="badge critical">PR risk</span>` : nothing}
              <time datetime=${f.createdAt}>${when(f.createdAt)}</time>
            </span>
            <span class="excerpt">${excerpt(f.message)}</span>
            <span class="line muted">
              ${customerName(f)}${rating ? ` · ${rating}` : ''}${f.assignee ? ` · assigned to ${f.assignee}` : ''}
            </span>
          </button>
        </li>`;
      })}
    </ul>`;
  }
}
