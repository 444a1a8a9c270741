import { z } from '@hono/zod-openapi';
import { FeedbackSchema, FEEDBACK_ID } from './feedback.js';

/** Whose data: by email, or by one of their messages (for a customer who gave no email). */
export const CustomerQuerySchema = z
  .object({
    email: z.email().max(254).optional().openapi({ description: 'Every message from this email (typed, or given by the site).' }),
    feedbackId: z.string().regex(FEEDBACK_ID, 'not a feedback id').optional().openapi({ description: 'Only this message.' }),
  })
  .refine((q) => (q.email === undefined) !== (q.feedbackId === undefined), 'give either email or feedbackId, not both');

export const CustomerDataSchema = z
  .object({
    feedback: z.array(FeedbackSchema),
    testimonials: z.array(
      z.object({ id: z.string(), feedbackId: z.string(), quote: z.string(), status: z.string() }),
    ),
  })
  .openapi('CustomerData');
