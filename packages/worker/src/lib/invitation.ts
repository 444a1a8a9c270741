/**
 * The invitation to say how it went: a link to /how-did-it-go/{token} on the worker's own origin.
 * The token is the only proof that an answer comes from the link, so it is long and random, and
 * only its SHA-256 is stored (like a secret key's).
 */

/** How long the link takes an answer. */
export const INVITATION_DAYS = 30;

export const INVITATION_TOKEN = /^ivt_[0-9a-f]{32}$/;

/** Where the invitation page lets the widget carry the token (see invitationIn). */
export const INVITATION_METADATA_KEY = 'tandem.invitation';

/** `ivt_` and 128 random bits in hex. */
export function newInvitationToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `ivt_${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export function invitationUrl(requestUrl: string, token: string): string {
  return `${new URL(requestUrl).origin}/how-did-it-go/${token}`;
}

/**
 * The invitation token a POST /v1/feedback body carries: `invitation`, or the metadata key the
 * invitation page sets through the script tag's `data-meta-tandem.invitation`. The widget has no
 * field of its own for it: it is over its size budget, and the metadata path costs it nothing.
 */
export function invitationIn(body: unknown): string | undefined {
  const { invitation, metadata } = (body ?? {}) as { invitation?: unknown; metadata?: Record<string, unknown> };
  const token = invitation ?? (metadata && typeof metadata === 'object' ? metadata[INVITATION_METADATA_KEY] : undefined);
  return typeof token === 'string' ? token : undefined;
}
