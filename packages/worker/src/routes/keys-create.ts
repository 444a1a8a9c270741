import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Schema } from 'hono/types';
import { insertKey } from '../db/keys.js';
import type { AppEnv } from '../env.js';
import { newKeyValue } from '../lib/api-keys.js';
import { newId } from '../lib/ids.js';
import { limitBody } from '../middleware/body-limit.js';
import { jsonBody } from '../middleware/json-body.js';
import { secretKey } from '../middleware/keys.js';
import { errorResponses } from '../schemas/error.js';
import { CreatedKeySchema, KeyCreateSchema } from '../schemas/site.js';

export const route = createRoute({
  method: 'post',
  path: '/v1/keys',
  tags: ['Private'],
  summary: 'Make a key',
  description:
    'A publishable key, or a secret key with a role (admin, support or pr), for the key’s own site. The answer holds ' +
    'the key itself, this once: only its hash is stored. It works at once. Admin keys only.',
  security: [{ secretKey: [] }],
  middleware: [secretKey('admin'), limitBody(), jsonBody()] as const,
  request: { body: { required: true, content: { 'application/json': { schema: KeyCreateSchema } } } },
  responses: {
    201: { description: 'The key, with its value shown once.', content: { 'application/json': { schema: CreatedKeySchema } } },
    ...errorResponses(400, 401, 403, 413, 415, 500),
  },
});

export const registerCreateKey = <S extends Schema>(app: OpenAPIHono<AppEnv, S>) =>
  app.openapi(route, async (c) => {
    const { kind, role } = c.req.valid('json');
    const { key, hash, hint } = await newKeyValue(kind);
    const created = { id: newId('key'), kind, role: role ?? null, hint, createdAt: new Date().toISOString(), revokedAt: null };
    await insertKey(c.env.DB, { ...created, siteId: c.get('site').id, hash }).run();
    return c.json({ ...created, key }, 201);
  });
