import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Schema } from 'hono/types';
import { findDelivery, reopenDelivery } from '../db/deliveries.js';
import { enqueueAfterResponse } from '../delivery/queue.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { secretKey } from '../middleware/keys.js';
import { DeliveryIdParamSchema, DeliverySchema } from '../schemas/delivery.js';
import { errorResponses } from '../schemas/error.js';

export const route = createRoute({
  method: 'post',
  path: '/v1/deliveries/{id}/replay',
  tags: ['Private'],
  summary: 'Send a delivery again',
  description:
    'Sends the same event again, whatever became of it (delivered, dead or still pending): a new attempt with the same ' +
    '`webhook-id`, so a receiver can tell it already has it, and a fresh signature. Retried on failure like a new ' +
    'delivery, with the whole schedule again; what was still queued for it before is dropped. The destination must ' +
    'be enabled. Admin keys only.',
  security: [{ secretKey: [] }],
  middleware: [secretKey('admin')] as const,
  request: { params: DeliveryIdParamSchema },
  responses: {
    202: { description: 'Queued again.', content: { 'application/json': { schema: DeliverySchema } } },
    ...errorResponses(400, 401, 403, 404, 409, 500),
  },
});

export const registerReplayDelivery = <S extends Schema>(app: OpenAPIHono<AppEnv, S>) =>
  app.openapi(route, async (c) => {
    const siteId = c.get('site').id;
    const { id } = c.req.valid('param');
    const reopened = await reopenDelivery(c.env.DB, siteId, id, new Date().toISOString());
    if (!reopened) throw new ApiError('not_found', 'This site has no delivery with that id.');
    if (!reopened.enabled) throw new ApiError('destination_disabled', 'Its destination is disabled; enable it first.');
    enqueueAfterResponse(c, [reopened.message]);
    return c.json((await findDelivery(c.env.DB, siteId, id))!, 202);
  });
