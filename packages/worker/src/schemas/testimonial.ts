import { z } from '@hono/zod-openapi';

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
