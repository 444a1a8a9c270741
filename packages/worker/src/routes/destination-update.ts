import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Schema } from 'hono/types';
import { updateDestination } from '../db/destinations.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { limitBody } from '../middleware/body-limit.js';
import { jsonBody } from '../middleware/json-body.js';
import { secretKey } from '../middleware/keys.js';
import { DestinationIdParamSchema, DestinationSchema, DestinationUpdateSchema } from '../schemas/destination.js';
import { errorResponses } from '../schemas/error.js';

export const route = createRoute({
  method: 'patch',
  path: '/v1/destinations/{id}',
  tags: ['Private'],
  summary: 'Change a destination',
  description:
    'Its name, URL, teams, or whether it is enabled. A disabled destination receives nothing, and what was still ' +
    'pending for it is given up; enabling it again clears the reason Tandem turned it off. The signing secret stays. ' +
    'Admin keys only.',
  security: [{ secretKey: [] }],
  middleware: [secretKey('admin'), limitBody(), jsonBody()] as const,
  request: {
    params: DestinationIdParamSchema,
    body: { required: true, content: { 'application/json': { schema: DestinationUpdateSchema, example: { enabled: false } } } },
  },
  responses: {
    200: { description: 'The destination now.', content: { 'application/json': { schema: DestinationSchema } } },
    ...errorResponses(400, 401, 403, 404, 413, 415, 429, 500),
  },
});

export const registerUpdateDestination = <S extends Schema>(app: OpenAPIHono<AppEnv, S>) =>
  app.openapi(route, async (c) => {
    const { id } = c.req.valid('param');
    const updated = await updateDestination(c.env.DB, c.get('site').id, id, c.req.valid('json'), new Date().toISOString());
    if (!updated) throw new ApiError('not_found', 'This site has no destination with that id.');
    return c.json(updated, 200);
  });
