import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Schema } from 'hono/types';
import { editTestimonial, findTestimonial } from '../db/testimonials.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { NO_TESTIMONIAL } from '../lib/studio.js';
import { byWhom } from '../middleware/keys.js';
import { forgetTestimonials } from '../lib/testimonials-cache.js';
import { limitBody } from '../middleware/body-limit.js';
import { jsonBody } from '../middleware/json-body.js';
import { secretKey } from '../middleware/keys.js';
import { errorResponses } from '../schemas/error.js';
import { StudioTestimonialDetailSchema, TestimonialIdSchema, TestimonialUpdateSchema } from '../schemas/testimonial.js';

export const route = createRoute({
  method: 'patch',
  path: '/v1/studio/testimonials/{id}',
  tags: ['Private'],
  summary: 'Edit a testimonial’s quote or author',
  description:
    'Changes the words the wall shows, the name or both, whatever the status. Every change is kept in the history ' +
    '(who, when, before and after) and the customer’s original words stay with the message. An approved ' +
    'testimonial stays approved and the wall shows the new words at once. Sending the same words changes and ' +
    'records nothing. Admin and pr keys.',
  security: [{ secretKey: [] }],
  middleware: [secretKey('admin', 'pr'), limitBody(), jsonBody()] as const,
  request: {
    params: z.object({ id: TestimonialIdSchema }),
    body: { required: true, content: { 'application/json': { schema: TestimonialUpdateSchema } } },
  },
  responses: {
    200: { description: 'The testimonial as it now is.', content: { 'application/json': { schema: StudioTestimonialDetailSchema } } },
    ...errorResponses(400, 401, 403, 404, 413, 415, 500),
  },
});

export const registerUpdateStudioTestimonial = <S extends Schema>(app: OpenAPIHono<AppEnv, S>) =>
  app.openapi(route, async (c) => {
    const { id } = c.req.valid('param');
    const { actor, ...change } = c.req.valid('json');
    const db = c.env.DB;
    const siteId = c.get('site').id;

    const before = await findTestimonial(db, siteId, id);
    if (!before) throw new ApiError('not_found', NO_TESTIMONIAL);
    const changed = await editTestimonial(db, siteId, id, change, byWhom(c, actor), new Date().toISOString());
    const after = await findTestimonial(db, siteId, id);
    if (!after) throw new ApiError('not_found', NO_TESTIMONIAL);
    if (changed && (before.status === 'approved' || after.status === 'approved')) await forgetTestimonials(siteId);
    return c.json(after, 200);
  });
