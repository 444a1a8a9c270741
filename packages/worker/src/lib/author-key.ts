import { sha256 } from './hash.js';

/**
 * What links a quote kept after its message to the customer, without the email itself: the
 * digest of the site and the email (trimmed, lowercased), so the same address on another site
 * gives another key. Retention writes it; a deletion or export by email looks for it.
 */
export const authorKey = (siteId: string, email: string): Promise<string> => sha256(`${siteId}\n${email.trim().toLowerCase()}`);
