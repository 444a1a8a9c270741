import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Schema } from 'hono/types';
import { siteStats } from '../db/stats.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { addDays, daysBetween, daysIn, today } from '../lib/days.js';
import { secretKey } from '../middleware/keys.js';
import { errorResponses } from '../schemas/error.js';
import { MAX_STATS_DAYS, StatsQuerySchema, StatsSchema } from '../schemas/stats.js';

export const route = createRoute({
  method: 'get',
  path: '/v1/stats',
  tags: ['Private'],
  summary: 'Stats',
  description:
    'Per day in `tz`: messages by team (after overrides) and by label, the average rating and the complaint rate. ' +
    'Over the range: the total, the average ' +
    'rating and score, the complaint rate, spam, where support is with the messages, and the top topics. The last 30 days by ' +
    `default; at most ${MAX_STATS_DAYS} days.`,
  security: [{ secretKey: [] }],
  middleware: [secretKey('admin', 'support', 'pr')] as const,
  request: { query: StatsQuerySchema },
  responses: {
    200: { description: 'The numbers.', content: { 'application/json': { schema: StatsSchema } } },
    ...errorResponses(400, 401, 403, 500),
  },
});

export const registerStats = <S extends Schema>(app: OpenAPIHono<AppEnv, S>) =>
  app.openapi(route, async (c) => {
    const { tz, ...query } = c.req.valid('query');
    const to = query.to ?? today(tz, new Date());
    const from = query.from ?? addDays(to, -29);
    const refuse = (path: string, message: string) =>
      new ApiError('invalid_request', `Invalid request: ${path}: ${message}`, { issues: [{ path, message }] });
    if (from > to) throw refuse('from', 'must not be after `to`');
    if (daysBetween(from, to) > MAX_STATS_DAYS) throw refuse('from', `at most ${MAX_STATS_DAYS} days at a time`);
    const stats = await siteStats(c.env.DB, c.get('site').id, daysIn(from, to, tz));
    return c.json({ from, to, tz, ...stats }, 200);
  });
