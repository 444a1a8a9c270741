import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Schema } from 'hono/types';
import { findDestination, updateDestination } from '../db/destinations.js';
import { checkDestinationUrl } from '../delivery/destination-url.js';
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
    'pending for it is given up; enabling it again clears the reason Tandem turned it off. A new URL follows the same ' +
    'rules as when adding one. The signing secret stays. Admin keys only.',
  security: [{ secretKey: [] }],
  middleware: [secretKey('admin'), limitBody(), jsonBody()] as const,
  request: {
    params: DestinationIdParamSchema,
    body: { required: true, content: { 'application/json': { schema: DestinationUpdateSchema, example: { enabled: false } } } },
  },
  responses: {
    200: { description: 'The destination now.', content: { 'application/json': { schema: DestinationSchema } } },
    ...errorResponses(400, 401, 403, 404, 413, 415, 500),
  },
});

const NOT_FOUND = 'This site has no destination with that id.';

export const registerUpdateDestination = <S extends Schema>(app: OpenAPIHono<AppEnv, S>) =>
  app.openapi(route, async (c) => {
    const { id } = c.req.valid('param');
    const siteId = c.get('site').id;
    const change = c.req.valid('json');
    if (change.url !== undefined) {
      // Which URLs are allowed depends on the kind, which never changes.
      const destination = await findDestination(c.env.DB, siteId, id);
      if (!destination) throw new ApiError('not_found', NOT_FOUND);
      checkDestinationUrl(c.env, destination.kind, change.url);
    }
    const updated = await updateDestination(c.env.DB, siteId, id, change, new Date().toISOString());
    if (!updated) throw new ApiError('not_found', NOT_FOUND);
    return c.json(updated, 200);
  });
