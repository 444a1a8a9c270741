/**
 * Alerts raised by the surge job, and the deliveries that tell PR about them.
 */
import type { Alert, SurgeEvent } from '../schemas/alert.js';

/** A topic's complaints today and the 28 days before, counted for every site at once. */
export interface TopicCount {
  siteId: string;
  topic: string;
  today: number;
  /** Complaints about the topic over the whole baseline window (not per day). */
  before: number;
  /** Days from the site's oldest message still kept to the start of today (fractional: 2.4 is three days with messages). */
  historyDays: number;
}

/**
 * Complaints per site and topic from `baselineStart` to `now`, split at `dayStart`, and how many
 * days of messages the site has (a new site, or one keeping a week, has less than the window);
 * only topics with at least `minToday` today come back. INDEXED BY: left to itself SQLite may walk all of
 * feedback_by_site_time to save the GROUP BY a sort; feedback_by_age reads the window's rows alone.
 */
export const SURGE_COUNTS = `
  SELECT f.site_id AS siteId, t.value AS topic,
         COUNT(*) FILTER (WHERE f.created_at >= ?2) AS today,
         COUNT(*) FILTER (WHERE f.created_at < ?2) AS before,
         julianday(?2) - julianday((SELECT MIN(o.created_at) FROM feedback o WHERE o.site_id = f.site_id)) AS historyDays
    FROM feedback f INDEXED BY feedback_by_age, json_each(f.topics) t
   WHERE f.created_at >= ?1 AND f.created_at < ?3 AND f.label = 'complaint'
   GROUP BY f.site_id, t.value
  HAVING today >= ?4`;

export async function surgeCounts(
  db: D1Database,
  window: { baselineStart: string; dayStart: string; now: string },
  minToday: number,
): Promise<TopicCount[]> {
  const { results } = await db
    .prepare(SURGE_COUNTS)
    .bind(window.baselineStart, window.dayStart, window.now, minToday)
    .all<TopicCount>();
  return results;
}

/** The newest complaints about `topic` since `dayStart`, for the alert to point at. */
export async function sampleComplaints(db: D1Database, siteId: string, topic: string, dayStart: string, now: string, limit: number) {
  const { results } = await db
    .prepare(
      `SELECT f.id FROM feedback f, json_each(f.topics) t
        WHERE f.site_id = ?1 AND f.created_at >= ?2 AND f.created_at < ?3 AND f.label = 'complaint' AND t.value = ?4
        ORDER BY f.created_at DESC, f.id DESC LIMIT ?5`,
    )
    .bind(siteId, dayStart, now, topic, limit)
    .all<{ id: string }>();
  return results.map((r) => r.id);
}

/**
 * Records the alert unless the site already has one for this topic and day, and in the same batch
 * writes a delivery of `event` to each enabled destination of the site that receives pr. The
 * deliveries are made only when this alert's row was stored, so a re-run makes none. Returns the
 * new deliveries' ids (none when the alert was already raised).
 */
export async function raiseSurge(db: D1Database, event: SurgeEvent): Promise<{ raised: boolean; deliveryIds: string[] }> {
  const a = event.data;
  const [inserted, deliveries] = await db.batch<{ id: string }>([
    db
      .prepare(
        `INSERT INTO alerts (id, site_id, kind, topic, day, today, baseline, sample_feedback_ids, created_at)
         VALUES (?1, ?2, 'surge', ?3, ?4, ?5, ?6, ?7, ?8)
         ON CONFLICT (site_id, kind, topic, day) DO NOTHING RETURNING id`,
      )
      .bind(a.id, a.siteId, a.topic, a.day, a.today, a.baseline, JSON.stringify(a.sampleFeedbackIds), event.timestamp),
    db
      .prepare(
        `INSERT INTO deliveries (id, site_id, destination_id, feedback_id, event, payload, status, next_attempt_at, created_at, enqueued_at)
         SELECT 'dlv_' || substr(?1, instr(?1, '_') + 1, 10) || upper(hex(randomblob(8))), ?2, d.id, NULL, 'alert.surge', ?3,
                'pending', ?4, ?4, ?4
           FROM destinations d
          WHERE d.site_id = ?2 AND d.enabled = 1
            AND EXISTS (SELECT 1 FROM json_each(d.routes) WHERE value = 'pr')
            AND EXISTS (SELECT 1 FROM alerts WHERE id = ?1)
         RETURNING id`,
      )
      .bind(a.id, a.siteId, JSON.stringify(event), event.timestamp),
  ]);
  return { raised: inserted!.results.length > 0, deliveryIds: deliveries!.results.map((r) => r.id) };
}

interface AlertRow {
  id: string;
  kind: 'surge';
  topic: string;
  day: string;
  today: number;
  baseline: number;
  sample_feedback_ids: string;
  created_at: string;
}

/** One page of a site's alerts, newest first, and whether more follow. */
export async function listAlerts(
  db: D1Database,
  siteId: string,
  { before, limit }: { before?: string; limit: number },
): Promise<{ items: Alert[]; hasMore: boolean }> {
  const { results } = await db
    .prepare(
      `SELECT id, kind, topic, day, today, baseline, sample_feedback_ids, created_at FROM alerts
        WHERE site_id = ?1 AND (?2 IS NULL OR id < ?2) ORDER BY id DESC LIMIT ?3`,
    )
    .bind(siteId, before ?? null, limit + 1)
    .all<AlertRow>();
  const items = results.slice(0, limit).map((r) => ({
    id: r.id,
    kind: r.kind,
    topic: r.topic,
    day: r.day,
    today: r.today,
    baseline: r.baseline,
    sampleFeedbackIds: JSON.parse(r.sample_feedback_ids) as string[],
    createdAt: r.created_at,
  }));
  return { items, hasMore: results.length > limit };
}
