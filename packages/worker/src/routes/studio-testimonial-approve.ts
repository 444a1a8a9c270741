import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Schema } from 'hono/types';
import type { AppEnv } from '../env.js';
import { changeStatus } from '../lib/studio.js';
import { limitBody } from '../middleware/body-limit.js';
import { secretKey } from '../middleware/keys.js';
import { errorResponses } from '../schemas/error.js';
import { StudioTestimonialDetailSchema, TestimonialActionSchema, TestimonialIdSchema } from '../schemas/testimonial.js';

export const route = createRoute({
  method: 'post',
  path: '/v1/studio/testimonials/{id}/approve',
  tags: ['Private'],
  summary: 'Approve a testimonial',
  description:
    'Puts the testimonial on the wall (GET /v1/testimonials shows it at once) and records who approved which words. ' +
    'The customer must still agree to be quoted (409 `no_consent` otherwise). Approving an approved testimonial ' +
    'changes nothing. Admin and pr keys; support keys may not.',
  security: [{ secretKey: [] }],
  middleware: [secretKey('admin', 'pr'), limitBody()] as const,
  request: {
    params: z.object({ id: TestimonialIdSchema }),
    body: { required: false, content: { 'application/json': { schema: TestimonialActionSchema } } },
  },
  responses: {
    200: { description: 'The testimonial as it now is.', content: { 'application/json': { schema: StudioTestimonialDetailSchema } } },
    ...errorResponses(400, 401, 403, 404, 409, 413, 415, 500),
  },
});

export const registerApproveStudioTestimonial = <S extends Schema>(app: OpenAPIHono<AppEnv, S>) =>
  app.openapi(route, async (c) => {
    const testimonial = await changeStatus(c, c.req.valid('param').id, 'approved', c.req.valid('json').actor);
    return c.json(testimonial, 200);
  });
