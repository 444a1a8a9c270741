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
  path: '/v1/studio/testimonials/{id}/withdraw',
  tags: ['Private'],
  summary: 'Withdraw a testimonial',
  description:
    'Takes the testimonial off the wall at once (or keeps a draft off it) and records who withdrew it. It stays in ' +
    'the studio with its history and can be approved again. Withdrawing a withdrawn testimonial changes nothing. ' +
    'Admin and pr keys; support keys may not.',
  security: [{ secretKey: [] }],
  middleware: [secretKey('admin', 'pr'), limitBody()] as const,
  request: {
    params: z.object({ id: TestimonialIdSchema }),
    body: { required: false, content: { 'application/json': { schema: TestimonialActionSchema } } },
  },
  responses: {
    200: { description: 'The testimonial as it now is.', content: { 'application/json': { schema: StudioTestimonialDetailSchema } } },
    ...errorResponses(400, 401, 403, 404, 413, 415, 500),
  },
});

export const registerWithdrawStudioTestimonial = <S extends Schema>(app: OpenAPIHono<AppEnv, S>) =>
  app.openapi(route, async (c) => {
    const testimonial = await changeStatus(c, c.req.valid('param').id, 'withdrawn', c.req.valid('json').actor);
    return c.json(testimonial, 200);
  });
