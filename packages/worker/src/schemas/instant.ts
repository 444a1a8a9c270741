/**
 * A time given in a query, turned into the form stored times take: UTC with milliseconds
 * (`2026-11-22T10:00:00.000Z`). D1 compares times as text, and as text `10:00:00Z` sorts after
 * the stored `10:00:00.500Z` and `12:00:00+02:00` after `11:00:00.000Z`, though neither is.
 *
 * @example
 * InstantSchema.parse('2026-11-22T12:00:00+02:00'); // '2026-11-22T10:00:00.000Z'
 */
import { z } from '@hono/zod-openapi';

const FRACTION = /\.(\d+)/;
const STORED = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

export const InstantSchema = z.iso.datetime({ offset: true }).transform((text, ctx) => {
  const digits = FRACTION.exec(text)?.[1] ?? '';
  // Stored times are whole milliseconds, so "at or after" and "before" a finer time select the
  // same messages as the next whole millisecond would.
  const finer = /[1-9]/.test(digits.slice(3)) ? 1 : 0;
  const ms = Date.parse(text.replace(FRACTION, '')) + Number(digits.slice(0, 3).padEnd(3, '0')) + finer;
  const stored = new Date(ms).toISOString();
  if (!STORED.test(stored)) {
    ctx.addIssue({ code: 'custom', message: 'must fall in the years 0000 to 9999 in UTC' });
    return z.NEVER;
  }
  return stored;
});
