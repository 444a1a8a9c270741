/**
 * Per-site retention: customer messages older than the site's `retention_days` are deleted, with
 * their log, internal notes and the invitations sent after them. Run every night by the scheduled handler (wrangler.toml
 * [triggers]). The message, email and context go, and so do the message's deliveries (their
 * payload holds the message too) and the edit history of its testimonial, which holds earlier
 * versions of the customer's words. An approved testimonial whose customer still agrees to be
 * quoted keeps its quote (its feedback_id becomes NULL): the customer agreed to publish that.
 * Drafts, withdrawn quotes and quotes whose consent was withdrawn go with the message.
 *
 * A kept quote is still the customer's: before its message goes, it gets `author_keys` (see
 * authorKey), so a later deletion or export by their email finds it. Once kept, its history is
 * held to the same window, and if PR withdraws it, it goes at the next run: with no message to
 * show consent it could never be approved again.
 */
import { authorKey } from '../lib/author-key.js';

/** The time before which the site `site` (an SQL expression) keeps nothing, from the run's time ?1. */
const cutoff = (site: string) => `strftime('%Y-%m-%dT%H:%M:%fZ', ?1, '-' || (SELECT retention_days FROM sites WHERE sites.id = ${site}) || ' days')`;

/** Quotes that outlive their message: approved, and the customer still agrees. */
const KEPT = `testimonials.status = 'approved' AND EXISTS (SELECT 1 FROM feedback f WHERE f.id = testimonials.feedback_id AND f.consent_publish = 1)`;

// A message whose kept quote has no author_keys yet (approved after this run read them) waits for
// the next run, so no quote is ever unlinked from its customer.
const EXPIRED = `SELECT id FROM feedback
  WHERE created_at < ${cutoff('feedback.site_id')}
    AND NOT EXISTS (SELECT 1 FROM testimonials WHERE testimonials.feedback_id = feedback.id AND testimonials.author_keys IS NULL AND ${KEPT})`;

/** Returns how many messages were deleted. */
export async function enforceRetention(db: D1Database, now: Date): Promise<number> {
  const at = now.toISOString();
  // The emails that find the customer's messages (listCustomerFeedback): the message's own, and
  // for an answer to an invitation, those of the complaint it answers.
  const { results: kept } = await db
    .prepare(
      `SELECT testimonials.id, testimonials.site_id AS siteId, json_array(f.email, f.user_email, c.email, c.user_email) AS emails
         FROM testimonials JOIN feedback f ON f.id = testimonials.feedback_id
              LEFT JOIN feedback c ON c.id = f.invited_after AND c.site_id = f.site_id
        WHERE f.created_at < ${cutoff('f.site_id')} AND testimonials.author_keys IS NULL AND ${KEPT}`,
    )
    .bind(at)
    .all<{ id: string; siteId: string; emails: string }>();
  const keys = await Promise.all(
    kept.map(async (q) => {
      const emails = new Set((JSON.parse(q.emails) as (string | null)[]).filter((e) => e !== null).map((e) => e.trim().toLowerCase()));
      return { id: q.id, keys: await Promise.all([...emails].map((e) => authorKey(q.siteId, e))) };
    }),
  );
  const withdrawnKept = `SELECT id FROM testimonials WHERE feedback_id IS NULL AND status = 'withdrawn'`;
  // The foreign keys would unlink the quotes and delete the log themselves, but D1 counts those
  // rows in the message's `changes`: done first, the count is the messages alone.
  const statements = [
    // One statement however many quotes are kept.
    db
      .prepare(
        `UPDATE testimonials SET author_keys = (SELECT json_extract(value, '$.keys') FROM json_each(?1) WHERE json_extract(value, '$.id') = testimonials.id)
          WHERE id IN (SELECT json_extract(value, '$.id') FROM json_each(?1))`,
      )
      .bind(JSON.stringify(keys)),
    db
      .prepare(`DELETE FROM testimonial_edits WHERE testimonial_id IN (SELECT id FROM testimonials WHERE feedback_id IN (${EXPIRED}))`)
      .bind(at),
    // A kept quote's history since its message went, held to the same window; and a kept quote
    // PR has withdrawn, which could never go back on the wall.
    db
      .prepare(
        `DELETE FROM testimonial_edits WHERE testimonial_id IN (${withdrawnKept})
            OR (created_at < ${cutoff('(SELECT site_id FROM testimonials t WHERE t.id = testimonial_edits.testimonial_id)')}
                AND testimonial_id IN (SELECT id FROM testimonials WHERE feedback_id IS NULL))`,
      )
      .bind(at),
    db.prepare(`DELETE FROM testimonials WHERE id IN (${withdrawnKept})`),
    // Only an approved quote whose customer still agrees outlives its message: a draft, a
    // withdrawn quote or one whose consent was withdrawn goes with it (with no message left to
    // show consent, it could never be approved again anyway).
    db.prepare(`DELETE FROM testimonials WHERE feedback_id IN (${EXPIRED}) AND NOT (${KEPT})`).bind(at),
    db.prepare(`UPDATE testimonials SET feedback_id = NULL WHERE feedback_id IN (${EXPIRED})`).bind(at),
    db.prepare(`DELETE FROM feedback_events WHERE feedback_id IN (${EXPIRED})`).bind(at),
    db.prepare(`DELETE FROM invitations WHERE feedback_id IN (${EXPIRED})`).bind(at),
    db.prepare(`UPDATE invitations SET answered_feedback_id = NULL WHERE answered_feedback_id IN (${EXPIRED})`).bind(at),
    // Counted by RETURNING: its deliveries go by cascade, which meta.changes would count too.
    db.prepare(`DELETE FROM feedback WHERE id IN (${EXPIRED}) RETURNING id`).bind(at),
  ];
  const results = await db.batch(statements);
  return results.at(-1)!.results.length;
}
