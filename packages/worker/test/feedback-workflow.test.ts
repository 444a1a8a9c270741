import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { enforceRetention } from '../src/jobs/retention.js';
import { api, createSite, getWithSecret, postFeedback, type Envelope, type TestSite } from './helpers.js';

interface Event {
  id: string;
  kind: string;
  from: unknown;
  to: unknown;
  reason: string | null;
  by: { keyId: string; role: string; actor: string | null };
  at: string;
}
interface Detail {
  id: string;
  status: string;
  assignee: string | null;
  routes: string[];
  triageRoutes: string[] | null;
  override: { by: Event['by']; at: string; reason: string | null } | null;
  events: Event[];
}

const ISO = expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

function send(method: 'PUT' | 'POST', path: string, secret: string, body: unknown): Promise<Response> {
  return api(path, {
    method,
    headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

async function complaint(site: TestSite): Promise<string> {
  const res = await postFeedback(site, { message: 'My order never arrived and nobody answers.', rating: 1 });
  return (await res.json<{ id: string }>()).id;
}

const read = async (site: TestSite, id: string) => (await getWithSecret(`/v1/feedback/${id}`, site.secretKeys.pr)).json<Detail>();

const listed = async (site: TestSite, query: string) =>
  (await (await getWithSecret(`/v1/feedback?${query}`, site.secretKeys.support)).json<{ data: { id: string }[] }>()).data.map((f) => f.id);

const eventRows = async (feedbackId: string) =>
  (await env.DB.prepare('SELECT COUNT(*) AS n FROM feedback_events WHERE feedback_id = ?').bind(feedbackId).first<{ n: number }>())!.n;

const by = (site: TestSite, role: 'admin' | 'support' | 'pr', actor: string | null = null) => ({ keyId: `key_${site.id}_${role}`, role, actor });

describe('PUT /v1/feedback/{id}/status', () => {
  it('moves a message through its statuses, logging who and when, and the list filters by status', async () => {
    const site = await createSite();
    const id = await complaint(site);
    expect((await read(site, id)).status).toBe('new');

    const res = await send('PUT', `/v1/feedback/${id}/status`, site.secretKeys.support, { status: 'in_progress', actor: 'Ana Ruiz' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id, status: 'in_progress' });
    await send('PUT', `/v1/feedback/${id}/status`, site.secretKeys.admin, { status: 'resolved' });
    // The status it already has: nothing to log.
    expect((await send('PUT', `/v1/feedback/${id}/status`, site.secretKeys.admin, { status: 'resolved' })).status).toBe(200);

    const detail = await read(site, id);
    expect(detail.status).toBe('resolved');
    expect(detail.events).toEqual([
      { id: expect.stringMatching(/^ev_/), kind: 'status', from: 'new', to: 'in_progress', reason: null, by: by(site, 'support', 'Ana Ruiz'), at: ISO },
      { id: expect.stringMatching(/^ev_/), kind: 'status', from: 'in_progress', to: 'resolved', reason: null, by: by(site, 'admin'), at: ISO },
    ]);
    expect(await listed(site, 'status=resolved')).toEqual([id]);
    expect(await listed(site, 'status=new')).toEqual([]);
  });

  it('refuses a status it does not know, an actor too long, unknown fields and a body that is not JSON', async () => {
    const site = await createSite();
    const id = await complaint(site);
    for (const [body, path] of [
      [{ status: 'done' }, 'status'],
      [{}, 'status'],
      [{ status: 'resolved', actor: 'x'.repeat(101) }, 'actor'],
      [{ status: 'resolved', actor: '' }, 'actor'],
      [{ status: 'resolved', note: 'extra' }, ''],
    ] as const) {
      const res = await send('PUT', `/v1/feedback/${id}/status`, site.secretKeys.support, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      const { error } = await res.json<Envelope>();
      expect(error.code).toBe('invalid_request');
      expect(error.issues?.map((i) => i.path), JSON.stringify(body)).toContain(path);
    }
    const text = await api(`/v1/feedback/${id}/status`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${site.secretKeys.support}`, 'content-type': 'text/csv' },
      body: 'status,resolved',
    });
    expect(text.status).toBe(415);
    expect((await read(site, id)).status).toBe('new');
    expect(await eventRows(id)).toBe(0);
  });
});

describe('PUT /v1/feedback/{id}/assignee', () => {
  it('assigns and unassigns, logging both, and the list filters by assignee', async () => {
    const site = await createSite();
    const id = await complaint(site);
    const other = await complaint(site);

    const res = await send('PUT', `/v1/feedback/${id}/assignee`, site.secretKeys.support, { assignee: 'ana@northwind.example' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ assignee: 'ana@northwind.example' });
    expect(await listed(site, 'assignee=ana@northwind.example')).toEqual([id]);
    expect((await read(site, other)).assignee).toBeNull();

    await send('PUT', `/v1/feedback/${id}/assignee`, site.secretKeys.admin, { assignee: null, actor: 'Bo' });
    const detail = await read(site, id);
    expect(detail.assignee).toBeNull();
    expect(detail.events.map(({ from, to, by }) => ({ from, to, by }))).toEqual([
      { from: null, to: 'ana@northwind.example', by: by(site, 'support') },
      { from: 'ana@northwind.example', to: null, by: by(site, 'admin', 'Bo') },
    ]);
    expect(await listed(site, 'assignee=ana@northwind.example')).toEqual([]);
  });

  it('refuses an empty, too long or missing assignee', async () => {
    const site = await createSite();
    const id = await complaint(site);
    for (const body of [{ assignee: '' }, { assignee: '   ' }, { assignee: 'x'.repeat(101) }, { assignee: 7 }, {}]) {
      const res = await send('PUT', `/v1/feedback/${id}/assignee`, site.secretKeys.support, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((await res.json<Envelope>()).error.issues?.map((i) => i.path)).toContain('assignee');
    }
    expect((await getWithSecret(`/v1/feedback?assignee=${'x'.repeat(101)}`, site.secretKeys.support)).status).toBe(400);
    expect(await eventRows(id)).toBe(0);
  });
});

describe('POST /v1/feedback/{id}/notes', () => {
  it('adds internal notes from any role, in the log after the changes made before them', async () => {
    const site = await createSite();
    const id = await complaint(site);
    await send('PUT', `/v1/feedback/${id}/status`, site.secretKeys.support, { status: 'in_progress' });
    const res = await send('POST', `/v1/feedback/${id}/notes`, site.secretKeys.pr, { text: 'This one is about to go viral.', actor: 'Priya' });
    expect(res.status).toBe(201);
    const note = await res.json<Event>();
    expect(note).toEqual({
      id: expect.stringMatching(/^ev_/),
      kind: 'note',
      from: null,
      to: 'This one is about to go viral.',
      reason: null,
      by: by(site, 'pr', 'Priya'),
      at: ISO,
    });
    await send('POST', `/v1/feedback/${id}/notes`, site.secretKeys.admin, { text: 'Refund sent.\nRef R-1182.' });
    const { events } = await read(site, id);
    expect(events.map((e) => [e.kind, e.to])).toEqual([
      ['status', 'in_progress'],
      ['note', 'This one is about to go viral.'],
      ['note', 'Refund sent.\nRef R-1182.'],
    ]);
    expect(events[1]).toEqual(note);
  });

  it('refuses an empty or too long note', async () => {
    const site = await createSite();
    const id = await complaint(site);
    for (const body of [{ text: '' }, { text: ' \n ' }, { text: 'x'.repeat(5001) }, { text: 'bell\u0007' }, {}]) {
      const res = await send('POST', `/v1/feedback/${id}/notes`, site.secretKeys.support, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((await res.json<Envelope>()).error.issues?.map((i) => i.path)).toContain('text');
    }
    expect((await send('POST', `/v1/feedback/${id}/notes`, site.secretKeys.support, { text: 'x'.repeat(5000) })).status).toBe(201);
  });
});

describe('PUT /v1/feedback/{id}/routes', () => {
  it('overrides the triage’s routes, keeping them, and lists follow the override', async () => {
    const site = await createSite();
    const id = await complaint(site);
    expect(await read(site, id)).toMatchObject({ routes: ['support'], triageRoutes: null, override: null });

    const res = await send('PUT', `/v1/feedback/${id}/routes`, site.secretKeys.support, {
      routes: ['pr', 'support'],
      reason: 'The customer mentions a journalist.',
      actor: 'Ana Ruiz',
    });
    expect(res.status).toBe(200);
    const detail = await res.json<Detail>();
    expect(detail).toMatchObject({
      routes: ['support', 'pr'],
      triageRoutes: ['support'],
      override: { by: by(site, 'support', 'Ana Ruiz'), at: ISO, reason: 'The customer mentions a journalist.' },
    });
    expect(detail.events).toEqual([expect.objectContaining({ kind: 'routes', from: ['support'], to: ['support', 'pr'] })]);
    expect(await listed(site, 'route=pr')).toEqual([id]);

    await send('PUT', `/v1/feedback/${id}/routes`, site.secretKeys.admin, { routes: ['product'] });
    expect(await read(site, id)).toMatchObject({
      routes: ['product'],
      triageRoutes: ['support'],
      override: { by: by(site, 'admin'), reason: null },
    });
    expect(await listed(site, 'route=support')).toEqual([]);
    expect(await listed(site, 'route=product')).toEqual([id]);
    // The list shows the routes as they are now, with the triage's beside them.
    expect((await (await getWithSecret('/v1/feedback', site.secretKeys.pr)).json<{ data: Detail[] }>()).data[0]).toMatchObject({
      routes: ['product'],
      triageRoutes: ['support'],
    });
  });

  it('gives the triage’s routes back when sent them, and logs nothing when nothing changes', async () => {
    const site = await createSite();
    const id = await complaint(site);
    await send('PUT', `/v1/feedback/${id}/routes`, site.secretKeys.support, { routes: ['support'] });
    expect(await eventRows(id)).toBe(0);
    await send('PUT', `/v1/feedback/${id}/routes`, site.secretKeys.support, { routes: ['support', 'pr'] });
    await send('PUT', `/v1/feedback/${id}/routes`, site.secretKeys.support, { routes: ['pr', 'support'] });
    expect(await eventRows(id)).toBe(1);
    await send('PUT', `/v1/feedback/${id}/routes`, site.secretKeys.support, { routes: ['support'], reason: 'False alarm.' });
    const detail = await read(site, id);
    expect(detail).toMatchObject({ routes: ['support'], triageRoutes: null, override: null });
    expect(detail.events.map((e) => [e.from, e.to, e.reason])).toEqual([
      [['support'], ['support', 'pr'], null],
      [['support', 'pr'], ['support'], 'False alarm.'],
    ]);
    expect(await listed(site, 'route=pr')).toEqual([]);
  });

  it('refuses no routes, a team twice, an unknown team and a reason too long', async () => {
    const site = await createSite();
    const id = await complaint(site);
    for (const [body, path] of [
      [{ routes: [] }, 'routes'],
      [{ routes: ['support', 'support'] }, 'routes'],
      [{ routes: ['sales'] }, 'routes.0'],
      [{ routes: 'support' }, 'routes'],
      [{}, 'routes'],
      [{ routes: ['pr'], reason: 'x'.repeat(501) }, 'reason'],
    ] as const) {
      const res = await send('PUT', `/v1/feedback/${id}/routes`, site.secretKeys.admin, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((await res.json<Envelope>()).error.issues?.map((i) => i.path), JSON.stringify(body)).toContain(path);
    }
    expect((await read(site, id)).routes).toEqual(['support']);
  });
});

describe('who may work a message', () => {
  const changes = [
    ['status', { status: 'resolved' }],
    ['assignee', { assignee: 'Priya' }],
    ['routes', { routes: ['pr'] }],
  ] as const;

  it('refuses a pr key status, assignee and routes (403), but takes its notes', async () => {
    const site = await createSite();
    const id = await complaint(site);
    for (const [what, body] of changes) {
      const res = await send('PUT', `/v1/feedback/${id}/${what}`, site.secretKeys.pr, body);
      expect(res.status, what).toBe(403);
      expect((await res.json<Envelope>()).error.code).toBe('forbidden');
    }
    expect(await read(site, id)).toMatchObject({ status: 'new', assignee: null, routes: ['support'], events: [] });
    expect((await send('POST', `/v1/feedback/${id}/notes`, site.secretKeys.pr, { text: 'Seen by PR.' })).status).toBe(201);
  });

  it('answers 404 for another site’s message or an id that does not exist, changing nothing', async () => {
    const site = await createSite();
    const other = await createSite();
    const id = await complaint(site);
    const missing = 'fb_01JD3X6Q0ZK4T1V8M2N5P7R9S3';
    for (const target of [id, missing]) {
      for (const [what, body] of changes) {
        const res = await send('PUT', `/v1/feedback/${target}/${what}`, other.secretKeys.admin, body);
        expect(res.status, what).toBe(404);
        expect((await res.json<Envelope>()).error.code).toBe('not_found');
      }
      expect((await send('POST', `/v1/feedback/${target}/notes`, other.secretKeys.admin, { text: 'Hi' })).status).toBe(404);
    }
    expect(await read(site, id)).toMatchObject({ status: 'new', assignee: null, routes: ['support'], events: [] });
    expect(await eventRows(id)).toBe(0);
  });

  it('answers 401 without a secret key and 400 for a malformed id', async () => {
    const site = await createSite();
    const id = await complaint(site);
    for (const [what, body] of [...changes, ['notes', { text: 'Hi' }] as const]) {
      const method = what === 'notes' ? 'POST' : 'PUT';
      const none = await api(`/v1/feedback/${id}/${what}`, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      expect(none.status, what).toBe(401);
      expect((await send(method, `/v1/feedback/${id}/${what}`, site.publishableKey, body)).status, what).toBe(401);
      const malformed = await send(method, `/v1/feedback/fb_nope/${what}`, site.secretKeys.admin, body);
      expect(malformed.status, what).toBe(400);
      expect((await malformed.json<Envelope>()).error.issues?.map((i) => i.path)).toContain('id');
    }
  });
});

describe('deleting messages deletes their log', () => {
  async function worked(site: TestSite, body: object): Promise<string> {
    const id = (await (await postFeedback(site, body)).json<{ id: string }>()).id;
    await send('PUT', `/v1/feedback/${id}/status`, site.secretKeys.support, { status: 'in_progress' });
    await send('POST', `/v1/feedback/${id}/notes`, site.secretKeys.support, { text: 'Called the customer back.' });
    expect(await eventRows(id)).toBe(2);
    return id;
  }

  it('with a customer’s data', async () => {
    const site = await createSite();
    const mine = await worked(site, { message: 'Forget me please', email: 'cy@example.com' });
    const theirs = await worked(site, { message: 'Keep mine', email: 'di@example.com' });
    const res = await api('/v1/customer-data?email=cy@example.com', {
      method: 'DELETE',
      headers: { authorization: `Bearer ${site.secretKeys.admin}` },
    });
    expect(await res.json()).toEqual({ deleted: { feedback: 1, testimonials: 0 } });
    expect(await eventRows(mine)).toBe(0);
    expect(await eventRows(theirs)).toBe(2);
  });

  it('by the retention job', async () => {
    const site = await createSite();
    await env.DB.prepare('UPDATE sites SET retention_days = 30 WHERE id = ?').bind(site.id).run();
    const old = await worked(site, { message: 'Written long ago' });
    const recent = await worked(site, { message: 'Written today' });
    await env.DB.prepare('UPDATE feedback SET created_at = ? WHERE id = ?').bind('2020-01-01T00:00:00.000Z', old).run();
    // The count is of messages, not of the log rows that went with them.
    expect(await enforceRetention(env.DB, new Date())).toBe(1);
    expect(await eventRows(old)).toBe(0);
    expect(await eventRows(recent)).toBe(2);
  });

  it('in any other way too: D1 enforces the foreign key, so the log cascades', async () => {
    const site = await createSite();
    const id = await worked(site, { message: 'Deleted by hand' });
    await env.DB.prepare('DELETE FROM feedback WHERE id = ?').bind(id).run();
    expect(await eventRows(id)).toBe(0);
    // And a log row for no message is refused.
    await expect(
      env.DB.prepare(
        `INSERT INTO feedback_events (id, site_id, feedback_id, kind, old_value, new_value, key_id, role, created_at)
         VALUES ('ev_x', ?, ?, 'note', 'null', '"orphan"', 'key_x', 'admin', '2026-01-01T00:00:00.000Z')`,
      )
        .bind(site.id, id)
        .run(),
    ).rejects.toThrow(/FOREIGN KEY/);
  });
});
