/** How the dashboard words and formats what the API answers. */
import type { FeedbackItem } from './events.js';

const DATE = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export const when = (iso: string): string => DATE.format(new Date(iso));

// For text a customer reads, who may live in another time zone than the agent: the zone is named.
const DATE_AND_ZONE = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'long' });

/** `when`, with the time zone named ("30 Nov 2026, 18:00:00 CET"). */
export const whenWithZone = (iso: string): string => DATE_AND_ZONE.format(new Date(iso));

export const STATUS_NAMES = { new: 'New', in_progress: 'In progress', resolved: 'Resolved', archived: 'Archived' } as const;
export type Status = keyof typeof STATUS_NAMES;
export const STATUSES = Object.keys(STATUS_NAMES) as Status[];

export const URGENCIES = ['critical', 'high', 'normal', 'low'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const LABELS = ['complaint', 'question', 'idea', 'praise', 'neutral', 'spam'] as const;
export type Label = (typeof LABELS)[number];
export const ROUTES = ['support', 'product', 'pr'] as const;
export const ROUTE_NAMES = { support: 'Support', product: 'Product', pr: 'PR' } as const;

const capital = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
export const urgencyName = (u: string) => capital(u);
export const labelName = (l: string) => capital(l);

/** Who wrote it, as far as the message says: a name, an email, an account id, or nobody. */
export function customerName(f: Pick<FeedbackItem, 'name' | 'email' | 'user'>): string {
  return f.name ?? f.email ?? f.user?.name ?? f.user?.id ?? 'Anonymous';
}

/** The rating as words a screen reader reads well: "2 of 5 stars", "score 9 of 10". */
export function ratingText(f: Pick<FeedbackItem, 'rating' | 'score'>): string | undefined {
  if (f.rating !== null) return `${f.rating} of 5 stars`;
  if (f.score !== null) return `score ${f.score} of 10`;
  return undefined;
}

/** A first line for the list: the message cut at a word near `max` characters. */
export function excerpt(text: string, max = 140): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  return `${cut.slice(0, cut.lastIndexOf(' ') > max * 0.6 ? cut.lastIndexOf(' ') : max)}…`;
}

/** Only http(s) addresses become links: anything else is shown as text. */
export function safeHttpUrl(url: string | null): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
