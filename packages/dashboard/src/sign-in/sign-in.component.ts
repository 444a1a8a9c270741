import { LitElement, html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { TandemError } from '@tandem/sdk/admin';
import { dashboardEvent } from '../events.js';
import { clientFor, saveSession } from '../session.js';
import { styles } from './sign-in.styles.js';

/**
 * Sign-in with a secret key. The key is checked with a real call (GET /v1/me, which also says its
 * role) before it is kept in sessionStorage; it never goes into a URL: the form is handled here
 * and its fields have no `name`, so even a form the browser sent itself would carry nothing.
 *
 * @tagname tandem-sign-in
 * @event tandem-signed-in - The key works; `detail` holds the session and what the key is.
 */
export class TandemSignIn extends LitElement {
  static override styles = styles;

  /** Why the person is here again, e.g. their key stopped working. */
  @property({ attribute: false }) notice = '';
  @state() private error = '';
  @state() private checking = false;

  override render() {
    return html`
      <form @submit=${this.signIn} novalidate>
        <h1>Sign in to Tandem</h1>
        <p class="hint muted">
          Use a secret key (<code>sk_…</code>) of your site. Its role (admin, support or PR) decides what you can do here.
          The key stays in this browser tab until you sign out or close it.
        </p>
        <p class="notice" role="status">${this.notice}</p>
        <label for="key">Secret key</label>
        <input
          id="key"
          type="password"
          autocomplete="off"
          spellcheck="false"
          required
          aria-invalid=${this.error ? 'true' : 'false'}
          aria-describedby="error"
        />
        <label for="actor">Your name <span class="muted">(optional, shown in the log)</span></label>
        <input id="actor" type="text" autocomplete="name" maxlength="100" />
        <p id="error" class="error" role="alert">${this.error}</p>
        <button class="primary" type="submit" ?disabled=${this.checking}>${this.checking ? 'Checking…' : 'Sign in'}</button>
      </form>
    `;
  }

  override firstUpdated(): void {
    this.keyField.focus();
  }

  private get keyField() {
    return this.renderRoot.querySelector<HTMLInputElement>('#key')!;
  }

  private async signIn(event: SubmitEvent) {
    event.preventDefault();
    const secretKey = this.keyField.value.trim();
    const actor = this.renderRoot.querySelector<HTMLInputElement>('#actor')!.value.trim();
    if (!secretKey.startsWith('sk_')) {
      this.error = 'Enter a secret key: it starts with sk_. A publishable key (pk_…) cannot sign in.';
      this.keyField.focus();
      return;
    }
    this.checking = true;
    this.error = '';
    try {
      const session = { secretKey, actor };
      const me = await clientFor(session).me();
      saveSession(session);
      this.keyField.value = '';
      this.dispatchEvent(dashboardEvent('tandem-signed-in', { session, me }));
    } catch (e) {
      this.error =
        e instanceof TandemError && e.code === 'unauthorized'
          ? 'This key does not work: it is unknown, revoked, or not a secret key.'
          : `Could not check the key: ${e instanceof Error ? e.message : String(e)}`;
      this.keyField.focus();
    } finally {
      this.checking = false;
    }
  }
}
