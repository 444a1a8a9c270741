import type { Testimonial } from '../schemas/testimonial.js';

/** The most a wall may ask for (GET /v1/testimonials?limit=). */
export const MAX_TESTIMONIALS = 50;

/** A site's approved testimonials, most recently approved first. */
export async function listApprovedTestimonials(db: D1Database, siteId: string, limit: number): Promise<Testimonial[]> {
  const { results } = await db
    .prepare(
      `SELECT id, quote, author_name, rating, approved_at FROM testimonials
        WHERE site_id = ? AND status = 'approved'
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
