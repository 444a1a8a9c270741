import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Schema } from 'hono/types';
import { fanOutStatement } from '../db/deliveries.js';
import { findByIdempotencyKey, insertFeedbackStatement, type NewFeedback, type StoredFeedback } from '../db/feedback.js';
import { answerInvitationStatement, findInvitationByToken, type OpenedInvitation } from '../db/invitations.js';
import { dashboardBase, newFeedbackEventData } from '../delivery/events.js';
import { enqueueAfterResponse, firstMessage } from '../delivery/queue.js';
import type { AppContext, AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { decideFeedback } from '../lib/decision.js';
import { newFollowUpToken } from '../lib/follow-up.js';
import { canonicalJson, sha256 } from '../lib/hash.js';
import { newId } from '../lib/ids.js';
import { INVITATION_METADATA_KEY, INVITATION_TOKEN, invitationIn } from '../lib/invitation.js';
import { limitBody } from '../middleware/body-limit.js';
import { jsonBody } from '../middleware/json-body.js';
import { publishableKey } from '../middleware/keys.js';
import { rateLimit } from '../middleware/rate-limit.js';
import { errorResponses } from '../schemas/error.js';
import { FeedbackCreatedSchema, FeedbackInputSchema, type FeedbackInput } from '../schemas/feedback.js';

export const route = createRoute({
  method: 'post',
  path: '/v1/feedback',
  tags: ['Public'],
  summary: 'Send feedback',
  description:
    'Stores one customer message with its triage decision and answers with the label and the teams it goes to. ' +
    'The message is stored before the answer, so a 201 means it is safe. Send an Idempotency-Key to make retries safe: ' +
    'a repeat returns the first answer, with the same follow-up `token`, and stores nothing new. ' +
    'Spam signals (`signals`) never refuse a message: it is stored with the label `spam` and delivered to nobody. ' +
    'The message is delivered to the site’s destinations for its teams after the answer (see Deliveries).',
  security: [{ publishableKey: [] }],
  // The invitation page is on the worker's own origin, which is none of the site's: it may send
  // only an answer to an invitation, which the route checks belongs to the site.
  middleware: [limitBody(), jsonBody(), publishableKey({ ownOriginIf: async (c) => invitationIn(await c.req.json()) !== undefined }), rateLimit()] as const,
  request: {
    headers: z.object({
      'idempotency-key': z
        .string()
        .min(1)
        .max(255)
        .optional()
        .openapi({ description: 'Any unique string per message, e.g. a UUID; reuse it when retrying.' }),
    }),
    body: { required: true, content: { 'application/json': { schema: FeedbackInputSchema } } },
  },
  responses: {
    201: {
      description: 'Stored and sorted. A replay of an earlier request carries `Idempotent-Replayed: true`.',
      content: { 'application/json': { schema: FeedbackCreatedSchema } },
    },
    ...errorResponses(400, 401, 403, 404, 409, 410, 413, 415, 422, 429, 500),
  },
});

export const registerCreateFeedback = <S extends Schema>(app: OpenAPIHono<AppEnv, S>) =>
  app.openapi(route, async (c) => {
    const site = c.get('site');
    const body = c.req.valid('json');
    const { siteKey: _key, idempotencyKey: keyInBody, invitation: _token, ...input } = withoutInvitationMetadata(body);
    const keyInHeader = c.req.valid('header')['idempotency-key'];
    if (keyInHeader && keyInBody && keyInHeader !== keyInBody) {
      throw new ApiError('invalid_request', 'The Idempotency-Key header and idempotencyKey in the body differ.');
    }
    const idempotencyKey = keyInHeader ?? keyInBody ?? null;
    const token = invitationIn(body);
    const requestHash = await sha256(canonicalJson({ ...input, invitation: token }));

    const invitation = token === undefined ? null : await openInvitation(c, token);
    if (invitation?.answeredAt) {
      // A retry of the answer (same key) is answered as the first time; any other is refused.
      const earlier = idempotencyKey && (await findByIdempotencyKey(c.env.DB, site.id, idempotencyKey));
      if (earlier) return replay(c, earlier, requestHash);
      throw new ApiError('invitation_answered', 'This invitation was answered already.');
    }

    // Insert first: a new message (the usual case) costs one write, and a retry, whether it comes
    // later or races the first request, takes the same path through the unique key below.
    const decision = decideFeedback(input);
    const id = newId('fb');
    const followUpToken = newFollowUpToken();
    const feedback: NewFeedback = {
      id,
      siteId: site.id,
      input: { ...input, context: withUserAgent(input.context, c.req.header('user-agent')) },
      decision,
      idempotencyKey,
      requestHash,
      followUpToken,
      invitedAfter: invitation?.feedbackId ?? null,
      createdAt: new Date().toISOString(),
    };
    // The message and its deliveries in one write: a stored message always has what it owes its
    // destinations, and a retry (nothing stored) owes nothing new. Spam goes to no team.
    const db = c.env.DB;
    const writes = [insertFeedbackStatement(db, feedback)];
    if (decision.routes.length) {
      const { routes, prRisk } = decision;
      const data = newFeedbackEventData(feedback, dashboardBase(c.env.DASHBOARD_URL, c.req.url));
      writes.push(fanOutStatement(db, { id, siteId: site.id, routes, prRisk, createdAt: feedback.createdAt, now: feedback.createdAt, data }));
    }
    if (invitation) writes.push(answerInvitationStatement(db, invitation.id, id, feedback.createdAt));
    let results: D1Result<{ id: string }>[];
    try {
      results = await db.batch<{ id: string }>(writes);
    } catch (error) {
      // Another answer to the same invitation was stored a moment ago (the trigger of 0009).
      if (invitation && String(error).includes('invitation already answered')) {
        throw new ApiError('invitation_answered', 'This invitation was answered already.');
      }
      throw error;
    }
    const [inserted, fannedOut] = results;
    if (inserted!.meta.changes === 1) {
      enqueueAfterResponse(c, decision.routes.length ? fannedOut!.results.map((d) => firstMessage(d.id)) : []);
      return c.json({ id, label: decision.label, routes: decision.routes, token: followUpToken }, 201);
    }
    // The idempotency key was already taken: answer as the first request did.
    const earlier = await findByIdempotencyKey(c.env.DB, site.id, idempotencyKey!);
    return replay(c, earlier!, requestHash);
  });

function replay(c: AppContext, earlier: StoredFeedback, requestHash: string) {
  if (earlier.requestHash !== requestHash) {
    throw new ApiError(
      'idempotency_key_reused',
      'This Idempotency-Key was already used for a different message; use a new key for new feedback.',
    );
  }
  // The first answer's routes were the triage's, whatever a person chose since.
  const { id, label, routes, triageRoutes } = earlier.feedback;
  return c.json({ id, label, routes: triageRoutes ?? routes, token: earlier.followUpToken }, 201, { 'Idempotent-Replayed': 'true' });
}

/**
 * The site's invitation this token opens, still taking an answer. The error does not tell an
 * unknown token from another site's.
 */
async function openInvitation(c: AppContext, token: string): Promise<OpenedInvitation> {
  const invitation = INVITATION_TOKEN.test(token) ? await findInvitationByToken(c.env.DB, await sha256(token)) : null;
  if (!invitation || invitation.siteId !== c.get('site').id) {
    throw new ApiError('not_found', 'This site has no invitation with that token.');
  }
  if (!invitation.answeredAt && invitation.expiresAt <= new Date().toISOString()) {
    throw new ApiError('invitation_expired', 'This invitation has expired.');
  }
  return invitation;
}

/** The body without the invitation page's metadata key: the token is a secret, never stored. */
function withoutInvitationMetadata(body: FeedbackInput): FeedbackInput {
  if (!body.metadata || !(INVITATION_METADATA_KEY in body.metadata)) return body;
  const { [INVITATION_METADATA_KEY]: _token, ...metadata } = body.metadata;
  return { ...body, metadata: Object.keys(metadata).length ? metadata : undefined };
}

/** The browser's own User-Agent header, when the widget did not say which browser it ran in. */
function withUserAgent(context: FeedbackInput['context'], header: string | undefined): FeedbackInput['context'] {
  if (context?.userAgent || !header) return context;
  return { ...context, userAgent: header.slice(0, 512) };
}
