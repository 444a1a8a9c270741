import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Schema } from 'hono/types';
import { findSiteKey, revokeKey } from '../db/keys.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { forgetKeys, secretKey } from '../middleware/keys.js';
import { errorResponses } from '../schemas/error.js';
import { KEY_ID, KeySchema } from '../schemas/site.js';

export const route = createRoute({
  method: 'delete',
  path: '/v1/keys/{id}',
  tags: ['Private'],
  summary: 'Revoke a key',
  description:
    'The key stops working for good: a secret key at once; a publishable key at once on the server that took this ' +
    'call and within 30 s on the others (they remember a publishable key they looked up for 30 s). It stays in the list with `revokedAt`. Revoking a revoked key changes ' +
    'nothing. The site’s last live admin key cannot be revoked (409 `last_admin_key`): make another admin key ' +
    'first, so nobody is locked out. Another site’s key is a 404. Admin keys only.',
  security: [{ secretKey: [] }],
  middleware: [secretKey('admin')] as const,
  request: {
    params: z.object({
      id: z
        .string()
        .regex(KEY_ID, 'not a key id')
        .openapi({ param: { name: 'id', in: 'path' }, example: 'key_01JD3XA2M4N6P8Q0R2S4T6V8W0' }),
    }),
  },
  responses: {
    200: { description: 'The key, revoked.', content: { 'application/json': { schema: KeySchema } } },
    ...errorResponses(400, 401, 403, 404, 409, 500),
  },
});

export const registerRevokeKey = <S extends Schema>(app: OpenAPIHono<AppEnv, S>) =>
  app.openapi(route, async (c) => {
    const { id } = c.req.valid('param');
    const db = c.env.DB;
    const siteId = c.get('site').id;
    const key = await findSiteKey(db, siteId, id);
    if (!key) throw new ApiError('not_found', 'This site has no key with that id.');
    if (key.revokedAt === null && !(await revokeKey(db, siteId, id, new Date().toISOString()))) {
      // Not revoked now: either it is the last live admin key, or another request revoked it first.
      const now = await findSiteKey(db, siteId, id);
      if (now?.revokedAt === null) {
        throw new ApiError('last_admin_key', 'This is the site’s last live admin key; make another admin key before revoking it.');
      }
    }
    // A publishable key: this isolate stops taking it at once, others within KEY_CACHE_MS.
    forgetKeys(siteId);
    return c.json((await findSiteKey(db, siteId, id))!, 200);
  });
