/**
 * Rows a test needs that no public route can create yet (approved testimonials, sites of its
 * own): SQL run against the local D1 that `wrangler dev` serves, with `wrangler d1 execute`.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { inject } from 'vitest';
import { bin, root, toolEnv } from '../../scripts/tools.mjs';

/** A SQL string literal. */
export const sql = (value: string | number | null): string =>
  value === null ? 'NULL' : typeof value === 'number' ? String(value) : `'${value.replace(/'/g, "''")}'`;

/** Runs `statements` in the test run's local D1; throws with wrangler's output if it fails. */
export function executeSql(statements: string): void {
  const result = spawnSync(
    bin('wrangler'),
    ['d1', 'execute', 'DB', '--local', '--persist-to', inject('persistTo'), '--command', statements],
    { cwd: root, env: toolEnv, encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`wrangler d1 execute failed:\n${result.stdout}${result.stderr}`);
}

/**
 * A site of the test's own, allowed on `origin`, with a publishable key: statements that create
 * it. Keys are stored as their SHA-256, as the API does.
 */
export function siteSql(id: string, publishableKey: string, origin: string): string {
  const hash = createHash('sha256').update(publishableKey).digest('hex');
  const now = sql(new Date().toISOString());
  return `INSERT INTO sites (id, name, created_at) VALUES (${sql(id)}, ${sql(id)}, ${now});
    INSERT INTO site_origins (site_id, origin) VALUES (${sql(id)}, ${sql(origin)});
    INSERT INTO api_keys (id, site_id, kind, role, key_hash, key_hint, created_at)
      VALUES (${sql(`key_${id}`)}, ${sql(id)}, 'publishable', NULL, ${sql(hash)}, ${sql(publishableKey)}, ${now});`;
}
