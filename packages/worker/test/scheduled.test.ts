// The scheduled handler: each cron of wrangler.toml runs its own job, and a cron it does not know
// runs none (least of all retention, which deletes data).
import { createScheduledController } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it, vi } from 'vitest';
import worker, { CRONS } from '../src/index.js';
import { api, createSite } from './helpers.js';

const YEAR_AND_A_DAY = 366 * 24 * 60 * 60 * 1000;

/** A message of a new site, dated past the default retention of a year. */
async function expiredMessage(): Promise<string> {
  const site = await createSite();
  const res = await api('/v1/feedback', {
    method: 'POST',
    headers: { authorization: `Bearer ${site.publishableKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ message: 'Written more than a year ago' }),
  });
  const { id } = await res.json<{ id: string }>();
  await env.DB.prepare('UPDATE feedback SET created_at = ? WHERE id = ?').bind(new Date(Date.now() - YEAR_AND_A_DAY).toISOString(), id).run();
  return id;
}

const exists = async (id: string) => (await env.DB.prepare('SELECT 1 FROM feedback WHERE id = ?').bind(id).first()) !== null;
const run = (cron: string) => worker.scheduled(createScheduledController({ scheduledTime: Date.now(), cron }), env);

describe('the scheduled handler', () => {
  it('knows exactly the crons wrangler.toml triggers', () => {
    expect([...env.TRIGGER_CRONS].sort()).toEqual(Object.values(CRONS).sort());
  });

  it('runs retention on its own cron only', async () => {
    const id = await expiredMessage();
    await run(CRONS.resendStalled);
    expect(await exists(id)).toBe(true);
    await run(CRONS.retention);
    expect(await exists(id)).toBe(false);
  });

  it('looks for surges on its own cron', async () => {
    const site = await createSite();
    const now = new Date();
    await env.DB.batch(
      Array.from({ length: 5 }, (_, i) =>
        env.DB.prepare(
          `INSERT INTO feedback (id, site_id, message, consent_publish, label, routes, sentiment, confidence, reasons, topics, created_at)
           VALUES (?, ?, 'Charged twice', 0, 'complaint', '["support"]', -0.8, 0.9, '[]', '["billing"]', ?)`,
        ).bind(`fb_CRON${site.id.slice(-8)}${i}`, site.id, new Date(Date.parse(now.toISOString().slice(0, 10)) + i).toISOString()),
      ),
    );
    // Ten days of messages: enough history for a baseline (none of them about billing).
    await env.DB.prepare(
      `INSERT INTO feedback (id, site_id, message, consent_publish, label, routes, sentiment, confidence, reasons, topics, created_at)
       VALUES (?, ?, 'Lovely', 0, 'praise', '["pr"]', 0.8, 0.9, '[]', '[]', ?)`,
    )
      .bind(`fb_CRON${site.id.slice(-8)}old`, site.id, new Date(now.getTime() - 10 * 24 * 3600_000).toISOString())
      .run();
    const alerts = () => env.DB.prepare('SELECT topic FROM alerts WHERE site_id = ?').bind(site.id).all();
    await run(CRONS.retention);
    expect((await alerts()).results).toEqual([]);
    await run(CRONS.surge);
    expect((await alerts()).results).toEqual([{ topic: 'billing' }]);
  });

  it('runs nothing for a cron it does not know, and says so in the log', async () => {
    const id = await expiredMessage();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      await run('0 * * * *');
      expect(logged).toHaveBeenCalledWith(expect.stringContaining('"cron":"0 * * * *"'));
    } finally {
      logged.mockRestore();
    }
    expect(await exists(id)).toBe(true);
  });
});
