import { LitElement, html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { AdminClient } from '@tandem/sdk/admin';
import { dashboardEvent } from '../events.js';
import { when } from '../format.js';
import { ROLE_NAMES, type Me, type Role } from '../session.js';
import { errorMessage, fieldErrors } from '../settings/api-errors.js';
import type { TandemConfirmDialog } from '../confirm-dialog/confirm-dialog.component.js';
import { styles } from './keys.styles.js';
import '../confirm-dialog/confirm-dialog.js';
import '../shown-once/shown-once.js';

type Key = Awaited<ReturnType<AdminClient['keys']['list']>>['data'][number];
type Kind = Key['kind'];

const ROLE_HINTS: Record<Role, string> = {
  admin: 'everything, settings and keys included',
  support: 'the inbox: status, assignee, teams and notes',
  pr: 'the PR studio: quotes and the wall',
};

/**
 * The site's keys (GET /v1/keys), revoked ones too: make a publishable key or a secret key with a
 * role (the secret shown once), and revoke one after a confirmation. The API refuses to revoke the
 * last live admin key; revoking the key this tab is signed in with signs it out.
 *
 * @tagname tandem-keys
 * @event tandem-announce - A key was made or revoked.
 * @event tandem-sign-out - The key this tab used was revoked.
 */
export class TandemKeys extends LitElement {
  static override styles = styles;

  @property({ attribute: false }) client?: AdminClient;
  /** Who is signed in: their key is marked, and revoking it signs them out. */
  @property({ attribute: false }) me?: Me;
  @state() private keys: Key[] = [];
  @state() private loaded = false;
  @state() private error = '';
  @state() private kind: Kind = 'secret';
  @state() private createErrors: Record<string, string> = {};
  @state() private creating = false;
  @state() private created?: { role: Role; key: string };
  @state() private revoking = '';
  @query('tandem-confirm-dialog') private confirmDialog!: TandemConfirmDialog;

  override updated(changed: Map<string, unknown>): void {
    if (changed.has('client')) void this.load();
  }

  private async load() {
    if (!this.client) return;
    this.error = '';
    try {
      this.keys = (await this.client.keys.list()).data;
      this.loaded = true;
    } catch (e) {
      this.error = `Could not load the keys: ${errorMessage(e)}`;
    }
  }

  override render() {
    return html`
      <h2 id="keys-heading" tabindex="-1">Keys</h2>
      <p class="hint muted">
        A publishable key (<code>pk_…</code>) goes in your pages; a secret key (<code>sk_…</code>) signs in here or calls the
        API from a server, with a role. Only a hash of a secret key is kept: a lost one is revoked and replaced.
      </p>
      <p id="keys-error" class="error" role="alert">${this.error}</p>
      ${this.loaded ? this.renderTable() : this.error ? nothing : html`<p class="muted">Loading…</p>`}
      <h2 id="create-heading">Make a key</h2>
      ${this.created
        ? html`<tandem-shown-once
            heading="New ${ROLE_NAMES[this.created.role]} key"
            hint="Give it to the person who needs it. It signs in to this dashboard with the ${ROLE_NAMES[this.created.role]} role, and works at once."
            .value=${this.created.key}
            @tandem-dismiss=${this.dismissKey}
          ></tandem-shown-once>`
        : nothing}
      ${this.renderCreateForm()}
      <tandem-confirm-dialog></tandem-confirm-dialog>
    `;
  }

  private renderTable() {
    const mine = this.me?.keyId;
    return html`<div class="scroll">
      <table aria-labelledby="keys-heading">
        <thead>
          <tr>
            <th scope="col">Key</th>
            <th scope="col">Kind</th>
            <th scope="col">Role</th>
            <th scope="col">Created</th>
            <th scope="col">Status</th>
            <th scope="col"><span class="visually-hidden">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          ${this.keys.map(
            (k) => html`<tr data-id=${k.id} class=${k.revokedAt ? 'revoked' : ''}>
              <td><code>${k.hint}</code>${k.id === mine ? html`<br /><span class="badge">You are signed in with it</span>` : nothing}</td>
              <td>${k.kind === 'secret' ? 'Secret' : 'Publishable'}</td>
              <td>${k.role ? ROLE_NAMES[k.role] : '—'}</td>
              <td>${when(k.createdAt)}</td>
              <td>${k.revokedAt ? `Revoked ${when(k.revokedAt)}` : 'Active'}</td>
              <td>
                ${k.revokedAt
                  ? nothing
                  : html`<button
                      type="button"
                      class="danger"
                      aria-label="Revoke ${k.hint}"
                      ?disabled=${this.revoking === k.id}
                      @click=${() => this.revoke(k)}
                    >
                      Revoke
                    </button>`}
              </td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private renderCreateForm() {
    const e = this.createErrors;
    return html`<form @submit=${this.create} novalidate aria-labelledby="create-heading">
      <fieldset>
        <legend>Kind</legend>
        <label><input type="radio" name="kind" value="secret" .checked=${this.kind === 'secret'} @change=${() => (this.kind = 'secret')} /> Secret</label>
        <label
          ><input type="radio" name="kind" value="publishable" .checked=${this.kind === 'publishable'} @change=${() => (this.kind = 'publishable')} />
          Publishable</label
        >
      </fieldset>
      ${this.kind === 'secret'
        ? html`<fieldset class="roles" aria-describedby=${e.role ? 'role-error' : 'role-hint'}>
            <legend>Role</legend>
            ${(['support', 'pr', 'admin'] as const).map(
              (role) => html`<label><input type="radio" name="role" value=${role} ?checked=${role === 'support'} /> ${ROLE_NAMES[role]}
                  <span class="muted">(${ROLE_HINTS[role]})</span></label
                >`,
            )}
          </fieldset>
          <p id="role-error" class="error">${e.role}</p>`
        : html`<p class="hint muted">A publishable key is public: it goes in the script tag of your pages (<code>data-site</code>) and works only from the allowed origins.</p>`}
      <p class="error" role="alert">${e['']}</p>
      <div class="actions">
        <button class="primary" type="submit" ?disabled=${this.creating}>${this.creating ? 'Making…' : 'Make key'}</button>
      </div>
    </form>`;
  }

  private async create(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    if (!this.client || this.creating) return;
    const role = form.querySelector<HTMLInputElement>('input[name="role"]:checked')?.value as Role | undefined;
    this.creating = true;
    try {
      const made = await this.client.keys.create(this.kind === 'secret' ? { kind: 'secret', role } : { kind: 'publishable' });
      const { key, ...listed } = made;
      this.keys = [...this.keys, listed];
      this.createErrors = {};
      this.created = made.kind === 'secret' ? { role: made.role!, key } : undefined;
      this.dispatchEvent(
        dashboardEvent('tandem-announce', {
          message: made.kind === 'secret' ? `New ${ROLE_NAMES[made.role!]} key made. Copy it now: it is shown only once.` : `New publishable key ${made.hint} made.`,
        }),
      );
    } catch (e) {
      this.createErrors = fieldErrors(e);
    } finally {
      this.creating = false;
    }
  }

  private dismissKey = async () => {
    this.created = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('input[name="kind"]:checked')?.focus();
  };

  private async revoke(k: Key) {
    if (!this.client || this.revoking) return;
    const own = k.id === this.me?.keyId;
    const yes = await this.confirmDialog.ask(
      own
        ? {
            heading: 'Revoke the key you are signed in with?',
            message: `${k.hint} stops working at once and for good, and this tab is signed out. Sign in again with another admin key.`,
            confirm: 'Revoke and sign out',
          }
        : {
            heading: `Revoke ${k.hint}?`,
            message: 'It stops working for good (a publishable key within 30 seconds everywhere). This cannot be undone.',
            confirm: 'Revoke key',
          },
    );
    if (!yes) return;
    this.revoking = k.id;
    this.error = '';
    try {
      const revoked = await this.client.keys.revoke(k.id);
      if (own) {
        this.dispatchEvent(dashboardEvent('tandem-sign-out', { notice: 'You revoked the key you were signed in with. Sign in with another key.' }));
        return;
      }
      this.keys = this.keys.map((x) => (x.id === revoked.id ? revoked : x));
      this.dispatchEvent(dashboardEvent('tandem-announce', { message: `${k.hint} revoked.` }));
      // Its Revoke button, which had focus, is gone: keep the keyboard user in the list.
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#keys-heading')?.focus();
    } catch (e) {
      // The last live admin key (409 last_admin_key), in the API's words.
      this.error = errorMessage(e);
    } finally {
      this.revoking = '';
    }
  }
}
