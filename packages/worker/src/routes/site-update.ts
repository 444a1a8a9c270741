import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Schema } from 'hono/types';
import { findSite, updateSite } from '../db/sites.js';
import type { AppEnv } from '../env.js';
import { limitBody } from '../middleware/body-limit.js';
import { forgetKnownOrigins } from '../middleware/cors.js';
import { forgetKeys } from '../middleware/keys.js';
import { jsonBody } from '../middleware/json-body.js';
import { secretKey } from '../middleware/keys.js';
import { errorResponses } from '../schemas/error.js';
import { SiteSchema, SiteUpdateSchema } from '../schemas/site.js';

export const route = createRoute({
  method: 'patch',
  path: '/v1/site',
  tags: ['Private'],
  summary: 'Change the site’s settings',
  description:
    'Any of: the name; the allowed origins (the whole list, each a bare origin such as https://shop.example, ' +
    'replacing the stored one; an empty list allows no browser); the retention in days (1–3650; the next nightly ' +
    'run applies it). Keys check origins on every request, so a change counts at once on the server that took it and within 30 s ' +
    'on the others (they remember a publishable key and its site for 30 s). Admin keys only.',
  security: [{ secretKey: [] }],
  middleware: [secretKey('admin'), limitBody(), jsonBody()] as const,
  request: { body: { required: true, content: { 'application/json': { schema: SiteUpdateSchema } } } },
  responses: {
    200: { description: 'The site as it now is.', content: { 'application/json': { schema: SiteSchema } } },
    ...errorResponses(400, 401, 403, 413, 415, 500),
  },
});

export const registerUpdateSite = <S extends Schema>(app: OpenAPIHono<AppEnv, S>) =>
  app.openapi(route, async (c) => {
    const update = c.req.valid('json');
    const siteId = c.get('site').id;
    await updateSite(c.env.DB, siteId, update);
    if (update.origins) {
      forgetKnownOrigins();
      forgetKeys(siteId); // the cached keys carry the site's origins
    }
    return c.json((await findSite(c.env.DB, siteId))!, 200);
  });
