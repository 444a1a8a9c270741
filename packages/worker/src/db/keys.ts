import { sha256 } from '../lib/hash.js';
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
