import { z } from '@hono/zod-openapi';
import { CATEGORIES, LABELS, ROUTES, type Category, type Label, type Route } from '@tandem/triage';
import { ID_PATTERN } from '../lib/ids.js';

export const LabelSchema = z.enum(LABELS as [Label, ...Label[]]).openapi('Label');
export const RouteSchema = z
  .enum(ROUTES as [Route, ...Route[]])
  .openapi('Route', { description: 'The team a message goes to: support, product or pr.' });
export const CategorySchema = z
  .enum(CATEGORIES as [Category, ...Category[]])
  .openapi('Category', { description: 'What the customer said the message is about.' });

export const FEEDBACK_ID = ID_PATTERN('fb');

const MetadataValue = z.union([z.string().max(500), z.number(), z.boolean(), z.null()]);

// Text people will read in a dashboard: line breaks and tabs yes, other control characters no.
const NO_CONTROL_CHARACTERS = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/;
const noControl = 'must not contain control characters';

export const FeedbackInputSchema = z
  .strictObject({
    message: z.string().trim().min(1).max(5000).regex(NO_CONTROL_CHARACTERS, noControl),
    rating: z.number().int().min(1).max(5).optional(),
    category: CategorySchema.optional(),
    email: z.email().max(254).optional().openapi({ description: 'So the site can reply.' }),
    name: z.string().trim().min(1).max(100).regex(NO_CONTROL_CHARACTERS, noControl).optional(),
    consent: z
      .strictObject({
        publish: z.boolean().openapi({ description: '"You may quote me publicly" was ticked.' }),
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
  })
  .openapi('FeedbackInput');

export const FeedbackCreatedSchema = z
  .object({
    id: z.string().regex(FEEDBACK_ID).openapi({ example: 'fb_01JD3X6Q0ZK4T1V8M2N5P7R9S3' }),
    label: LabelSchema,
    routes: z.array(RouteSchema),
  })
  .openapi('FeedbackCreated');

export const FeedbackSchema = z
  .object({
    id: z.string(),
    message: z.string(),
    rating: z.number().int().nullable(),
    category: CategorySchema.nullable(),
    email: z.string().nullable(),
    name: z.string().nullable(),
    consent: z.object({ publish: z.boolean(), givenAt: z.string().nullable() }),
    pageUrl: z.string().nullable(),
    metadata: z.record(z.string(), MetadataValue).nullable(),
    label: LabelSchema,
    routes: z.array(RouteSchema),
    sentiment: z.number().min(-1).max(1),
    confidence: z.number().min(0).max(1),
    reasons: z.array(z.string()),
    status: z.string(),
    createdAt: z.string(),
  })
  .openapi('Feedback');

export type FeedbackInput = z.infer<typeof FeedbackInputSchema>;
export type FeedbackCreated = z.infer<typeof FeedbackCreatedSchema>;
export type Feedback = z.infer<typeof FeedbackSchema>;
