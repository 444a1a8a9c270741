import type { Role } from './keys.js';
import type { ByWhom } from '../schemas/inbox.js';
import type {
  StudioTestimonial,
  StudioTestimonialDetail,
  Testimonial,
  TestimonialEdit,
  TestimonialStatus,
} from '../schemas/testimonial.js';

/** The most a wall may ask for (GET /v1/testimonials?limit=). */
export const MAX_TESTIMONIALS = 50;

/**
 * Whether a testimonial row is on the public wall: approved, and its customer still agrees to be
 * quoted (consent can be withdrawn after approval) or its message is gone (retention keeps an
 * approved quote; the demo's seeded ones have none). For a query on `testimonials`.
 */
const ON_WALL = `(testimonials.status = 'approved'
  AND (testimonials.feedback_id IS NULL
       OR EXISTS (SELECT 1 FROM feedback source WHERE source.id = testimonials.feedback_id AND source.consent_publish = 1)))`;

/**
 * A site's approved testimonials, most recently approved first: only those whose customer still
 * agrees to be quoted (consent can be withdrawn after approval), or whose message is gone
 * (retention keeps an approved quote, the demo's seeded ones have none).
 */
export async function listApprovedTestimonials(db: D1Database, siteId: string, limit: number): Promise<Testimonial[]> {
  const { results } = await db
    .prepare(
      `SELECT id, quote, author_name, rating, approved_at FROM testimonials
        WHERE site_id = ? AND ${ON_WALL}
        ORDER BY approved_at DESC, id DESC
        LIMIT ?`,
    )
    .bind(siteId, limit)
    .all<{ id: string; quote: string; author_name: string | null; rating: number | null; approved_at: string }>();
  return results.map((r) => ({
    id: r.id,
    quote: r.quote,
    author: r.author_name,
    rating: r.rating,
    approvedAt: r.approved_at,
  }));
}

// PR's studio: every testimonial of a site, whatever its status, and its history.

/** Who changes a testimonial, as recorded in its history. */
export type Editor = ByWhom;

interface StudioRow {
  id: string;
  feedback_id: string | null;
  quote: string;
  author_name: string | null;
  rating: number | null;
  status: TestimonialStatus;
  approved_at: string | null;
  created_at: string;
  on_wall: 0 | 1;
}

const STUDIO_COLUMNS = `id, feedback_id, quote, author_name, rating, status, approved_at, created_at, ${ON_WALL} AS on_wall`;

function toStudio(row: StudioRow): StudioTestimonial {
  return {
    id: row.id,
    feedbackId: row.feedback_id,
    quote: row.quote,
    author: row.author_name,
    rating: row.rating,
    status: row.status,
    approvedAt: row.approved_at,
    createdAt: row.created_at,
    onWall: row.on_wall === 1,
  };
}

/** Where a page of the studio's list ends: the last testimonial's time and id. */
export interface TestimonialCursor {
  createdAt: string;
  id: string;
}

/** One page of the site's testimonials, newest first, and whether more follow. */
export async function listTestimonials(
  db: D1Database,
  siteId: string,
  { status, after, limit }: { status?: TestimonialStatus; after?: TestimonialCursor; limit: number },
): Promise<{ items: StudioTestimonial[]; hasMore: boolean }> {
  // By time rather than id: ids made by the API sort by time, but imported or seeded ones need not.
  const { results } = await db
    .prepare(
      `SELECT ${STUDIO_COLUMNS} FROM testimonials
        WHERE site_id = ?1 AND (?2 IS NULL OR (created_at, id) < (?2, ?3)) AND (?4 IS NULL OR status = ?4)
        ORDER BY created_at DESC, id DESC
        LIMIT ?5`,
    )
    .bind(siteId, after?.createdAt ?? null, after?.id ?? null, status ?? null, limit + 1)
    .all<StudioRow>();
  return { items: results.slice(0, limit).map(toStudio), hasMore: results.length > limit };
}

/** The message's testimonial, if it has one. */
export async function findTestimonialOf(db: D1Database, siteId: string, feedbackId: string): Promise<StudioTestimonial | null> {
  const row = await db
    .prepare(`SELECT ${STUDIO_COLUMNS} FROM testimonials WHERE site_id = ? AND feedback_id = ?`)
    .bind(siteId, feedbackId)
    .first<StudioRow>();
  return row && toStudio(row);
}

interface SourceRow {
  message: string | null;
  source_rating: number | null;
  score: number | null;
  consent_publish: 0 | 1 | null;
  consent_at: string | null;
  consent_version: string | null;
  page_url: string | null;
  source_created_at: string | null;
}

interface EditRow {
  action: TestimonialEdit['action'];
  key_id: string;
  role: Role;
  actor: string | null;
  old_quote: string | null;
  new_quote: string;
  old_author_name: string | null;
  new_author_name: string | null;
  created_at: string;
}

/** One testimonial of the site with the message it was made from and its whole history. */
export async function findTestimonial(db: D1Database, siteId: string, id: string): Promise<StudioTestimonialDetail | null> {
  return (await findTestimonials(db, siteId, [id]))[0] ?? null;
}

/**
 * Several testimonials of the site, each with its message and history, in one batch whatever
 * their number (an export must stay within the Workers' queries per request); another site's
 * are left out.
 */
export async function findTestimonials(db: D1Database, siteId: string, ids: string[]): Promise<StudioTestimonialDetail[]> {
  const wanted = JSON.stringify(ids);
  const [testimonials, history] = await db.batch([
    db
      .prepare(
        `SELECT testimonials.id, testimonials.feedback_id, testimonials.quote, testimonials.author_name, testimonials.rating,
                testimonials.status, testimonials.approved_at, testimonials.created_at, ${ON_WALL} AS on_wall,
                f.message, f.rating AS source_rating, f.score, f.consent_publish, f.consent_at, f.consent_version,
                f.page_url, f.created_at AS source_created_at
           FROM testimonials LEFT JOIN feedback f ON f.id = testimonials.feedback_id AND f.site_id = testimonials.site_id
          WHERE testimonials.id IN (SELECT value FROM json_each(?)) AND testimonials.site_id = ?
          ORDER BY testimonials.created_at DESC, testimonials.id DESC`,
      )
      .bind(wanted, siteId),
    db
      .prepare(
        `SELECT e.testimonial_id, e.action, e.key_id, e.role, e.actor, e.old_quote, e.new_quote, e.old_author_name,
                e.new_author_name, e.created_at
           FROM testimonial_edits e JOIN testimonials t ON t.id = e.testimonial_id
          WHERE e.testimonial_id IN (SELECT value FROM json_each(?)) AND t.site_id = ?
          ORDER BY e.id`,
      )
      .bind(wanted, siteId),
  ]);
  const edits = history!.results as (EditRow & { testimonial_id: string })[];
  return (testimonials!.results as (StudioRow & SourceRow)[]).map((row) => ({
    ...toStudio(row),
    source:
      row.feedback_id === null || row.message === null
        ? null
        : {
            feedbackId: row.feedback_id,
            message: row.message,
            rating: row.source_rating,
            score: row.score,
            consent: { publish: row.consent_publish === 1, givenAt: row.consent_at, version: row.consent_version },
            pageUrl: row.page_url,
            createdAt: row.source_created_at!,
          },
    history: edits
      .filter((e) => e.testimonial_id === row.id)
      .map((e) => ({
        action: e.action,
        at: e.created_at,
        by: { keyId: e.key_id, role: e.role, actor: e.actor },
        before: e.old_quote === null ? null : { quote: e.old_quote, author: e.old_author_name },
        after: { quote: e.new_quote, author: e.new_author_name },
      })),
  }));
}

export interface NewTestimonial {
  id: string;
  siteId: string;
  feedbackId: string;
  quote: string;
  author: string | null;
  rating: number | null;
  createdAt: string;
}

const RECORD = `INSERT INTO testimonial_edits
  (testimonial_id, action, key_id, role, actor, old_quote, new_quote, old_author_name, new_author_name, created_at)`;

/**
 * Stores a draft made from a message, with the first line of its history. Returns false,
 * storing nothing, when the message already has a testimonial (also one made a moment ago).
 */
export async function insertTestimonial(db: D1Database, t: NewTestimonial, by: Editor): Promise<boolean> {
  const [inserted] = await db.batch([
    db
      .prepare(
        `INSERT INTO testimonials (id, site_id, feedback_id, quote, author_name, rating, status, created_at)
         VALUES (?, ?, ?, ?, ?, ?, 'draft', ?)
         ON CONFLICT (feedback_id) DO NOTHING`,
      )
      .bind(t.id, t.siteId, t.feedbackId, t.quote, t.author, t.rating, t.createdAt),
    // Only when the row above went in: a refused duplicate leaves no history behind.
    db
      .prepare(`${RECORD} SELECT id, 'create', ?, ?, ?, NULL, quote, NULL, author_name, created_at FROM testimonials WHERE id = ?`)
      .bind(by.keyId, by.role, by.actor, t.id),
  ]);
  return inserted!.meta.changes === 1;
}

/**
 * Changes the quote, the author or both (null author: show none) and records the change.
 * Returns false when nothing changed: no such testimonial on this site, or the same words.
 */
export async function editTestimonial(
  db: D1Database,
  siteId: string,
  id: string,
  change: { quote?: string; author?: string | null },
  by: Editor,
  now: string,
): Promise<boolean> {
  const newQuote = 'COALESCE(?3, quote)';
  const newAuthor = 'CASE WHEN ?4 THEN ?5 ELSE author_name END';
  const where = 'id = ?1 AND site_id = ?2';
  const params = [id, siteId, change.quote ?? null, change.author !== undefined ? 1 : 0, change.author ?? null];
  // One transaction: the history reads the words the update replaces.
  const [recorded] = await db.batch([
    db
      .prepare(
        `${RECORD} SELECT id, 'edit', ?6, ?7, ?8, quote, ${newQuote}, author_name, ${newAuthor}, ?9 FROM testimonials
          WHERE ${where} AND (quote IS NOT ${newQuote} OR author_name IS NOT ${newAuthor})`,
      )
      .bind(...params, by.keyId, by.role, by.actor, now),
    db.prepare(`UPDATE testimonials SET quote = ${newQuote}, author_name = ${newAuthor} WHERE ${where}`).bind(...params),
  ]);
  return recorded!.meta.changes === 1;
}

/**
 * Approves (the wall shows it from now) or withdraws a testimonial and records it. Approval
 * needs the customer's consent to still stand when the message is still there. Returns false
 * when nothing changed: no such testimonial, already in that status, or no consent.
 */
export async function setTestimonialStatus(
  db: D1Database,
  siteId: string,
  id: string,
  status: 'approved' | 'withdrawn',
  by: Editor,
  now: string,
): Promise<boolean> {
  const where = `id = ?1 AND site_id = ?2 AND status != ?3
    AND (?3 = 'withdrawn'
         OR EXISTS (SELECT 1 FROM feedback f WHERE f.id = testimonials.feedback_id AND f.consent_publish = 1))`;
  const [recorded] = await db.batch([
    db
      .prepare(`${RECORD} SELECT id, ?4, ?5, ?6, ?7, quote, quote, author_name, author_name, ?8 FROM testimonials WHERE ${where}`)
      .bind(id, siteId, status, status === 'approved' ? 'approve' : 'withdraw', by.keyId, by.role, by.actor, now),
    db
      .prepare(
        `UPDATE testimonials SET status = ?3, approved_at = CASE ?3 WHEN 'approved' THEN ?4 ELSE approved_at END WHERE ${where}`,
      )
      .bind(id, siteId, status, now),
  ]);
  return recorded!.meta.changes === 1;
}
