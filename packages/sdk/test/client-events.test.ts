import { describe, expect, inject, it } from 'vitest';
import { freePort } from '../../../tests/support/wrangler-dev.js';
import { createAdminClient } from '../src/admin.js';
import { createClient, type FeedbackCreated, type TandemError } from '../src/index.js';
import { MemoryStorage } from './memory-storage.js';

const endpoint = inject('endpoint');
// A site of these tests' own: the demo site's rate limit (30 a minute from one address) is
// for the other suites.
const made = await createAdminClient({ endpoint, secretKey: 'sk_demo_8c4e2a91f05b47d3a6e9c1b07d52f3e8' }).sites.create({
  name: `SDK client events ${crypto.randomUUID().slice(0, 8)}`,
});
const siteKey = made.keys.publishable.key;
const secretKey = made.keys.admin.key;

/** The stored message, read back with the site's secret key. */
async function stored(id: string): Promise<{ user: { id: string | null; email: string | null; name: string | null } | null; email: string | null }> {
  const res = await fetch(`${endpoint}/v1/feedback/${id}`, { headers: { authorization: `Bearer ${secretKey}` } });
  expect(res.status).toBe(200);
  return res.json();
}

describe('createClient().identify against wrangler dev', () => {
  it('sends who the customer is with every message until they sign out', async () => {
    const tandem = createClient({ siteKey, endpoint, storage: null });
    tandem.identify({ id: 'cus_42', email: 'sam@example.com', name: 'Sam' });
    const first = await tandem.submit({ message: `Where is my parcel? ${crypto.randomUUID()}` });
    const kept = await tandem.send({ message: `And the invoice? ${crypto.randomUUID()}` });
    tandem.identify(null);
    const anonymous = await tandem.submit({ message: `Is there a student price? ${crypto.randomUUID()}` });

    expect((await stored(first.id)).user).toMatchObject({ id: 'cus_42', email: 'sam@example.com', name: 'Sam' });
    // The API takes the reply address from the signed-in customer when the message has none.
    expect((await stored(first.id)).email).toBe('sam@example.com');
    expect(kept.status).toBe('sent');
    expect((await stored(kept.status === 'sent' ? kept.result.id : '')).user).toMatchObject({ id: 'cus_42' });
    expect((await stored(anonymous.id)).user).toBeNull();
  });

  it('leaves a message that names its own user as it is', async () => {
    const tandem = createClient({ siteKey, endpoint, storage: null });
    tandem.identify({ id: 'cus_42' });
    const { id } = await tandem.submit({ message: `Help my colleague ${crypto.randomUUID()}`, user: { id: 'cus_7' } });
    expect((await stored(id)).user).toMatchObject({ id: 'cus_7' });
  });
});

describe('createClient().on', () => {
  it('tells listeners what was sent, updated and refused, until they stop listening', async () => {
    const tandem = createClient({ siteKey, endpoint, storage: null });
    const seen: string[] = [];
    tandem.on('sent', (created) => seen.push(`sent ${created.label}`));
    tandem.on('updated', (updated) => seen.push(`updated email=${updated.email}`));
    const stop = tandem.on('error', (error) => seen.push(`error ${error.code}`));

    const { id, token } = await tandem.submit({ message: `The app crashes when I pay. ${crypto.randomUUID()}`, rating: 1 });
    await tandem.update(id, { token, email: 'sam@example.com' });
    await tandem.submit({ message: 'x', rating: 9 }).catch(() => undefined);
    stop();
    await tandem.submit({ message: 'x', rating: 9 }).catch(() => undefined);

    expect(seen).toEqual(['sent complaint', 'updated email=true', 'error invalid_request']);
  });

  it('keeps telling the others when one listener throws', async () => {
    const tandem = createClient({ siteKey, endpoint, storage: null });
    const sent: FeedbackCreated[] = [];
    tandem.on('sent', () => {
      throw new Error('a bug in the app');
    });
    tandem.on('sent', (created) => sent.push(created));
    const failures: unknown[] = [];
    const onUncaught = (error: unknown) => failures.push(error);
    process.on('uncaughtException', onUncaught);
    try {
      const result = await tandem.submit({ message: `Lovely shop ${crypto.randomUUID()}`, rating: 5 });
      await new Promise((resolve) => setImmediate(resolve));
      expect(sent).toEqual([result]);
      expect(failures).toEqual([expect.objectContaining({ message: 'a bug in the app' })]);
    } finally {
      process.off('uncaughtException', onUncaught);
    }
  });

  it('says queued, not error, when the offline queue keeps a message, and sent when it goes', async () => {
    const storage = new MemoryStorage();
    const offline = createClient({ siteKey, endpoint: `http://127.0.0.1:${await freePort()}`, storage });
    const events: string[] = [];
    offline.on('queued', (error: TandemError) => events.push(`queued ${error.code}`));
    offline.on('error', (error) => events.push(`error ${error.code}`));
    const message = `Saved while offline ${crypto.randomUUID()}`;
    expect((await offline.send({ message })).status).toBe('queued');
    expect(offline.pending()).toBe(1);

    // Back online (here: the same storage, the real endpoint), the next flush sends it.
    const online = createClient({ siteKey, endpoint, storage });
    online.on('sent', (created) => events.push(`sent ${created.id.slice(0, 3)}`));
    const flushed = await online.flush();
    expect(flushed).toHaveLength(1);
    expect(online.pending()).toBe(0);
    expect(events).toEqual(['queued network_error', 'sent fb_']);
  });
});
