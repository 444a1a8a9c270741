import type { Route } from '@tandem/triage';
import type { Destination, DestinationInput, DestinationKind, DestinationUpdate } from '../schemas/destination.js';

/** A site has at most this many destinations: each message fans out to all of them in one write. */
export const MAX_DESTINATIONS = 20;

interface DestinationRow {
  id: string;
  kind: DestinationKind;
  name: string;
  url: string;
  routes: string;
  enabled: 0 | 1;
  disabled_reason: string | null;
  created_at: string;
  updated_at: string;
}

const COLUMNS = 'id, kind, name, url, routes, enabled, disabled_reason, created_at, updated_at';

export async function listDestinations(db: D1Database, siteId: string): Promise<Destination[]> {
  const { results } = await db
    .prepare(`SELECT ${COLUMNS} FROM destinations WHERE site_id = ? ORDER BY id`)
    .bind(siteId)
    .all<DestinationRow>();
  return results.map(toDestination);
}

export async function findDestination(db: D1Database, siteId: string, id: string): Promise<Destination | null> {
  const row = await db
    .prepare(`SELECT ${COLUMNS} FROM destinations WHERE site_id = ? AND id = ?`)
    .bind(siteId, id)
    .first<DestinationRow>();
  return row && toDestination(row);
}

/**
 * Adds a destination; null, adding nothing, when the site already has MAX_DESTINATIONS (checked
 * in the same statement, so two requests at once cannot both pass).
 */
export async function insertDestination(
  db: D1Database,
  d: DestinationInput & { id: string; siteId: string; secret: string | null; now: string },
): Promise<Destination | null> {
  const row = await db
    .prepare(
      `INSERT INTO destinations (id, site_id, kind, name, url, routes, secret, enabled, created_at, updated_at)
       SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, 1, ?8, ?8
        WHERE (SELECT COUNT(*) FROM destinations WHERE site_id = ?2) < ?9
       RETURNING ${COLUMNS}`,
    )
    .bind(d.id, d.siteId, d.kind, d.name, d.url, JSON.stringify(d.routes), d.secret, d.now, MAX_DESTINATIONS)
    .first<DestinationRow>();
  return row && toDestination(row);
}

/** Changes what is given; enabling clears the reason it was turned off. Null for another site's id. */
export async function updateDestination(
  db: D1Database,
  siteId: string,
  id: string,
  { name, url, routes, enabled }: DestinationUpdate,
  now: string,
): Promise<Destination | null> {
  const on = enabled === undefined ? null : enabled ? 1 : 0;
  const row = await db
    .prepare(
      `UPDATE destinations SET
         name = COALESCE(?3, name),
         url = COALESCE(?4, url),
         routes = COALESCE(?5, routes),
         enabled = COALESCE(?6, enabled),
         disabled_reason = CASE WHEN ?6 IS NULL THEN disabled_reason ELSE NULL END,
         updated_at = ?7
       WHERE site_id = ?1 AND id = ?2
       RETURNING ${COLUMNS}`,
    )
    .bind(siteId, id, name ?? null, url ?? null, routes ? JSON.stringify(routes) : null, on, now)
    .first<DestinationRow>();
  return row && toDestination(row);
}

/** Deletes a destination with its deliveries; false for another site's id. */
export async function deleteDestination(db: D1Database, siteId: string, id: string): Promise<boolean> {
  // RETURNING, not meta.changes: D1 counts the deliveries deleted with it too.
  const row = await db.prepare('DELETE FROM destinations WHERE site_id = ? AND id = ? RETURNING id').bind(siteId, id).first();
  return row !== null;
}

/** Turns a destination off on Tandem's own account (the receiver answered 410 Gone). */
export function disableDestinationStatement(db: D1Database, id: string, reason: string, now: string): D1PreparedStatement {
  return db
    .prepare('UPDATE destinations SET enabled = 0, disabled_reason = ?, updated_at = ? WHERE id = ?')
    .bind(reason, now, id);
}

/** Slack's URL is the credential: show enough to recognise it, never enough to post to it. */
export function displayUrl(kind: DestinationKind, url: string): string {
  if (kind !== 'slack') return url;
  const { origin } = new URL(url);
  return `${origin}/…${url.slice(-4)}`;
}

function toDestination(row: DestinationRow): Destination {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    url: displayUrl(row.kind, row.url),
    routes: JSON.parse(row.routes) as Route[],
    enabled: row.enabled === 1,
    disabledReason: row.disabled_reason,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
