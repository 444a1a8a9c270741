import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Schema } from 'hono/types';
import { findFeedbackDetail } from '../db/inbox.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { secretKey } from '../middleware/keys.js';
import { errorResponses } from '../schemas/error.js';
import { FeedbackIdParamsSchema } from '../schemas/feedback.js';
import { FeedbackDetailSchema } from '../schemas/inbox.js';

export const route = createRoute({
  method: 'get',
  path: '/v1/feedback/{id}',
  tags: ['Private'],
  summary: 'Read one message',
  description:
    'One message of the key’s site, with what was sent, the whole triage decision, its assignee and routes (with ' +
    'the triage’s own and who overrode them), and every change and internal note, oldest first. Another site’s id is a 404.',
  security: [{ secretKey: [] }],
  middleware: [secretKey('admin', 'support', 'pr')] as const,
  request: { params: FeedbackIdParamsSchema },
  responses: {
    200: { description: 'The message.', content: { 'application/json': { schema: FeedbackDetailSchema } } },
    ...errorResponses(400, 401, 403, 404, 500),
  },
});

export const registerGetFeedback = <S extends Schema>(app: OpenAPIHono<AppEnv, S>) =>
  app.openapi(route, async (c) => {
    const feedback = await findFeedbackDetail(c.env.DB, c.get('site').id, c.req.valid('param').id);
    if (!feedback) throw new ApiError('not_found', 'This site has no feedback with that id.');
    return c.json(feedback, 200);
  });
