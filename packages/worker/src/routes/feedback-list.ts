import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Schema } from 'hono/types';
import { listFeedback } from '../db/feedback.js';
import type { AppEnv } from '../env.js';
import { secretKey } from '../middleware/keys.js';
import { errorResponses } from '../schemas/error.js';
import { InstantSchema } from '../schemas/instant.js';
import { cursorParam, PageLimitSchema, pageResponse } from '../schemas/page.js';
import { FEEDBACK_ID, FeedbackSchema, LabelSchema, RouteSchema, STATUSES, UrgencySchema } from '../schemas/feedback.js';

export const route = createRoute({
  method: 'get',
  path: '/v1/feedback',
  tags: ['Private'],
  summary: 'List feedback',
  description:
    'The site’s feedback, newest first, one page at a time, filtered by team (after any override), label, status, ' +
    'assignee, urgency, PR risk, words and time. Pass `nextCursor` back as `cursor` (with the same filters) for the next page.',
  security: [{ secretKey: [] }],
  middleware: [secretKey('admin', 'support', 'pr')] as const,
  request: {
    query: z.object({
      route: RouteSchema.optional().openapi({ description: 'Only feedback sent to this team, after any override.' }),
      label: LabelSchema.optional().openapi({ description: 'Only this label (spam too: it is kept, and listed here).' }),
      status: z
        .enum([...STATUSES, 'open'])
        .optional()
        .openapi({ description: 'Only this status; `open` is new or in progress (what is still to do).' }),
      assignee: z.string().trim().min(1).max(100).optional().openapi({ description: 'Only feedback assigned to this agent (as set).' }),
      urgency: UrgencySchema.optional(),
      prRisk: z
        .enum(['true', 'false'])
        .transform((v) => v === 'true')
        .optional()
        .openapi({ description: 'Only messages whose customer threatens to go public (`true`), or only the others (`false`).' }),
      q: z.string().trim().min(1).max(200).optional().openapi({ description: 'Only messages containing these words.' }),
      from: InstantSchema.optional().openapi({ description: 'Received at or after this time (ISO 8601, `Z` or an offset).' }),
      to: InstantSchema.optional().openapi({ description: 'Received before this time.' }),
      limit: PageLimitSchema,
      cursor: cursorParam(z.string().regex(FEEDBACK_ID, 'not a cursor this API gave out')),
    }),
  },
  responses: {
    200: pageResponse(FeedbackSchema),
    ...errorResponses(400, 401, 403, 500),
  },
});

export const registerListFeedback = <S extends Schema>(app: OpenAPIHono<AppEnv, S>) =>
  app.openapi(route, async (c) => {
    const { route: team, limit, cursor, ...filters } = c.req.valid('query');
    const { items, hasMore } = await listFeedback(c.env.DB, c.get('site').id, { ...filters, route: team, before: cursor, limit });
    return c.json({ data: items, nextCursor: hasMore ? items[items.length - 1]!.id : null }, 200);
  });
