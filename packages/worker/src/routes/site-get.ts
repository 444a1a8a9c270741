import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Schema } from 'hono/types';
import { findSite } from '../db/sites.js';
import type { AppEnv } from '../env.js';
import { secretKey } from '../middleware/keys.js';
import { errorResponses } from '../schemas/error.js';
import { SiteSchema } from '../schemas/site.js';

export const route = createRoute({
  method: 'get',
  path: '/v1/site',
  tags: ['Private'],
  summary: 'Read the site’s settings',
  description: 'The key’s own site: its name, allowed origins, retention and when it was made. Admin keys only.',
  security: [{ secretKey: [] }],
  middleware: [secretKey('admin')] as const,
  responses: {
    200: { description: 'The site.', content: { 'application/json': { schema: SiteSchema } } },
    ...errorResponses(401, 403, 500),
  },
});

export const registerGetSite = <S extends Schema>(app: OpenAPIHono<AppEnv, S>) =>
  app.openapi(route, async (c) => c.json((await findSite(c.env.DB, c.get('site').id))!, 200));
