import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Schema } from 'hono/types';
import { findFeedback } from '../db/feedback.js';
import { insertInvitation } from '../db/invitations.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { sha256 } from '../lib/hash.js';
import { INVITATION_DAYS, invitationUrl, newInvitationToken } from '../lib/invitation.js';
import { limitBody } from '../middleware/body-limit.js';
import { byWhom, secretKey } from '../middleware/keys.js';
import { errorResponses } from '../schemas/error.js';
import { FeedbackIdParamsSchema } from '../schemas/feedback.js';
import { InvitationCreatedSchema, InvitationInputSchema } from '../schemas/inbox.js';

export const route = createRoute({
  method: 'post',
  path: '/v1/feedback/{id}/invitation',
  tags: ['Private'],
  summary: 'Invite the customer to say how it went',
  description:
    'For a resolved message whose customer left an email (or was identified with one): makes a link to a page of this ' +
    `worker where the customer answers with the feedback form, for ${INVITATION_DAYS} days. Send it yourself (the ` +
    'answer says where); the link is shown once. The answer is triaged like any message and carries `invitedAfter`, ' +
    'this message’s id; an invitation takes one answer. Each call makes a new link, listed in the message’s ' +
    '`invitations` with who sent it. Admin and support keys.',
  security: [{ secretKey: [] }],
  middleware: [secretKey('admin', 'support'), limitBody()] as const,
  request: {
    params: FeedbackIdParamsSchema,
    body: { required: false, content: { 'application/json': { schema: InvitationInputSchema } } },
  },
  responses: {
    201: { description: 'The link to send.', content: { 'application/json': { schema: InvitationCreatedSchema } } },
    ...errorResponses(400, 401, 403, 404, 409, 413, 415, 500),
  },
});

export const registerInviteCustomer = <S extends Schema>(app: OpenAPIHono<AppEnv, S>) =>
  app.openapi(route, async (c) => {
    const { id } = c.req.valid('param');
    const { actor } = c.req.valid('json');
    const siteId = c.get('site').id;
    const feedback = await findFeedback(c.env.DB, siteId, id);
    if (!feedback) throw new ApiError('not_found', 'This site has no feedback with that id.');
    // What the customer answers is marked a recovered customer's in PR's studio: only true after a complaint.
    if (feedback.label !== 'complaint') {
      throw new ApiError('not_a_complaint', 'Only a complaint is followed by an invitation to say how it went.');
    }
    if (feedback.status !== 'resolved') {
      throw new ApiError('not_resolved', 'Resolve the message first: the customer is asked how it went once it is resolved.');
    }
    const email = feedback.email ?? feedback.user?.email;
    if (!email) throw new ApiError('no_email', 'The customer left no email to send the invitation to.');

    const token = newInvitationToken();
    const now = new Date();
    const invitation = await insertInvitation(c.env.DB, {
      siteId,
      feedbackId: id,
      tokenHash: await sha256(token),
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000).toISOString(),
      by: byWhom(c, actor),
    });
    return c.json({ id: invitation.id, url: invitationUrl(c.req.url, token), expiresAt: invitation.expiresAt, email }, 201);
  });
