/**
 * Per-site retention: customer messages older than the site's `retention_days` are deleted, with
 * their log, internal notes and the invitations sent after them. Run every night by the scheduled handler (wrangler.toml
 * [triggers]). The message, email and context go, and so do the message's deliveries (their
 * payload holds the message too) and the edit history of its testimonial, which holds earlier
 * versions of the customer's words. An approved testimonial whose customer still agrees to be
 * quoted keeps its quote (its feedback_id becomes NULL): the customer agreed to publish that.
 * Drafts, withdrawn quotes and quotes whose consent was withdrawn go with the message.
 */

const EXPIRED = `SELECT id FROM feedback
  WHERE created_at < strftime('%Y-%m-%dT%H:%M:%fZ', ?1,
    '-' || (SELECT retention_days FROM sites WHERE sites.id = feedback.site_id) || ' days')`;

/** Returns how many messages were deleted. */
export async function enforceRetention(db: D1Database, now: Date): Promise<number> {
  // The foreign keys would unlink the quotes and delete the log themselves, but D1 counts those
  // rows in the message's `changes`: done first, the count is the messages alone.
  const at = now.toISOString();
  const [, , , , , , deleted] = await db.batch([
    db
      .prepare(`DELETE FROM testimonial_edits WHERE testimonial_id IN (SELECT id FROM testimonials WHERE feedback_id IN (${EXPIRED}))`)
      .bind(at),
    // Only an approved quote whose customer still agrees outlives its message: a draft, a
    // withdrawn quote or one whose consent was withdrawn goes with it (with no message left to
    // show consent, it could never be approved again anyway).
    db
      .prepare(
        `DELETE FROM testimonials WHERE feedback_id IN (${EXPIRED})
           AND NOT (status = 'approved'
                    AND EXISTS (SELECT 1 FROM feedback f WHERE f.id = testimonials.feedback_id AND f.consent_publish = 1))`,
      )
      .bind(at),
    db.prepare(`UPDATE testimonials SET feedback_id = NULL WHERE feedback_id IN (${EXPIRED})`).bind(at),
    db.prepare(`DELETE FROM feedback_events WHERE feedback_id IN (${EXPIRED})`).bind(at),
    db.prepare(`DELETE FROM invitations WHERE feedback_id IN (${EXPIRED})`).bind(at),
    db.prepare(`UPDATE invitations SET answered_feedback_id = NULL WHERE answered_feedback_id IN (${EXPIRED})`).bind(at),
    // Counted by RETURNING: its deliveries go by cascade, which meta.changes would count too.
    db.prepare(`DELETE FROM feedback WHERE id IN (${EXPIRED}) RETURNING id`).bind(at),
  ]);
  return deleted!.results.length;
}
