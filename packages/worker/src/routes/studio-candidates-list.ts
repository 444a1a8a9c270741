import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Schema } from 'hono/types';
import { listCandidates } from '../db/candidates.js';
import type { AppEnv } from '../env.js';
import { suggestQuote } from '../lib/suggest-quote.js';
import { secretKey } from '../middleware/keys.js';
import { CandidateSchema } from '../schemas/candidate.js';
import { errorResponses } from '../schemas/error.js';
import { FEEDBACK_ID } from '../schemas/feedback.js';
import { cursorParam, PageLimitSchema, pageResponse } from '../schemas/page.js';

export const route = createRoute({
  method: 'get',
  path: '/v1/studio/candidates',
  tags: ['Private'],
  summary: 'List messages to make testimonials from',
  description:
    'Praise PR may quote, newest first, one page at a time: messages whose customer agreed to be quoted (and has not ' +
    'withdrawn it), labelled praise or sent to PR (not PR-risk complaints), with no testimonial made from them yet. ' +
    'Each comes with a suggested sentence to quote. Admin and pr keys. Pass `nextCursor` back as `cursor` for the next page.',
  security: [{ secretKey: [] }],
  middleware: [secretKey('admin', 'pr')] as const,
  request: {
    query: z.object({
      limit: PageLimitSchema,
      cursor: cursorParam(z.string().regex(FEEDBACK_ID, 'not a cursor this API gave out')),
    }),
  },
  responses: {
    200: pageResponse(CandidateSchema),
    ...errorResponses(400, 401, 403, 500),
  },
});

export const registerListStudioCandidates = <S extends Schema>(app: OpenAPIHono<AppEnv, S>) =>
  app.openapi(route, async (c) => {
    const { limit, cursor } = c.req.valid('query');
    const { items, hasMore } = await listCandidates(c.env.DB, c.get('site').id, { before: cursor, limit });
    return c.json(
      {
        data: items.map((feedback) => ({ ...feedback, suggestedQuote: suggestQuote(feedback.message) })),
        nextCursor: hasMore ? items[items.length - 1]!.id : null,
      },
      200,
    );
  });
