import { z } from '@hono/zod-openapi';
import { FEEDBACK_ID } from './feedback.js';
import { FeedbackDetailSchema } from './inbox.js';
import { StudioTestimonialDetailSchema } from './testimonial.js';

/** Whose data: by email, or by one of their messages (for a customer who gave no email). */
export const CustomerQuerySchema = z
  .object({
    email: z.email().max(254).optional().openapi({ description: 'Every message from this email (typed, or given by the site).' }),
    feedbackId: z.string().regex(FEEDBACK_ID, 'not a feedback id').optional().openapi({ description: 'Only this message.' }),
  })
  .refine((q) => (q.email === undefined) !== (q.feedbackId === undefined), 'give either email or feedbackId, not both');

export const CustomerDataSchema = z
  .object({
    feedback: z.array(FeedbackDetailSchema).openapi({ description: 'Each message with its log and internal notes.' }),
    testimonials: z.array(StudioTestimonialDetailSchema).openapi({ description:
        'Made from those messages, with their edit history; by email also quotes kept after their message was deleted by retention (feedbackId null).', }),
  })
  .openapi('CustomerData');
