import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { AdminClient } from '@tandem/sdk/admin';
import { dashboardEvent } from '../events.js';
import { errorMessage, fieldErrors } from '../settings/api-errors.js';
import { styles } from './site-settings.styles.js';

type Site = Awaited<ReturnType<AdminClient['site']['get']>>;

// The rule of the API (packages/worker/src/schemas/site.ts), checked here too so a typo shows
// when the origin is added rather than at "Save". The API checks again and has the last word.
const HOST = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])$/;
function isBareOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value && HOST.test(url.hostname);
  } catch {
    return false;
  }
}
const ORIGIN_RULE =
  'Enter an origin as browsers send it, e.g. https://shop.example: http or https, a lower-case host, a port only when not the default, no path or trailing slash.';

/**
 * The site's name, the origins its pages may send feedback from, and how long messages are kept
 * (PATCH /v1/site). The API's complaints about a field are shown beside it.
 *
 * @tagname tandem-site-settings
 * @event tandem-announce - The settings were saved.
 */
export class TandemSiteSettings extends LitElement {
  static override styles = styles;

  @property({ attribute: false }) client?: AdminClient;
  @state() private site?: Site;
  @state() private origins: string[] = [];
  @state() private errors: Record<string, string> = {};
  @state() private loadError = '';
  @state() private saving = false;
  @state() private saved = '';

  override updated(changed: Map<string, unknown>): void {
    if (changed.has('client')) void this.load();
  }

  private async load() {
    if (!this.client) return;
    this.loadError = '';
    try {
      this.show(await this.client.site.get());
    } catch (e) {
      this.loadError = errorMessage(e);
    }
  }

  private show(site: Site) {
    this.site = site;
    this.origins = [...site.origins];
  }

  private field<T extends HTMLElement = HTMLInputElement>(id: string) {
    return this.renderRoot.querySelector<T>(`#${id}`)!;
  }

  override render() {
    if (this.loadError)
      return html`<div role="alert">
        <p class="error">Could not load the site: ${this.loadError}</p>
        <button type="button" @click=${this.load}>Try again</button>
      </div>`;
    const site = this.site;
    if (!site) return html`<p class="muted">Loading…</p>`;
    const e = this.errors;
    return html`<form @submit=${this.save} novalidate aria-labelledby="site-heading">
      <h2 id="site-heading">Site</h2>
      <p class="hint muted">Site id <code>${site.id}</code></p>
      <div class="field">
        <label for="name">Name</label>
        <input id="name" .value=${site.name} maxlength="100" aria-invalid=${e.name ? 'true' : 'false'} aria-describedby="name-error" />
        <p id="name-error" class="error">${e.name}</p>
      </div>

      <fieldset class="origins" aria-describedby="origins-hint origins-error">
        <legend>Allowed origins</legend>
        <p id="origins-hint" class="hint muted">
          The sites whose pages may send feedback with your publishable key, exactly as the browser names them
          (<code>https://shop.example</code>). None: only servers and apps can send. A change counts within 30 seconds.
        </p>
        ${this.origins.length
          ? html`<ul class="origin-list">
              ${this.origins.map(
                (origin, i) => html`<li>
                  <span class="mono">${origin}</span>
                  <button type="button" aria-label="Remove ${origin}" aria-describedby=${ifDefined(e[`origins.${i}`] ? `origin-${i}-error` : undefined)} @click=${() => this.removeOrigin(i)}>
                    Remove
                  </button>
                  ${e[`origins.${i}`] ? html`<p id="origin-${i}-error" class="error">${e[`origins.${i}`]}</p>` : nothing}
                </li>`,
              )}
            </ul>`
          : html`<p class="muted">No origins: browsers cannot send feedback.</p>`}
        <p id="origins-error" class="error">${e.origins}</p>
        <div class="add-origin">
          <label for="new-origin">Add an origin</label>
          <div class="row">
            <input
              id="new-origin"
              type="url"
              inputmode="url"
              placeholder="https://shop.example"
              spellcheck="false"
              aria-invalid=${e['new-origin'] ? 'true' : 'false'}
              aria-describedby="new-origin-error"
              @keydown=${this.addOnEnter}
            />
            <button type="button" @click=${this.addOrigin}>Add</button>
          </div>
          <p id="new-origin-error" class="error">${e['new-origin']}</p>
        </div>
      </fieldset>

      <div class="field">
        <label for="retention">Retention (days)</label>
        <input
          id="retention"
          class="narrow"
          type="number"
          inputmode="numeric"
          min="1"
          max="3650"
          .value=${String(site.retentionDays)}
          aria-invalid=${e.retentionDays ? 'true' : 'false'}
          aria-describedby="retention-hint retention-error"
        />
        <p id="retention-hint" class="hint muted">
          From 1 to 3650. Every night, messages older than this are deleted with their log, internal notes and deliveries.
          An approved testimonial whose customer still agrees to be quoted keeps its quote; drafts, withdrawn quotes and
          quotes whose consent was withdrawn go with their message. A change applies at the next nightly run.
        </p>
        <p id="retention-error" class="error">${e.retentionDays}</p>
      </div>

      <p class="error" role="alert">${e['']}</p>
      <div class="actions">
        <button class="primary" type="submit" ?disabled=${this.saving}>${this.saving ? 'Saving…' : 'Save'}</button>
        <span role="status" class="ok">${this.saved}</span>
      </div>
    </form>`;
  }

  private addOnEnter(event: KeyboardEvent) {
    // Enter in this field adds the origin, rather than saving the whole form.
    if (event.key !== 'Enter') return;
    event.preventDefault();
    this.addOrigin();
  }

  private addOrigin() {
    const input = this.field('new-origin');
    const origin = input.value.trim();
    const { 'new-origin': _, ...others } = this.errors;
    let problem = '';
    if (!isBareOrigin(origin)) problem = ORIGIN_RULE;
    else if (this.origins.includes(origin)) problem = `${origin} is already in the list.`;
    this.errors = problem ? { ...others, 'new-origin': problem } : others;
    if (problem) {
      input.focus();
      return;
    }
    this.origins = [...this.origins, origin];
    input.value = '';
    this.saved = '';
    input.focus();
  }

  private removeOrigin(index: number) {
    const removed = this.origins[index];
    this.origins = this.origins.filter((_, i) => i !== index);
    // Issues were numbered by the old list.
    this.errors = Object.fromEntries(Object.entries(this.errors).filter(([path]) => !path.startsWith('origins.')));
    this.saved = '';
    this.field('new-origin').focus();
    this.dispatchEvent(dashboardEvent('tandem-announce', { message: `${removed} removed; save to apply.` }));
  }

  private async save(event: SubmitEvent) {
    event.preventDefault();
    const { client, site } = this;
    if (!client || !site || this.saving) return;
    const name = this.field('name').value;
    const retention = this.field('retention').value.trim();
    // Only what changed; the API judges the values (an empty field is 0, which it refuses).
    const update: Parameters<AdminClient['site']['update']>[0] = {};
    if (name !== site.name) update.name = name;
    if (this.origins.join('\n') !== site.origins.join('\n')) update.origins = this.origins;
    if (retention !== String(site.retentionDays)) update.retentionDays = Number(retention);
    if (!Object.keys(update).length) {
      this.errors = {};
      this.saved = 'Nothing changed.';
      return;
    }
    this.saving = true;
    this.saved = '';
    try {
      this.show(await client.site.update(update));
      this.errors = {};
      this.saved = 'Saved.';
      this.dispatchEvent(dashboardEvent('tandem-announce', { message: 'Site settings saved.' }));
    } catch (e) {
      this.errors = fieldErrors(e);
      await this.updateComplete;
      // The first field the API refused, so its message is read out with it.
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"], .origin-list li:has(.error) button')?.focus();
    } finally {
      this.saving = false;
    }
  }
}
