import { z } from '@hono/zod-openapi';
import { findContact } from '../lib/contact.js';
import { FEEDBACK_ID, NO_CONTROL_CHARACTERS, noControl } from './feedback.js';
import { ByWhomSchema } from './inbox.js';

/** What the wall shows: an approved testimonial, never the customer's contact details. */
export const TestimonialSchema = z
  .object({
    id: z.string(),
    quote: z.string(),
    author: z.string().nullable().openapi({ description: 'The name the customer agreed to show.' }),
    rating: z.number().int().min(1).max(5).nullable(),
    approvedAt: z.string(),
  })
  .openapi('Testimonial');

export type Testimonial = z.infer<typeof TestimonialSchema>;

// tm_ and a ULID when made through the API; the demo seed's quotes are tm_demo_1…
export const TESTIMONIAL_ID = /^tm_\w{1,64}$/;

export const TestimonialIdSchema = z
  .string()
  .regex(TESTIMONIAL_ID, 'not a testimonial id')
  .openapi({ param: { name: 'id', in: 'path' }, example: 'tm_01JD3X9V5B7C2D4E6F8G0H1J3K' });

export const TestimonialStatusSchema = z
  .enum(['draft', 'approved', 'withdrawn'])
  .openapi('TestimonialStatus', { description: 'Only approved testimonials are on the wall (GET /v1/testimonials).' });

const NO_CONTACT = 'must not contain an email address or phone number: the wall is public';
/** Text that goes on a public wall: readable, and without contact details. */
const publicText = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .regex(NO_CONTROL_CHARACTERS, noControl)
    .refine((text) => findContact(text) === null, NO_CONTACT);

const QuoteSchema = publicText(5000).openapi({
  description: 'The words the wall shows. Any text: the customer’s original words stay in `source.message`.',
  example: 'Support sent a replacement burr the same week, no questions asked.',
});
const AuthorSchema = publicText(100)
  .nullable()
  .openapi({ description: 'The name the wall shows; null shows none.', example: 'Jonas W.' });
const ActorSchema = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(NO_CONTROL_CHARACTERS, noControl)
  .openapi({
    description: 'Who is doing this, for the history (e.g. "Maya, PR"). The key and its role are recorded anyway.',
    example: 'Maya, PR',
  });

/** A testimonial as PR works on it in the studio, whatever its status. */
export const StudioTestimonialSchema = z
  .object({
    id: z.string(),
    feedbackId: z
      .string()
      .nullable()
      .openapi({ description: 'The message it was made from; null once that message is deleted (retention).' }),
    quote: z.string(),
    author: z.string().nullable(),
    rating: z.number().int().min(1).max(5).nullable().openapi({ description: 'Copied from the message.' }),
    status: TestimonialStatusSchema,
    approvedAt: z.string().nullable().openapi({ description: 'When it was last approved.' }),
    createdAt: z.string(),
    onWall: z.boolean().openapi({
      description: 'Whether the public wall shows it: approved, and its customer still agrees to be quoted (or its message is gone).',
    }),
  })
  .openapi('StudioTestimonial');

export const TestimonialSourceSchema = z
  .object({
    feedbackId: z.string(),
    message: z.string().openapi({ description: 'The customer’s original words, as sent.' }),
    rating: z.number().int().nullable(),
    score: z.number().int().nullable(),
    consent: z.object({
      publish: z.boolean().openapi({ description: 'Whether the customer still agrees to be quoted.' }),
      givenAt: z.string().nullable(),
      version: z.string().nullable().openapi({ description: 'The consent text’s version the customer saw.' }),
    }),
    pageUrl: z.string().nullable().openapi({ description: 'Where the customer wrote it.' }),
    createdAt: z.string(),
  })
  .openapi('TestimonialSource', { description: 'The message a testimonial was made from: its provenance.' });

const Words = z.object({ quote: z.string(), author: z.string().nullable() });

export const TestimonialEditSchema = z
  .object({
    action: z.enum(['create', 'edit', 'approve', 'withdraw']),
    at: z.string(),
    by: ByWhomSchema,
    before: Words.nullable().openapi({ description: 'null when the testimonial was made.' }),
    after: Words.openapi({ description: 'For approve and withdraw: the words that went on or off the wall.' }),
  })
  .openapi('TestimonialEdit');

export const StudioTestimonialDetailSchema = StudioTestimonialSchema.extend({
  source: TestimonialSourceSchema.nullable().openapi({ description: 'null once the message is deleted (retention).' }),
  history: z.array(TestimonialEditSchema).openapi({ description: 'Oldest first, from when it was made.' }),
}).openapi('StudioTestimonialDetail');

export const TestimonialCreateSchema = z
  .strictObject({
    feedbackId: z
      .string()
      .regex(FEEDBACK_ID, 'not a feedback id')
      .openapi({ description: 'A message whose customer agreed to be quoted.', example: 'fb_01JD3X6Q0ZK4T1V8M2N5P7R9S3' }),
    quote: QuoteSchema.optional().openapi({ description: 'Defaults to the whole message.' }),
    author: AuthorSchema.optional().openapi({ description: 'Defaults to the name the customer gave; null shows none.' }),
    actor: ActorSchema.optional(),
  })
  .openapi('TestimonialCreate');

export const TestimonialUpdateSchema = z
  .strictObject({ quote: QuoteSchema.optional(), author: AuthorSchema.optional(), actor: ActorSchema.optional() })
  .refine((u) => u.quote !== undefined || u.author !== undefined, { message: 'send quote, author or both' })
  .openapi('TestimonialUpdate');

export const TestimonialActionSchema = z
  .strictObject({ actor: ActorSchema.optional() })
  .openapi('TestimonialAction', { description: 'Optional: who is doing this, for the history.' });

export type TestimonialStatus = z.infer<typeof TestimonialStatusSchema>;
export type StudioTestimonial = z.infer<typeof StudioTestimonialSchema>;
export type StudioTestimonialDetail = z.infer<typeof StudioTestimonialDetailSchema>;
export type TestimonialEdit = z.infer<typeof TestimonialEditSchema>;
export type TestimonialCreate = z.infer<typeof TestimonialCreateSchema>;
export type TestimonialUpdate = z.infer<typeof TestimonialUpdateSchema>;
