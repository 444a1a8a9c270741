import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Schema } from 'hono/types';
import { listAlerts } from '../db/alerts.js';
import type { AppEnv } from '../env.js';
import { secretKey } from '../middleware/keys.js';
import { ALERT_ID, AlertSchema } from '../schemas/alert.js';
import { errorResponses } from '../schemas/error.js';
import { cursorParam, PageLimitSchema, pageResponse } from '../schemas/page.js';

export const route = createRoute({
  method: 'get',
  path: '/v1/alerts',
  tags: ['Private'],
  summary: 'List alerts',
  description:
    'The surges the hourly job found: a topic whose complaints today (UTC) reached at least 5 and three times their ' +
    'daily mean over the 28 days before, once per topic and day. Newest first; pass `nextCursor` back as `cursor` for ' +
    'the next page. Every role.',
  security: [{ secretKey: [] }],
  middleware: [secretKey('admin', 'support', 'pr')] as const,
  request: {
    query: z.object({
      limit: PageLimitSchema,
      cursor: cursorParam(z.string().regex(ALERT_ID, 'not a cursor this API gave out')),
    }),
  },
  responses: {
    200: pageResponse(AlertSchema),
    ...errorResponses(400, 401, 403, 500),
  },
});

export const registerListAlerts = <S extends Schema>(app: OpenAPIHono<AppEnv, S>) =>
  app.openapi(route, async (c) => {
    const { limit, cursor } = c.req.valid('query');
    const { items, hasMore } = await listAlerts(c.env.DB, c.get('site').id, { before: cursor, limit });
    return c.json({ data: items, nextCursor: hasMore ? items[items.length - 1]!.id : null }, 200);
  });
