import { createScheduledController } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import worker, { CRONS } from '../src/index.js';
import { api, createSite, type TestSite } from './helpers.js';

const DAY = 24 * 60 * 60 * 1000;

/** Sends a message through the API, then dates it `daysAgo` days back. */
async function message(site: TestSite, daysAgo: number): Promise<string> {
  const res = await api('/v1/feedback', {
    method: 'POST',
    headers: { authorization: `Bearer ${site.publishableKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ message: `Written ${daysAgo} days ago`, email: 'old@example.com', consent: { publish: true } }),
  });
  const { id } = await res.json<{ id: string }>();
  await env.DB.prepare('UPDATE feedback SET created_at = ? WHERE id = ?').bind(new Date(Date.now() - daysAgo * DAY).toISOString(), id).run();
  return id;
}

const exists = async (id: string) => (await env.DB.prepare('SELECT 1 FROM feedback WHERE id = ?').bind(id).first()) !== null;

describe('the nightly retention job', () => {
  it("deletes each site's messages older than its retention, and nothing else", async () => {
    const short = await createSite();
    const usual = await createSite();
    await env.DB.prepare('UPDATE sites SET retention_days = 30 WHERE id = ?').bind(short.id).run();
    const [shortOld, shortNew, usualOld] = [await message(short, 31), await message(short, 29), await message(usual, 31)];
    // A testimonial PR made from the old message: the approved quote stays, its link goes.
    await env.DB.prepare(
      `INSERT INTO testimonials (id, site_id, feedback_id, quote, status, approved_at, created_at)
       VALUES (?, ?, ?, 'Quoted with consent', 'approved', ?, ?)`,
    )
      .bind(`tm_${shortOld}`, short.id, shortOld, new Date().toISOString(), new Date().toISOString())
      .run();

    await worker.scheduled(createScheduledController({ scheduledTime: Date.now(), cron: CRONS.retention }), env);

    expect(await exists(shortOld)).toBe(false);
    expect(await exists(shortNew)).toBe(true);
    // The default retention is a year.
    expect(await exists(usualOld)).toBe(true);
    const testimonial = await env.DB.prepare('SELECT feedback_id, quote FROM testimonials WHERE id = ?').bind(`tm_${shortOld}`).first();
    expect(testimonial).toEqual({ feedback_id: null, quote: 'Quoted with consent' });
  });

  it('refuses a retention outside 1 day to 10 years', async () => {
    const site = await createSite();
    for (const days of [0, 3651]) {
      await expect(env.DB.prepare('UPDATE sites SET retention_days = ? WHERE id = ?').bind(days, site.id).run()).rejects.toThrow(/CHECK/);
    }
  });
});
