import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Schema } from 'hono/types';
import { listApprovedTestimonials, MAX_TESTIMONIALS } from '../db/testimonials.js';
import { cachedTestimonials, TESTIMONIALS_TTL_SECONDS } from '../lib/testimonials-cache.js';
import type { AppEnv } from '../env.js';
import { publishableKey } from '../middleware/keys.js';
import { rateLimit } from '../middleware/rate-limit.js';
import { errorResponses } from '../schemas/error.js';
import { TestimonialSchema } from '../schemas/testimonial.js';

export const route = createRoute({
  method: 'get',
  path: '/v1/testimonials',
  tags: ['Public'],
  summary: 'List approved testimonials',
  description:
    'What PR approved for the site’s testimonial wall, most recently approved first. Only approved quotes, ' +
    'never a customer’s contact details. Cached at the edge for a minute (`Tandem-Cache: hit` or `miss`). ' +
    'Pass the key as `siteKey` to keep the request cacheable.',
  security: [{ publishableKey: [] }],
  middleware: [publishableKey(), rateLimit()] as const,
  request: {
    query: z.object({
      siteKey: z.string().startsWith('pk_').optional().openapi({ description: 'Instead of the Authorization header.' }),
      limit: z.coerce.number().int().min(1).max(MAX_TESTIMONIALS).default(12),
    }),
  },
  responses: {
    200: {
      description: 'The approved testimonials.',
      headers: z.object({
        'Tandem-Cache': z
          .enum(['hit', 'miss'])
          .openapi({ description: 'Whether the list came from the edge cache (at most a minute old).' }),
      }),
      content: { 'application/json': { schema: z.object({ data: z.array(TestimonialSchema) }) } },
    },
    ...errorResponses(400, 401, 403, 429, 500),
  },
});

export const registerListTestimonials = <S extends Schema>(app: OpenAPIHono<AppEnv, S>) =>
  app.openapi(route, async (c) => {
    const { limit } = c.req.valid('query');
    const siteId = c.get('site').id;
    // The key and origin were checked above, on every request: only the list itself is cached.
    const { testimonials, hit } = await cachedTestimonials(siteId, () =>
      listApprovedTestimonials(c.env.DB, siteId, MAX_TESTIMONIALS),
    );
    // Public and the same for every visitor: browsers may keep it briefly too (the CORS
    // middleware adds Vary: Origin).
    return c.json({ data: testimonials.slice(0, limit) }, 200, {
      'Cache-Control': `public, max-age=${TESTIMONIALS_TTL_SECONDS}`,
      Vary: 'Authorization',
      'Tandem-Cache': hit ? 'hit' : 'miss',
    });
  });
