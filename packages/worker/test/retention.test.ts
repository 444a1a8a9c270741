import { createScheduledController } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import worker, { CRONS } from '../src/index.js';
import { customerData, deleteCustomerData } from '../src/db/customers.js';
import { enforceRetention } from '../src/jobs/retention.js';
import { api, createSite, getWithSecret, postFeedback, type TestSite } from './helpers.js';

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

  describe('a quote kept after its message', () => {
    const call = (method: string, path: string, secret: string, body?: object) =>
      api(path, {
        method,
        headers: { authorization: `Bearer ${secret}`, ...(body && { 'content-type': 'application/json' }) },
        ...(body && { body: JSON.stringify(body) }),
      });

    /** A 30-day site with an approved quote from a message of 31 days ago, which retention then deletes. */
    async function keptQuote(customer: object = { email: 'Noor@Example.com', user: { id: 'cus_9', email: 'noor.h@example.com' } }) {
      const site = await createSite();
      await env.DB.prepare('UPDATE sites SET retention_days = 30 WHERE id = ?').bind(site.id).run();
      const res = await postFeedback(site, {
        message: 'The Kenya AA is bright and sweet. Best subscription I have had.',
        rating: 5,
        name: 'Noor Haddad',
        consent: { publish: true },
        ...customer,
      });
      const { id: feedbackId } = await res.json<{ id: string }>();
      const { id } = await (await call('POST', '/v1/studio/testimonials', site.secretKeys.pr, { feedbackId })).json<{ id: string }>();
      expect((await call('POST', `/v1/studio/testimonials/${id}/approve`, site.secretKeys.pr)).status).toBe(200);
      await env.DB.prepare('UPDATE feedback SET created_at = ? WHERE id = ?').bind(new Date(Date.now() - 31 * DAY).toISOString(), feedbackId).run();
      expect(await enforceRetention(env.DB, new Date())).toBe(1);
      return { site, id };
    }

    const wall = async (site: TestSite) =>
      (await (await api(`/v1/testimonials?siteKey=${site.publishableKey}`)).json<{ data: { id: string }[] }>()).data.map((t) => t.id);

    it('is still found by its customer’s email, for an export or a deletion, which takes it off the wall; never by another site', async () => {
      const { site, id } = await keptQuote();
      const other = await createSite();
      expect(await wall(site)).toEqual([id]);
      // No email is kept: only the digests that find it.
      const row = await env.DB.prepare('SELECT feedback_id, author_keys FROM testimonials WHERE id = ?').bind(id).first<{ author_keys: string }>();
      expect(row!.author_keys).not.toMatch(/example/);
      expect(JSON.parse(row!.author_keys)).toHaveLength(2);

      for (const email of ['noor@example.com', 'NOOR.H@example.com']) {
        const exported = await (await getWithSecret(`/v1/customer-data?email=${email}`, site.secretKeys.admin)).json<{ testimonials: unknown[] }>();
        expect(exported.testimonials, email).toEqual([expect.objectContaining({ id, feedbackId: null, status: 'approved', source: null })]);
      }
      expect(await (await call('DELETE', '/v1/customer-data?email=noor@example.com', other.secretKeys.admin)).json()).toEqual({
        deleted: { feedback: 0, testimonials: 0 },
      });
      expect(await (await call('DELETE', '/v1/customer-data?email=someone@example.com', site.secretKeys.admin)).json()).toEqual({
        deleted: { feedback: 0, testimonials: 0 },
      });

      const res = await call('DELETE', '/v1/customer-data?email=noor@example.com', site.secretKeys.admin);
      expect(await res.json()).toEqual({ deleted: { feedback: 0, testimonials: 1 } });
      expect(await wall(site)).toEqual([]);
      expect(await env.DB.prepare('SELECT COUNT(*) AS n FROM testimonial_edits WHERE testimonial_id = ?').bind(id).first('n')).toBe(0);
    });

    it('is found by the email of the complaint an invitation answer followed, as before retention', async () => {
      const site = await createSite();
      await env.DB.prepare('UPDATE sites SET retention_days = 30 WHERE id = ?').bind(site.id).run();
      const complaint = await (await postFeedback(site, { message: 'My order never arrived and nobody answers.', rating: 1, email: 'ana@example.com' })).json<{ id: string }>();
      expect((await call('PUT', `/v1/feedback/${complaint.id}/status`, site.secretKeys.support, { status: 'resolved' })).status).toBe(200);
      const { url } = await (await call('POST', `/v1/feedback/${complaint.id}/invitation`, site.secretKeys.support, {})).json<{ url: string }>();
      // The answer from the invitation page carries no email of its own.
      const answer = await (
        await postFeedback(
          site,
          { message: 'Sorted in a day, thank you! Lovely people.', rating: 5, consent: { publish: true }, invitation: url.split('/').at(-1) },
          { origin: 'https://tandem.test' },
        )
      ).json<{ id: string }>();
      const { id } = await (await call('POST', '/v1/studio/testimonials', site.secretKeys.pr, { feedbackId: answer.id })).json<{ id: string }>();
      expect((await call('POST', `/v1/studio/testimonials/${id}/approve`, site.secretKeys.pr)).status).toBe(200);
      const theirs = async () =>
        (await (await getWithSecret('/v1/customer-data?email=ana@example.com', site.secretKeys.admin)).json<{ testimonials: { id: string }[] }>()).testimonials.map((t) => t.id);
      expect(await theirs()).toEqual([id]);

      const old = new Date(Date.now() - 31 * DAY).toISOString();
      await env.DB.prepare('UPDATE feedback SET created_at = ? WHERE id IN (?, ?)').bind(old, complaint.id, answer.id).run();
      expect(await enforceRetention(env.DB, new Date())).toBe(2);
      expect(await wall(site)).toEqual([id]);
      expect(await theirs()).toEqual([id]);
    });

    it('is deleted by a request that read it before the nightly run unlinked it', async () => {
      const site = await createSite();
      await env.DB.prepare('UPDATE sites SET retention_days = 30 WHERE id = ?').bind(site.id).run();
      const { id: feedbackId } = await (
        await postFeedback(site, { message: 'Lovely beans, best subscription.', rating: 5, email: 'noor@example.com', consent: { publish: true } })
      ).json<{ id: string }>();
      const { id } = await (await call('POST', '/v1/studio/testimonials', site.secretKeys.pr, { feedbackId })).json<{ id: string }>();
      expect((await call('POST', `/v1/studio/testimonials/${id}/approve`, site.secretKeys.pr)).status).toBe(200);
      await env.DB.prepare('UPDATE feedback SET created_at = ? WHERE id = ?').bind(new Date(Date.now() - 31 * DAY).toISOString(), feedbackId).run();
      // The deletion reads the customer's data; the nightly job runs; the deletion goes on.
      const data = await customerData(env.DB, site.id, { email: 'noor@example.com' });
      expect(await enforceRetention(env.DB, new Date())).toBe(1);
      expect(await deleteCustomerData(env.DB, site.id, data)).toEqual({ feedback: 0, testimonials: 1 });
      expect(await wall(site)).toEqual([]);
    });

    it('keeps its history only as long as messages are kept, and goes at the next run once PR withdraws it', async () => {
      const { site, id } = await keptQuote({ email: 'noor@example.com' });
      const history = () => env.DB.prepare('SELECT COUNT(*) AS n FROM testimonial_edits WHERE testimonial_id = ?').bind(id).first('n');
      expect((await call('PATCH', `/v1/studio/testimonials/${id}`, site.secretKeys.pr, { quote: 'Best subscription I have had.' })).status).toBe(200);
      expect(await history()).toBe(1);
      // Still approved: the edit stays while it is younger than the site's retention, then goes.
      await enforceRetention(env.DB, new Date(Date.now() + 29 * DAY));
      expect(await history()).toBe(1);
      await enforceRetention(env.DB, new Date(Date.now() + 31 * DAY));
      expect(await history()).toBe(0);
      expect(await wall(site)).toEqual([id]);

      expect((await call('POST', `/v1/studio/testimonials/${id}/withdraw`, site.secretKeys.pr)).status).toBe(200);
      // It can never go back up: no message is left to show consent.
      expect((await call('POST', `/v1/studio/testimonials/${id}/approve`, site.secretKeys.pr)).status).toBe(409);
      await enforceRetention(env.DB, new Date());
      expect(await env.DB.prepare('SELECT 1 FROM testimonials WHERE id = ?').bind(id).first()).toBeNull();
      expect(await history()).toBe(0);
    });
  });

  it('refuses a retention outside 1 day to 10 years', async () => {
    const site = await createSite();
    for (const days of [0, 3651]) {
      await expect(env.DB.prepare('UPDATE sites SET retention_days = ? WHERE id = ?').bind(days, site.id).run()).rejects.toThrow(/CHECK/);
    }
  });
});
