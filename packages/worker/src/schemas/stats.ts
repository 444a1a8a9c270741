import { z } from '@hono/zod-openapi';
import { LABELS, ROUTES } from '@tandem/triage';
import { isTimeZone } from '../lib/days.js';
import { STATUSES } from './feedback.js';

export const MAX_STATS_DAYS = 366;
/** How many topics the stats name, most talked about first. */
export const TOP_TOPICS = 10;

export const StatsQuerySchema = z.object({
  from: z.iso.date().optional().openapi({ description: 'First day (YYYY-MM-DD), included. Default: 29 days before `to`.', example: '2026-11-01' }),
  to: z.iso.date().optional().openapi({ description: 'Last day, included. Default: today in `tz`.', example: '2026-11-30' }),
  tz: z
    .string()
    .max(64)
    .refine(isTimeZone, 'not a time zone such as Europe/Paris')
    .default('UTC')
    .openapi({ description: 'The IANA time zone the days are in.', example: 'Europe/Paris' }),
});

const counts = <K extends string>(keys: readonly K[]) =>
  z.object(Object.fromEntries(keys.map((k) => [k, z.number().int()])) as Record<K, z.ZodNumber>);
const average = (what: string) =>
  z.object({
    average: z.number().nullable().openapi({ description: `The average ${what}, to 2 decimals; null when none was given.` }),
    count: z.number().int().openapi({ description: 'How many messages gave one.' }),
  });

export const StatsSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    tz: z.string(),
    days: z.array(
      z.object({
        date: z.string().openapi({ example: '2026-11-01' }),
        total: z.number().int(),
        routes: counts(ROUTES).openapi({ description: 'Messages sent to each team (after overrides); one may go to two.' }),
        labels: counts(LABELS),
        rating: average('rating that day, spam left out,'),
        complaintRate: z.number().nullable().openapi({ description: 'That day’s complaints over its messages that are not spam; null when there are none.' }),
      }),
    ).openapi({ description: 'Every day of the range, oldest first; days without messages have zeros.' }),
    total: z.number().int().openapi({ description: 'Every message in the range, spam included.' }),
    rating: average('rating (1–5 stars), spam left out,'),
    score: average('score (0–10), spam left out,'),
    complaints: z.number().int(),
    complaintRate: z.number().nullable().openapi({ description: 'Complaints over messages that are not spam; null when there are none.' }),
    spam: z.number().int(),
    statuses: counts(STATUSES).openapi({ description: 'Where support is with the range’s messages now.' }),
    topics: z
      .array(z.object({ topic: z.string().openapi({ example: 'delivery' }), count: z.number().int(), complaints: z.number().int() }))
      .openapi({ description: `The ${TOP_TOPICS} topics messages (spam left out) spoke of most in the range, with how many were complaints.` }),
  })
  .openapi('Stats');

export type Stats = z.infer<typeof StatsSchema>;
