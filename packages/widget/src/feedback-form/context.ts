/**
 * What a message says about where it was written, besides the customer's words. Each part is
 * kept inside the API's limits here: a site's odd setting must never cost a customer's message.
 */
import type { FeedbackInput } from '@tandem/sdk';

/** Who the site says the customer is (`identify()`). */
export type User = NonNullable<FeedbackInput['user']>;

/**
 * The account id as the API takes it: a number (plain JavaScript sites often pass one) as its
 * digits; one over 100 characters is left out, with a warning for the site's developers.
 */
export function accountId(user: User | undefined): string | undefined {
  const id = user?.id == null ? '' : String(user.id);
  if (id.length > 100) console.warn('Tandem: identify() id left out: over 100 characters.');
  return id && id.length <= 100 ? id : undefined;
}

/** How much of the page's address to send: `path` (default), `full` (with the query) or `none`. */
export type PageUrlMode = 'path' | 'full' | 'none';

/**
 * The page's address. The query may hold private data (tokens, emails), so it is left out unless
 * the site asks for it; the hash always is. The API refuses the whole message for an address that
 * is not http(s) or over 2048 characters: those are left out.
 */
export function pageUrl(mode: PageUrlMode): string | undefined {
  if (mode === 'none' || !/^https?:$/.test(location.protocol)) return undefined;
  const url = location.origin + location.pathname + (mode === 'full' ? location.search : '');
  return url.length <= 2048 ? url : undefined;
}

export function context(): NonNullable<FeedbackInput['context']> {
  const timezone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return {
    locale: navigator.language.slice(0, 35),
    viewport: { width: clamp(innerWidth), height: clamp(innerHeight) },
    userAgent: navigator.userAgent.slice(0, 512),
    ...(timezone && { timezone: timezone.slice(0, 64) }),
  };
}

const clamp = (n: number) => Math.min(10_000, Math.max(1, Math.round(n)));

/**
 * The site's metadata as the API takes it: up to 20 keys of letters, digits, `_ . -`, each a
 * short string, a number, true/false or null. Anything else is left out, with a warning for the
 * site's developers.
 */
export function siteMetadata(metadata: Record<string, unknown> | undefined): FeedbackInput['metadata'] {
  if (!metadata) return undefined;
  const kept: NonNullable<FeedbackInput['metadata']> = {};
  const dropped: string[] = [];
  for (const [key, value] of Object.entries(metadata)) {
    const fits =
      /^[\w.-]{1,40}$/.test(key) &&
      Object.keys(kept).length < 20 &&
      (value === null || typeof value === 'boolean' || Number.isFinite(value) || (typeof value === 'string' && value.length <= 500));
    if (fits) kept[key] = value as string | number | boolean | null;
    else dropped.push(key);
  }
  if (dropped.length) console.warn(`Tandem: metadata left out (see the README for what fits): ${dropped.join(', ')}`);
  return Object.keys(kept).length ? kept : undefined;
}
