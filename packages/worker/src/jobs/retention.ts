/**
 * Per-site retention: customer messages older than the site's `retention_days` are deleted. Run
 * every night by the scheduled handler (wrangler.toml [triggers]). A testimonial made from a
 * message keeps its approved quote (its feedback_id becomes NULL): the customer agreed to publish
 * that; their message, email and context go, and so does the testimonial's edit history, which
 * holds earlier versions of their words.
 */
export async function enforceRetention(db: D1Database, now: Date): Promise<number> {
  const expired = `SELECT id FROM feedback
    WHERE created_at < strftime('%Y-%m-%dT%H:%M:%fZ', ?1,
      '-' || (SELECT retention_days FROM sites WHERE sites.id = feedback.site_id) || ' days')`;
  const cutoff = now.toISOString();
  // One transaction, children first: once the message is gone nothing links its testimonial to
  // it, and unlinking by hand keeps ON DELETE SET NULL from firing (D1 counts the rows a
  // foreign-key action changes in meta.changes, so the count below would include them).
  const [, , result] = await db.batch([
    db
      .prepare(
        `DELETE FROM testimonial_edits WHERE testimonial_id IN (SELECT id FROM testimonials WHERE feedback_id IN (${expired}))`,
      )
      .bind(cutoff),
    db.prepare(`UPDATE testimonials SET feedback_id = NULL WHERE feedback_id IN (${expired})`).bind(cutoff),
    db.prepare(`DELETE FROM feedback WHERE id IN (${expired})`).bind(cutoff),
  ]);
  return result!.meta.changes;
}
