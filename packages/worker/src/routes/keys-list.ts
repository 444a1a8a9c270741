import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Schema } from 'hono/types';
import { listKeys } from '../db/keys.js';
import type { AppEnv } from '../env.js';
import { secretKey } from '../middleware/keys.js';
import { errorResponses } from '../schemas/error.js';
import { KeySchema } from '../schemas/site.js';

export const route = createRoute({
  method: 'get',
  path: '/v1/keys',
  tags: ['Private'],
  summary: 'List the site’s keys',
  description:
    'Every key of the site, revoked ones too, oldest first: kind, role, a hint to tell them apart, when made and ' +
    'revoked. Never a secret key itself: only its hash is stored. Admin keys only.',
  security: [{ secretKey: [] }],
  middleware: [secretKey('admin')] as const,
  responses: {
    200: { description: 'The keys.', content: { 'application/json': { schema: z.object({ data: z.array(KeySchema) }) } } },
    ...errorResponses(401, 403, 500),
  },
});

export const registerListKeys = <S extends Schema>(app: OpenAPIHono<AppEnv, S>) =>
  app.openapi(route, async (c) => c.json({ data: await listKeys(c.env.DB, c.get('site').id) }, 200));
