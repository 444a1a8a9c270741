/**
 * The events Tandem sends, in the OpenAPI document's `webhooks` (OpenAPI 3.1): what a receiver
 * gets, with the Standard Webhooks headers.
 */
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Schema } from 'hono/types';
import type { AppEnv } from '../env.js';
import { SurgeEventSchema } from '../schemas/alert.js';
import { FeedbackEventSchema, TestEventSchema } from '../schemas/delivery.js';

const headers = z.object({
  'webhook-id': z.string().openapi({ description: 'The delivery’s id: the same on every attempt and replay; dedupe on it.' }),
  'webhook-timestamp': z.string().openapi({ description: 'Seconds since 1970 when this attempt was signed.' }),
  'webhook-signature': z.string().openapi({
    description: 'v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>"> under the destination’s whsec_ secret.',
  }),
});

const answer = {
  200: { description: 'Any 2xx: delivered. 410 Gone: the destination is disabled. Anything else, or no answer in 10 s: retried.' },
};

export function registerWebhooks<S extends Schema>(app: OpenAPIHono<AppEnv, S>): void {
  for (const [name, schema, summary] of [
    ['feedback', FeedbackEventSchema, 'A new message (feedback.created), or a PR-risk alert (feedback.pr_risk)'],
    ['alert', SurgeEventSchema, 'Complaints about a topic spiked today (alert.surge), to destinations that receive pr'],
    ['test', TestEventSchema, 'A test event sent with POST /v1/destinations/{id}/test'],
  ] as const) {
    app.openAPIRegistry.registerWebhook({
      method: 'post',
      path: name,
      summary,
      request: { headers, body: { content: { 'application/json': { schema } } } },
      responses: answer,
    });
  }
}
