import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { TandemError, type AdminClient } from '@tandem/sdk/admin';
import { dashboardEvent, type FeedbackDetail } from '../events.js';
import {
  customerName,
  labelName,
  ratingText,
  ROUTE_NAMES,
  ROUTES,
  safeHttpUrl,
  STATUS_NAMES,
  STATUSES,
  urgencyName,
  when,
  whenWithZone,
  type Status,
} from '../format.js';
import { can, ROLE_NAMES, type Role } from '../session.js';
import { styles } from './feedback-detail.styles.js';

type LogEntry = FeedbackDetail['events'][number];
type Invitation = FeedbackDetail['invitations'][number];
/** The link just made: shown once by the API, so only here until another message is opened. */
type NewInvitation = Awaited<ReturnType<AdminClient['feedback']['invite']>>;
type Team = (typeof ROUTES)[number];

/**
 * One message in full, for the person working it: the customer's words (always as text), rating,
 * page, browser, contact, the triage's reasons and confidence, and the log. Admin and support
 * keys change its status, assignee and teams; every role may add an internal note. Each change
 * is a call to the API, whose answer replaces what is shown.
 *
 * Closing the loop: on a resolved complaint with an email, admin and support keys invite the
 * customer to say how it went (a link to copy or send by email); the invitations sent and their
 * answers are listed, and an answer links back to the message it followed.
 *
 * @tagname tandem-feedback-detail
 * @event tandem-feedback-changed - The message changed; `detail` is it as the API answered.
 * @event tandem-announce - Words for the page's live region ("Resolved.").
 */
export class TandemFeedbackDetail extends LitElement {
  static override styles = styles;

  @property({ attribute: false }) client?: AdminClient;
  /** The signed-in key's role: what the person may do. */
  @property({ attribute: false }) keyRole: Role = 'pr';
  /** The signed-in person's name, sent as `actor` for the log. */
  @property({ attribute: false }) actor = '';
  @property({ attribute: false }) feedbackId?: string;

  @state() private feedback?: FeedbackDetail;
  @state() private loading = false;
  @state() private busy = false;
  @state() private error = '';
  /** The teams ticked in the form, before they are saved. */
  @state() private teams: Team[] = [];
  @state() private invitation?: NewInvitation;

  #abort?: AbortController;

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('feedbackId') || changed.has('client')) void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort?.abort();
  }

  private async load() {
    this.#abort?.abort();
    this.error = '';
    if (!this.client || !this.feedbackId) {
      this.feedback = undefined;
      return;
    }
    const abort = (this.#abort = new AbortController());
    this.loading = true;
    try {
      const feedback = await this.client.feedback.get(this.feedbackId, { signal: abort.signal });
      if (abort.signal.aborted) return;
      this.show(feedback);
    } catch (e) {
      if (abort.signal.aborted) return;
      this.feedback = undefined;
      this.error = message(e);
    }
    this.loading = false;
  }

  private show(feedback: FeedbackDetail) {
    const other = feedback.id !== this.feedback?.id;
    if (other) this.invitation = undefined;
    this.feedback = feedback;
    this.teams = [...feedback.routes] as Team[];
    // The fields are reused from message to message: what was typed for one never carries over.
    if (other) {
      void this.updateComplete.then(() => {
        for (const field of this.renderRoot.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('#note, #reason')) field.value = '';
        const assignee = this.renderRoot.querySelector<HTMLInputElement>('#assignee');
        if (assignee) assignee.value = feedback.assignee ?? '';
      });
    }
  }

  /** Runs one change; shows the API's answer, tells the inbox and the live region. */
  private async change(action: (client: AdminClient, id: string) => Promise<FeedbackDetail | void>, done: string) {
    const { client, feedback } = this;
    if (!client || !feedback || this.busy) return false;
    // The pane still shows the message before while the one picked loads: act on neither.
    if (feedback.id !== this.feedbackId) {
      this.dispatchEvent(dashboardEvent('tandem-announce', { message: 'The message is still opening: try again in a moment.' }));
      return false;
    }
    this.busy = true;
    this.error = '';
    try {
      const changed = (await action(client, feedback.id)) ?? (await client.feedback.get(feedback.id));
      this.dispatchEvent(dashboardEvent('tandem-feedback-changed', changed));
      // Another message may be open by now: say it was done, but show the answer only where it belongs.
      if (this.feedback?.id !== changed.id) {
        this.dispatchEvent(dashboardEvent('tandem-announce', { message: `${done} (on the message before)` }));
        return false;
      }
      this.show(changed);
      this.dispatchEvent(dashboardEvent('tandem-announce', { message: done }));
      return true;
    } catch (e) {
      this.error = message(e);
      return false;
    } finally {
      this.busy = false;
    }
  }

  private get by() {
    return this.actor ? { actor: this.actor } : {};
  }

  /** Sets the status (the `r` shortcut resolves). */
  setStatus(status: Status) {
    if (!can.workInbox(this.keyRole) || this.feedback?.status === status) return;
    void this.change((c, id) => c.feedback.setStatus(id, { status, ...this.by }), `${STATUS_NAMES[status]}.`);
  }

  /** Puts the cursor in the assignee field (the `a` shortcut). */
  focusAssignee() {
    this.renderRoot.querySelector<HTMLInputElement>('#assignee')?.focus();
  }

  /** Puts the cursor in the note field (the `n` shortcut). */
  focusNote() {
    this.renderRoot.querySelector<HTMLTextAreaElement>('#note')?.focus();
  }

  private assign(event: SubmitEvent) {
    event.preventDefault();
    const value = this.renderRoot.querySelector<HTMLInputElement>('#assignee')!.value.trim();
    const assignee = value || null;
    if (assignee === this.feedback?.assignee) return;
    void this.change((c, id) => c.feedback.assign(id, { assignee, ...this.by }), assignee ? `Assigned to ${assignee}.` : 'Unassigned.');
  }

  private async assignTo(assignee: string | null) {
    const field = this.renderRoot.querySelector<HTMLInputElement>('#assignee');
    if (field) field.value = assignee ?? '';
    const done = await this.change((c, id) => c.feedback.assign(id, { assignee, ...this.by }), assignee ? `Assigned to ${assignee}.` : 'Unassigned.');
    // "Assign to me" and "Unassign" go once they are done: focus stays in the assignee's form.
    await this.updateComplete;
    if (done && !this.shadowRoot?.activeElement) this.renderRoot.querySelector<HTMLInputElement>('#assignee')?.focus();
  }

  private toggleTeam(team: Team, on: boolean) {
    this.teams = ROUTES.filter((t) => (t === team ? on : this.teams.includes(t)));
  }

  private async correctRoutes(event: SubmitEvent) {
    event.preventDefault();
    const reasonField = this.renderRoot.querySelector<HTMLInputElement>('#reason')!;
    const reason = reasonField.value.trim();
    const routes = this.teams;
    const saved = await this.change(
      (c, id) => c.feedback.overrideRoutes(id, { routes, ...(reason && { reason }), ...this.by }),
      `Teams set to ${routes.map((r) => ROUTE_NAMES[r]).join(', ')}.`,
    );
    if (saved) reasonField.value = '';
  }

  private async addNote(event: SubmitEvent) {
    event.preventDefault();
    const field = this.renderRoot.querySelector<HTMLTextAreaElement>('#note')!;
    const text = field.value.trim();
    if (!text) {
      this.error = 'Write the note first.';
      field.focus();
      return;
    }
    const saved = await this.change(async (c, id) => {
      await c.feedback.addNote(id, { text, ...this.by });
    }, 'Note added.');
    if (saved) field.value = '';
  }

  private async invite() {
    let made: NewInvitation | undefined;
    const sent = await this.change(async (c, id) => {
      made = await c.feedback.invite(id, this.by);
    }, 'Invitation link ready: copy it or email it to the customer.');
    if (sent && made) {
      this.invitation = made;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('#invitation-link')?.focus();
    }
  }

  private async copyLink() {
    if (!this.invitation) return;
    try {
      await navigator.clipboard.writeText(this.invitation.url);
      this.dispatchEvent(dashboardEvent('tandem-announce', { message: 'Link copied.' }));
    } catch {
      // No clipboard permission (an insecure origin, a refusal): the field is selected to copy by hand.
      this.renderRoot.querySelector<HTMLInputElement>('#invitation-link')?.select();
      this.error = 'Could not copy: the link is selected, press Ctrl+C (⌘C) to copy it.';
    }
  }

  override render() {
    const f = this.feedback;
    if (!f) {
      return html`<p class="muted">${this.loading ? 'Loading…' : 'Choose a message from the list (or press j).'}</p>
        <p class="error" role="alert">${this.error}</p>`;
    }
    return html`
      <article aria-labelledby="title" aria-busy=${this.loading ? 'true' : 'false'}>
        <h2 id="title" tabindex="-1">${labelName(f.label)} from ${customerName(f)}</h2>
        <div class="badges">
          <span class="badge ${f.urgency}">${urgencyName(f.urgency)} urgency</span>
          <span class="badge">${STATUS_NAMES[f.status]}</span>
          ${f.prRisk ? html`<span class="badge critical">PR risk</span>` : nothing}
          ${f.assignee ? html`<span class="badge">Assigned to ${f.assignee}</span>` : nothing}
        </div>
        <p class="message" data-testid="message">${f.message}</p>
        ${this.renderFacts(f)} ${this.renderTriage(f)}
        <p class="error" role="alert">${this.error}</p>
        ${this.renderActions(f)} ${this.renderLoop(f)}
        <h3>Log</h3>
        ${this.renderLog(f.events)}
      </article>
    `;
  }

  private renderFacts(f: FeedbackDetail) {
    const page = safeHttpUrl(f.pageUrl);
    const { context, user } = f;
    const rating = ratingText(f);
    return html`
      <dl>
        <dt>Received</dt>
        <dd><time datetime=${f.createdAt}>${when(f.createdAt)}</time></dd>
        ${f.invitedAfter
          ? html`<dt>Follow-up</dt>
              <dd class="answers">Answers the invitation sent after <a href="#feedback/${f.invitedAfter}">their earlier message</a></dd>`
          : nothing}
        <dt>Rating</dt>
        <dd>${rating ?? html`<span class="muted">none given</span>`}</dd>
        ${f.category ? html`<dt>Chose</dt><dd>${f.category}</dd>` : nothing}
        <dt>Page</dt>
        <dd>
          ${page
            ? html`<a href=${page} target="_blank" rel="noopener noreferrer">${f.pageUrl}</a>`
            : (f.pageUrl ?? html`<span class="muted">not sent</span>`)}
        </dd>
        <dt>Browser</dt>
        <dd>${context?.userAgent ?? html`<span class="muted">not sent</span>`}</dd>
        ${context?.viewport ? html`<dt>Window</dt><dd>${context.viewport.width} × ${context.viewport.height}</dd>` : nothing}
        ${context?.locale || context?.timezone
          ? html`<dt>Language, time zone</dt><dd>${[context.locale, context.timezone].filter(Boolean).join(', ')}</dd>`
          : nothing}
        <dt>Customer</dt>
        <dd>
          ${f.name ?? user?.name ?? html`<span class="muted">no name</span>`}
          ${user?.id ? html`<span class="muted">(account ${user.id})</span>` : nothing}
        </dd>
        <dt>Contact</dt>
        <dd>
          ${f.email
            ? // Encoded: the customer typed it, and "?", "&" in it would add recipients or a subject.
              html`<a href="mailto:${encodeURIComponent(f.email)}">${f.email}</a>`
            : html`<span class="muted">no email: they cannot be answered</span>`}
        </dd>
        ${f.metadata
          ? html`<dt>From the site</dt>
              <dd>${Object.entries(f.metadata).map(([k, v]) => html`<div>${k}: ${String(v)}</div>`)}</dd>`
          : nothing}
      </dl>
    `;
  }

  private renderTriage(f: FeedbackDetail) {
    const teams = (routes: readonly string[]) => routes.map((r) => ROUTE_NAMES[r as Team] ?? r).join(', ') || 'none';
    return html`
      <h3>Triage</h3>
      <dl>
        <dt>Label</dt>
        <dd>${labelName(f.label)}, confidence ${Math.round(f.confidence * 100)}%</dd>
        <dt>Teams</dt>
        <dd>
          ${teams(f.routes)}
          ${f.triageRoutes
            ? html`<span class="muted">(triage chose ${teams(f.triageRoutes)}; corrected${f.override
                ? html` by ${who(f.override.by)} on ${when(f.override.at)}${f.override.reason ? html`: “${f.override.reason}”` : nothing}`
                : nothing})</span>`
            : nothing}
        </dd>
        ${f.topics.length ? html`<dt>Topics</dt><dd>${f.topics.join(', ')}</dd>` : nothing}
        <dt>Why</dt>
        <dd>
          ${f.reasons.length
            ? html`<ul class="reasons">${f.reasons.map((r) => html`<li>${r}</li>`)}</ul>`
            : html`<span class="muted">no reasons given</span>`}
        </dd>
      </dl>
    `;
  }

  private renderActions(f: FeedbackDetail) {
    const work = can.workInbox(this.keyRole);
    const changed = this.teams.length !== f.routes.length || this.teams.some((t) => !f.routes.includes(t));
    return html`
      <h3>Work on it</h3>
      ${work
        ? html`
            <fieldset>
              <legend>Status</legend>
              <div class="row">
                ${STATUSES.map(
                  (s) =>
                    html`<button type="button" aria-pressed=${f.status === s ? 'true' : 'false'} ?disabled=${this.busy}
                      @click=${() => this.setStatus(s)}>${STATUS_NAMES[s]}</button>`,
                )}
              </div>
            </fieldset>
            <form @submit=${this.assign}>
              <label for="assignee">Assignee</label>
              <div class="row">
                <input id="assignee" type="text" maxlength="100" .value=${f.assignee ?? ''} placeholder="A name or email" />
                <button type="submit" ?disabled=${this.busy}>Assign</button>
                ${this.actor && f.assignee !== this.actor
                  ? html`<button type="button" ?disabled=${this.busy} @click=${() => void this.assignTo(this.actor)}>Assign to me</button>`
                  : nothing}
                ${f.assignee
                  ? html`<button type="button" ?disabled=${this.busy} @click=${() => void this.assignTo(null)}>Unassign</button>`
                  : nothing}
              </div>
            </form>
            <form @submit=${this.correctRoutes}>
              <fieldset>
                <legend>Teams</legend>
                <div class="row">
                  ${ROUTES.map(
                    (t) =>
                      html`<label class="check"
                        ><input type="checkbox" .checked=${this.teams.includes(t)}
                          @change=${(e: Event) => this.toggleTeam(t, (e.target as HTMLInputElement).checked)} />${ROUTE_NAMES[t]}</label
                      >`,
                  )}
                </div>
              </fieldset>
              <label for="reason">Why <span class="muted">(kept in the log)</span></label>
              <div class="row">
                <input id="reason" type="text" maxlength="500" />
                <button type="submit" ?disabled=${this.busy || !changed || !this.teams.length}>Correct teams</button>
              </div>
            </form>
          `
        : html`<p class="muted">Your ${ROLE_NAMES[this.keyRole]} key reads the inbox and adds notes; statuses, assignees and teams are support’s.</p>`}
      ${can.addNote(this.keyRole)
        ? html`<form @submit=${this.addNote}>
            <label for="note">Internal note <span class="muted">(the customer never sees it)</span></label>
            <textarea id="note" maxlength="5000"></textarea>
            <div class="row"><button type="submit" ?disabled=${this.busy}>Add note</button></div>
          </form>`
        : nothing}
    `;
  }

  /** Closing the loop: the invitations sent after this message, and a new one when it may be sent. */
  private renderLoop(f: FeedbackDetail) {
    const email = f.email ?? f.user?.email;
    const mayInvite = can.workInbox(this.keyRole) && f.label === 'complaint' && f.status === 'resolved' && email;
    if (!mayInvite && !f.invitations.length) return nothing;
    return html`
      <h3>How did it go?</h3>
      ${f.invitations.length ? html`<ul class="invitations">${f.invitations.map((i) => this.renderInvitation(i))}</ul>` : nothing}
      ${mayInvite
        ? html`<div class="row">
            <button type="button" ?disabled=${this.busy} @click=${this.invite}>
              ${f.invitations.length ? 'Invite again' : 'Invite to say how it went'}
            </button>
          </div>`
        : nothing}
      ${this.invitation && email ? this.renderNewLink(this.invitation, email) : nothing}
    `;
  }

  private renderInvitation(i: Invitation) {
    return html`<li>
      Invited by ${who(i.by)} on <time datetime=${i.createdAt}>${when(i.createdAt)}</time>:
      ${i.answeredAt
        ? html`answered on <time datetime=${i.answeredAt}>${when(i.answeredAt)}</time>${i.answeredBy
            ? html` (<a href="#feedback/${i.answeredBy}">read the answer</a>)`
            : nothing}`
        : Date.parse(i.expiresAt) < Date.now()
          ? html`<span class="muted">no answer; the link expired</span>`
          : html`<span class="muted">no answer yet; the link works until ${when(i.expiresAt)}</span>`}
    </li>`;
  }

  /** The new link, shown once: to copy, or to send in the agent's own mail program. */
  private renderNewLink(invitation: NewInvitation, email: string) {
    const subject = 'How did it go?';
    const body =
      `Hello,\n\nYou wrote to us a little while ago, and we hope it is sorted now. Would you tell us how it went? ` +
      `It takes a minute:\n\n${invitation.url}\n\nThe link works until ${whenWithZone(invitation.expiresAt)}.\n\nThank you!`;
    const mailto = `mailto:${encodeURIComponent(email)}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
    return html`<div class="new-link">
      <label for="invitation-link">Link to send to ${email} <span class="muted">(shown once)</span></label>
      <div class="row">
        <input id="invitation-link" type="text" readonly .value=${invitation.url} @focus=${(e: FocusEvent) => (e.target as HTMLInputElement).select()} />
        <button type="button" @click=${this.copyLink}>Copy link</button>
        <a class="button" href=${mailto}>Email the customer</a>
      </div>
    </div>`;
  }

  private renderLog(events: LogEntry[]) {
    if (!events.length) return html`<p class="muted">Nothing yet.</p>`;
    return html`<ol class="log">
      ${events.map(
        (e) => html`<li>
          ${e.kind === 'note' ? html`<div class="note-text">${e.to}</div>` : html`<div>${describe(e)}</div>`}
          <div class="muted">${who(e.by)} · <time datetime=${e.at}>${when(e.at)}</time></div>
        </li>`,
      )}
    </ol>`;
  }
}

const who = (by: LogEntry['by']) => `${by.actor ?? 'Someone'} (${ROLE_NAMES[by.role]})`;

function describe(e: LogEntry): string {
  const value = (v: LogEntry['from']) =>
    v === null ? 'nobody' : Array.isArray(v) ? v.map((r) => ROUTE_NAMES[r as Team] ?? r).join(', ') : e.kind === 'status' ? (STATUS_NAMES[v as Status] ?? v) : v;
  const what = { status: 'Status', assignee: 'Assignee', routes: 'Teams', note: 'Note' }[e.kind];
  return `${what}: ${value(e.from)} → ${value(e.to)}${e.reason ? ` (“${e.reason}”)` : ''}`;
}

function message(e: unknown): string {
  if (e instanceof TandemError) return e.detail ?? e.message;
  return e instanceof Error ? e.message : String(e);
}
