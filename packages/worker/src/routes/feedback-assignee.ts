import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Schema } from 'hono/types';
import { changeFeedback, findFeedbackDetail } from '../db/inbox.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { limitBody } from '../middleware/body-limit.js';
import { jsonBody } from '../middleware/json-body.js';
import { byWhom, secretKey } from '../middleware/keys.js';
import { errorResponses } from '../schemas/error.js';
import { FeedbackIdParamsSchema } from '../schemas/feedback.js';
import { AssigneeChangeSchema, FeedbackDetailSchema } from '../schemas/inbox.js';

export const route = createRoute({
  method: 'put',
  path: '/v1/feedback/{id}/assignee',
  tags: ['Private'],
  summary: 'Assign a message',
  description:
    'To an agent (a name or an email, 1–100 characters), or to nobody with null. Logged with the key, its role and ' +
    '`actor`. Admin and support keys.',
  security: [{ secretKey: [] }],
  middleware: [secretKey('admin', 'support'), limitBody(), jsonBody()] as const,
  request: {
    params: FeedbackIdParamsSchema,
    body: { required: true, content: { 'application/json': { schema: AssigneeChangeSchema } } },
  },
  responses: {
    200: { description: 'The message as it is now.', content: { 'application/json': { schema: FeedbackDetailSchema } } },
    ...errorResponses(400, 401, 403, 404, 413, 415, 500),
  },
});

export const registerSetAssignee = <S extends Schema>(app: OpenAPIHono<AppEnv, S>) =>
  app.openapi(route, async (c) => {
    const { id } = c.req.valid('param');
    const { assignee, actor } = c.req.valid('json');
    const siteId = c.get('site').id;
    const now = new Date().toISOString();
    const found = await changeFeedback(c.env.DB, siteId, id, { kind: 'assignee', value: assignee }, byWhom(c, actor), now);
    const feedback = found && (await findFeedbackDetail(c.env.DB, siteId, id));
    if (!feedback) throw new ApiError('not_found', 'This site has no feedback with that id.');
    return c.json(feedback, 200);
  });
