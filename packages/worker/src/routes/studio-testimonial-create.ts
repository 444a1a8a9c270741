import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Schema } from 'hono/types';
import { findFeedback } from '../db/feedback.js';
import { findTestimonial, findTestimonialOf, insertTestimonial } from '../db/testimonials.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { findContact } from '../lib/contact.js';
import { newId } from '../lib/ids.js';
import { NO_CONSENT } from '../lib/studio.js';
import { byWhom } from '../middleware/keys.js';
import { limitBody } from '../middleware/body-limit.js';
import { jsonBody } from '../middleware/json-body.js';
import { secretKey } from '../middleware/keys.js';
import { errorResponses } from '../schemas/error.js';
import { StudioTestimonialDetailSchema, TestimonialCreateSchema } from '../schemas/testimonial.js';

export const route = createRoute({
  method: 'post',
  path: '/v1/studio/testimonials',
  tags: ['Private'],
  summary: 'Make a testimonial from a message',
  description:
    'A draft testimonial from one of the site’s messages whose customer agreed to be quoted (409 `no_consent` ' +
    'otherwise), whatever its label: every customer has the same path to the wall. The quote defaults to the whole ' +
    'message and may be any text (the original words stay with the message); the author defaults to the name the ' +
    'customer gave; the rating is copied. One testimonial per message (409 `already_exists`). Neither quote nor ' +
    'author may hold an email address or phone number. Admin and pr keys.',
  security: [{ secretKey: [] }],
  middleware: [secretKey('admin', 'pr'), limitBody(), jsonBody()] as const,
  request: { body: { required: true, content: { 'application/json': { schema: TestimonialCreateSchema } } } },
  responses: {
    201: { description: 'The draft, with its source and history.', content: { 'application/json': { schema: StudioTestimonialDetailSchema } } },
    ...errorResponses(400, 401, 403, 404, 409, 413, 415, 500),
  },
});

export const registerCreateStudioTestimonial = <S extends Schema>(app: OpenAPIHono<AppEnv, S>) =>
  app.openapi(route, async (c) => {
    const { feedbackId, quote, author, actor } = c.req.valid('json');
    const db = c.env.DB;
    const siteId = c.get('site').id;

    const feedback = await findFeedback(db, siteId, feedbackId);
    if (!feedback) throw new ApiError('not_found', 'This site has no feedback with that id.');
    if (!feedback.consent.publish) throw new ApiError('no_consent', NO_CONSENT);
    const existing = await findTestimonialOf(db, siteId, feedbackId);
    if (existing) throw alreadyExists(existing.id);

    // The defaults come from the message, which, unlike a quote sent here, may hold contact details.
    const words = { quote: quote ?? feedback.message, author: author === undefined ? feedback.name : author };
    const issues = (['quote', 'author'] as const).flatMap((field) => {
      const found = words[field] === null ? null : findContact(words[field]);
      return found ? [{ path: field, message: `the customer’s ${field === 'quote' ? 'message' : 'name'} contains ${found}: send a ${field} without it` }] : [];
    });
    if (issues.length) {
      throw new ApiError('invalid_request', `Invalid request: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, { issues });
    }

    const id = newId('tm');
    const testimonial = { id, siteId, feedbackId, ...words, rating: feedback.rating, createdAt: new Date().toISOString() };
    if (!(await insertTestimonial(db, testimonial, byWhom(c, actor)))) {
      // Another request made one for this message since the check above.
      throw alreadyExists((await findTestimonialOf(db, siteId, feedbackId))?.id);
    }
    return c.json((await findTestimonial(db, siteId, id))!, 201);
  });

const alreadyExists = (id: string | undefined) =>
  new ApiError('already_exists', `This message already has a testimonial${id ? ` (${id})` : ''}; edit that one instead.`);
