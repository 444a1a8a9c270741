import type { SiteSettings, SiteUpdate } from '../schemas/site.js';

export interface Site {
  id: string;
  name: string;
  /** Origins allowed to send feedback from a browser, e.g. "https://shop.example". */
  origins: string[];
}

/** Whether any site allows this origin: all a CORS preflight, which carries no key, can ask. */
export async function isAllowedOriginOfAnySite(db: D1Database, origin: string): Promise<boolean> {
  const row = await db.prepare('SELECT 1 FROM site_origins WHERE origin = ? LIMIT 1').bind(origin).first();
  return row !== null;
}

interface SiteRow {
  id: string;
  name: string;
  origins: string;
  retention_days: number;
  created_at: string;
}

/** The site's settings, as its admin sees and changes them. */
export async function findSite(db: D1Database, siteId: string): Promise<SiteSettings | null> {
  const row = await db
    .prepare(
      `SELECT id, name, retention_days, created_at,
              (SELECT json_group_array(origin) FROM (SELECT origin FROM site_origins WHERE site_id = sites.id ORDER BY origin)) AS origins
         FROM sites WHERE id = ?`,
    )
    .bind(siteId)
    .first<SiteRow>();
  return (
    row && {
      id: row.id,
      name: row.name,
      origins: JSON.parse(row.origins) as string[],
      retentionDays: row.retention_days,
      createdAt: row.created_at,
    }
  );
}

/** Changes what is given; `origins` replaces the whole list. One transaction. */
export async function updateSite(db: D1Database, siteId: string, update: SiteUpdate): Promise<void> {
  const statements = [
    db
      .prepare('UPDATE sites SET name = COALESCE(?2, name), retention_days = COALESCE(?3, retention_days) WHERE id = ?1')
      .bind(siteId, update.name ?? null, update.retentionDays ?? null),
  ];
  if (update.origins) {
    statements.push(db.prepare('DELETE FROM site_origins WHERE site_id = ?').bind(siteId), ...insertOrigins(db, siteId, update.origins));
  }
  await db.batch(statements);
}

export interface NewSite {
  id: string;
  name: string;
  origins: string[];
  retentionDays: number;
  createdAt: string;
}

/** The statements that store a new site and its origins, to batch with its first keys. */
export function insertSite(db: D1Database, site: NewSite): D1PreparedStatement[] {
  return [
    db
      .prepare('INSERT INTO sites (id, name, retention_days, created_at) VALUES (?, ?, ?, ?)')
      .bind(site.id, site.name, site.retentionDays, site.createdAt),
    ...insertOrigins(db, site.id, site.origins),
  ];
}

const insertOrigins = (db: D1Database, siteId: string, origins: string[]) =>
  origins.map((origin) => db.prepare('INSERT INTO site_origins (site_id, origin) VALUES (?, ?)').bind(siteId, origin));
