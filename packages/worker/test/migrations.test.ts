// Migrations that rebuild a table must keep every row: production databases are not empty when a
// release applies them. 0010 rebuilds `deliveries` and `delivery_attempts` (SQLite cannot change a
// CHECK), so this applies 0001–0009 to an empty database, fills it as a running site would, then
// applies the rest and checks that nothing was lost and the references still hold.
import { applyD1Migrations } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { expect, it } from 'vitest';

const db = env.MIGRATION_DB;
const NOW = '2026-11-01T10:00:00.000Z';

async function rows(sql: string): Promise<Record<string, unknown>[]> {
  return (await db.prepare(sql).all()).results;
}

it('keeps deliveries and their attempts through the 0010 rebuild, with their references intact', async () => {
  const before = env.TEST_MIGRATIONS.filter((m) => m.name < '0010');
  expect(before.map((m) => m.name.slice(0, 4))).toEqual(['0001', '0002', '0003', '0004', '0005', '0006', '0007', '0008', '0009']);
  await applyD1Migrations(db, before);

  await db.batch([
    db.prepare('INSERT INTO sites (id, name, created_at) VALUES (?, ?, ?)').bind('site_a', 'Shop', NOW),
    db.prepare(
      `INSERT INTO destinations (id, site_id, kind, name, url, routes, secret, created_at, updated_at)
       VALUES ('dst_hook', 'site_a', 'webhook', 'Desk', 'https://desk.example/hook', '["support"]', 'whsec_x', ?1, ?1),
              ('dst_slack', 'site_a', 'slack', '#pr', 'https://hooks.slack.com/services/x', '["pr"]', NULL, ?1, ?1)`,
    ).bind(NOW),
    db.prepare(
      `INSERT INTO feedback (id, site_id, message, consent_publish, label, routes, sentiment, confidence, reasons, created_at)
       VALUES ('fb_1', 'site_a', 'Charged twice', 0, 'complaint', '["support"]', -0.8, 0.9, '[]', ?)`,
    ).bind(NOW),
    db.prepare(
      `INSERT INTO deliveries (id, site_id, destination_id, feedback_id, event, payload, status, dead_reason, next_attempt_at,
                               created_at, enqueued_at, generation)
       VALUES ('dlv_1', 'site_a', 'dst_hook', 'fb_1', 'feedback.created', '{"a":1}', 'delivered', NULL, ?1, ?1, ?1, 0),
              ('dlv_2', 'site_a', 'dst_slack', 'fb_1', 'feedback.pr_risk', '{"b":2}', 'dead', 'gone (410)', ?1, ?1, NULL, 2),
              ('dlv_3', 'site_a', 'dst_hook', NULL, 'test', '{"c":3}', 'pending', NULL, ?1, ?1, ?1, 1)`,
    ).bind(NOW),
    db.prepare(
      `INSERT INTO delivery_attempts (delivery_id, attempt, status, response_code, error, duration_ms, at, generation)
       VALUES ('dlv_1', 1, 'failed', 503, 'unavailable', 120, ?1, 0), ('dlv_1', 2, 'ok', 200, NULL, 80, ?1, 0),
              ('dlv_2', 1, 'failed', 410, 'gone', 40, ?1, 2)`,
    ).bind(NOW),
  ]);
  const deliveries = await rows('SELECT * FROM deliveries ORDER BY id');
  const attempts = await rows('SELECT * FROM delivery_attempts ORDER BY delivery_id, attempt');

  await applyD1Migrations(db, env.TEST_MIGRATIONS);

  expect(await rows('SELECT * FROM deliveries ORDER BY id')).toEqual(deliveries);
  expect(await rows('SELECT * FROM delivery_attempts ORDER BY delivery_id, attempt')).toEqual(attempts);
  expect(await rows('PRAGMA foreign_key_check')).toEqual([]);
  // The rebuilt attempts point at the rebuilt deliveries, not at the table the rename replaced.
  expect(await rows(`SELECT "table" FROM pragma_foreign_key_list('delivery_attempts')`)).toEqual([{ table: 'deliveries' }]);

  // The new event type is accepted, and deleting a destination still removes its deliveries and their attempts.
  await db
    .prepare(
      `INSERT INTO deliveries (id, site_id, destination_id, event, payload, next_attempt_at, created_at)
       VALUES ('dlv_4', 'site_a', 'dst_slack', 'alert.surge', '{}', ?1, ?1)`,
    )
    .bind(NOW)
    .run();
  await db.prepare(`DELETE FROM destinations WHERE id = 'dst_hook'`).run();
  expect(await rows('SELECT id FROM deliveries ORDER BY id')).toEqual([{ id: 'dlv_2' }, { id: 'dlv_4' }]);
  expect(await rows('SELECT delivery_id, attempt FROM delivery_attempts')).toEqual([{ delivery_id: 'dlv_2', attempt: 1 }]);
  // And the indexes the queries rely on were made again.
  const indexes = (await rows(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('deliveries', 'delivery_attempts')`))
    .map((r) => r.name);
  expect(indexes).toEqual(expect.arrayContaining([
    'deliveries_by_site', 'deliveries_by_feedback', 'deliveries_by_destination', 'deliveries_pending', 'delivery_attempts_by_delivery',
  ]));
});
