import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Schema } from 'hono/types';
import { listDeliveries } from '../db/deliveries.js';
import type { AppEnv } from '../env.js';
import { secretKey } from '../middleware/keys.js';
import { DELIVERY_ID, DeliverySchema, DeliveryStatusSchema } from '../schemas/delivery.js';
import { DESTINATION_ID } from '../schemas/destination.js';
import { errorResponses } from '../schemas/error.js';
import { cursorParam, PageLimitSchema, pageResponse } from '../schemas/page.js';
import { FEEDBACK_ID } from '../schemas/feedback.js';

export const route = createRoute({
  method: 'get',
  path: '/v1/deliveries',
  tags: ['Private'],
  summary: 'List deliveries',
  description:
    'What was sent where, newest first, each with every attempt (status, response code, error, time). Filter by ' +
    'destination, status or message; pass `nextCursor` back as `cursor` (with the same filters) for the next page. ' +
    'Admin keys only.',
  security: [{ secretKey: [] }],
  middleware: [secretKey('admin')] as const,
  request: {
    query: z.object({
      destination: z
        .string()
        .regex(DESTINATION_ID, 'not a destination id')
        .optional()
        .openapi({ description: 'Only deliveries to this destination.' }),
      status: DeliveryStatusSchema.optional(),
      feedback: z.string().regex(FEEDBACK_ID, 'not a feedback id').optional().openapi({ description: 'Only deliveries of this message.' }),
      limit: PageLimitSchema,
      cursor: cursorParam(z.string().regex(DELIVERY_ID, 'not a cursor this API gave out')),
    }),
  },
  responses: {
    200: pageResponse(DeliverySchema),
    ...errorResponses(400, 401, 403, 500),
  },
});

export const registerListDeliveries = <S extends Schema>(app: OpenAPIHono<AppEnv, S>) =>
  app.openapi(route, async (c) => {
    const { limit, cursor, ...filters } = c.req.valid('query');
    const { items, hasMore } = await listDeliveries(c.env.DB, c.get('site').id, { ...filters, before: cursor, limit });
    return c.json({ data: items, nextCursor: hasMore ? items[items.length - 1]!.id : null }, 200);
  });
