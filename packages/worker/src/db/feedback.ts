import type { Decision, Route } from '@tandem/triage';
import type { Feedback, FeedbackInput } from '../schemas/feedback.js';

export interface FeedbackRow {
  id: string;
  message: string;
  rating: number | null;
  score: number | null;
  category: Feedback['category'];
  email: string | null;
  name: string | null;
  consent_publish: 0 | 1;
  consent_at: string | null;
  consent_version: string | null;
  page_url: string | null;
  metadata: string | null;
  context: string | null;
  user_id: string | null;
  user_email: string | null;
  user_name: string | null;
  signals: string | null;
  label: Feedback['label'];
  routes: string;
  sentiment: number;
  confidence: number;
  reasons: string;
  urgency: Feedback['urgency'];
  topics: string;
  pr_risk: 0 | 1;
  status: Feedback['status'];
  assignee: string | null;
  routes_override: string | null;
  request_hash: string | null;
  follow_up_token: string;
  invited_after: string | null;
  created_at: string;
}

export interface NewFeedback {
  id: string;
  siteId: string;
  input: FeedbackInput;
  decision: Decision;
  idempotencyKey: string | null;
  requestHash: string;
  followUpToken: string;
  /** The complaint whose invitation this message answers. */
  invitedAfter?: string | null;
  createdAt: string;
}

export interface StoredFeedback {
  feedback: Feedback;
  /** Hash of the request that created it, to tell a true retry from a reused idempotency key. */
  requestHash: string | null;
  followUpToken: string;
}

/** Where a message goes: a person's override, else the triage's routes. */
export const EFFECTIVE_ROUTES = 'COALESCE(feedback.routes_override, feedback.routes)';

export const COLUMNS = `id, message, rating, score, category, email, name, consent_publish, consent_at, consent_version,
  page_url, metadata, context, user_id, user_email, user_name, signals, label, routes, sentiment, confidence,
  reasons, urgency, topics, pr_risk, status, assignee, routes_override, request_hash, follow_up_token, invited_after, created_at`;

/** The email and name a message is stored with: what the customer typed wins over what the site knows. */
export function contactOf(input: FeedbackInput): { email: string | null; name: string | null } {
  return { email: input.email ?? input.user?.email ?? null, name: input.name ?? input.user?.name ?? null };
}

/**
 * Stores one message with its decision. Returns false, storing nothing, when the site already
 * has a message with this idempotency key (a retry); the caller then answers from that row.
 */
export async function insertFeedback(db: D1Database, f: NewFeedback): Promise<boolean> {
  const result = await insertFeedbackStatement(db, f).run();
  return result.meta.changes === 1;
}

/** insertFeedback as a statement, to run in one batch with what must be written with it. */
export function insertFeedbackStatement(db: D1Database, f: NewFeedback): D1PreparedStatement {
  const { input, decision } = f;
  const consent = input.consent?.publish === true;
  const contact = contactOf(input);
  const json = (value: object | undefined) => (value ? JSON.stringify(value) : null);
  return db
    .prepare(
      `INSERT INTO feedback (id, site_id, message, rating, score, category, email, name, consent_publish,
         consent_at, consent_version, page_url, metadata, context, user_id, user_email, user_name, signals,
         label, routes, sentiment, confidence, reasons, urgency, topics, pr_risk, idempotency_key, request_hash,
         follow_up_token, invited_after, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (site_id, idempotency_key) DO NOTHING`,
    )
    .bind(
      f.id,
      f.siteId,
      input.message,
      input.rating ?? null,
      input.score ?? null,
      input.category ?? null,
      contact.email,
      contact.name,
      consent ? 1 : 0,
      consent ? f.createdAt : null,
      input.consent?.version ?? null,
      input.pageUrl ?? null,
      json(input.metadata),
      json(input.context),
      input.user?.id ?? null,
      input.user?.email ?? null,
      input.user?.name ?? null,
      json(input.signals),
      decision.label,
      JSON.stringify(decision.routes),
      decision.sentiment,
      decision.confidence,
      JSON.stringify(decision.reasons),
      decision.urgency,
      JSON.stringify(decision.topics),
      decision.prRisk ? 1 : 0,
      f.idempotencyKey,
      f.requestHash,
      f.followUpToken,
      f.invitedAfter ?? null,
      f.createdAt,
    );
}

export async function findByIdempotencyKey(
  db: D1Database,
  siteId: string,
  key: string,
): Promise<StoredFeedback | null> {
  const row = await db
    .prepare(`SELECT ${COLUMNS} FROM feedback WHERE site_id = ? AND idempotency_key = ?`)
    .bind(siteId, key)
    .first<FeedbackRow>();
  return row && { feedback: toFeedback(row), requestHash: row.request_hash, followUpToken: row.follow_up_token };
}

/** What a follow-up checks before changing anything. */
export interface FollowUpTarget {
  followUpToken: string;
  createdAt: string;
  email: string | null;
  name: string | null;
}

/** One of the site's feedback, as far as a follow-up needs it; null for another site's. */
export async function findFollowUpTarget(db: D1Database, siteId: string, id: string): Promise<FollowUpTarget | null> {
  return db
    .prepare(
      `SELECT follow_up_token AS followUpToken, created_at AS createdAt, email, name
         FROM feedback WHERE id = ? AND site_id = ?`,
    )
    .bind(id, siteId)
    .first<FollowUpTarget>();
}

export interface FollowUp {
  email?: string;
  name?: string;
  consent?: { publish: boolean; version?: string };
}

/** What the feedback holds after a follow-up, without the private details themselves. */
export interface FollowUpResult {
  hasEmail: boolean;
  hasName: boolean;
  publish: boolean;
}

/**
 * Adds what the customer left out after sending: an email or a name only where there is none
 * (the same one again is a retry, not a change), and consent given (consent_at becomes now) or
 * withdrawn (consent_at cleared). Changes nothing and returns null when the feedback already has
 * a different email or name, also when another request set it a moment ago.
 */
export async function addFollowUp(
  db: D1Database,
  siteId: string,
  id: string,
  { email, name, consent }: FollowUp,
  now: string,
): Promise<FollowUpResult | null> {
  const publish = consent === undefined ? null : consent.publish ? 1 : 0;
  const row = await db
    .prepare(
      `UPDATE feedback SET
         email = COALESCE(?3, email),
         name = COALESCE(?4, name),
         consent_publish = COALESCE(?5, consent_publish),
         consent_at = CASE ?5 WHEN 1 THEN ?7 WHEN 0 THEN NULL ELSE consent_at END,
         consent_version = COALESCE(?6, consent_version)
       WHERE id = ?1 AND site_id = ?2
         AND (?3 IS NULL OR email IS NULL OR email = ?3)
         AND (?4 IS NULL OR name IS NULL OR name = ?4)
       RETURNING email IS NOT NULL AS has_email, name IS NOT NULL AS has_name, consent_publish`,
    )
    .bind(id, siteId, email ?? null, name ?? null, publish, consent?.version ?? null, now)
    .first<{ has_email: 0 | 1; has_name: 0 | 1; consent_publish: 0 | 1 }>();
  return row && { hasEmail: row.has_email === 1, hasName: row.has_name === 1, publish: row.consent_publish === 1 };
}

export interface ListFilter {
  /** Sent to this team, after any override. */
  route?: Route;
  label?: Feedback['label'];
  /** A status, or `open`: new or in progress. */
  status?: Feedback['status'] | 'open';
  assignee?: string;
  urgency?: Feedback['urgency'];
  /** Only messages whose customer threatens to go public (true), or only the others (false). */
  prRisk?: boolean;
  /** Words the message contains (case-insensitive for ASCII). */
  q?: string;
  /** Received at or after / before these times, written as stored (UTC with milliseconds) to compare as text. */
  from?: string;
  to?: string;
  /** Only feedback older than this id (ids sort by time). */
  before?: string;
  limit: number;
}

/**
 * Every message of the site from this email, as typed or as the site gave it (identify), and the
 * answers to invitations sent to it (which may carry no email), newest first.
 */
export async function listCustomerFeedback(db: D1Database, siteId: string, email: string): Promise<Feedback[]> {
  const theirs = 'site_id = ?1 AND (lower(email) = lower(?2) OR lower(user_email) = lower(?2))';
  const { results } = await db
    .prepare(
      `SELECT ${COLUMNS} FROM feedback
        WHERE ${theirs} OR (site_id = ?1 AND invited_after IN (SELECT id FROM feedback WHERE ${theirs}))
        ORDER BY id DESC`,
    )
    .bind(siteId, email)
    .all<FeedbackRow>();
  return results.map(toFeedback);
}

/** One message of the site, or null when the site has none with this id. */
export async function findFeedback(db: D1Database, siteId: string, id: string): Promise<Feedback | null> {
  const row = await db.prepare(`SELECT ${COLUMNS} FROM feedback WHERE site_id = ? AND id = ?`).bind(siteId, id).first<FeedbackRow>();
  return row && toFeedback(row);
}

/**
 * One page of a site's feedback, newest first, and whether more follow. Only the filters given
 * become conditions, so SQLite can walk an index that starts with the site and ends with the id
 * (by urgency for the inbox, by label for the studio, PR risks) and stop after a page, even on a
 * site with 10,000 messages.
 */
export async function listFeedback(db: D1Database, siteId: string, filter: ListFilter): Promise<{ items: Feedback[]; hasMore: boolean }> {
  const where = listConditions(filter);
  const { results } = await db
    .prepare(`SELECT ${COLUMNS} FROM feedback WHERE ${where.sql} ORDER BY id DESC LIMIT ?`)
    .bind(siteId, ...where.values, filter.limit + 1)
    .all<FeedbackRow>();
  return { items: results.slice(0, filter.limit).map(toFeedback), hasMore: results.length > filter.limit };
}

/** The WHERE clause of listFeedback (after the site, bound first) and its values, in order. */
export function listConditions({ route, label, status, assignee, urgency, prRisk, q, from, to, before }: ListFilter) {
  const conditions = ['site_id = ?'];
  const values: (string | number)[] = [];
  const where = (sql: string, value: string | number) => (conditions.push(sql), values.push(value));
  if (before !== undefined) where('id < ?', before);
  if (route !== undefined) where(`EXISTS (SELECT 1 FROM json_each(${EFFECTIVE_ROUTES}) WHERE value = ?)`, route);
  if (label !== undefined) where('label = ?', label);
  if (status === 'open') conditions.push("status IN ('new', 'in_progress')");
  else if (status !== undefined) where('status = ?', status);
  if (urgency !== undefined) where('urgency = ?', urgency);
  if (prRisk !== undefined) where('pr_risk = ?', prRisk ? 1 : 0);
  // The customer's words are matched as written: % and _ are not wildcards.
  if (q !== undefined) where("message LIKE '%' || ? || '%' ESCAPE '\\'", q.replace(/[\\%_]/g, '\\$&'));
  if (from !== undefined) where('created_at >= ?', from);
  if (to !== undefined) where('created_at < ?', to);
  if (assignee !== undefined) where('assignee = ?', assignee);
  return { sql: conditions.join(' AND '), values };
}

export function toFeedback(row: FeedbackRow): Feedback {
  const parse = (json: string | null) => (json === null ? null : JSON.parse(json));
  const user = {
    ...(row.user_id !== null && { id: row.user_id }),
    ...(row.user_email !== null && { email: row.user_email }),
    ...(row.user_name !== null && { name: row.user_name }),
  };
  return {
    id: row.id,
    message: row.message,
    rating: row.rating,
    score: row.score,
    category: row.category,
    email: row.email,
    name: row.name,
    consent: { publish: row.consent_publish === 1, givenAt: row.consent_at, version: row.consent_version },
    pageUrl: row.page_url,
    metadata: parse(row.metadata),
    context: parse(row.context),
    user: Object.keys(user).length ? user : null,
    signals: parse(row.signals),
    label: row.label,
    routes: JSON.parse(row.routes_override ?? row.routes),
    triageRoutes: row.routes_override === null ? null : JSON.parse(row.routes),
    sentiment: row.sentiment,
    confidence: row.confidence,
    reasons: JSON.parse(row.reasons),
    urgency: row.urgency,
    topics: JSON.parse(row.topics),
    prRisk: row.pr_risk === 1,
    status: row.status,
    assignee: row.assignee,
    invitedAfter: row.invited_after,
    createdAt: row.created_at,
  };
}
