import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Schema } from 'hono/types';
import { addNote } from '../db/inbox.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { limitBody } from '../middleware/body-limit.js';
import { jsonBody } from '../middleware/json-body.js';
import { byWhom, secretKey } from '../middleware/keys.js';
import { errorResponses } from '../schemas/error.js';
import { FeedbackIdParamsSchema } from '../schemas/feedback.js';
import { FeedbackEventSchema, NoteInputSchema } from '../schemas/inbox.js';

export const route = createRoute({
  method: 'post',
  path: '/v1/feedback/{id}/notes',
  tags: ['Private'],
  summary: 'Add an internal note',
  description:
    'A note for the team (1–5,000 characters), never shown to the customer; it joins the message’s `events`. ' +
    'Any role: PR may leave a note too.',
  security: [{ secretKey: [] }],
  middleware: [secretKey('admin', 'support', 'pr'), limitBody(), jsonBody()] as const,
  request: {
    params: FeedbackIdParamsSchema,
    body: { required: true, content: { 'application/json': { schema: NoteInputSchema } } },
  },
  responses: {
    201: { description: 'The note, as the log shows it.', content: { 'application/json': { schema: FeedbackEventSchema } } },
    ...errorResponses(400, 401, 403, 404, 413, 415, 500),
  },
});

export const registerAddNote = <S extends Schema>(app: OpenAPIHono<AppEnv, S>) =>
  app.openapi(route, async (c) => {
    const { id } = c.req.valid('param');
    const { text, actor } = c.req.valid('json');
    const note = await addNote(c.env.DB, c.get('site').id, id, text, byWhom(c, actor), new Date().toISOString());
    if (!note) throw new ApiError('not_found', 'This site has no feedback with that id.');
    return c.json(note, 201);
  });
