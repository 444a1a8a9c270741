import { LitElement, html } from 'lit';
import { query, state } from 'lit/decorators.js';
import { styles } from './confirm-dialog.styles.js';

export interface ConfirmRequest {
  heading: string;
  message: string;
  /** The confirming button's words, e.g. "Revoke key". */
  confirm: string;
}

/** The element that has focus, looking inside shadow roots. */
function focused(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active as HTMLElement | null;
}

/**
 * A modal question before something that cannot be undone: a native `<dialog>` opened with
 * showModal (the rest of the page is inert, Escape cancels), focus on "Cancel", and back on the
 * button that asked once it closes.
 *
 * @tagname tandem-confirm-dialog
 */
export class TandemConfirmDialog extends LitElement {
  static override styles = styles;

  @state() private request?: ConfirmRequest;
  @query('dialog') private dialog!: HTMLDialogElement;
  #answer?: (yes: boolean) => void;

  /** Asks; resolves true when the person confirms, false when they cancel or press Escape. */
  async ask(request: ConfirmRequest): Promise<boolean> {
    this.#answer?.(false);
    const opener = focused();
    this.request = request;
    await this.updateComplete;
    this.dialog.showModal();
    this.renderRoot.querySelector<HTMLButtonElement>('.cancel')!.focus();
    const yes = await new Promise<boolean>((resolve) => (this.#answer = resolve));
    opener?.focus();
    return yes;
  }

  private closed = () => {
    this.#answer?.(this.dialog.returnValue === 'confirm');
    this.#answer = undefined;
  };

  override render() {
    const r = this.request;
    return html`<dialog aria-labelledby="heading" aria-describedby="message" @close=${this.closed}>
      <form method="dialog">
        <h2 id="heading">${r?.heading}</h2>
        <p id="message">${r?.message}</p>
        <div class="actions">
          <button class="cancel" value="cancel">Cancel</button>
          <button class="danger" value="confirm">${r?.confirm}</button>
        </div>
      </form>
    </dialog>`;
  }
}
