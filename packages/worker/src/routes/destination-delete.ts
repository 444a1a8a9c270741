import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Schema } from 'hono/types';
import { deleteDestination } from '../db/destinations.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { secretKey } from '../middleware/keys.js';
import { DestinationIdParamSchema } from '../schemas/destination.js';
import { errorResponses } from '../schemas/error.js';

export const route = createRoute({
  method: 'delete',
  path: '/v1/destinations/{id}',
  tags: ['Private'],
  summary: 'Delete a destination',
  description: 'Deletes it with its deliveries and their attempts; nothing more is sent to it. Admin keys only.',
  security: [{ secretKey: [] }],
  middleware: [secretKey('admin')] as const,
  request: { params: DestinationIdParamSchema },
  responses: {
    204: { description: 'Deleted.' },
    ...errorResponses(400, 401, 403, 404, 500),
  },
});

export const registerDeleteDestination = <S extends Schema>(app: OpenAPIHono<AppEnv, S>) =>
  app.openapi(route, async (c) => {
    if (!(await deleteDestination(c.env.DB, c.get('site').id, c.req.valid('param').id))) {
      throw new ApiError('not_found', 'This site has no destination with that id.');
    }
    return c.body(null, 204);
  });
