import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Schema } from 'hono/types';
import { findTestimonial } from '../db/testimonials.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { NO_TESTIMONIAL } from '../lib/studio.js';
import { secretKey } from '../middleware/keys.js';
import { errorResponses } from '../schemas/error.js';
import { StudioTestimonialDetailSchema, TestimonialIdSchema } from '../schemas/testimonial.js';

export const route = createRoute({
  method: 'get',
  path: '/v1/studio/testimonials/{id}',
  tags: ['Private'],
  summary: 'Read one testimonial',
  description:
    'A testimonial with its provenance: the message it was made from (the customer’s original words, their consent ' +
    'and where they wrote it) and its whole history (made, edited, approved, withdrawn: who and when). Another ' +
    'site’s id is a 404.',
  security: [{ secretKey: [] }],
  middleware: [secretKey('admin', 'support', 'pr')] as const,
  request: { params: z.object({ id: TestimonialIdSchema }) },
  responses: {
    200: { description: 'The testimonial.', content: { 'application/json': { schema: StudioTestimonialDetailSchema } } },
    ...errorResponses(400, 401, 403, 404, 500),
  },
});

export const registerGetStudioTestimonial = <S extends Schema>(app: OpenAPIHono<AppEnv, S>) =>
  app.openapi(route, async (c) => {
    const testimonial = await findTestimonial(c.env.DB, c.get('site').id, c.req.valid('param').id);
    if (!testimonial) throw new ApiError('not_found', NO_TESTIMONIAL);
    return c.json(testimonial, 200);
  });
