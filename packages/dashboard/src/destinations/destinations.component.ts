import { LitElement, html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { AdminClient } from '@tandem/sdk/admin';
import { dashboardEvent } from '../events.js';
import { ROUTE_NAMES, ROUTES } from '../format.js';
import { errorMessage, fieldErrors } from '../settings/api-errors.js';
import type { TandemConfirmDialog } from '../confirm-dialog/confirm-dialog.component.js';
import { deliveryState, failed, lastAnswer, type TandemDeliveryLog } from '../delivery-log/delivery-log.component.js';
import { styles } from './destinations.styles.js';
import '../confirm-dialog/confirm-dialog.js';
import '../delivery-log/delivery-log.js';
import '../shown-once/shown-once.js';

type Destination = Awaited<ReturnType<AdminClient['destinations']['list']>>['data'][number];
type Team = (typeof ROUTES)[number];
type Kind = Destination['kind'];

const KIND_NAMES: Record<Kind, string> = { webhook: 'Webhook', slack: 'Slack' };

/** How often, and how many times, a test event's delivery is looked at until its first attempt is in. */
const TEST_POLL_MS = 1000;
const TEST_POLLS = 30;

const wait = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });

/** The teams a form's checkboxes name, in the API's order. */
const checkedTeams = (form: HTMLFormElement) =>
  ROUTES.filter((r) => form.querySelector<HTMLInputElement>(`input[data-team="${r}"]`)?.checked);

/**
 * The site's destinations (signed webhooks and Slack incoming webhooks) with the teams each
 * receives: add (a webhook's signing secret shown once), edit, enable or disable, delete, send a
 * test event and follow it, and each one's delivery log.
 *
 * @tagname tandem-destinations
 * @event tandem-announce - A destination was added, changed, tested or deleted.
 */
export class TandemDestinations extends LitElement {
  static override styles = styles;

  @property({ attribute: false }) client?: AdminClient;
  @state() private items: Destination[] = [];
  @state() private loaded = false;
  @state() private loadError = '';
  @state() private addErrors: Record<string, string> = {};
  @state() private adding = false;
  @state() private addKind: Kind = 'webhook';
  /** A webhook just made, with its signing secret (shown this once). */
  @state() private created?: { name: string; secret: string };
  @state() private editing = '';
  @state() private editErrors: Record<string, string> = {};
  /** The destination a change is under way for. */
  @state() private busy = '';
  /** Per destination: what its last action said (a test's result, a failure), also announced. */
  @state() private notes: Record<string, { text: string; error?: boolean }> = {};
  @state() private openLogs = new Set<string>();
  @query('tandem-confirm-dialog') private confirmDialog!: TandemConfirmDialog;
  #abort = new AbortController();

  override updated(changed: Map<string, unknown>): void {
    if (changed.has('client')) void this.load();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#abort = new AbortController();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort.abort();
  }

  private async load() {
    if (!this.client) return;
    this.loadError = '';
    try {
      this.items = (await this.client.destinations.list()).data;
      this.loaded = true;
    } catch (e) {
      this.loadError = errorMessage(e);
    }
  }

  private note(id: string, text: string, error = false) {
    this.notes = { ...this.notes, [id]: { text, error } };
    this.dispatchEvent(dashboardEvent('tandem-announce', { message: text }));
  }

  private showUpdated(updated: Destination) {
    this.items = this.items.map((d) => (d.id === updated.id ? updated : d));
  }

  override render() {
    return html`
      <h2 id="list-heading">Destinations</h2>
      <p class="hint muted">
        Where Tandem sends each message as it arrives: a signed webhook (Standard Webhooks headers) or a Slack incoming
        webhook, for the teams it names. A destination that receives PR also gets PR-risk and surge alerts.
      </p>
      ${this.loadError
        ? html`<div role="alert"><p class="error">Could not load the destinations: ${this.loadError}</p>
            <button type="button" @click=${this.load}>Try again</button></div>`
        : !this.loaded
          ? html`<p class="muted">Loading…</p>`
          : this.items.length
            ? html`<ul class="items" aria-labelledby="list-heading">${this.items.map((d) => this.renderDestination(d))}</ul>`
            : html`<p class="muted">No destinations yet: messages wait in the dashboard only.</p>`}
      <h2 id="add-heading">Add a destination</h2>
      ${this.created
        ? html`<tandem-shown-once
            heading="Signing secret of ${this.created.name}"
            hint="Your receiver checks each delivery's signature with it (verifyWebhook in @tandem/sdk, or any Standard Webhooks library)."
            .value=${this.created.secret}
            @tandem-dismiss=${this.dismissSecret}
          ></tandem-shown-once>`
        : nothing}
      ${this.renderAddForm()}
      <tandem-confirm-dialog></tandem-confirm-dialog>
    `;
  }

  private renderAddForm() {
    const e = this.addErrors;
    return html`<form id="add" @submit=${this.add} novalidate aria-labelledby="add-heading">
      <fieldset>
        <legend>Kind</legend>
        ${(['webhook', 'slack'] as const).map(
          (kind) => html`<label>
            <input type="radio" name="kind" value=${kind} .checked=${this.addKind === kind} ?checked=${this.addKind === kind} @change=${() => (this.addKind = kind)} />
            ${KIND_NAMES[kind]}
          </label>`,
        )}
      </fieldset>
      ${this.renderFields('add', e, { name: '', url: '', routes: ['support'] }, this.addKind)}
      <p class="error" role="alert">${e['']}</p>
      <div class="actions">
        <button class="primary" type="submit" ?disabled=${this.adding}>${this.adding ? 'Adding…' : 'Add destination'}</button>
      </div>
    </form>`;
  }

  /** Name, URL and teams, for the add form (`add-…`) and each edit form (`edit-…`). */
  private renderFields(prefix: string, e: Record<string, string>, values: { name: string; url: string; routes: readonly string[] }, kind: Kind, editing = false) {
    const describe = (field: string, hint = false) =>
      ifDefined([hint ? `${prefix}-${field}-hint` : '', e[field] ? `${prefix}-${field}-error` : ''].filter(Boolean).join(' ') || undefined);
    const urlHint =
      kind === 'slack'
        ? editing
          ? 'Slack’s URL is a secret and is not shown again: leave this empty to keep it, or paste a new one.'
          : 'The incoming webhook URL Slack gave you (https://hooks.slack.com/…).'
        : 'https to a public host. Locally (npm start), http://127.0.0.1 and localhost work too.';
    return html`
      <div class="field">
        <label for="${prefix}-name">Name</label>
        <input id="${prefix}-name" .value=${values.name} maxlength="100" aria-invalid=${e.name ? 'true' : 'false'} aria-describedby=${describe('name')} />
        <p id="${prefix}-name-error" class="error">${e.name}</p>
      </div>
      <div class="field">
        <label for="${prefix}-url">URL</label>
        <input
          id="${prefix}-url"
          type="url"
          inputmode="url"
          spellcheck="false"
          .value=${values.url}
          aria-invalid=${e.url ? 'true' : 'false'}
          aria-describedby=${describe('url', true)}
        />
        <p id="${prefix}-url-hint" class="hint muted">${urlHint}</p>
        <p id="${prefix}-url-error" class="error">${e.url}</p>
      </div>
      <fieldset aria-describedby=${describe('routes')}>
        <legend>Teams it receives</legend>
        ${ROUTES.map(
          (r) => html`<label><input type="checkbox" data-team=${r} .checked=${values.routes.includes(r)} ?checked=${values.routes.includes(r)} /> ${ROUTE_NAMES[r]}</label>`,
        )}
      </fieldset>
      <p id="${prefix}-routes-error" class="error">${e.routes}</p>
    `;
  }

  private renderDestination(d: Destination) {
    const note = this.notes[d.id];
    const logOpen = this.openLogs.has(d.id);
    const busy = this.busy === d.id;
    return html`<li class="card" data-id=${d.id} aria-labelledby="${d.id}-name">
      <div class="head">
        <h3 id="${d.id}-name">${d.name}</h3>
        <span class="badge">${KIND_NAMES[d.kind]}</span>
        <span class="badge" data-enabled=${d.enabled}>${d.enabled ? 'Enabled' : 'Disabled'}</span>
      </div>
      <dl>
        <dt>URL</dt>
        <dd class="mono">${d.url}</dd>
        <dt>Receives</dt>
        <dd>
          ${d.routes.map((r) => ROUTE_NAMES[r as Team] ?? r).join(', ')} messages${d.routes.includes('pr') ? ', and PR-risk and surge alerts' : ''}
        </dd>
        ${d.enabled ? nothing : html`<dt>Why disabled</dt><dd>${d.disabledReason ?? 'Turned off by an admin.'}</dd>`}
      </dl>
      <div class="actions">
        <button type="button" @click=${() => this.test(d)} ?disabled=${busy || !d.enabled}>
          Send test event
        </button>
        <button type="button" @click=${() => this.edit(d)} aria-expanded=${this.editing === d.id ? 'true' : 'false'} ?disabled=${busy}>Edit</button>
        <button type="button" @click=${() => this.setEnabled(d, !d.enabled)} ?disabled=${busy}>${d.enabled ? 'Disable' : 'Enable'}</button>
        <button type="button" class="danger" @click=${() => this.deleteDestination(d)} ?disabled=${busy}>Delete</button>
        <button type="button" aria-expanded=${logOpen ? 'true' : 'false'} aria-controls="${d.id}-log" @click=${() => this.toggleLog(d.id)}>
          Delivery log
        </button>
      </div>
      <p class=${note?.error ? 'error' : 'note'}>${note?.text}</p>
      ${this.editing === d.id ? this.renderEditForm(d) : nothing}
      <div id="${d.id}-log" ?hidden=${!logOpen}>
        ${logOpen
          ? html`<h4>Delivery log</h4>
              <tandem-delivery-log .client=${this.client} destination=${d.id} name=${d.name}></tandem-delivery-log>`
          : nothing}
      </div>
    </li>`;
  }

  private renderEditForm(d: Destination) {
    const e = this.editErrors;
    return html`<form class="edit" @submit=${(event: SubmitEvent) => this.saveEdit(event, d)} novalidate aria-label="Edit ${d.name}">
      ${this.renderFields(`edit-${d.id}`, e, { name: d.name, url: d.kind === 'slack' ? '' : d.url, routes: d.routes }, d.kind, true)}
      <p class="error" role="alert">${e['']}</p>
      <div class="actions">
        <button class="primary" type="submit" ?disabled=${this.busy === d.id}>Save</button>
        <button type="button" @click=${() => this.closeEdit(d.id)}>Cancel</button>
      </div>
    </form>`;
  }

  private async add(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    if (!this.client || this.adding) return;
    const name = form.querySelector<HTMLInputElement>('#add-name')!.value;
    const url = form.querySelector<HTMLInputElement>('#add-url')!.value.trim();
    this.adding = true;
    try {
      const made = await this.client.destinations.create({ kind: this.addKind, name, url, routes: checkedTeams(form) });
      const { secret, ...destination } = made;
      this.items = [...this.items, destination];
      this.addErrors = {};
      // The checked attributes are the defaults reset() goes back to (the properties alone leave none).
      form.reset();
      this.addKind = 'webhook';
      this.created = secret ? { name: made.name, secret } : undefined;
      this.dispatchEvent(dashboardEvent('tandem-announce', { message: `${made.name} added.${secret ? ' Copy its signing secret now.' : ''}` }));
    } catch (e) {
      this.addErrors = fieldErrors(e);
      await this.updateComplete;
      form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    } finally {
      this.adding = false;
    }
  }

  private dismissSecret = async () => {
    this.created = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#add-name')?.focus();
  };

  private async edit(d: Destination) {
    this.editing = this.editing === d.id ? '' : d.id;
    this.editErrors = {};
    await this.updateComplete;
    if (this.editing) this.renderRoot.querySelector<HTMLElement>(`#edit-${d.id}-name`)?.focus();
  }

  private async closeEdit(id: string) {
    this.editing = '';
    this.editErrors = {};
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`li[data-id="${id}"] button[aria-expanded]`)?.focus();
  }

  private async saveEdit(event: SubmitEvent, d: Destination) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    if (!this.client || this.busy) return;
    const name = form.querySelector<HTMLInputElement>(`#edit-${d.id}-name`)!.value;
    const url = form.querySelector<HTMLInputElement>(`#edit-${d.id}-url`)!.value.trim();
    const routes = checkedTeams(form);
    const update: Parameters<AdminClient['destinations']['update']>[1] = {};
    if (name !== d.name) update.name = name;
    if (url && url !== d.url) update.url = url;
    if (routes.join() !== d.routes.join()) update.routes = routes;
    if (!Object.keys(update).length) return this.closeEdit(d.id);
    this.busy = d.id;
    try {
      this.showUpdated(await this.client.destinations.update(d.id, update));
      this.busy = '';
      this.note(d.id, `${name} saved.`);
      await this.closeEdit(d.id);
    } catch (e) {
      this.editErrors = fieldErrors(e);
      await this.updateComplete;
      form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    } finally {
      this.busy = '';
    }
  }

  private async setEnabled(d: Destination, enabled: boolean) {
    if (!this.client || this.busy) return;
    this.busy = d.id;
    try {
      this.showUpdated(await this.client.destinations.update(d.id, { enabled }));
      this.note(d.id, `${d.name} ${enabled ? 'enabled' : 'disabled'}.`);
    } catch (e) {
      this.note(d.id, errorMessage(e), true);
    } finally {
      this.busy = '';
    }
  }

  private async deleteDestination(d: Destination) {
    if (!this.client || this.busy) return;
    const yes = await this.confirmDialog.ask({
      heading: `Delete ${d.name}?`,
      message: 'It receives nothing more, and its delivery log goes with it. This cannot be undone.',
      confirm: 'Delete destination',
    });
    if (!yes) return;
    this.busy = d.id;
    try {
      await this.client.destinations.delete(d.id);
      this.items = this.items.filter((x) => x.id !== d.id);
      this.dispatchEvent(dashboardEvent('tandem-announce', { message: `${d.name} deleted.` }));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#add-name')?.focus();
    } catch (e) {
      this.note(d.id, errorMessage(e), true);
    } finally {
      this.busy = '';
    }
  }

  private toggleLog(id: string) {
    const open = new Set(this.openLogs);
    if (!open.delete(id)) open.add(id);
    this.openLogs = open;
  }

  /** Queues a test event, then follows its delivery until its first attempt is in, and says how it went. */
  private async test(d: Destination) {
    const client = this.client;
    if (!client || this.busy) return;
    this.busy = d.id;
    let id: string;
    try {
      id = (await client.destinations.test(d.id)).id;
    } catch (e) {
      this.note(d.id, errorMessage(e), true);
      this.busy = '';
      return;
    }
    this.busy = '';
    this.note(d.id, 'Test event queued…');
    if (!this.openLogs.has(d.id)) this.toggleLog(d.id);
    const signal = this.#abort.signal;
    for (let i = 0; i < TEST_POLLS && !signal.aborted; i++) {
      await wait(TEST_POLL_MS, signal);
      let delivery;
      try {
        delivery = (await client.deliveries.list({ destination: d.id, limit: 20 }, { signal })).data.find((x) => x.id === id);
      } catch {
        continue; // a hiccup: look again
      }
      if (!delivery || (delivery.status === 'pending' && !delivery.attempts.length)) continue;
      // The log shows it, and the list says if the answer disabled the destination (410 Gone).
      await Promise.all([this.renderRoot.querySelector<TandemDeliveryLog>(`#${d.id}-log tandem-delivery-log`)?.reload(), this.load()]);
      if (delivery.status === 'delivered') this.note(d.id, `Test event delivered (${lastAnswer(delivery) || 'OK'}).`);
      else this.note(d.id, `Test event ${failed(delivery) ? 'failed' : deliveryState(delivery).toLowerCase()}: ${lastAnswer(delivery) || deliveryState(delivery)}.`, true);
      return;
    }
    if (!signal.aborted) this.note(d.id, 'The test event is still queued: see the delivery log.', true);
  }
}
