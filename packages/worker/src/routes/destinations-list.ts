import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Schema } from 'hono/types';
import { listDestinations } from '../db/destinations.js';
import type { AppEnv } from '../env.js';
import { secretKey } from '../middleware/keys.js';
import { DestinationSchema } from '../schemas/destination.js';
import { errorResponses } from '../schemas/error.js';

export const route = createRoute({
  method: 'get',
  path: '/v1/destinations',
  tags: ['Private'],
  summary: 'List destinations',
  description:
    'Where the site’s messages are delivered: signed webhooks and Slack channels, each with the teams it receives. ' +
    'Secrets are never listed. Admin keys only.',
  security: [{ secretKey: [] }],
  middleware: [secretKey('admin')] as const,
  responses: {
    200: {
      description: 'Every destination of the site, oldest first.',
      content: { 'application/json': { schema: z.object({ data: z.array(DestinationSchema) }) } },
    },
    ...errorResponses(401, 403, 500),
  },
});

export const registerListDestinations = <S extends Schema>(app: OpenAPIHono<AppEnv, S>) =>
  app.openapi(route, async (c) => c.json({ data: await listDestinations(c.env.DB, c.get('site').id) }, 200));
