/**
 * Per-site retention: customer messages older than the site's `retention_days` are deleted. Run
 * every night by the scheduled handler (wrangler.toml [triggers]). A testimonial made from a
 * message keeps its approved quote (its feedback_id becomes NULL): the customer agreed to publish
 * that; their message, email and context go, and so do its deliveries (their payload holds the
 * message too).
 */
export async function enforceRetention(db: D1Database, now: Date): Promise<number> {
  // Counted by RETURNING: D1's meta.changes also counts the deliveries deleted with them.
  const { results } = await db
    .prepare(
      `DELETE FROM feedback
        WHERE created_at < strftime('%Y-%m-%dT%H:%M:%fZ', ?,
          '-' || (SELECT retention_days FROM sites WHERE sites.id = feedback.site_id) || ' days')
       RETURNING id`,
    )
    .bind(now.toISOString())
    .all();
  return results.length;
}
