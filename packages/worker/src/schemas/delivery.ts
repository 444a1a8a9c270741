import { z } from '@hono/zod-openapi';
import { ID_PATTERN } from '../lib/ids.js';
import type { SurgeEvent } from './alert.js';
import { CategorySchema, LabelSchema, RouteSchema, UrgencySchema } from './feedback.js';

export const DELIVERY_ID = ID_PATTERN('dlv');

export const EventTypeSchema = z.enum(['feedback.created', 'feedback.pr_risk', 'alert.surge', 'test']).openapi('EventType', {
  description:
    'feedback.created: a message for the teams the destination receives; feedback.pr_risk: the same, for a destination ' +
    'that receives pr, when the customer threatens to go public; alert.surge: to destinations that receive pr, when ' +
    'complaints about a topic spike; test: sent from the API to check a destination.',
});

export const DeliveryStatusSchema = z.enum(['pending', 'delivered', 'dead']).openapi('DeliveryStatus', {
  description: 'pending: not delivered yet (queued, or waiting for a retry); delivered: a 2xx came back; dead: given up.',
});

export const DeliveryAttemptSchema = z
  .object({
    attempt: z.number().int().openapi({ description: '1, 2, …; a replay continues the count.' }),
    status: z.enum(['ok', 'failed']),
    responseCode: z.number().int().nullable().openapi({ description: 'null when no answer came (timeout, network error).' }),
    error: z.string().nullable().openapi({ example: 'HTTP 503: upstream unavailable' }),
    durationMs: z.number().int(),
    at: z.string(),
  })
  .openapi('DeliveryAttempt');

export const DeliverySchema = z
  .object({
    id: z.string().openapi({ description: 'Also the `webhook-id` header, the same on every attempt.', example: 'dlv_01JD3X6Q0ZK4T1V8M2N5P7R9S3' }),
    destinationId: z.string(),
    feedbackId: z.string().nullable().openapi({ description: 'null for a test event or an alert.' }),
    event: EventTypeSchema,
    status: DeliveryStatusSchema,
    deadReason: z.string().nullable().openapi({ example: 'no 2xx after 6 attempts' }),
    nextAttemptAt: z.string().nullable().openapi({ description: 'When the next attempt is due, while pending.' }),
    createdAt: z.string(),
    attempts: z.array(DeliveryAttemptSchema).openapi({ description: 'Every request sent, oldest first.' }),
  })
  .openapi('Delivery');

export const DeliveryIdParamSchema = z.object({
  id: z
    .string()
    .regex(DELIVERY_ID, 'not a delivery id')
    .openapi({ param: { name: 'id', in: 'path' }, example: 'dlv_01JD3X6Q0ZK4T1V8M2N5P7R9S3' }),
});

// What receivers get. The body of every webhook delivery is one of these events.

export const FeedbackEventDataSchema = z
  .object({
    id: z.string().openapi({ example: 'fb_01JD3X6Q0ZK4T1V8M2N5P7R9S3' }),
    siteId: z.string(),
    label: LabelSchema,
    routes: z.array(RouteSchema),
    urgency: UrgencySchema,
    topics: z.array(z.string()),
    prRisk: z.boolean().openapi({ description: 'The customer threatens to go public.' }),
    rating: z.number().int().nullable().openapi({ description: 'Stars, 1–5, when given.' }),
    score: z.number().int().nullable().openapi({ description: 'The 0–10 answer, when given instead of stars.' }),
    category: CategorySchema.nullable(),
    message: z.string(),
    email: z.string().optional().openapi({ description: 'Only when the customer left one (or the site identified them).' }),
    name: z.string().optional().openapi({ description: 'Only when known.' }),
    pageUrl: z.string().nullable(),
    createdAt: z.string(),
    link: z.string().openapi({ description: 'The message in the dashboard.', example: 'https://tandem.example.com/dashboard/feedback/fb_01JD3X6Q0ZK4T1V8M2N5P7R9S3' }),
  })
  .openapi('FeedbackEventData');

export const FeedbackEventSchema = z
  .object({
    type: z.enum(['feedback.created', 'feedback.pr_risk']),
    timestamp: z.string().openapi({ description: 'When the message arrived (ISO 8601).' }),
    data: FeedbackEventDataSchema,
  })
  .openapi('FeedbackEvent');

export const TestEventSchema = z
  .object({
    type: z.literal('test'),
    timestamp: z.string(),
    data: z.object({
      destinationId: z.string(),
      routes: z.array(RouteSchema),
      message: z.string(),
      link: z.string().openapi({ description: 'The dashboard.' }),
    }),
  })
  .openapi('TestEvent');

export type DeliveryStatus = z.infer<typeof DeliveryStatusSchema>;
export type EventType = z.infer<typeof EventTypeSchema>;
export type DeliveryAttempt = z.infer<typeof DeliveryAttemptSchema>;
export type Delivery = z.infer<typeof DeliverySchema>;
export type FeedbackEventData = z.infer<typeof FeedbackEventDataSchema>;
export type FeedbackEvent = z.infer<typeof FeedbackEventSchema>;
export type TestEvent = z.infer<typeof TestEventSchema>;
export type DeliveryEvent = FeedbackEvent | SurgeEvent | TestEvent;
