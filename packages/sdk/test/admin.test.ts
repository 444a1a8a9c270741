import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { describe, expect, inject, it } from 'vitest';
import { freePort } from '../../../tests/support/wrangler-dev.js';
import { createClient } from '../src/index.js';
import { createAdminClient, TandemError } from '../src/admin.js';

const endpoint = inject('endpoint');

// A site of these tests' own, made through the API, so their messages neither meet the other
// suites' nor share their rate limit.
const made = await createAdminClient({ endpoint, secretKey: 'sk_demo_8c4e2a91f05b47d3a6e9c1b07d52f3e8' }).sites.create({
  name: `SDK admin tests ${randomUUID().slice(0, 8)}`,
});
const siteKey = made.keys.publishable.key;
const secretKey = made.keys.admin.key;
const admin = createAdminClient({ endpoint, secretKey });
const tandem = createClient({ siteKey, endpoint, storage: null });

async function rejection(promise: Promise<unknown>): Promise<TandemError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(TandemError);
  return error as TandemError;
}

describe('createAdminClient against wrangler dev', () => {
  it('refuses a publishable key or a relative endpoint before sending anything', () => {
    expect(() => createAdminClient({ endpoint, secretKey: 'pk_demo_3b7f1d6a92e04c8b5a1f7e2d' })).toThrow(/secret key/);
    expect(() => createAdminClient({ endpoint: '/api', secretKey })).toThrow(/absolute URL/);
  });

  it('lists, filters and reads feedback', async () => {
    const word = `zebra${crypto.randomUUID().slice(0, 8)}`;
    const { id } = await tandem.submit({ message: `The ${word} mug arrived broken, I want a refund.`, rating: 1 });
    const page = await admin.feedback.list({ q: word, route: 'support', limit: 5 });
    expect(page.data.map((f) => f.id)).toEqual([id]);
    expect(page.nextCursor).toBeNull();
    const one = await admin.feedback.get(id);
    expect(one).toMatchObject({ id, label: 'complaint', rating: 1 });
  });

  it('walks every page with all(), in order, without repeats', async () => {
    const word = `okapi${crypto.randomUUID().slice(0, 8)}`;
    const sent: string[] = [];
    for (let i = 0; i < 5; i++) sent.push((await tandem.submit({ message: `Question ${i} about the ${word} plan?` })).id);
    const seen: string[] = [];
    for await (const feedback of admin.feedback.all({ q: word, limit: 2 })) seen.push(feedback.id);
    expect(seen).toEqual(sent.reverse()); // newest first, three pages
  });

  it('answers an unknown id as not_found, in the API’s words', async () => {
    const error = await rejection(admin.feedback.get('fb_01JD3X6Q0ZK4T1V8M2N5P7R9S3'));
    expect(error.code).toBe('not_found');
    expect(error.status).toBe(404);
    expect(error.requestId).toBeTruthy();
  });

  it('reports a bad filter as invalid_request naming it', async () => {
    const error = await rejection(admin.feedback.list({ urgency: 'whenever' as 'low' }));
    expect(error.code).toBe('invalid_request');
    expect(error.detail).toMatch(/urgency/);
    expect(error.issues).toEqual([{ path: 'urgency', message: expect.any(String) }]);
  });

  it('refuses an unknown secret key as unauthorized', async () => {
    const stranger = createAdminClient({ endpoint, secretKey: 'sk_live_unknown' });
    expect((await rejection(stranger.feedback.list())).code).toBe('unauthorized');
  });

  it('exports, then deletes, one customer’s data', async () => {
    const email = `sam.${crypto.randomUUID().slice(0, 8)}@example.com`;
    const { id } = await tandem.submit({ message: 'Where is my parcel?', email });
    const exported = await admin.customers.export({ email });
    expect(exported.feedback.map((f) => f.id)).toEqual([id]);
    expect(await admin.customers.delete({ email })).toEqual({ deleted: { feedback: 1, testimonials: 0 } });
    expect((await rejection(admin.feedback.get(id))).code).toBe('not_found');
  });

  it('works a message: status, assignee, a route override and a note, all in its log', async () => {
    const { id, routes: sorted } = await tandem.submit({ message: 'The app logs me out every time I pay.', rating: 1 });
    const support = createAdminClient({ endpoint, secretKey: (await admin.keys.create({ kind: 'secret', role: 'support' })).key });
    await support.feedback.assign(id, { assignee: 'Ana', actor: 'Ana' });
    await support.feedback.setStatus(id, { status: 'in_progress', actor: 'Ana' });
    await support.feedback.overrideRoutes(id, { routes: ['support', 'product'], reason: 'a bug to fix', actor: 'Ana' });
    await support.feedback.addNote(id, { text: 'Asked for the app version.', actor: 'Ana' });
    const worked = await admin.feedback.get(id);
    expect(worked).toMatchObject({ status: 'in_progress', assignee: 'Ana', routes: ['support', 'product'], triageRoutes: sorted });
    expect(worked.events.map((e) => e.kind)).toEqual(['assignee', 'status', 'routes', 'note']);
    expect((await admin.feedback.list({ route: 'product', assignee: 'Ana' })).data.map((f) => f.id)).toEqual([id]);

    // A pr key reads and notes, but leaves support's statuses alone.
    const pr = createAdminClient({ endpoint, secretKey: (await admin.keys.create({ kind: 'secret', role: 'pr' })).key });
    expect((await rejection(pr.feedback.setStatus(id, { status: 'resolved' }))).code).toBe('forbidden');
  });

  it('invites the customer of a resolved complaint to say how it went; their answer links back', async () => {
    const { id } = await tandem.submit({ message: 'Two of my three bags never came.', rating: 1, email: 'sam@example.com' });
    expect((await rejection(admin.feedback.invite(id))).code).toBe('not_resolved');
    await admin.feedback.setStatus(id, { status: 'resolved', actor: 'Ana' });
    const invitation = await admin.feedback.invite(id, { actor: 'Ana' });
    expect(invitation).toMatchObject({ id: expect.stringMatching(/^inv_/), email: 'sam@example.com' });
    expect(invitation.url).toMatch(new RegExp(`^${endpoint}/how-did-it-go/ivt_[0-9a-f]{32}$`));
    const page = await fetch(invitation.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('How did it go?');

    const answer = await tandem.submit({ message: 'The bags came the next day. Great service!', rating: 5, invitation: invitation.url.split('/').at(-1) });
    expect((await admin.feedback.get(answer.id)).invitedAfter).toBe(id);
    expect((await admin.feedback.get(id)).invitations).toEqual([
      expect.objectContaining({ id: invitation.id, answeredBy: answer.id, by: expect.objectContaining({ role: 'admin', actor: 'Ana' }) }),
    ]);
    const again = await rejection(tandem.submit({ message: 'And again!', rating: 5, invitation: invitation.url.split('/').at(-1) }));
    expect(again.code).toBe('invitation_answered');
  });

  it('makes, edits, approves and withdraws a testimonial, which the public wall follows', async () => {
    const quote = `Best beans in town, roasted fresh. ${randomUUID().slice(0, 6)}`;
    const { id: feedbackId } = await tandem.submit({ message: quote, rating: 5, name: 'Lucía M.', consent: { publish: true } });
    const candidates = await admin.testimonials.candidates({ limit: 100 });
    expect(candidates.data.find((c) => c.id === feedbackId)).toMatchObject({ message: quote, suggestedQuote: expect.any(String) });
    const made = await admin.testimonials.create({ feedbackId });
    expect((await admin.testimonials.candidates({ limit: 100 })).data.map((c) => c.id)).not.toContain(feedbackId);
    expect(made).toMatchObject({ status: 'draft', quote, author: 'Lucía M.' });
    await admin.testimonials.edit(made.id, { quote: 'Best beans in town.', actor: 'Priya (PR)' });
    await admin.testimonials.approve(made.id, { actor: 'Priya (PR)' });
    const wall = async () =>
      ((await (await fetch(`${endpoint}/v1/testimonials?siteKey=${siteKey}`)).json()) as { data: { quote: string }[] }).data.map((t) => t.quote);
    expect(await wall()).toContain('Best beans in town.');
    const detail = await admin.testimonials.get(made.id);
    expect(detail.history.length).toBeGreaterThanOrEqual(3);
    expect(JSON.stringify(detail)).toContain(quote); // the customer's own words stay
    await admin.testimonials.withdraw(made.id);
    expect(await wall()).not.toContain('Best beans in town.');
    const listed: string[] = [];
    for await (const t of admin.testimonials.all({ status: 'withdrawn' })) listed.push(t.id);
    expect(listed).toEqual([made.id]);
  });

  it('tells a key its role and site, for each role', async () => {
    expect(await admin.me()).toEqual({ keyId: made.keys.admin.id, role: 'admin', site: { id: made.site.id, name: made.site.name } });
    for (const role of ['support', 'pr'] as const) {
      const key = await admin.keys.create({ kind: 'secret', role });
      expect(await createAdminClient({ endpoint, secretKey: key.key }).me()).toEqual({ keyId: key.id, role, site: { id: made.site.id, name: made.site.name } });
    }
  });

  it('counts the site’s messages per day, and lists its alerts', async () => {
    const stats = await admin.stats();
    expect(stats.total).toBeGreaterThan(0);
    expect(stats.days.length).toBeGreaterThanOrEqual(30);
    expect(Array.isArray(stats.topics)).toBe(true);
    // A new site has had no surge.
    expect(await admin.alerts.list({ limit: 5 })).toEqual({ data: [], nextCursor: null });
  });

  it('changes the site, and its keys: made once, listed without the secret, revoked', async () => {
    expect(await admin.site.update({ retentionDays: 90 })).toMatchObject({ retentionDays: 90 });
    expect((await admin.site.get()).retentionDays).toBe(90);
    const made = await admin.keys.create({ kind: 'secret', role: 'support' });
    const listed = (await admin.keys.list()).data.find((k) => k.id === made.id);
    expect(listed).toBeDefined();
    expect(JSON.stringify(listed)).not.toContain(made.key);
    const support = createAdminClient({ endpoint, secretKey: made.key });
    expect((await support.feedback.list({ limit: 1 })).data).toBeDefined();
    await admin.keys.revoke(made.id);
    expect((await rejection(support.feedback.list())).code).toBe('unauthorized');
  });

  it('delivers a test event to the example webhook receiver, signed, and lists the delivery', async () => {
    const port = await freePort();
    const destination = await admin.destinations.create({
      kind: 'webhook',
      name: 'Example receiver',
      url: `http://127.0.0.1:${port}/tandem`,
      routes: ['support', 'pr'],
    });
    expect(destination.secret).toMatch(/^whsec_/);
    const server = fileURLToPath(new URL('../../../examples/webhook-receiver/server.mjs', import.meta.url));
    const receiver = spawn(process.execPath, [server], {
      env: { ...process.env, PORT: String(port), TANDEM_WEBHOOK_SECRET: destination.secret! },
    });
    let printed = '';
    receiver.stdout.on('data', (chunk) => (printed += chunk));
    receiver.stderr.on('data', (chunk) => (printed += chunk));
    try {
      await expect.poll(() => printed, { timeout: 10_000 }).toContain('Waiting');
      const sent = await admin.destinations.test(destination.id);
      await expect.poll(async () => (await admin.deliveries.list({ destination: destination.id })).data[0]?.status, { timeout: 20_000, interval: 250 }).toBe('delivered');
      expect(printed).toContain('"type":"test"');
      expect(printed).not.toContain('refused');
      expect(sent.id).toMatch(/^dlv_/);

      // A complaint goes to support's destination as feedback.created.
      const { id } = await tandem.submit({ message: 'I was charged twice for one order, please refund me.', rating: 1 });
      await expect.poll(() => printed, { timeout: 20_000, interval: 250 }).toContain(id);
      const replayed = await admin.deliveries.replay(sent.id);
      expect(replayed.id).toBe(sent.id);
      await expect.poll(() => printed, { timeout: 20_000, interval: 250 }).toContain('already handled');

      await admin.destinations.update(destination.id, { enabled: false });
      expect((await rejection(admin.destinations.test(destination.id))).code).toBe('destination_disabled');
      await admin.destinations.delete(destination.id);
      expect((await admin.destinations.list()).data.map((d) => d.id)).not.toContain(destination.id);
    } finally {
      receiver.kill();
    }
  });
});
