import { z } from '@hono/zod-openapi';
import { FeedbackSchema } from './feedback.js';

/** A message PR may quote, with the sentence the studio suggests. */
export const CandidateSchema = FeedbackSchema.extend({
  suggestedQuote: z.string().nullable().openapi({
    description:
      'The sentence of the message the studio suggests quoting: the most praising and specific one, 40–200 characters ' +
      'when it can, never one with an email address, phone number or link; null when every sentence holds one.',
    example: 'The Kenya AA is bright and sweet, and the bags arrive two days after roasting.',
  }),
}).openapi('TestimonialCandidate');

export type Candidate = z.infer<typeof CandidateSchema>;
