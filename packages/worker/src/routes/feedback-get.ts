import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Schema } from 'hono/types';
import { findFeedback } from '../db/feedback.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { secretKey } from '../middleware/keys.js';
import { errorResponses } from '../schemas/error.js';
import { FEEDBACK_ID, FeedbackSchema } from '../schemas/feedback.js';

export const route = createRoute({
  method: 'get',
  path: '/v1/feedback/{id}',
  tags: ['Private'],
  summary: 'Read one message',
  description: 'One message of the key’s site, with what was sent and the whole triage decision. Another site’s id is a 404.',
  security: [{ secretKey: [] }],
  middleware: [secretKey('admin', 'support', 'pr')] as const,
  request: {
    params: z.object({
      id: z.string().regex(FEEDBACK_ID, 'not a feedback id').openapi({ example: 'fb_01JD3X6Q0ZK4T1V8M2N5P7R9S3' }),
    }),
  },
  responses: {
    200: { description: 'The message.', content: { 'application/json': { schema: FeedbackSchema } } },
    ...errorResponses(400, 401, 403, 404, 429, 500),
  },
});

export const registerGetFeedback = <S extends Schema>(app: OpenAPIHono<AppEnv, S>) =>
  app.openapi(route, async (c) => {
    const feedback = await findFeedback(c.env.DB, c.get('site').id, c.req.valid('param').id);
    if (!feedback) throw new ApiError('not_found', 'This site has no feedback with that id.');
    return c.json(feedback, 200);
  });
