/**
 * Who is signed in: the secret key and the person's name, kept in sessionStorage, so they last
 * as long as the tab and never leave the browser but in the Authorization header. Never in a
 * URL (which history, logs and Referer keep) or a cookie (which the browser would send itself).
 */
import { createAdminClient, type AdminClient } from '@tandem/sdk/admin';

const STORAGE_KEY = 'tandem-dashboard:session';

export type Role = 'admin' | 'support' | 'pr';
export type Me = Awaited<ReturnType<AdminClient['me']>>;

export interface Session {
  secretKey: string;
  /** The person's name, for the log (`actor`); empty when they gave none. */
  actor: string;
}

/** The session this tab holds, if any. */
export function savedSession(): Session | null {
  try {
    const saved = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null') as Partial<Session> | null;
    return typeof saved?.secretKey === 'string' ? { secretKey: saved.secretKey, actor: saved.actor ?? '' } : null;
  } catch {
    return null;
  }
}

export function saveSession(session: Session): void {
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
}

export function clearSession(): void {
  sessionStorage.removeItem(STORAGE_KEY);
}

/** A client for this worker's own API (the dashboard is served beside it) with the session's key. */
export function clientFor(session: Session): AdminClient {
  return createAdminClient({ endpoint: location.origin, secretKey: session.secretKey });
}

/** What each role may do in the inbox, as the API allows it (see README, Roles). */
export const can = {
  /** Status, assignee and route corrections: admin and support. */
  workInbox: (role: Role) => role === 'admin' || role === 'support',
  /** Internal notes: every role (PR may leave one too). */
  addNote: (_role: Role) => true,
};

/** The parts of the dashboard, and the roles that see each in the navigation. */
export const SECTIONS = [{ id: 'inbox', label: 'Support inbox', roles: ['admin', 'support', 'pr'] as Role[] }] as const;

export const ROLE_NAMES: Record<Role, string> = { admin: 'Admin', support: 'Support', pr: 'PR' };
