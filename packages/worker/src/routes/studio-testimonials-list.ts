import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Schema } from 'hono/types';
import { listTestimonials } from '../db/testimonials.js';
import type { AppEnv } from '../env.js';
import { decodeCursor, encodeCursor } from '../lib/cursor.js';
import { secretKey } from '../middleware/keys.js';
import { errorResponses } from '../schemas/error.js';
import { cursorParam, PageLimitSchema, pageResponse } from '../schemas/page.js';
import { StudioTestimonialSchema, TESTIMONIAL_ID, TestimonialStatusSchema } from '../schemas/testimonial.js';

export const route = createRoute({
  method: 'get',
  path: '/v1/studio/testimonials',
  tags: ['Private'],
  summary: 'List testimonials in the studio',
  description:
    'Every testimonial of the site, drafts and withdrawn ones too, newest first, one page at a time. The wall’s ' +
    'public list is GET /v1/testimonials. Pass `nextCursor` back as `cursor` (with the same status) for the next page.',
  security: [{ secretKey: [] }],
  middleware: [secretKey('admin', 'support', 'pr')] as const,
  request: {
    query: z.object({
      status: TestimonialStatusSchema.optional().openapi({ description: 'Only this status.' }),
      limit: PageLimitSchema,
      cursor: cursorParam(
        z
          .string()
          .max(200)
          .refine((cursor) => decodeCursor(cursor, TESTIMONIAL_ID) !== null, 'not a cursor this API gave out'),
      ),
    }),
  },
  responses: {
    200: pageResponse(StudioTestimonialSchema),
    ...errorResponses(400, 401, 403, 500),
  },
});

export const registerListStudioTestimonials = <S extends Schema>(app: OpenAPIHono<AppEnv, S>) =>
  app.openapi(route, async (c) => {
    const { status, limit, cursor } = c.req.valid('query');
    const after = cursor === undefined ? undefined : decodeCursor(cursor, TESTIMONIAL_ID)!;
    const { items, hasMore } = await listTestimonials(c.env.DB, c.get('site').id, { status, after, limit });
    const last = items[items.length - 1];
    return c.json({ data: items, nextCursor: hasMore && last ? encodeCursor(last.createdAt, last.id) : null }, 200);
  });
