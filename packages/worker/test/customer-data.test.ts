import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { api, createSite, getWithSecret, postFeedback, type Envelope, type TestSite } from './helpers.js';

async function send(site: TestSite, body: object): Promise<string> {
  return (await (await postFeedback(site, body)).json<{ id: string }>()).id;
}

const remove = (path: string, secret: string) => api(path, { method: 'DELETE', headers: { authorization: `Bearer ${secret}` } });

async function quote(site: TestSite, feedbackId: string) {
  await env.DB.prepare(
    `INSERT INTO testimonials (id, site_id, feedback_id, quote, status, approved_at, created_at)
     VALUES (?, ?, ?, 'Lovely beans', 'approved', ?, ?)`,
  )
    .bind(`tm_${feedbackId}`, site.id, feedbackId, new Date().toISOString(), new Date().toISOString())
    .run();
}

describe('/v1/customer-data', () => {
  it("exports one customer's messages and testimonials, by email (typed or identified) or by message", async () => {
    const site = await createSite();
    const other = await createSite();
    const typed = await send(site, { message: 'Where is my order?', email: 'Ana@Example.com' });
    const identified = await send(site, { message: 'Lovely beans!', rating: 5, user: { id: 'cus_1', email: 'ana@example.com' } });
    await send(site, { message: 'Someone else entirely', email: 'bo@example.com' });
    await send(other, { message: 'Same person, another site', email: 'ana@example.com' });
    await quote(site, identified);

    const res = await getWithSecret('/v1/customer-data?email=ana@example.com', site.secretKeys.admin);
    expect(res.status).toBe(200);
    const data = await res.json<{ feedback: { id: string }[]; testimonials: { id: string }[] }>();
    expect(data.feedback.map((f) => f.id).sort()).toEqual([typed, identified].sort());
    expect(data.testimonials).toEqual([
      expect.objectContaining({ id: `tm_${identified}`, feedbackId: identified, quote: 'Lovely beans', status: 'approved', history: [] }),
    ]);

    const one = await (await getWithSecret(`/v1/customer-data?feedbackId=${typed}`, site.secretKeys.admin)).json<{ feedback: { id: string }[] }>();
    expect(one.feedback.map((f) => f.id)).toEqual([typed]);
  });

  it('exports what the site wrote about the customer too: the log, internal notes and quote edits', async () => {
    const site = await createSite();
    const id = await send(site, { message: 'The grinder broke after a week. Lovely beans though!', email: 'cy@example.com', consent: { publish: true } });
    const call = (method: string, path: string, body: object) =>
      api(path, { method, headers: { authorization: `Bearer ${site.secretKeys.admin}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await call('POST', `/v1/feedback/${id}/notes`, { text: 'Sent a new grinder.', actor: 'Ana' })).status).toBe(201);
    expect((await call('PUT', `/v1/feedback/${id}/status`, { status: 'resolved' })).status).toBe(200);
    const made = await (await call('POST', '/v1/studio/testimonials', { feedbackId: id, quote: 'Lovely beans!' })).json<{ id: string }>();
    expect((await call('PATCH', `/v1/studio/testimonials/${made.id}`, { quote: 'Lovely beans.' })).status).toBe(200);

    const data = await (await getWithSecret('/v1/customer-data?email=cy@example.com', site.secretKeys.admin)).json<{
      feedback: { id: string; events: { kind: string; to: unknown }[] }[];
      testimonials: { id: string; history: { action: string }[] }[];
    }>();
    expect(data.feedback[0]!.events.map((e) => [e.kind, e.to])).toEqual([
      ['note', 'Sent a new grinder.'],
      ['status', 'resolved'],
    ]);
    expect(data.testimonials[0]!.history.map((h) => h.action)).toEqual(['create', 'edit']);
  });

  it('deletes them and their testimonials, which leave the wall at once, and nothing of anyone else', async () => {
    const site = await createSite();
    const mine = await send(site, { message: 'Please forget me, but the coffee was great', email: 'cy@example.com', consent: { publish: true } });
    const theirs = await send(site, { message: 'Keep mine', email: 'di@example.com' });
    await quote(site, mine);
    // The wall has it cached already.
    const wall = async () =>
      (await (await api(`/v1/testimonials?siteKey=${site.publishableKey}`)).json<{ data: { id: string }[] }>()).data.map((t) => t.id);
    expect(await wall()).toEqual([`tm_${mine}`]);

    const res = await remove('/v1/customer-data?email=cy@example.com', site.secretKeys.admin);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ deleted: { feedback: 1, testimonials: 1 } });
    expect(await wall()).toEqual([]);
    expect((await getWithSecret(`/v1/feedback/${mine}`, site.secretKeys.admin)).status).toBe(404);
    expect((await getWithSecret(`/v1/feedback/${theirs}`, site.secretKeys.admin)).status).toBe(200);
  });

  it('exports a customer of many messages in as many reads as one of a single message', async () => {
    // Workers allow 50 queries a request on their free plan: reads per message would fail a big export.
    const site = await createSite();
    const call = (method: string, path: string, body: object) =>
      api(path, { method, headers: { authorization: `Bearer ${site.secretKeys.admin}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const one = await send(site, { message: 'Lovely beans, thank you!', email: 'one@example.com', consent: { publish: true } });
    const many: string[] = [];
    for (let i = 0; i < 60; i++) {
      // From as many clients: the rate limit allows one client 30 a minute.
      const res = await postFeedback(site, { message: `Order ${i} came late`, email: 'many@example.com' }, { 'cf-connecting-ip': `203.0.113.${i}` });
      many.push((await res.json<{ id: string }>()).id);
    }
    await env.DB.prepare('UPDATE feedback SET consent_publish = 1 WHERE id = ?').bind(many[7]).run();
    for (const id of [one, many[7]!]) {
      expect((await call('POST', `/v1/feedback/${id}/notes`, { text: 'Called them back.' })).status).toBe(201);
      const made = await (await call('POST', '/v1/studio/testimonials', { feedbackId: id })).json<{ id: string }>();
      expect((await call('PATCH', `/v1/studio/testimonials/${made.id}`, { quote: 'Lovely.' })).status).toBe(200);
    }

    /** The export through the app with a D1 that counts the statements it is asked to prepare. */
    async function exported(email: string) {
      let prepared = 0;
      const db = new Proxy(env.DB, {
        get(target, name) {
          const value = Reflect.get(target, name) as unknown;
          if (name === 'prepare') prepared++;
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
      const res = await createApp().request(
        `https://tandem.test/v1/customer-data?email=${email}`,
        { headers: { authorization: `Bearer ${site.secretKeys.admin}` } },
        { ...env, DB: db },
      );
      expect(res.status).toBe(200);
      const data = await res.json<{ feedback: { id: string; events: unknown[] }[]; testimonials: { history: unknown[] }[] }>();
      return { data, prepared };
    }
    const small = await exported('one@example.com');
    const big = await exported('many@example.com');
    expect(big.data.feedback.map((f) => f.id).sort()).toEqual([...many].sort());
    expect(big.data.feedback.find((f) => f.id === many[7])!.events).toHaveLength(1);
    expect(big.data.feedback.filter((f) => f.events.length === 0)).toHaveLength(59);
    expect(big.data.testimonials.map((t) => t.history.length)).toEqual([2]);
    expect(small.data.feedback).toHaveLength(1);
    expect(big.prepared).toBe(small.prepared);
  });

  it('is for admin keys only, of that site, and asks for exactly one of email or feedbackId', async () => {
    const site = await createSite();
    const other = await createSite();
    const id = await send(site, { message: 'Hi', email: 'ed@example.com' });
    for (const role of ['support', 'pr'] as const) {
      expect((await getWithSecret('/v1/customer-data?email=ed@example.com', site.secretKeys[role])).status, role).toBe(403);
      expect((await remove('/v1/customer-data?email=ed@example.com', site.secretKeys[role])).status, role).toBe(403);
    }
    // Another site's admin finds nothing and deletes nothing.
    const elsewhere = await remove(`/v1/customer-data?feedbackId=${id}`, other.secretKeys.admin);
    expect(await elsewhere.json()).toEqual({ deleted: { feedback: 0, testimonials: 0 } });
    expect((await getWithSecret(`/v1/feedback/${id}`, site.secretKeys.admin)).status).toBe(200);

    for (const query of ['', `email=ed@example.com&feedbackId=${id}`, 'email=not-an-email', 'feedbackId=nope']) {
      const res = await getWithSecret(`/v1/customer-data?${query}`, site.secretKeys.admin);
      expect(res.status, query).toBe(400);
      expect((await res.json<Envelope>()).error.code).toBe('invalid_request');
    }
  });
});
