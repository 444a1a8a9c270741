import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Schema } from 'hono/types';
import { listApprovedTestimonials } from '../db/testimonials.js';
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
    'never a customer’s contact details. Pass the key as `siteKey` to keep the request cacheable.',
  security: [{ publishableKey: [] }],
  middleware: [publishableKey(), rateLimit()] as const,
  request: {
    query: z.object({
      siteKey: z.string().startsWith('pk_').optional().openapi({ description: 'Instead of the Authorization header.' }),
      limit: z.coerce.number().int().min(1).max(50).default(12),
    }),
  },
  responses: {
    200: {
      description: 'The approved testimonials.',
      content: { 'application/json': { schema: z.object({ data: z.array(TestimonialSchema) }) } },
    },
    ...errorResponses(400, 401, 403, 429, 500),
  },
});

export const registerListTestimonials = <S extends Schema>(app: OpenAPIHono<AppEnv, S>) =>
  app.openapi(route, async (c) => {
    const { limit } = c.req.valid('query');
    const data = await listApprovedTestimonials(c.env.DB, c.get('site').id, limit);
    // Public and the same for every visitor: let browsers and the edge keep it briefly
    // (the CORS middleware adds Vary: Origin).
    return c.json({ data }, 200, { 'Cache-Control': 'public, max-age=60', Vary: 'Authorization' });
  });
