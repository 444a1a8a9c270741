import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Schema } from 'hono/types';
import { addFollowUp, findFollowUpTarget } from '../db/feedback.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { FOLLOW_UP_HOURS, followUpOpen } from '../lib/follow-up.js';
import { sameSecret } from '../lib/hash.js';
import { forgetTestimonials } from '../lib/testimonials-cache.js';
import { limitBody } from '../middleware/body-limit.js';
import { jsonBody } from '../middleware/json-body.js';
import { answersInvitation } from '../db/invitations.js';
import { publishableKey } from '../middleware/keys.js';
import { rateLimit } from '../middleware/rate-limit.js';
import { errorResponses } from '../schemas/error.js';
import { FEEDBACK_ID, FeedbackUpdatedSchema, FeedbackUpdateSchema } from '../schemas/feedback.js';

export const route = createRoute({
  method: 'patch',
  path: '/v1/feedback/{id}',
  tags: ['Public'],
  summary: 'Add to sent feedback',
  description:
    `With the \`token\` the POST answered, for ${FOLLOW_UP_HOURS} hours after sending: add an email or a name the ` +
    'customer left out, or give or withdraw consent to be quoted. An email or name already there cannot be changed ' +
    '(409 `already_set`; sending the same one again is fine). Nothing else changes. A wrong or expired token, or the ' +
    'id of another site’s feedback, is a 404 either way. The answer says what the feedback now has, not the details.',
  security: [{ publishableKey: [] }],
  // From the invitation page (the worker's own origin) only for an answer to an invitation: the
  // form there offers to add an email after sending, as anywhere.
  middleware: [limitBody(), jsonBody(), publishableKey({ ownOriginIf: (c) => answersInvitation(c.env.DB, c.req.param('id') ?? '') }), rateLimit()] as const,
  request: {
    params: z.object({
      id: z
        .string()
        .regex(FEEDBACK_ID, 'not a feedback id this API gave out')
        .openapi({
          param: { name: 'id', in: 'path', description: 'The `id` the POST answered with.' },
          example: 'fb_01JD3X6Q0ZK4T1V8M2N5P7R9S3',
        }),
    }),
    body: { required: true, content: { 'application/json': { schema: FeedbackUpdateSchema } } },
  },
  responses: {
    200: { description: 'Added.', content: { 'application/json': { schema: FeedbackUpdatedSchema } } },
    ...errorResponses(400, 401, 403, 404, 409, 413, 415, 429, 500),
  },
});

const NOT_FOUND = `No feedback with this id and token, or its ${FOLLOW_UP_HOURS} hours to add to it are over.`;

export const registerUpdateFeedback = <S extends Schema>(app: OpenAPIHono<AppEnv, S>) =>
  app.openapi(route, async (c) => {
    const { id } = c.req.valid('param');
    const { token, ...followUp } = c.req.valid('json');
    const siteId = c.get('site').id;
    const now = new Date();

    const target = await findFollowUpTarget(c.env.DB, siteId, id);
    // One answer for every reason, so a guess learns nothing about which part was wrong.
    if (!target || !(await sameSecret(token, target.followUpToken)) || !followUpOpen(target.createdAt, now)) {
      throw new ApiError('not_found', NOT_FOUND);
    }
    const contact = (['email', 'name'] as const).filter((field) => followUp[field] !== undefined);
    const taken = contact.filter((field) => target[field] !== null && target[field] !== followUp[field]);
    if (taken.length) throw alreadySet(taken);

    const result = await addFollowUp(c.env.DB, siteId, id, followUp, now.toISOString());
    // Another request set a different email or name since the read above.
    if (!result) throw alreadySet(contact);
    // Consent withdrawn: a quote made from this message leaves the wall now (its list asks for
    // consent), not when the cached copy expires.
    if (followUp.consent?.publish === false) await forgetTestimonials(siteId);
    return c.json({ id, email: result.hasEmail, name: result.hasName, consent: { publish: result.publish } }, 200);
  });

function alreadySet(fields: ('email' | 'name')[]) {
  return new ApiError(
    'already_set',
    `This feedback already has ${fields.map((f) => (f === 'email' ? 'an email' : 'a name')).join(' and ')}; ` +
      'what the customer gave cannot be changed.',
  );
}
