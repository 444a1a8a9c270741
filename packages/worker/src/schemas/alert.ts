import { z } from '@hono/zod-openapi';
import { ID_PATTERN } from '../lib/ids.js';

export const ALERT_ID = ID_PATTERN('al');

const surge = {
  topic: z.string().openapi({ example: 'billing' }),
  day: z.string().openapi({ description: 'The UTC day (YYYY-MM-DD) whose complaints surged.', example: '2026-11-22' }),
  today: z.number().int().openapi({ description: 'Complaints about the topic that day when the alert was raised.', example: 9 }),
  baseline: z.number().openapi({ description: 'The mean daily complaints about it over the 28 days before, to 2 decimals.', example: 0.5 }),
  sampleFeedbackIds: z.array(z.string()).openapi({ description: 'A few of the day’s complaints about it, newest first.' }),
};

export const AlertSchema = z
  .object({
    id: z.string().openapi({ example: 'al_01JD3X6Q0ZK4T1V8M2N5P7R9S3' }),
    kind: z.literal('surge').openapi({ description: 'surge: complaints about a topic spiked against their baseline.' }),
    ...surge,
    createdAt: z.string(),
  })
  .openapi('Alert');

export const SurgeEventSchema = z
  .object({
    type: z.literal('alert.surge'),
    timestamp: z.string().openapi({ description: 'When the alert was raised (ISO 8601).' }),
    data: z.object({
      id: z.string().openapi({ description: 'The alert’s id, as GET /v1/alerts lists it.' }),
      siteId: z.string(),
      ...surge,
      link: z.string().nullable().openapi({
        description: 'Insights in the dashboard; null when the worker has no DASHBOARD_URL (a scheduled job knows no origin).',
      }),
    }),
  })
  .openapi('SurgeEvent');

export type Alert = z.infer<typeof AlertSchema>;
export type SurgeEvent = z.infer<typeof SurgeEventSchema>;
