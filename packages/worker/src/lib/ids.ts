import { monotonicFactory } from 'ulid';

// Monotonic: ids made in one request (where the Workers clock stands still) still sort in order.
const ulid = monotonicFactory();

/** A prefixed, time-sortable id such as `fb_01JD3X…`. */
export function newId(prefix: 'fb' | 'tm' | 'site' | 'key' | 'ev' | 'dst' | 'dlv' | 'al' | 'inv'): string {
  return `${prefix}_${ulid()}`;
}

/** Matches ids made by newId, so a malformed cursor or id is refused before any query. */
export const ID_PATTERN = (prefix: string) => new RegExp(`^${prefix}_[0-9A-HJKMNP-TV-Z]{26}$`);
