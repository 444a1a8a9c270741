import { z } from '@hono/zod-openapi';

/** How many items a list answers at once (`?limit=`). */
export const PageLimitSchema = z.coerce.number().int().min(1).max(100).default(20);

/** One page of a list of `item`: pass `nextCursor` back as `cursor` for the next. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    data: z.array(item),
    nextCursor: z.string().nullable().openapi({ description: 'null on the last page.' }),
  });

/** The 200 answer of a paged list of `item`. */
export const pageResponse = <T extends z.ZodType>(item: T) => ({
  description: 'One page.',
  content: { 'application/json': { schema: pageOf(item) } },
});

/** `?cursor=`: the previous page's `nextCursor`, checked by `valid`. */
export const cursorParam = <T extends z.ZodType>(valid: T) =>
  valid.optional().openapi({ description: 'The `nextCursor` of the previous page.' });
