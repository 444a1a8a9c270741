/**
 * Support's work on a message (status, assignee, a route override, internal notes), each change
 * logged in feedback_events with the key, role and person that made it.
 */
import type { Route } from '@tandem/triage';
import { newId } from '../lib/ids.js';
import type { Feedback } from '../schemas/feedback.js';
import type { ByWhom, FeedbackDetail, FeedbackEvent, Invitation } from '../schemas/inbox.js';
import { EFFECTIVE_ROUTES, findFeedback } from './feedback.js';
import { listInvitations } from './invitations.js';

export type Change =
  | { kind: 'status'; value: Feedback['status'] }
  | { kind: 'assignee'; value: string | null }
  /** `override` null gives the message back its triage routes; `routes` is what it goes to after. */
  | { kind: 'routes'; override: Route[] | null; routes: Route[]; reason: string | null };

// The column each change sets, and its current value as JSON (for the log's "from").
const FIELDS = {
  status: { column: 'status', current: 'json_quote(status)' },
  assignee: { column: 'assignee', current: 'json_quote(assignee)' },
  routes: { column: 'routes_override', current: EFFECTIVE_ROUTES },
} as const;

/**
 * Applies one change and logs it in the same transaction, so the log's "from" is the value the
 * change replaced even when two agents act at once. Setting what is already there logs nothing.
 * Returns false when the site has no such message.
 */
export async function changeFeedback(
  db: D1Database,
  siteId: string,
  id: string,
  change: Change,
  by: ByWhom,
  now: string,
): Promise<boolean> {
  const [, updated] = await db.batch(changeFeedbackStatements(db, siteId, id, change, by, now));
  return updated!.meta.changes === 1;
}

/**
 * changeFeedback's two statements (the log, then the change), to run in one batch with what must
 * be written with them: the second's `meta.changes` is 0 when the site has no such message.
 */
export function changeFeedbackStatements(
  db: D1Database,
  siteId: string,
  id: string,
  change: Change,
  by: ByWhom,
  now: string,
): [D1PreparedStatement, D1PreparedStatement] {
  const { column, current } = FIELDS[change.kind];
  const [stored, after] =
    change.kind === 'routes'
      ? [change.override && JSON.stringify(change.override), JSON.stringify(change.routes)]
      : [change.value, JSON.stringify(change.value)];
  const reason = change.kind === 'routes' ? change.reason : null;
  return [
    db
      .prepare(
        `INSERT INTO feedback_events
           (id, site_id, feedback_id, kind, old_value, new_value, reason, key_id, role, actor, created_at)
         SELECT ?1, site_id, id, ?4, ${current}, ?5, ?6, ?7, ?8, ?9, ?10 FROM feedback
          WHERE id = ?3 AND site_id = ?2 AND ${current} IS NOT ?5`,
      )
      .bind(newId('ev'), siteId, id, change.kind, after, reason, by.keyId, by.role, by.actor, now),
    db.prepare(`UPDATE feedback SET ${column} = ?3 WHERE id = ?1 AND site_id = ?2`).bind(id, siteId, stored),
  ];
}

/** Adds an internal note to one of the site's messages; null when the site has no such message. */
export async function addNote(
  db: D1Database,
  siteId: string,
  id: string,
  text: string,
  by: ByWhom,
  now: string,
): Promise<FeedbackEvent | null> {
  const row = await db
    .prepare(
      `INSERT INTO feedback_events
         (id, site_id, feedback_id, kind, old_value, new_value, reason, key_id, role, actor, created_at)
       SELECT ?1, site_id, id, 'note', 'null', ?4, NULL, ?5, ?6, ?7, ?8 FROM feedback WHERE id = ?3 AND site_id = ?2
       RETURNING ${EVENT_COLUMNS}`,
    )
    .bind(newId('ev'), siteId, id, JSON.stringify(text), by.keyId, by.role, by.actor, now)
    .first<EventRow>();
  return row && toEvent(row);
}

/**
 * One message with the override's who, when and why, its log and the invitations sent after it,
 * oldest first; null for another site's. Opened with every message in the inbox: the three reads
 * go at once.
 */
export async function findFeedbackDetail(db: D1Database, siteId: string, id: string): Promise<FeedbackDetail | null> {
  const [feedback, details] = await Promise.all([findFeedback(db, siteId, id), detailsOf(db, siteId, [id])]);
  return feedback && withDetails(feedback, details);
}

/**
 * Several of the site's messages with their details, in the same order, in two reads whatever
 * their number (an export must stay within the Workers' queries per request).
 */
export async function feedbackDetails(db: D1Database, siteId: string, messages: Feedback[]): Promise<FeedbackDetail[]> {
  const details = await detailsOf(db, siteId, messages.map((f) => f.id));
  return messages.map((feedback) => withDetails(feedback, details));
}

type Details = { events: (EventRow & { feedback_id: string })[]; invitations: Map<string, Invitation[]> };

/** The logs and invitations of these messages, in two reads. */
async function detailsOf(db: D1Database, siteId: string, ids: string[]): Promise<Details> {
  const [{ results: events }, invitations] = await Promise.all([
    db
      .prepare(
        `SELECT feedback_id, ${EVENT_COLUMNS} FROM feedback_events
          WHERE site_id = ? AND feedback_id IN (SELECT value FROM json_each(?)) ORDER BY id`,
      )
      .bind(siteId, JSON.stringify(ids))
      .all<EventRow & { feedback_id: string }>(),
    listInvitations(db, siteId, ids),
  ]);
  return { events, invitations };
}

function withDetails(feedback: Feedback, { events: rows, invitations }: Details): FeedbackDetail {
  const events = rows.filter((r) => r.feedback_id === feedback.id).map(toEvent);
  const overridden = feedback.triageRoutes && events.filter((e) => e.kind === 'routes').at(-1);
  return {
    ...feedback,
    override: overridden ? { by: overridden.by, at: overridden.at, reason: overridden.reason } : null,
    events,
    invitations: invitations.get(feedback.id) ?? [],
  };
}

const EVENT_COLUMNS = 'id, kind, old_value, new_value, reason, key_id, role, actor, created_at';

interface EventRow {
  id: string;
  kind: FeedbackEvent['kind'];
  old_value: string;
  new_value: string;
  reason: string | null;
  key_id: string;
  role: ByWhom['role'];
  actor: string | null;
  created_at: string;
}

function toEvent(row: EventRow): FeedbackEvent {
  return {
    id: row.id,
    kind: row.kind,
    from: JSON.parse(row.old_value),
    to: JSON.parse(row.new_value),
    reason: row.reason,
    by: { keyId: row.key_id, role: row.role, actor: row.actor },
    at: row.created_at,
  };
}
