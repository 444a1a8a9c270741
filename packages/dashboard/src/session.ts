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

/** The parts of the dashboard, and the roles that see each in the navigation (and may open it). */
export const SECTIONS = [
  { id: 'inbox', label: 'Support inbox', roles: ['admin', 'support', 'pr'] },
  { id: 'studio', label: 'PR studio', roles: ['admin', 'pr'] },
  { id: 'insights', label: 'Insights', roles: ['admin', 'support', 'pr'] },
  { id: 'settings', label: 'Settings', roles: ['admin'] },
] as const satisfies readonly { id: string; label: string; roles: readonly Role[] }[];

export type SectionId = (typeof SECTIONS)[number]['id'];

/** The parts a role may open, in the navigation's order. */
export const sectionsFor = (role: Role) => SECTIONS.filter((s) => (s.roles as readonly Role[]).includes(role));

/**
 * The section an address fragment names (`#studio`, `#settings/keys`; `#feedback/…` is a message
 * in the inbox), if the role may open it; otherwise the role's first.
 */
export function sectionFor(hash: string, role: Role): SectionId {
  const allowed = sectionsFor(role);
  const named = hash.replace(/^#/, '').split('/')[0];
  const id = named === 'feedback' ? 'inbox' : named;
  return (allowed.find((s) => s.id === id) ?? (role === 'pr' ? allowed.find((s) => s.id === 'studio') : allowed[0])!).id;
}

export const ROLE_NAMES: Record<Role, string> = { admin: 'Admin', support: 'Support', pr: 'PR' };
