/**
 * The follow-up token: the POST's answer carries it, and with it the customer may add an email,
 * a name or consent for a while (PATCH /v1/feedback/{id}). It is the only proof that the request
 * comes from whoever sent the message, so it is long, random and compared in constant time.
 */

/** How long after sending the customer may still add to their feedback. */
export const FOLLOW_UP_HOURS = 24;

export const FOLLOW_UP_TOKEN = /^fbt_[0-9a-f]{32}$/;

/** `fbt_` and 128 random bits in hex. */
export function newFollowUpToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `fbt_${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** Whether feedback created at `createdAt` (ISO 8601) still takes a follow-up at `now`. */
export function followUpOpen(createdAt: string, now: Date): boolean {
  return now.getTime() - Date.parse(createdAt) < FOLLOW_UP_HOURS * 60 * 60 * 1000;
}
