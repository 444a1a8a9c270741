import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Schema } from 'hono/types';
import type { AppEnv } from '../env.js';
import { secretKey } from '../middleware/keys.js';
import { errorResponses } from '../schemas/error.js';
import { MeSchema } from '../schemas/site.js';

export const route = createRoute({
  method: 'get',
  path: '/v1/me',
  tags: ['Private'],
  summary: 'Who this key is',
  description:
    'The secret key the call is made with: its id, its role (admin, support or pr) and its site’s id and name. ' +
    'Any role: the dashboard asks it at sign-in to learn what to show.',
  security: [{ secretKey: [] }],
  middleware: [secretKey('admin', 'support', 'pr')] as const,
  responses: {
    200: { description: 'The key and its site.', content: { 'application/json': { schema: MeSchema } } },
    ...errorResponses(401, 500),
  },
});

// The key lookup already read the site's name with the key: nothing more to query.
export const registerMe = <S extends Schema>(app: OpenAPIHono<AppEnv, S>) =>
  app.openapi(route, (c) => {
    const { id, role } = c.get('secretKey');
    const { id: siteId, name } = c.get('site');
    return c.json({ keyId: id, role, site: { id: siteId, name } }, 200);
  });
