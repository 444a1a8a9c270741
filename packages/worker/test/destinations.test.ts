import { env } from 'cloudflare:workers';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { verifyWebhook } from '../../sdk/src/webhooks.js';
import { MAX_DESTINATIONS } from '../src/db/destinations.js';
import {
  adminCall,
  apiWithQueue,
  consume,
  createDestination,
  DEPLOYED,
  listDeliveries,
  receiver,
  recordingQueue,
  sendFeedback,
} from './delivery-helpers.js';
import { api, createSite, type Envelope, type TestSite, expectError } from './helpers.js';

interface DestinationView {
  id: string;
  kind: string;
  name: string;
  url: string;
  routes: string[];
  enabled: boolean;
  disabledReason: string | null;
  createdAt: string;
  updatedAt: string;
  secret?: string | null;
}

const WEBHOOK = { kind: 'webhook', name: 'Support desk', url: 'https://support.example.com/hooks/tandem', routes: ['support'] };
const SLACK_URL = 'https://hooks.slack.com/services/T0000/B0000/XXXXXXXXXXXXXXXXXXXXabcd';

async function list(site: TestSite): Promise<DestinationView[]> {
  const res = await adminCall(site.secretKeys.admin, 'GET', '/v1/destinations');
  expect(res.status).toBe(200);
  return (await res.json<{ data: DestinationView[] }>()).data;
}


describe('POST /v1/destinations', () => {
  it('adds a signed webhook and shows its whsec_ secret once', async () => {
    const site = await createSite();
    const res = await adminCall(site.secretKeys.admin, 'POST', '/v1/destinations', WEBHOOK);
    expect(res.status).toBe(201);
    const created = await res.json<DestinationView>();
    expect(created).toEqual({
      id: expect.stringMatching(/^dst_[0-9A-Z]{26}$/),
      kind: 'webhook',
      name: 'Support desk',
      url: WEBHOOK.url,
      routes: ['support'],
      enabled: true,
      disabledReason: null,
      createdAt: expect.any(String),
      updatedAt: created.createdAt,
      secret: expect.stringMatching(/^whsec_[A-Za-z0-9+/]{43}=$/),
    });
    // Listed without it, ever after.
    const [listed] = await list(site);
    expect(listed).toEqual({ ...created, secret: undefined });
    expect(JSON.stringify(await list(site))).not.toContain(created.secret!);
    // Each destination its own secret.
    const second = await createDestination(site, { url: WEBHOOK.url, routes: ['pr'] });
    expect(second.secret).not.toBe(created.secret);
  });

  it('adds a Slack incoming webhook, whose URL (its secret) is never shown whole', async () => {
    const site = await createSite();
    const res = await adminCall(site.secretKeys.admin, 'POST', '/v1/destinations', { kind: 'slack', name: '#support', url: SLACK_URL, routes: ['support', 'pr'] });
    expect(res.status).toBe(201);
    const created = await res.json<DestinationView>();
    expect(created).toMatchObject({ kind: 'slack', secret: null, url: 'https://hooks.slack.com/…abcd', routes: ['support', 'pr'] });
    expect(JSON.stringify(await list(site))).not.toContain('XXXXXXXX');
  });

  it('accepts plain http only for 127.0.0.1 and localhost, for local receivers', async () => {
    const site = await createSite();
    for (const url of ['http://127.0.0.1:8080/hook', 'http://localhost:3000/tandem', 'http://[::1]:3000/tandem']) {
      expect((await adminCall(site.secretKeys.admin, 'POST', '/v1/destinations', { ...WEBHOOK, url })).status).toBe(201);
    }
  });

  it.each([
    ['kind', { ...WEBHOOK, kind: 'email' }],
    ['url', { ...WEBHOOK, url: 'http://support.example.com/hook' }],
    ['url', { ...WEBHOOK, url: 'http://127.0.0.2/hook' }],
    ['url', { ...WEBHOOK, url: 'ftp://support.example.com/hook' }],
    ['url', { ...WEBHOOK, url: 'not a url' }],
    ['url', { ...WEBHOOK, url: 'https://user:pass@support.example.com/hook' }],
    ['routes', { ...WEBHOOK, routes: [] }],
    ['routes', { ...WEBHOOK, routes: ['support', 'support'] }],
    ['routes.0', { ...WEBHOOK, routes: ['marketing'] }],
    ['name', { ...WEBHOOK, name: '  ' }],
    ['name', { kind: 'webhook', url: WEBHOOK.url, routes: ['support'] }],
    ['', { ...WEBHOOK, secret: 'whsec_mine' }],
  ])('refuses a bad %s with a 400 naming it, adding nothing', async (path, body) => {
    const site = await createSite();
    const error = await expectError(await adminCall(site.secretKeys.admin, 'POST', '/v1/destinations', body), 400, 'invalid_request');
    expect(error.issues?.map((i) => i.path)).toContain(path);
    expect(await list(site)).toEqual([]);
  });

  it(`stops at ${MAX_DESTINATIONS} destinations per site`, async () => {
    const site = await createSite();
    for (let i = 0; i < MAX_DESTINATIONS; i++) await createDestination(site, { url: `${WEBHOOK.url}/${i}`, routes: ['support'] });
    await expectError(await adminCall(site.secretKeys.admin, 'POST', '/v1/destinations', WEBHOOK), 409, 'limit_reached');
    expect(await list(site)).toHaveLength(MAX_DESTINATIONS);
  });
});

describe('destination URLs as deployed: https to a public host only', () => {
  it.each([
    ['plain http', 'http://support.example.com/hook'],
    ['plain http to this machine', 'http://127.0.0.1:8080/hook'],
    ['localhost', 'https://localhost/hook'],
    ['a loopback address', 'https://127.0.0.1/hook'],
    ['another loopback address', 'https://127.8.9.10/hook'],
    ['IPv6 loopback', 'https://[::1]/hook'],
    ['an IPv4-mapped loopback', 'https://[::ffff:127.0.0.1]/hook'],
    ['a loopback written in hex', 'https://0x7f.0.0.1/hook'],
    ['10/8', 'https://10.1.2.3/hook'],
    ['172.16/12', 'https://172.16.0.1/hook'],
    ['172.16/12, its end', 'https://172.31.255.255/hook'],
    ['192.168/16', 'https://192.168.1.20:8443/hook'],
    ['100.64/10', 'https://100.64.0.1/hook'],
    ['the metadata address (169.254/16)', 'https://169.254.169.254/latest/meta-data'],
    ['an IPv4-mapped private address', 'https://[::ffff:10.0.0.1]/hook'],
    ['fc00::/7', 'https://[fd12:3456::1]/hook'],
    ['fe80::/10', 'https://[fe80::1]/hook'],
    ['0.0.0.0', 'https://0.0.0.0/hook'],
    ['::', 'https://[::]/hook'],
    ['a single-label host', 'https://intranet/hook'],
    ['a .local name', 'https://printer.local/hook'],
    ['an .internal name', 'https://metadata.google.internal/computeMetadata/v1/'],
    ['a .localhost name', 'https://api.localhost/hook'],
  ])('refuses %s with a 400 naming url, adding nothing', async (_, url) => {
    const site = await createSite();
    const res = await adminCall(site.secretKeys.admin, 'POST', '/v1/destinations', { ...WEBHOOK, url }, DEPLOYED);
    const error = await expectError(res, 400, 'invalid_request');
    expect(error.issues).toEqual([{ path: 'url', message: expect.any(String) }]);
    expect(error.message).toContain('url: ');
    expect(await list(site)).toEqual([]);
  });

  it('accepts public hosts and addresses, and Slack only at hooks.slack.com', async () => {
    const site = await createSite();
    for (const url of ['https://support.example.com/hooks/tandem', 'https://8.8.8.8/hook', 'https://172.32.0.1/hook', 'https://100.128.0.1/hook', 'https://[2606:4700::1111]/hook', 'https://support.example.com./hook']) {
      expect((await adminCall(site.secretKeys.admin, 'POST', '/v1/destinations', { ...WEBHOOK, url }, DEPLOYED)).status, url).toBe(201);
    }
    const slack = { kind: 'slack', name: '#support', routes: ['support'] };
    expect((await adminCall(site.secretKeys.admin, 'POST', '/v1/destinations', { ...slack, url: SLACK_URL }, DEPLOYED)).status).toBe(201);
    const error = await expectError(
      await adminCall(site.secretKeys.admin, 'POST', '/v1/destinations', { ...slack, url: 'https://hooks.example.com/services/T0/B0/X' }, DEPLOYED),
      400,
      'invalid_request',
    );
    expect(error.issues).toEqual([{ path: 'url', message: expect.stringContaining('hooks.slack.com') }]);
  });

  it('checks a changed URL by the same rules, for the destination’s kind', async () => {
    const site = await createSite();
    const webhook = await createDestination(site, { url: WEBHOOK.url, routes: ['support'] });
    const slack = await createDestination(site, { kind: 'slack', url: SLACK_URL, routes: ['pr'] });
    for (const [id, url] of [
      [webhook.id, 'https://169.254.169.254/latest/meta-data'],
      [webhook.id, 'http://127.0.0.1:8080/hook'],
      [slack.id, 'https://support.example.com/hooks/tandem'],
    ] as const) {
      const error = await expectError(await adminCall(site.secretKeys.admin, 'PATCH', `/v1/destinations/${id}`, { url }, DEPLOYED), 400, 'invalid_request');
      expect(error.issues?.map((i) => i.path)).toEqual(['url']);
    }
    expect((await list(site)).map((d) => d.url).sort()).toEqual([WEBHOOK.url, 'https://hooks.slack.com/…abcd'].sort());
    // Another site's id is still a 404, not a verdict on the URL.
    const other = await createSite();
    await expectError(await adminCall(other.secretKeys.admin, 'PATCH', `/v1/destinations/${webhook.id}`, { url: WEBHOOK.url }, DEPLOYED), 404, 'not_found');
  });

  it('refuses private and link-local addresses in local development too; only this machine is let in', async () => {
    const site = await createSite();
    for (const url of ['https://10.1.2.3/hook', 'https://169.254.169.254/latest/meta-data', 'http://192.168.1.20/hook', 'https://intranet/hook']) {
      const error = await expectError(await adminCall(site.secretKeys.admin, 'POST', '/v1/destinations', { ...WEBHOOK, url }), 400, 'invalid_request');
      expect(error.issues?.map((i) => i.path)).toEqual(['url']);
    }
    const slack = await adminCall(site.secretKeys.admin, 'POST', '/v1/destinations', { kind: 'slack', name: 'Local Slack', url: 'http://127.0.0.1:9/slack', routes: ['pr'] });
    expect(slack.status).toBe(201);
  });

  it('never sends to a destination stored before the rules: its delivery dies and the destination is turned off', async () => {
    const site = await createSite();
    const hook = receiver();
    // Added where local receivers were allowed (or before the rules), delivered by a deployed worker.
    const destination = await createDestination(site, { url: hook.url, routes: ['support'] });
    const { queue, sent } = recordingQueue();
    await sendFeedback(site, queue, { message: 'The lid cracked on day two.', rating: 1 });

    expect(await consume(sent, 1, undefined, DEPLOYED)).toEqual({ acked: sent, retried: [] });
    expect(await hook.received()).toEqual([]);
    const [dead] = (await listDeliveries(site)).data;
    expect(dead).toMatchObject({ status: 'dead', deadReason: expect.stringMatching(/^its URL is not allowed: must be https/), attempts: [] });
    expect((await list(site)).find((d) => d.id === destination.id)).toMatchObject({ enabled: false, disabledReason: dead!.deadReason });
  });
});

describe('PATCH /v1/destinations/{id}', () => {
  it('changes the name, URL, teams and whether it is enabled, keeping the secret', async () => {
    const site = await createSite();
    const hook = receiver();
    const created = await createDestination(site, { url: WEBHOOK.url, routes: ['support'] });
    const res = await adminCall(site.secretKeys.admin, 'PATCH', `/v1/destinations/${created.id}`, {
      name: 'Product board',
      url: hook.url,
      routes: ['product'],
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ name: 'Product board', url: hook.url, routes: ['product'], enabled: true });
    expect((await list(site))[0]).toMatchObject({ name: 'Product board', routes: ['product'] });

    const off = await adminCall(site.secretKeys.admin, 'PATCH', `/v1/destinations/${created.id}`, { enabled: false });
    expect(await off.json()).toMatchObject({ enabled: false, name: 'Product board' });

    // Back on, it receives again, signed with the secret it had.
    await adminCall(site.secretKeys.admin, 'PATCH', `/v1/destinations/${created.id}`, { enabled: true });
    const { queue, sent } = recordingQueue();
    await sendFeedback(site, queue, { message: 'It would be great if you sold decaf in smaller bags.', category: 'idea' });
    await consume(sent);
    const [got] = await hook.received();
    expect(new Webhook(created.secret!).verify(got!.body, got!.headers)).toMatchObject({ type: 'feedback.created' });
  });

  it('clears the reason Tandem turned it off when it is enabled again', async () => {
    const site = await createSite();
    const created = await createDestination(site, { url: receiver('status=410').url, routes: ['support'] });
    const { queue, sent } = recordingQueue();
    await sendFeedback(site, queue, { message: 'The lid cracked on day two.', rating: 1 });
    await consume(sent);
    expect((await list(site))[0]).toMatchObject({ enabled: false, disabledReason: 'the receiver answered 410 Gone' });

    const res = await adminCall(site.secretKeys.admin, 'PATCH', `/v1/destinations/${created.id}`, { enabled: true });
    expect(await res.json()).toMatchObject({ enabled: true, disabledReason: null });
  });

  it.each([
    ['', {}],
    ['url', { url: 'http://support.example.com/hook' }],
    ['routes', { routes: [] }],
    ['enabled', { enabled: 'yes' }],
    ['', { kind: 'slack' }],
  ])('refuses a bad change (%s) with a 400, changing nothing', async (path, body) => {
    const site = await createSite();
    const created = await createDestination(site, { url: WEBHOOK.url, routes: ['support'] });
    const error = await expectError(await adminCall(site.secretKeys.admin, 'PATCH', `/v1/destinations/${created.id}`, body), 400, 'invalid_request');
    expect(error.issues?.map((i) => i.path)).toContain(path);
    expect((await list(site))[0]).toMatchObject({ url: WEBHOOK.url, routes: ['support'], enabled: true });
  });
});

describe('DELETE /v1/destinations/{id}', () => {
  it('deletes it with its deliveries', async () => {
    const site = await createSite();
    const created = await createDestination(site, { url: receiver().url, routes: ['support'] });
    const kept = await createDestination(site, { url: receiver().url, routes: ['support'] });
    const { queue } = recordingQueue();
    await sendFeedback(site, queue, { message: 'The lid cracked on day two.', rating: 1 });

    const res = await adminCall(site.secretKeys.admin, 'DELETE', `/v1/destinations/${created.id}`);
    expect(res.status).toBe(204);
    expect((await list(site)).map((d) => d.id)).toEqual([kept.id]);
    const { results } = await env.DB.prepare('SELECT destination_id FROM deliveries WHERE site_id = ?').bind(site.id).all();
    expect(results).toEqual([{ destination_id: kept.id }]);
    await expectError(await adminCall(site.secretKeys.admin, 'DELETE', `/v1/destinations/${created.id}`), 404, 'not_found');
  });
});

describe('POST /v1/destinations/{id}/test', () => {
  it('queues a signed test event and answers the delivery to follow', async () => {
    const site = await createSite();
    const hook = receiver();
    const created = await createDestination(site, { url: hook.url, routes: ['support', 'pr'] });
    const { queue, sent } = recordingQueue();
    const res = await apiWithQueue(queue, `/v1/destinations/${created.id}/test`, {
      method: 'POST',
      headers: { authorization: `Bearer ${site.secretKeys.admin}` },
    });
    expect(res.status).toBe(202);
    const queued = await res.json<{ id: string }>();
    expect(queued).toEqual({
      id: expect.stringMatching(/^dlv_[0-9A-Z]{26}$/),
      destinationId: created.id,
      feedbackId: null,
      event: 'test',
      status: 'pending',
      deadReason: null,
      nextAttemptAt: expect.any(String),
      createdAt: expect.any(String),
      attempts: [],
    });
    expect(sent).toEqual([queued.id]);
    await consume(sent);

    const [got] = await hook.received();
    expect(got!.headers['webhook-id']).toBe(queued.id);
    expect(await verifyWebhook(got!.body, got!.headers, created.secret!)).toEqual({
      type: 'test',
      timestamp: expect.any(String),
      data: { destinationId: created.id, routes: ['support', 'pr'], message: expect.any(String), link: 'https://tandem.test/dashboard' },
    });
  });

  it('sends Slack a readable test line', async () => {
    const site = await createSite();
    const slack = receiver();
    const created = await createDestination(site, { kind: 'slack', url: slack.url, routes: ['product'] });
    const { queue, sent } = recordingQueue();
    await apiWithQueue(queue, `/v1/destinations/${created.id}/test`, { method: 'POST', headers: { authorization: `Bearer ${site.secretKeys.admin}` } });
    await consume(sent);
    const [got] = await slack.received();
    expect(JSON.parse(got!.body)).toMatchObject({ text: 'Tandem test: messages for product will arrive here.' });
  });

  it('refuses a disabled destination with a 409', async () => {
    const site = await createSite();
    const created = await createDestination(site, { url: receiver().url, routes: ['support'] });
    await adminCall(site.secretKeys.admin, 'PATCH', `/v1/destinations/${created.id}`, { enabled: false });
    await expectError(await adminCall(site.secretKeys.admin, 'POST', `/v1/destinations/${created.id}/test`), 409, 'destination_disabled');
  });
});

describe('the destination routes', () => {
  const routes = (id: string) =>
    [
      ['GET', '/v1/destinations', undefined],
      ['POST', '/v1/destinations', WEBHOOK],
      ['PATCH', `/v1/destinations/${id}`, { name: 'Changed' }],
      ['DELETE', `/v1/destinations/${id}`, undefined],
      ['POST', `/v1/destinations/${id}/test`, undefined],
    ] as const;

  it('are for admin keys only: support and pr keys get 403', async () => {
    const site = await createSite();
    const created = await createDestination(site, { url: WEBHOOK.url, routes: ['support'] });
    for (const role of ['support', 'pr'] as const) {
      for (const [method, path, body] of routes(created.id)) {
        const error = await expectError(await adminCall(site.secretKeys[role], method, path, body), 403, 'forbidden');
        expect(error.message).toContain(role);
      }
    }
    expect(await list(site)).toEqual([expect.objectContaining({ id: created.id, name: 'Receiver' })]);
  });

  it('answer 401 without a key, with a wrong or unknown one, or with a publishable key', async () => {
    const site = await createSite();
    const created = await createDestination(site, { url: WEBHOOK.url, routes: ['support'] });
    for (const [method, path, body] of routes(created.id)) {
      const init = { method, headers: { 'content-type': 'application/json' }, body: body && JSON.stringify(body) };
      await expectError(await api(path, init), 401, 'unauthorized');
      for (const key of [site.publishableKey, 'sk_test_unknown', 'Basic abc']) {
        await expectError(await api(path, { ...init, headers: { ...init.headers, authorization: `Bearer ${key}` } }), 401, 'unauthorized');
      }
    }
  });

  it('check the key before the body: no key is a 401 whatever the body, never a 400, 413 or 415', async () => {
    const site = await createSite();
    const created = await createDestination(site, { url: WEBHOOK.url, routes: ['support'] });
    for (const [method, path] of [
      ['POST', '/v1/destinations'],
      ['PATCH', `/v1/destinations/${created.id}`],
    ] as const) {
      for (const init of [
        { body: 'kind=webhook', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
        { body: '{"kind":', headers: { 'content-type': 'application/json' } },
        { body: JSON.stringify({ name: 'x'.repeat(40 * 1024) }), headers: { 'content-type': 'application/json' } },
      ]) {
        await expectError(await api(path, { method, ...init }), 401, 'unauthorized');
      }
    }
  });

  it('never reach another site’s destination: 404, and it stays as it was', async () => {
    const site = await createSite();
    const other = await createSite();
    const theirs = await createDestination(other, { url: WEBHOOK.url, routes: ['support'] });
    expect(await list(site)).toEqual([]);
    await expectError(await adminCall(site.secretKeys.admin, 'PATCH', `/v1/destinations/${theirs.id}`, { enabled: false }), 404, 'not_found');
    await expectError(await adminCall(site.secretKeys.admin, 'DELETE', `/v1/destinations/${theirs.id}`), 404, 'not_found');
    await expectError(await adminCall(site.secretKeys.admin, 'POST', `/v1/destinations/${theirs.id}/test`), 404, 'not_found');
    expect(await list(other)).toEqual([expect.objectContaining({ id: theirs.id, enabled: true })]);
  });

  it('refuse an id that is not a destination id with a 400', async () => {
    const site = await createSite();
    const error = await expectError(await adminCall(site.secretKeys.admin, 'DELETE', '/v1/destinations/fb_01JD3X6Q0ZK4T1V8M2N5P7R9S3'), 400, 'invalid_request');
    expect(error.issues?.map((i) => i.path)).toEqual(['id']);
  });
});
