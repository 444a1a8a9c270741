import { sha256 } from '../lib/hash.js';
import type { Key } from '../schemas/site.js';
import type { Site } from './sites.js';

export type Role = 'admin' | 'support' | 'pr';
export type KeyKind = 'publishable' | 'secret';

export interface ApiKey {
  id: string;
  kind: KeyKind;
  role: Role | null;
  site: Site;
}

export interface SecretKey {
  id: string;
  role: Role;
}

/** The live (not revoked) key with this value, with its site and the site's allowed origins. */
export async function findKey(db: D1Database, key: string): Promise<ApiKey | null> {
  const row = await db
    .prepare(
      `SELECT k.id, k.kind, k.role, s.id AS site_id, s.name AS site_name,
              (SELECT json_group_array(origin) FROM site_origins WHERE site_id = s.id) AS origins
         FROM api_keys k JOIN sites s ON s.id = k.site_id
        WHERE k.key_hash = ? AND k.revoked_at IS NULL`,
    )
    .bind(await sha256(key))
    .first<{ id: string; kind: KeyKind; role: Role | null; site_id: string; site_name: string; origins: string }>();
  if (!row) return null;
  return {
    id: row.id,
    kind: row.kind,
    role: row.role,
    site: { id: row.site_id, name: row.site_name, origins: JSON.parse(row.origins) as string[] },
  };
}

interface KeyRow {
  id: string;
  kind: KeyKind;
  role: Role | null;
  key_hint: string;
  created_at: string;
  revoked_at: string | null;
}

const KEY_COLUMNS = 'id, kind, role, key_hint, created_at, revoked_at';

function toKey(row: KeyRow): Key {
  return { id: row.id, kind: row.kind, role: row.role, hint: row.key_hint, createdAt: row.created_at, revokedAt: row.revoked_at };
}

/** Every key of the site, revoked ones too, oldest first. Never the key itself: only its hash is stored. */
export async function listKeys(db: D1Database, siteId: string): Promise<Key[]> {
  const { results } = await db
    .prepare(`SELECT ${KEY_COLUMNS} FROM api_keys WHERE site_id = ? ORDER BY created_at, id`)
    .bind(siteId)
    .all<KeyRow>();
  return results.map(toKey);
}

export async function findSiteKey(db: D1Database, siteId: string, id: string): Promise<Key | null> {
  const row = await db.prepare(`SELECT ${KEY_COLUMNS} FROM api_keys WHERE site_id = ? AND id = ?`).bind(siteId, id).first<KeyRow>();
  return row && toKey(row);
}

export interface NewKey {
  id: string;
  siteId: string;
  kind: KeyKind;
  role: Role | null;
  hash: string;
  hint: string;
  createdAt: string;
}

/** The statement that stores a key, to run alone or in a batch with its new site. */
export function insertKey(db: D1Database, k: NewKey): D1PreparedStatement {
  return db
    .prepare(`INSERT INTO api_keys (id, site_id, kind, role, key_hash, key_hint, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`)
    .bind(k.id, k.siteId, k.kind, k.role, k.hash, k.hint, k.createdAt);
}

/**
 * Revokes a live key, unless it is the site's last live admin key: in one statement, so two
 * admins revoking each other's keys at once cannot both succeed. Returns whether it revoked.
 */
export async function revokeKey(db: D1Database, siteId: string, id: string, now: string): Promise<boolean> {
  const result = await db
    .prepare(
      `UPDATE api_keys SET revoked_at = ?3
        WHERE site_id = ?1 AND id = ?2 AND revoked_at IS NULL
          AND (role IS NOT 'admin'
               OR (SELECT COUNT(*) FROM api_keys WHERE site_id = ?1 AND role = 'admin' AND revoked_at IS NULL) > 1)`,
    )
    .bind(siteId, id, now)
    .run();
  return result.meta.changes === 1;
}
