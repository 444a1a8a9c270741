import type { Route } from '@tandem/triage';
import type { DestinationKind } from '../schemas/destination.js';
import type { DeliveryMessage } from '../delivery/queue.js';
import type { Delivery, DeliveryAttempt, DeliveryStatus, EventType, FeedbackEventData } from '../schemas/delivery.js';

/**
 * One delivery per enabled destination of the site that receives one of `routes` and has none
 * for this message yet. Run in the same batch as the feedback's INSERT, so the rows exist exactly
 * when the message does: a retried POST (its INSERT did nothing) makes none, because the new id
 * it carries was not stored. Run again with a route override's added teams, in the same batch as
 * the change. A PR-risk message goes to a destination that receives `pr` as `feedback.pr_risk`.
 * The event's timestamp is when the message arrived (`createdAt`); the delivery is due `now`.
 * Returns the new deliveries' ids. Delivery ids share the message's ULID time, so they sort
 * with it.
 */
export function fanOutStatement(
  db: D1Database,
  f: { id: string; siteId: string; routes: Route[]; prRisk: boolean; createdAt: string; now: string; data: FeedbackEventData },
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO deliveries (id, site_id, destination_id, feedback_id, event, payload, status, next_attempt_at, created_at, enqueued_at)
       SELECT 'dlv_' || substr(?1, instr(?1, '_') + 1, 10) || upper(hex(randomblob(8))), ?2, id, ?1, event,
              json_object('type', event, 'timestamp', ?5, 'data', json(?6)), 'pending', ?7, ?7, ?7
         FROM (SELECT d.id,
                      CASE WHEN ?4 = 1 AND EXISTS (SELECT 1 FROM json_each(d.routes) WHERE value = 'pr')
                           THEN 'feedback.pr_risk' ELSE 'feedback.created' END AS event
                 FROM destinations d
                WHERE d.site_id = ?2 AND d.enabled = 1
                  AND EXISTS (SELECT 1 FROM feedback WHERE id = ?1 AND site_id = ?2)
                  AND EXISTS (SELECT 1 FROM json_each(d.routes) r JOIN json_each(?3) m ON r.value = m.value)
                  AND NOT EXISTS (SELECT 1 FROM deliveries WHERE feedback_id = ?1 AND destination_id = d.id))
       RETURNING id`,
    )
    .bind(f.id, f.siteId, JSON.stringify(f.routes), f.prRisk ? 1 : 0, f.createdAt, JSON.stringify(f.data), f.now);
}

/** A delivery that carries no message (a test event). */
export async function insertDelivery(
  db: D1Database,
  d: { id: string; siteId: string; destinationId: string; event: EventType; payload: string; now: string },
): Promise<void> {
  await db
    .prepare(
      `INSERT INTO deliveries (id, site_id, destination_id, feedback_id, event, payload, status, next_attempt_at, created_at, enqueued_at)
       VALUES (?1, ?2, ?3, NULL, ?4, ?5, 'pending', ?6, ?6, ?6)`,
    )
    .bind(d.id, d.siteId, d.destinationId, d.event, d.payload, d.now)
    .run();
}

interface DeliveryRow {
  id: string;
  destination_id: string;
  feedback_id: string | null;
  event: EventType;
  status: DeliveryStatus;
  dead_reason: string | null;
  next_attempt_at: string;
  created_at: string;
  attempts: string;
}

// Each delivery with its attempts, oldest first, as one JSON array.
const SELECT_DELIVERY = `SELECT d.id, d.destination_id, d.feedback_id, d.event, d.status, d.dead_reason, d.next_attempt_at,
    d.created_at,
    (SELECT json_group_array(json_object('attempt', attempt, 'status', status, 'responseCode', response_code,
              'error', error, 'durationMs', duration_ms, 'at', at))
       FROM (SELECT * FROM delivery_attempts WHERE delivery_id = d.id ORDER BY attempt)) AS attempts
  FROM deliveries d`;

export interface DeliveryFilter {
  destination?: string;
  status?: DeliveryStatus;
  feedback?: string;
  /** Only deliveries older than this id (ids sort by time). */
  before?: string;
  limit: number;
}

/** One page of a site's deliveries, newest first, and whether more follow. */
export async function listDeliveries(
  db: D1Database,
  siteId: string,
  { destination, status, feedback, before, limit }: DeliveryFilter,
): Promise<{ items: Delivery[]; hasMore: boolean }> {
  const { results } = await db
    .prepare(
      `${SELECT_DELIVERY}
        WHERE d.site_id = ?1
          AND (?2 IS NULL OR d.id < ?2)
          AND (?3 IS NULL OR d.destination_id = ?3)
          AND (?4 IS NULL OR d.status = ?4)
          AND (?5 IS NULL OR d.feedback_id = ?5)
        ORDER BY d.id DESC
        LIMIT ?6`,
    )
    .bind(siteId, before ?? null, destination ?? null, status ?? null, feedback ?? null, limit + 1)
    .all<DeliveryRow>();
  return { items: results.slice(0, limit).map(toDelivery), hasMore: results.length > limit };
}

export async function findDelivery(db: D1Database, siteId: string, id: string): Promise<Delivery | null> {
  const row = await db.prepare(`${SELECT_DELIVERY} WHERE d.site_id = ? AND d.id = ?`).bind(siteId, id).first<DeliveryRow>();
  return row && toDelivery(row);
}

/**
 * Makes a delivery owed again for a replay, whatever became of it, in a new generation: the
 * messages of its earlier retry chain are dropped when they arrive, and the schedule starts over.
 * The caller enqueues the message returned. Null for another site's id; a disabled destination's
 * delivery is left as it is.
 */
export async function reopenDelivery(
  db: D1Database,
  siteId: string,
  id: string,
  now: string,
): Promise<{ enabled: false } | { enabled: true; message: DeliveryMessage } | null> {
  const row = await db
    .prepare(
      `SELECT t.enabled FROM deliveries d JOIN destinations t ON t.id = d.destination_id WHERE d.site_id = ? AND d.id = ?`,
    )
    .bind(siteId, id)
    .first<{ enabled: 0 | 1 }>();
  if (!row) return null;
  if (row.enabled === 0) return { enabled: false };
  const reopened = await db
    .prepare(
      `UPDATE deliveries SET status = 'pending', dead_reason = NULL, next_attempt_at = ?2, enqueued_at = ?2, generation = generation + 1
        WHERE id = ?1 RETURNING generation`,
    )
    .bind(id, now)
    .first<{ generation: number }>();
  // Deleted a moment ago (with its destination or message): nothing left to send.
  if (!reopened) return null;
  return { enabled: true, message: { deliveryId: id, generation: reopened.generation } };
}

/** What the consumer needs to send one delivery. */
export interface Outgoing {
  id: string;
  status: DeliveryStatus;
  payload: string;
  /** Bumped by each replay; a queue message of another generation is stale. */
  generation: number;
  /** Attempts made in this generation: what the retry schedule counts. */
  attempts: number;
  destination: { id: string; kind: DestinationKind; url: string; secret: string | null; enabled: boolean };
}

export async function findOutgoing(db: D1Database, id: string): Promise<Outgoing | null> {
  const row = await db
    .prepare(
      `SELECT d.id, d.status, d.payload, d.generation,
              (SELECT COUNT(*) FROM delivery_attempts a WHERE a.delivery_id = d.id AND a.generation = d.generation) AS attempts,
              t.id AS destination_id, t.kind, t.url, t.secret, t.enabled
         FROM deliveries d JOIN destinations t ON t.id = d.destination_id
        WHERE d.id = ?`,
    )
    .bind(id)
    .first<{
      id: string;
      status: DeliveryStatus;
      payload: string;
      generation: number;
      attempts: number;
      destination_id: string;
      kind: DestinationKind;
      url: string;
      secret: string | null;
      enabled: 0 | 1;
    }>();
  return (
    row && {
      id: row.id,
      status: row.status,
      payload: row.payload,
      generation: row.generation,
      attempts: row.attempts,
      destination: { id: row.destination_id, kind: row.kind, url: row.url, secret: row.secret, enabled: row.enabled === 1 },
    }
  );
}

export type NewAttempt = Omit<DeliveryAttempt, 'attempt'>;

/** What follows an attempt: delivered, dead (with why), or pending until the next one is due. */
export type Outcome =
  | { status: 'delivered' }
  | { status: 'dead'; reason: string }
  | { status: 'pending'; nextAttemptAt: string };

/**
 * Records one attempt made for `generation` (numbered after all the delivery's earlier ones) and
 * what follows from it, in one batch with `also` (e.g. turning the destination off). The outcome
 * applies only while the delivery is still in that generation: a replay meanwhile wins. Does
 * nothing if the delivery was deleted meanwhile.
 */
export async function recordAttempt(
  db: D1Database,
  deliveryId: string,
  generation: number,
  attempt: NewAttempt,
  outcome: Outcome,
  also: D1PreparedStatement[] = [],
): Promise<void> {
  await db.batch([
    db
      .prepare(
        `INSERT INTO delivery_attempts (delivery_id, attempt, generation, status, response_code, error, duration_ms, at)
         SELECT d.id, COALESCE(MAX(a.attempt), 0) + 1, ?2, ?3, ?4, ?5, ?6, ?7
           FROM deliveries d LEFT JOIN delivery_attempts a ON a.delivery_id = d.id
          WHERE d.id = ?1
          GROUP BY d.id`,
      )
      .bind(deliveryId, generation, attempt.status, attempt.responseCode, attempt.error, attempt.durationMs, attempt.at),
    outcomeStatement(db, deliveryId, generation, outcome, attempt.at),
    ...also,
  ]);
}

/** The outcome of an attempt made at `at`; a retry is a message handed back to the queue. */
function outcomeStatement(db: D1Database, deliveryId: string, generation: number, outcome: Outcome, at: string): D1PreparedStatement {
  const pending = outcome.status === 'pending';
  return db
    .prepare(
      `UPDATE deliveries SET status = ?3, dead_reason = ?4, next_attempt_at = COALESCE(?5, next_attempt_at),
              enqueued_at = COALESCE(?6, enqueued_at)
        WHERE id = ?1 AND generation = ?2`,
    )
    .bind(
      deliveryId,
      generation,
      outcome.status,
      outcome.status === 'dead' ? outcome.reason : null,
      pending ? outcome.nextAttemptAt : null,
      pending ? at : null,
    );
}

/**
 * Marks dead the deliveries these messages are for, if still pending in the messages' generation
 * (a dead letter of a chain a replay replaced changes nothing), in one batch with `also`.
 */
export async function markDead(
  db: D1Database,
  messages: DeliveryMessage[],
  reason: string,
  also: D1PreparedStatement[] = [],
): Promise<void> {
  if (!messages.length) return;
  await db.batch([
    ...messages.map((m) =>
      db
        .prepare(`UPDATE deliveries SET status = 'dead', dead_reason = ? WHERE id = ? AND generation = ? AND status = 'pending'`)
        .bind(reason, m.deliveryId, m.generation ?? 0),
    ),
    ...also,
  ]);
}

/**
 * Pending deliveries whose next attempt was due before `dueBefore` and that nobody has handed to
 * the queue since `enqueuedBefore` (or ever), oldest first, as the messages to send again.
 */
export async function stalledDeliveries(
  db: D1Database,
  { dueBefore, enqueuedBefore }: { dueBefore: string; enqueuedBefore: string },
  limit: number,
): Promise<DeliveryMessage[]> {
  const { results } = await db
    .prepare(
      `SELECT id AS deliveryId, generation FROM deliveries
        WHERE status = 'pending' AND next_attempt_at < ?1 AND (enqueued_at IS NULL OR enqueued_at < ?2)
        ORDER BY next_attempt_at LIMIT ?3`,
    )
    .bind(dueBefore, enqueuedBefore, limit)
    .all<Required<DeliveryMessage>>();
  return results;
}

/** Enqueued again now: the queue has it, due at once. */
export async function markEnqueued(db: D1Database, ids: string[], now: string): Promise<void> {
  await db
    .prepare(
      `UPDATE deliveries SET next_attempt_at = ?1, enqueued_at = ?1 WHERE status = 'pending' AND id IN (SELECT value FROM json_each(?2))`,
    )
    .bind(now, JSON.stringify(ids))
    .run();
}

/** The enqueue after the response failed: the next sweep takes these without waiting for REQUEUE_AFTER_MINUTES. */
export async function forgetEnqueued(db: D1Database, ids: string[]): Promise<void> {
  await db
    .prepare(`UPDATE deliveries SET enqueued_at = NULL WHERE status = 'pending' AND id IN (SELECT value FROM json_each(?))`)
    .bind(JSON.stringify(ids))
    .run();
}

function toDelivery(row: DeliveryRow): Delivery {
  return {
    id: row.id,
    destinationId: row.destination_id,
    feedbackId: row.feedback_id,
    event: row.event,
    status: row.status,
    deadReason: row.dead_reason,
    nextAttemptAt: row.status === 'pending' ? row.next_attempt_at : null,
    createdAt: row.created_at,
    attempts: JSON.parse(row.attempts) as DeliveryAttempt[],
  };
}
