import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { ROUTES } from '@tandem/triage';
import type { Schema } from 'hono/types';
import { fanOutStatement } from '../db/deliveries.js';
import { findFeedback } from '../db/feedback.js';
import { changeFeedbackStatements, findFeedbackDetail } from '../db/inbox.js';
import { dashboardBase, feedbackEventData } from '../delivery/events.js';
import { enqueueAfterResponse, firstMessage } from '../delivery/queue.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { limitBody } from '../middleware/body-limit.js';
import { jsonBody } from '../middleware/json-body.js';
import { byWhom, secretKey } from '../middleware/keys.js';
import { errorResponses } from '../schemas/error.js';
import { FeedbackIdParamsSchema } from '../schemas/feedback.js';
import { FeedbackDetailSchema, RoutesOverrideSchema } from '../schemas/inbox.js';

export const route = createRoute({
  method: 'put',
  path: '/v1/feedback/{id}/routes',
  tags: ['Private'],
  summary: 'Override a message’s routes',
  description:
    'Sends the message to other teams than the triage chose: `routes` becomes these, the triage’s stay in ' +
    '`triageRoutes`, and `override` says who, when and why. Sending the triage’s own routes undoes the override. ' +
    'Lists and stats follow the new routes. The destinations of an added team that have not had the message yet ' +
    'receive it now, as when it arrived (with the routes as they are now); removing a team recalls nothing already ' +
    'delivered. Admin and support keys.',
  security: [{ secretKey: [] }],
  middleware: [secretKey('admin', 'support'), limitBody(), jsonBody()] as const,
  request: {
    params: FeedbackIdParamsSchema,
    body: { required: true, content: { 'application/json': { schema: RoutesOverrideSchema } } },
  },
  responses: {
    200: { description: 'The message as it is now.', content: { 'application/json': { schema: FeedbackDetailSchema } } },
    ...errorResponses(400, 401, 403, 404, 413, 415, 500),
  },
});

const NOT_FOUND = 'This site has no feedback with that id.';

export const registerOverrideRoutes = <S extends Schema>(app: OpenAPIHono<AppEnv, S>) =>
  app.openapi(route, async (c) => {
    const { id } = c.req.valid('param');
    const { routes: chosen, reason, actor } = c.req.valid('json');
    const siteId = c.get('site').id;
    const current = await findFeedback(c.env.DB, siteId, id);
    if (!current) throw new ApiError('not_found', NOT_FOUND);

    // The triage's routes never change, so reading them first is safe; the same teams in any order are no override.
    const triage = current.triageRoutes ?? current.routes;
    const routes = ROUTES.filter((r) => chosen.includes(r));
    const same = routes.length === triage.length && routes.every((r) => triage.includes(r));
    const change = { kind: 'routes', override: same ? null : routes, routes: same ? triage : routes, reason: reason ?? null } as const;
    const now = new Date().toISOString();
    const db = c.env.DB;
    const writes = changeFeedbackStatements(db, siteId, id, change, byWhom(c, actor), now);
    // The teams added owe the message to their destinations, written with the change (those that
    // already have it are skipped in the statement). A team taken away keeps what it was sent.
    const added = change.routes.filter((r) => !current.routes.includes(r));
    const fanOut = added.length
      ? fanOutStatement(db, {
          id,
          siteId,
          routes: added,
          prRisk: current.prRisk,
          createdAt: current.createdAt,
          now,
          data: feedbackEventData({ ...current, routes: change.routes, siteId }, dashboardBase(c.env.DASHBOARD_URL, c.req.url)),
        })
      : null;
    const [, updated, fannedOut] = await db.batch<{ id: string }>(fanOut ? [...writes, fanOut] : writes);
    const feedback = updated!.meta.changes === 1 && (await findFeedbackDetail(db, siteId, id));
    if (!feedback) throw new ApiError('not_found', NOT_FOUND);
    enqueueAfterResponse(c, fannedOut?.results.map((d) => firstMessage(d.id)) ?? []);
    return c.json(feedback, 200);
  });
