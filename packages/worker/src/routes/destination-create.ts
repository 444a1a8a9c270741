import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Schema } from 'hono/types';
import { insertDestination, MAX_DESTINATIONS } from '../db/destinations.js';
import { checkDestinationUrl } from '../delivery/destination-url.js';
import { newWebhookSecret } from '../delivery/signature.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { newId } from '../lib/ids.js';
import { limitBody } from '../middleware/body-limit.js';
import { jsonBody } from '../middleware/json-body.js';
import { secretKey } from '../middleware/keys.js';
import { DestinationCreatedSchema, DestinationInputSchema } from '../schemas/destination.js';
import { errorResponses } from '../schemas/error.js';

export const route = createRoute({
  method: 'post',
  path: '/v1/destinations',
  tags: ['Private'],
  summary: 'Add a destination',
  description:
    'A signed webhook or a Slack incoming webhook that receives every new message for the given teams (and, with ' +
    '`pr`, PR-risk alerts). A webhook’s signing secret (`whsec_…`) is in this answer only: keep it. The URL must be ' +
    'https to a public host (no private, loopback or link-local address, no single-label, .local, .internal or ' +
    '.localhost name); a Slack one https://hooks.slack.com/…. Plain http and 127.0.0.1, localhost and [::1] are for ' +
    `local development (LOCAL_DESTINATIONS = "allow"). At most ${MAX_DESTINATIONS} per site. Admin keys only.`,
  security: [{ secretKey: [] }],
  middleware: [secretKey('admin'), limitBody(), jsonBody()] as const,
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: DestinationInputSchema,
          example: { kind: 'webhook', name: 'Support desk', url: 'https://support.example.com/hooks/tandem', routes: ['support'] },
        },
      },
    },
  },
  responses: {
    201: { description: 'Added; enabled at once.', content: { 'application/json': { schema: DestinationCreatedSchema } } },
    ...errorResponses(400, 401, 403, 409, 413, 415, 500),
  },
});

export const registerCreateDestination = <S extends Schema>(app: OpenAPIHono<AppEnv, S>) =>
  app.openapi(route, async (c) => {
    const input = c.req.valid('json');
    checkDestinationUrl(c.env, input.kind, input.url);
    const secret = input.kind === 'webhook' ? newWebhookSecret() : null;
    const created = await insertDestination(c.env.DB, {
      ...input,
      id: newId('dst'),
      siteId: c.get('site').id,
      secret,
      now: new Date().toISOString(),
    });
    if (!created) throw new ApiError('limit_reached', `A site has at most ${MAX_DESTINATIONS} destinations; delete one first.`);
    return c.json({ ...created, secret }, 201);
  });
