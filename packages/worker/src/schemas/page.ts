import { z } from '@hono/zod-openapi';

/** How many items a list answers at once (`?limit=`). */
export const PageLimitSchema = z.coerce.number().int().min(1).max(100).default(20);

/** One page of a list of `item`: pass `nextCursor` back as `cursor` for the next. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    data: z.array(item),
    nextCursor: z.string().nullable().openapi({ description: 'null on the last page.' }),
  });
