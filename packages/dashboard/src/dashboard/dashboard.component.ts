import { LitElement, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { TandemError, type AdminClient } from '@tandem/sdk/admin';
import type { AnnounceDetail, SignedInDetail, SignOutDetail } from '../events.js';
import { clearSession, clientFor, ROLE_NAMES, savedSession, sectionFor, sectionsFor, type Me, type SectionId, type Session } from '../session.js';
import { styles } from './dashboard.styles.js';
import '../sign-in/sign-in.js';
import '../inbox/inbox.js';
import '../settings/settings.js';
import '../studio/studio.js';

type View = { name: 'checking' } | { name: 'signed-out'; notice?: string } | { name: 'failed'; message: string } | { name: 'signed-in' };

/**
 * The whole dashboard: sign-in, then the parts the key's role may use, under a header with the
 * site, the person and "Sign out". A key kept from earlier in this tab is checked again (GET
 * /v1/me) before anything shows: a revoked key signs the person out.
 *
 * @tagname tandem-dashboard
 */
export class TandemDashboard extends LitElement {
  static override styles = styles;

  @state() private view: View = { name: 'checking' };
  @state() private announcement = '';
  @state() private insightsFailed = false;
  private insightsLoad?: Promise<unknown>;
  /** The part shown, from the address fragment (#inbox, #studio, #insights, #settings). */
  @state() private section: SectionId = 'inbox';
  private session?: Session;
  private me?: Me;
  private client?: AdminClient;

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('tandem-announce', this.announce);
    this.addEventListener('tandem-sign-out', this.signedOut);
    window.addEventListener('hashchange', this.followAddress);
    void this.resume();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('tandem-announce', this.announce);
    this.removeEventListener('tandem-sign-out', this.signedOut);
    window.removeEventListener('hashchange', this.followAddress);
  }

  /** Shows the part the fragment names, or the role's first when it names none it may open. */
  private followAddress = () => {
    if (!this.me) return;
    const section = sectionFor(location.hash, this.me.role);
    if (section !== this.section) {
      this.show(section);
      this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#main')?.focus());
    }
  };

  private show(section: SectionId) {
    // Insights carries the charting library, most of the dashboard's weight: it loads on first
    // use, once. A failed load (offline, or a deploy since the tab opened renamed the chunk) says
    // so, and the next visit tries again.
    if (section === 'insights' && !this.insightsLoad) {
      this.insightsFailed = false;
      this.insightsLoad = import('../insights/insights.js').catch(() => {
        this.insightsLoad = undefined;
        this.insightsFailed = true;
      });
    }
    this.section = section;
  }

  /** Picks up the session this tab kept, if its key still works. */
  private async resume() {
    const session = savedSession();
    if (!session) {
      this.view = { name: 'signed-out' };
      return;
    }
    try {
      this.start(session, await clientFor(session).me());
    } catch (e) {
      if (e instanceof TandemError && (e.code === 'unauthorized' || e.code === 'invalid_config')) {
        clearSession();
        this.view = { name: 'signed-out', notice: 'Your key no longer works. Sign in with another.' };
      } else {
        this.view = { name: 'failed', message: e instanceof Error ? e.message : String(e) };
      }
    }
  }

  private start(session: Session, me: Me) {
    this.session = session;
    this.me = me;
    this.client = clientFor(session);
    this.show(sectionFor(location.hash, me.role));
    this.view = { name: 'signed-in' };
  }

  private signedIn = (event: CustomEvent<SignedInDetail>) => {
    this.start(event.detail.session, event.detail.me);
    this.announcement = `Signed in to ${event.detail.me.site.name} as ${ROLE_NAMES[event.detail.me.role]}.`;
  };

  private signOut = (notice = 'You are signed out.') => {
    clearSession();
    this.session = this.me = this.client = undefined;
    this.view = { name: 'signed-out', notice };
  };

  private signedOut = (event: CustomEvent<SignOutDetail>) => this.signOut(event.detail.notice);

  private announce = (event: CustomEvent<AnnounceDetail>) => {
    // The same words twice are still news: clear first so the live region speaks again.
    this.announcement = '';
    requestAnimationFrame(() => (this.announcement = event.detail.message));
  };

  override render() {
    return html`${this.renderView()}<p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>`;
  }

  private renderView() {
    switch (this.view.name) {
      case 'checking':
        return html`<p class="loading muted">Loading…</p>`;
      case 'failed':
        return html`<div class="failed" role="alert">
          <p>Could not reach Tandem: ${this.view.message}</p>
          <button @click=${() => this.resume()}>Try again</button>
        </div>`;
      case 'signed-out':
        return html`<main><tandem-sign-in .notice=${this.view.notice ?? ''} @tandem-signed-in=${this.signedIn}></tandem-sign-in></main>`;
      case 'signed-in':
        return this.renderSignedIn(this.me!);
    }
  }

  private renderSignedIn(me: Me) {
    const sections = sectionsFor(me.role);
    return html`
      <a class="skip" href="#main" @click=${this.skipToMain}>Skip to the content</a>
      <header>
        <p class="brand">Tandem <span class="muted">· ${me.site.name}</span></p>
        <nav aria-label="Dashboard">
          <ul>
            ${sections.map(
              (s) => html`<li><a href="#${s.id}" aria-current=${s.id === this.section ? 'page' : 'false'}>${s.label}</a></li>`,
            )}
          </ul>
        </nav>
        <div class="who">
          <span>
            ${this.session?.actor ? html`${this.session.actor} · ` : nothing}<span class="badge" data-role=${me.role}
              >${ROLE_NAMES[me.role]}</span
            >
          </span>
          <button type="button" @click=${() => this.signOut()}>Sign out</button>
        </div>
      </header>
      <main id="main" tabindex="-1">${this.renderSection(me)}</main>
    `;
  }

  private renderSection(me: Me) {
    const actor = this.session?.actor ?? '';
    switch (this.section) {
      case 'inbox':
        return html`<tandem-inbox .client=${this.client} .keyRole=${me.role} .actor=${actor}></tandem-inbox>`;
      case 'studio':
        return html`<tandem-studio .client=${this.client} .keyRole=${me.role} .actor=${actor}></tandem-studio>`;
      case 'insights':
        if (this.insightsFailed) {
          return html`<div class="failed" role="alert">
            <h1>Insights</h1>
            <p>Insights could not load. Reload the page to try again.</p>
            <button type="button" @click=${() => location.reload()}>Reload</button>
          </div>`;
        }
        return html`<tandem-insights .client=${this.client} .keyRole=${me.role}></tandem-insights>`;
      case 'settings':
        return html`<tandem-settings .client=${this.client} .me=${me} .actor=${actor}></tandem-settings>`;
    }
  }

  private skipToMain(event: Event) {
    // The target is inside this shadow root, where a fragment link cannot reach.
    event.preventDefault();
    this.renderRoot.querySelector<HTMLElement>('#main')?.focus();
  }
}
