import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Schema } from 'hono/types';
import { insertKey, type KeyKind, type Role } from '../db/keys.js';
import { insertSite } from '../db/sites.js';
import type { AppEnv } from '../env.js';
import { newKeyValue } from '../lib/api-keys.js';
import { newId } from '../lib/ids.js';
import { limitBody } from '../middleware/body-limit.js';
import { forgetKnownOrigins } from '../middleware/cors.js';
import { jsonBody } from '../middleware/json-body.js';
import { secretKey } from '../middleware/keys.js';
import { errorResponses } from '../schemas/error.js';
import { SiteCreatedSchema, SiteCreateSchema } from '../schemas/site.js';

export const route = createRoute({
  method: 'post',
  path: '/v1/sites',
  tags: ['Private'],
  summary: 'Make a new site',
  description:
    'A new, independent site with its first publishable key and admin secret key, both shown this once. Any site’s ' +
    'admin key may make one, but the new site shares nothing with the caller’s: the calling key cannot read or ' +
    'change it; the new admin key does. Admin keys only.',
  security: [{ secretKey: [] }],
  middleware: [secretKey('admin'), limitBody(), jsonBody()] as const,
  request: { body: { required: true, content: { 'application/json': { schema: SiteCreateSchema } } } },
  responses: {
    201: { description: 'The site and its first keys.', content: { 'application/json': { schema: SiteCreatedSchema } } },
    ...errorResponses(400, 401, 403, 413, 415, 500),
  },
});

export const registerCreateSite = <S extends Schema>(app: OpenAPIHono<AppEnv, S>) =>
  app.openapi(route, async (c) => {
    const { name, origins, retentionDays } = c.req.valid('json');
    const db = c.env.DB;
    const createdAt = new Date().toISOString();
    const site = { id: newId('site'), name, origins: [...origins].sort(), retentionDays, createdAt };
    const firstKey = async (kind: KeyKind, role: Role | null) => {
      const { key, hash, hint } = await newKeyValue(kind);
      const created = { id: newId('key'), kind, role, hint, createdAt, revokedAt: null };
      return { created: { ...created, key }, statement: insertKey(db, { ...created, siteId: site.id, hash }) };
    };
    const publishable = await firstKey('publishable', null);
    const admin = await firstKey('secret', 'admin');
    // One transaction: a site is never left without its keys.
    await db.batch([...insertSite(db, site), publishable.statement, admin.statement]);
    if (origins.length) forgetKnownOrigins();
    return c.json({ site, keys: { publishable: publishable.created, admin: admin.created } }, 201);
  });
