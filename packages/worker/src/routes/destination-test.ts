import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Schema } from 'hono/types';
import { findDelivery, insertDelivery } from '../db/deliveries.js';
import { findDestination } from '../db/destinations.js';
import { dashboardBase, testEvent } from '../delivery/events.js';
import { enqueueAfterResponse, firstMessage } from '../delivery/queue.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { newId } from '../lib/ids.js';
import { secretKey } from '../middleware/keys.js';
import { DeliverySchema } from '../schemas/delivery.js';
import { DestinationIdParamSchema } from '../schemas/destination.js';
import { errorResponses } from '../schemas/error.js';

export const route = createRoute({
  method: 'post',
  path: '/v1/destinations/{id}/test',
  tags: ['Private'],
  summary: 'Send a test event',
  description:
    'Queues a `test` event to the destination, delivered (signed, retried) like any other; follow it with ' +
    '`GET /v1/deliveries?destination={id}`. Admin keys only.',
  security: [{ secretKey: [] }],
  middleware: [secretKey('admin')] as const,
  request: { params: DestinationIdParamSchema },
  responses: {
    202: { description: 'Queued: the delivery to follow.', content: { 'application/json': { schema: DeliverySchema } } },
    ...errorResponses(400, 401, 403, 404, 409, 500),
  },
});

export const registerTestDestination = <S extends Schema>(app: OpenAPIHono<AppEnv, S>) =>
  app.openapi(route, async (c) => {
    const siteId = c.get('site').id;
    const destination = await findDestination(c.env.DB, siteId, c.req.valid('param').id);
    if (!destination) throw new ApiError('not_found', 'This site has no destination with that id.');
    if (!destination.enabled) throw new ApiError('destination_disabled', 'This destination is disabled; enable it first.');
    const now = new Date();
    const event = testEvent(destination, dashboardBase(c.env.DASHBOARD_URL, c.req.url), now);
    const id = newId('dlv');
    await insertDelivery(c.env.DB, {
      id,
      siteId,
      destinationId: destination.id,
      event: event.type,
      payload: JSON.stringify(event),
      now: now.toISOString(),
    });
    enqueueAfterResponse(c, [firstMessage(id)]);
    return c.json((await findDelivery(c.env.DB, siteId, id))!, 202);
  });
