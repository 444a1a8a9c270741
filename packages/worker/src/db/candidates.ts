import { COLUMNS, EFFECTIVE_ROUTES, toFeedback, type FeedbackRow } from './feedback.js';
import type { Feedback } from '../schemas/feedback.js';

/** Through the index of quotable messages (0012), newest first: a page reads little more than a page. */
export const CANDIDATES_SQL = `SELECT ${COLUMNS} FROM feedback
  WHERE site_id = ?1
    AND (?2 IS NULL OR id < ?2)
    AND consent_publish = 1
    AND label != 'spam'
    AND (label = 'praise' OR (pr_risk = 0 AND EXISTS (SELECT 1 FROM json_each(${EFFECTIVE_ROUTES}) WHERE value = 'pr')))
    AND NOT EXISTS (SELECT 1 FROM testimonials t WHERE t.site_id = feedback.site_id AND t.feedback_id = feedback.id)
  ORDER BY id DESC
  LIMIT ?3`;

/**
 * One page of the messages PR may turn into testimonials, newest first, and whether more follow:
 * the customer agreed to be quoted (and has not withdrawn it), the message is praise or went to PR
 * (an unsure one goes to both teams) without threatening to go public (those are PR-risk alerts,
 * not quotes), and no testimonial was made from it yet.
 */
export async function listCandidates(
  db: D1Database,
  siteId: string,
  { before, limit }: { before?: string; limit: number },
): Promise<{ items: Feedback[]; hasMore: boolean }> {
  const { results } = await db
    .prepare(CANDIDATES_SQL)
    .bind(siteId, before ?? null, limit + 1)
    .all<FeedbackRow>();
  return { items: results.slice(0, limit).map(toFeedback), hasMore: results.length > limit };
}
