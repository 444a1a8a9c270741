import { z } from '@hono/zod-openapi';
import { CATEGORIES, LABELS, ROUTES, URGENCIES, type Category, type Label, type Route, type Urgency } from '@tandem/triage';
import { FASTEST_HUMAN_MS } from '../lib/decision.js';
import { FOLLOW_UP_HOURS, FOLLOW_UP_TOKEN } from '../lib/follow-up.js';
import { ID_PATTERN } from '../lib/ids.js';
import { INVITATION_METADATA_KEY } from '../lib/invitation.js';

export const LabelSchema = z.enum(LABELS as [Label, ...Label[]]).openapi('Label');
export const RouteSchema = z
  .enum(ROUTES as [Route, ...Route[]])
  .openapi('Route', { description: 'The team a message goes to: support, product or pr.' });
export const CategorySchema = z
  .enum(CATEGORIES as [Category, ...Category[]])
  .openapi('Category', { description: 'What the customer said the message is about.' });

export const UrgencySchema = z
  .enum(URGENCIES as [Urgency, ...Urgency[]])
  .openapi('Urgency', { description: 'critical: money taken twice, locked accounts, safety, legal threats…' });

export const STATUSES = ['new', 'in_progress', 'resolved', 'archived'] as const;
export const StatusSchema = z.enum(STATUSES).openapi('Status', { description: 'Where support is with the message.' });

export const FEEDBACK_ID = ID_PATTERN('fb');

/** The `{id}` of the private routes under /v1/feedback/{id}. */
export const FeedbackIdParamsSchema = z.object({
  id: z.string().regex(FEEDBACK_ID, 'not a feedback id').openapi({ example: 'fb_01JD3X6Q0ZK4T1V8M2N5P7R9S3' }),
});

const MetadataValue = z.union([z.string().max(500), z.number(), z.boolean(), z.null()]);

// Text people will read in a dashboard: line breaks and tabs yes, other control characters no.
export const NO_CONTROL_CHARACTERS = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/;
export const noControl = 'must not contain control characters';

// The browser's own rule for type="email" (WHATWG): an address the widget's field accepts must
// never cost the customer their message ("sam@gmail" is stored; support sees it as typed).
const EMAIL = z.email({ pattern: z.regexes.html5Email }).max(254);
const NAME = z.string().trim().min(1).max(100).regex(NO_CONTROL_CHARACTERS, noControl);
const CONSENT_VERSION = z
  .string()
  .regex(/^[\w.-]{1,40}$/, 'letters, digits, _ . - (1–40)')
  .openapi({ description: 'The version of the consent text the customer saw.', example: '2026-11' });

export const ContextSchema = z
  .strictObject({
    locale: z
      .string()
      .max(35)
      .regex(/^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/, 'a language tag such as en-GB')
      .optional()
      .openapi({ description: 'The page’s or browser’s language (BCP 47).', example: 'en-GB' }),
    viewport: z
      .strictObject({ width: z.number().int().min(1).max(10000), height: z.number().int().min(1).max(10000) })
      .optional()
      .openapi({ description: 'The window’s size in CSS pixels.' }),
    userAgent: z
      .string()
      .max(512)
      .regex(NO_CONTROL_CHARACTERS, noControl)
      .optional()
      .openapi({ description: 'When left out, the request’s User-Agent header is stored (cut to 512 characters).' }),
    timezone: z
      .string()
      .max(64)
      .regex(/^[A-Za-z0-9_+\-/]+$/, 'an IANA time zone such as Europe/Paris')
      .optional()
      .openapi({ example: 'Europe/Paris' }),
  })
  .openapi('FeedbackContext', { description: 'Where the customer was, for the support agent who reads the message.' });

export const UserSchema = z
  .strictObject({
    id: z.string().trim().min(1).max(100).regex(NO_CONTROL_CHARACTERS, noControl).optional(),
    email: EMAIL.optional(),
    name: NAME.optional(),
  })
  .openapi('FeedbackUser', {
    description: 'Who the site says the customer is (identify() in the SDK and the widget), e.g. a signed-in account.',
  });

export const SignalsSchema = z
  .strictObject({
    honeypot: z
      .string()
      .max(1000)
      .optional()
      .openapi({ description: 'The value of a form field hidden from people. Anything in it makes the message spam.' }),
    elapsedMs: z
      .number()
      .int()
      .min(0)
      .optional()
      .openapi({ description: `Milliseconds from the form opening to sending. Under ${FASTEST_HUMAN_MS} makes the message spam.` }),
  })
  .openapi('SpamSignals', {
    description: 'What the widget saw of how the form was filled. Spam is stored and listed, never refused or delivered.',
  });

export const FeedbackInputSchema = z
  .strictObject({
    message: z.string().trim().min(1).max(5000).regex(NO_CONTROL_CHARACTERS, noControl),
    rating: z.number().int().min(1).max(5).optional().openapi({ description: 'Stars, 1–5. Send this or `score`.' }),
    score: z
      .number()
      .int()
      .min(0)
      .max(10)
      .optional()
      .openapi({ description: 'A 0–10 answer, e.g. to "how likely are you to recommend us?". Send this or `rating`.' }),
    category: CategorySchema.optional(),
    email: EMAIL.optional().openapi({ description: 'So the site can reply. Defaults to `user.email`.' }),
    name: NAME.optional().openapi({ description: 'Defaults to `user.name`.' }),
    consent: z
      .strictObject({
        publish: z.boolean().openapi({ description: '"You may quote me publicly" was ticked.' }),
        version: CONSENT_VERSION.optional(),
      })
      .optional(),
    pageUrl: z
      .url({ protocol: /^https?$/ })
      .max(2048)
      .refine((url) => !/^https?:\/\/[^/?#]*@/i.test(url), 'must not contain a user name or password')
      .optional(),
    metadata: z
      .record(z.string().regex(/^[\w.-]{1,40}$/, 'letters, digits, _ . - (1–40)'), MetadataValue)
      .refine((m) => Object.keys(m).length <= 20, 'at most 20 keys')
      .optional()
      .openapi({ description: 'Up to 20 keys of the site’s own context (plan, order id…).' }),
    context: ContextSchema.optional(),
    user: UserSchema.optional(),
    signals: SignalsSchema.optional(),
    siteKey: z
      .string()
      .startsWith('pk_')
      .max(100)
      .optional()
      .openapi({ description: 'The publishable key, for clients that cannot set headers (sendBeacon).' }),
    idempotencyKey: z
      .string()
      .min(1)
      .max(255)
      .optional()
      .openapi({ description: 'Same as the Idempotency-Key header, for sendBeacon.' }),
    invitation: z
      .string()
      .max(100)
      .optional()
      .openapi({
        description:
          'The token of an invitation to say how it went (POST /v1/feedback/{id}/invitation): the message is stored as its ' +
          `answer, with \`invitedAfter\`. The invitation page sends it as the metadata key \`${INVITATION_METADATA_KEY}\`, which is ` +
          'taken the same way and not stored. A token that is unknown or another site’s is a 404, an expired one a 410, ' +
          'one already answered a 409.',
      }),
  })
  .refine((f) => f.rating === undefined || f.score === undefined, {
    path: ['score'],
    message: 'send either rating (1–5 stars) or score (0–10), not both',
  })
  .openapi('FeedbackInput');

export const FeedbackCreatedSchema = z
  .object({
    id: z.string().regex(FEEDBACK_ID).openapi({ example: 'fb_01JD3X6Q0ZK4T1V8M2N5P7R9S3' }),
    label: LabelSchema,
    routes: z.array(RouteSchema),
    token: z.string().regex(FOLLOW_UP_TOKEN).openapi({
      description:
        `Lets the customer add an email, a name or consent with PATCH /v1/feedback/{id} for ${FOLLOW_UP_HOURS} hours. ` +
        'A retry with the same Idempotency-Key answers the same token. Keep it in the customer’s browser only.',
      example: 'fbt_3b1f0c9a7d2e4f6a8b0c1d2e3f4a5b6c',
    }),
  })
  .openapi('FeedbackCreated');

export const FeedbackUpdateSchema = z
  .strictObject({
    token: z.string().min(1).max(100).openapi({ description: 'The `token` the POST answered with.' }),
    email: EMAIL.optional().openapi({ description: 'Only when the feedback has none yet.' }),
    name: NAME.optional().openapi({ description: 'Only when the feedback has none yet.' }),
    consent: z
      .strictObject({
        publish: z.boolean().openapi({ description: 'true gives consent to be quoted; false withdraws it.' }),
        version: CONSENT_VERSION.optional(),
      })
      .optional(),
  })
  .refine((u) => u.email !== undefined || u.name !== undefined || u.consent !== undefined, {
    message: 'send at least one of email, name or consent',
  })
  .openapi('FeedbackUpdate', { description: 'The token and at least one of email, name or consent; nothing else can change.' });

export const FeedbackUpdatedSchema = z
  .object({
    id: z.string(),
    email: z.boolean().openapi({ description: 'Whether the feedback now has an email (never the email itself).' }),
    name: z.boolean().openapi({ description: 'Whether the feedback now has a name.' }),
    consent: z.object({ publish: z.boolean() }),
  })
  .openapi('FeedbackUpdated');

export const FeedbackSchema = z
  .object({
    id: z.string(),
    message: z.string(),
    rating: z.number().int().nullable(),
    score: z.number().int().nullable().openapi({ description: 'The 0–10 answer, when one was sent instead of stars.' }),
    category: CategorySchema.nullable(),
    email: z.string().nullable(),
    name: z.string().nullable(),
    consent: z.object({
      publish: z.boolean(),
      givenAt: z.string().nullable(),
      version: z.string().nullable().openapi({ description: 'The consent text’s version the customer saw.' }),
    }),
    pageUrl: z.string().nullable(),
    metadata: z.record(z.string(), MetadataValue).nullable(),
    context: ContextSchema.nullable(),
    user: UserSchema.nullable(),
    signals: SignalsSchema.nullable().openapi({ description: 'What made a message spam, if anything did.' }),
    label: LabelSchema,
    routes: z.array(RouteSchema).openapi({ description: 'The teams it goes to: a person’s override, else the triage’s.' }),
    triageRoutes: z
      .array(RouteSchema)
      .nullable()
      .openapi({ description: 'The triage’s own routes when a person overrode them; null otherwise.' }),
    sentiment: z.number().min(-1).max(1),
    confidence: z.number().min(0).max(1),
    reasons: z.array(z.string()),
    urgency: UrgencySchema,
    topics: z.array(z.string()).openapi({ description: 'What it is about: billing, bug, delivery, account…' }),
    prRisk: z.boolean().openapi({ description: 'The customer threatens to go public: PR is alerted too.' }),
    status: StatusSchema,
    assignee: z.string().nullable().openapi({ description: 'The agent working on it (a name or an email); null when nobody is.' }),
    invitedAfter: z.string().nullable().openapi({
      description: 'The complaint whose invitation to say how it went this message answers; null for any other message.',
    }),
    createdAt: z.string(),
  })
  .openapi('Feedback');

export type FeedbackInput = z.infer<typeof FeedbackInputSchema>;
export type FeedbackCreated = z.infer<typeof FeedbackCreatedSchema>;
export type Feedback = z.infer<typeof FeedbackSchema>;
export type FeedbackUpdate = z.infer<typeof FeedbackUpdateSchema>;
export type FeedbackUpdated = z.infer<typeof FeedbackUpdatedSchema>;
