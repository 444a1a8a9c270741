import { LitElement, html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { dashboardEvent } from '../events.js';
import { styles } from './shown-once.styles.js';

/**
 * A secret the API answers only once (a new key, a webhook's signing secret): shown in full with
 * a warning and a copy button, until the person says they have kept it.
 *
 * @tagname tandem-shown-once
 * @event tandem-dismiss - The person has kept it; the secret can go.
 */
export class TandemShownOnce extends LitElement {
  static override styles = styles;

  /** What it is, e.g. "New support key". */
  @property() heading = '';
  /** What to do with it, after the warning that it is shown once. */
  @property() hint = '';
  @property() value = '';
  @state() private copied = '';

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('value')) this.copied = '';
  }

  override updated(changed: Map<string, unknown>): void {
    // The person must see it now (a second one too): focus moves to it, and a screen reader reads the warning.
    if (changed.has('value')) this.renderRoot.querySelector<HTMLElement>('[role="group"]')?.focus();
  }

  override render() {
    return html`<div role="group" tabindex="-1" aria-labelledby="heading" aria-describedby="warning">
      <h3 id="heading">${this.heading}</h3>
      <p id="warning"><strong>Copy it now: it is shown only this once.</strong> Tandem keeps only a hash of it. ${this.hint}</p>
      <label for="value" class="visually-hidden">${this.heading}</label>
      <div class="row">
        <input id="value" readonly .value=${this.value} spellcheck="false" @focus=${this.selectAll} />
        <button type="button" @click=${this.copy}>Copy</button>
      </div>
      <p class="copied" role="status">${this.copied}</p>
      <button type="button" class="primary" @click=${this.done}>I have kept it</button>
    </div>`;
  }

  private selectAll(event: FocusEvent) {
    (event.target as HTMLInputElement).select();
  }

  private async copy() {
    try {
      await navigator.clipboard.writeText(this.value);
      this.copied = 'Copied to the clipboard.';
    } catch {
      // No clipboard access (a permission refused): leave it selected for Ctrl+C.
      const field = this.renderRoot.querySelector<HTMLInputElement>('#value')!;
      field.focus();
      field.select();
      this.copied = 'Selected: press Ctrl+C (⌘C) to copy.';
    }
  }

  private done() {
    this.dispatchEvent(dashboardEvent('tandem-dismiss', null));
  }
}
