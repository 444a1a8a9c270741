import type { Decision, Route } from '@tandem/triage';
import type { Feedback, FeedbackInput } from '../schemas/feedback.js';

interface FeedbackRow {
  id: string;
  message: string;
  rating: number | null;
  category: Feedback['category'];
  email: string | null;
  name: string | null;
  consent_publish: 0 | 1;
  consent_at: string | null;
  page_url: string | null;
  metadata: string | null;
  label: Feedback['label'];
  routes: string;
  sentiment: number;
  confidence: number;
  reasons: string;
  status: string;
  request_hash: string | null;
  created_at: string;
}

export interface NewFeedback {
  id: string;
  siteId: string;
  input: FeedbackInput;
  decision: Decision;
  idempotencyKey: string | null;
  requestHash: string;
  createdAt: string;
}

export interface StoredFeedback {
  feedback: Feedback;
  /** Hash of the request that created it, to tell a true retry from a reused idempotency key. */
  requestHash: string | null;
}

const COLUMNS = `id, message, rating, category, email, name, consent_publish, consent_at, page_url,
  metadata, label, routes, sentiment, confidence, reasons, status, request_hash, created_at`;

/**
 * Stores one message with its decision. Returns false, storing nothing, when the site already
 * has a message with this idempotency key (a retry); the caller then answers from that row.
 */
export async function insertFeedback(db: D1Database, f: NewFeedback): Promise<boolean> {
  const { input, decision } = f;
  const consent = input.consent?.publish === true;
  const result = await db
    .prepare(
      `INSERT INTO feedback (id, site_id, message, rating, category, email, name, consent_publish,
         consent_at, page_url, metadata, label, routes, sentiment, confidence, reasons,
         idempotency_key, request_hash, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (site_id, idempotency_key) DO NOTHING`,
    )
    .bind(
      f.id,
      f.siteId,
      input.message,
      input.rating ?? null,
      input.category ?? null,
      input.email ?? null,
      input.name ?? null,
      consent ? 1 : 0,
      consent ? f.createdAt : null,
      input.pageUrl ?? null,
      input.metadata ? JSON.stringify(input.metadata) : null,
      decision.label,
      JSON.stringify(decision.routes),
      decision.sentiment,
      decision.confidence,
      JSON.stringify(decision.reasons),
      f.idempotencyKey,
      f.requestHash,
      f.createdAt,
    )
    .run();
  return result.meta.changes === 1;
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
  return row && { feedback: toFeedback(row), requestHash: row.request_hash };
}

export interface ListFilter {
  route?: Route;
  /** Only feedback older than this id (ids sort by time). */
  before?: string;
  limit: number;
}

/** One page of a site's feedback, newest first, and whether more follow. */
export async function listFeedback(
  db: D1Database,
  siteId: string,
  { route, before, limit }: ListFilter,
): Promise<{ items: Feedback[]; hasMore: boolean }> {
  const { results } = await db
    .prepare(
      `SELECT ${COLUMNS} FROM feedback
        WHERE site_id = ?1
          AND (?2 IS NULL OR id < ?2)
          AND (?3 IS NULL OR EXISTS (SELECT 1 FROM json_each(feedback.routes) WHERE value = ?3))
        ORDER BY id DESC
        LIMIT ?4`,
    )
    .bind(siteId, before ?? null, route ?? null, limit + 1)
    .all<FeedbackRow>();
  return { items: results.slice(0, limit).map(toFeedback), hasMore: results.length > limit };
}

function toFeedback(row: FeedbackRow): Feedback {
  return {
    id: row.id,
    message: row.message,
    rating: row.rating,
    category: row.category,
    email: row.email,
    name: row.name,
    consent: { publish: row.consent_publish === 1, givenAt: row.consent_at },
    pageUrl: row.page_url,
    metadata: row.metadata === null ? null : JSON.parse(row.metadata),
    label: row.label,
    routes: JSON.parse(row.routes),
    sentiment: row.sentiment,
    confidence: row.confidence,
    reasons: JSON.parse(row.reasons),
    status: row.status,
    createdAt: row.created_at,
  };
}
