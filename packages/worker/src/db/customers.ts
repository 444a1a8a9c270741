/**
 * One customer's data on one site, found by their email (typed, or given by the site) or by one
 * of their messages: what a person asking "what do you hold about me?" or "delete it" is owed.
 */
import { findFeedback, listCustomerFeedback } from './feedback.js';
import { feedbackDetails } from './inbox.js';
import { findTestimonials } from './testimonials.js';
import { authorKey } from '../lib/author-key.js';
import type { Feedback } from '../schemas/feedback.js';
import type { FeedbackDetail } from '../schemas/inbox.js';
import type { StudioTestimonialDetail } from '../schemas/testimonial.js';

/** Exactly one of the two (the route's query schema makes sure). */
export interface CustomerRef {
  email?: string;
  feedbackId?: string;
}

export interface CustomerData {
  feedback: Feedback[];
  /**
   * Testimonials made from those messages, whatever their status, and (by email) the quotes kept
   * after their message was deleted by retention, found by their author key (feedbackId null).
   */
  testimonials: { id: string; feedbackId: string | null; quote: string; status: string }[];
}

export async function customerData(db: D1Database, siteId: string, ref: CustomerRef): Promise<CustomerData> {
  const feedback =
    ref.email !== undefined
      ? await listCustomerFeedback(db, siteId, ref.email)
      : [await findFeedback(db, siteId, ref.feedbackId!)].filter((f) => f !== null);
  const key = ref.email !== undefined ? await authorKey(siteId, ref.email) : null;
  const { results } = await db
    .prepare(
      `SELECT id, feedback_id AS feedbackId, quote, status FROM testimonials
        WHERE site_id = ?1
          AND (feedback_id IN (SELECT value FROM json_each(?2))
               OR (feedback_id IS NULL AND EXISTS (SELECT 1 FROM json_each(author_keys) WHERE value = ?3)))`,
    )
    .bind(siteId, JSON.stringify(feedback.map((f) => f.id)), key)
    .all<CustomerData['testimonials'][number]>();
  return { feedback, testimonials: results };
}

/**
 * Everything about the customer, for an export: each message with its log and internal notes
 * (what the site wrote about them is theirs to see too), each testimonial with its edit history.
 * A fixed number of reads however many messages they sent: Workers allow 50 queries per request
 * on their free plan.
 */
export async function customerExport(
  db: D1Database,
  siteId: string,
  ref: CustomerRef,
): Promise<{ feedback: FeedbackDetail[]; testimonials: StudioTestimonialDetail[] }> {
  const data = await customerData(db, siteId, ref);
  const [feedback, testimonials] = await Promise.all([
    feedbackDetails(db, siteId, data.feedback),
    findTestimonials(db, siteId, data.testimonials.map((t) => t.id)),
  ]);
  return { feedback, testimonials };
}

/** Deletes the customer's messages and their testimonials (kept ones too); returns how many of each. */
export async function deleteCustomerData(db: D1Database, siteId: string, data: CustomerData) {
  const ids = JSON.stringify(data.feedback.map((f) => f.id));
  const found = JSON.stringify(data.testimonials.map((t) => t.id));
  // Made from the messages (also one made since they were read), or found when they were read
  // (also one whose message retention deleted since).
  const made = `SELECT id FROM testimonials WHERE site_id = ?1
    AND (feedback_id IN (SELECT value FROM json_each(?2)) OR id IN (SELECT value FROM json_each(?3)))`;
  // Children first, so no statement sets off a foreign-key action: D1 counts the rows those
  // change in meta.changes, which would inflate the counts. The testimonials' history, then the
  // testimonials (deleting a message would otherwise only unlink its quote), the messages' log
  // and notes, the invitations sent after them and the links to answers, then the messages, counted by RETURNING (their deliveries go with them by cascade).
  const [, testimonials, , , , feedback] = await db.batch([
    db.prepare(`DELETE FROM testimonial_edits WHERE testimonial_id IN (${made})`).bind(siteId, ids, found),
    db.prepare(`DELETE FROM testimonials WHERE id IN (${made})`).bind(siteId, ids, found),
    db.prepare(`DELETE FROM feedback_events WHERE site_id = ?1 AND feedback_id IN (SELECT value FROM json_each(?2))`).bind(siteId, ids),
    db.prepare(`DELETE FROM invitations WHERE site_id = ?1 AND feedback_id IN (SELECT value FROM json_each(?2))`).bind(siteId, ids),
    db
      .prepare(`UPDATE invitations SET answered_feedback_id = NULL WHERE site_id = ?1 AND answered_feedback_id IN (SELECT value FROM json_each(?2))`)
      .bind(siteId, ids),
    db.prepare(`DELETE FROM feedback WHERE site_id = ?1 AND id IN (SELECT value FROM json_each(?2)) RETURNING id`).bind(siteId, ids),
  ]);
  return { feedback: feedback!.results.length, testimonials: testimonials!.meta.changes };
}
