import { triage } from '@tandem/triage';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { addFollowUp, findByIdempotencyKey, insertFeedback, type NewFeedback } from '../src/db/feedback.js';
import { newFollowUpToken } from '../src/lib/follow-up.js';
import { newId } from '../src/lib/ids.js';
import { countFeedback, createSite, storedFeedback } from './helpers.js';

describe('insertFeedback', () => {
  // The route's answer to a lost race depends on this: the second insert must report that it
  // stored nothing, and the first row must stay as it was.
  it('reports false and keeps the first row when the idempotency key is already taken', async () => {
    const site = await createSite();
    const row = (message: string): NewFeedback => ({
      id: newId('fb'),
      siteId: site.id,
      input: { message },
      decision: triage({ text: message }),
      idempotencyKey: 'same-key',
      requestHash: message,
      followUpToken: newFollowUpToken(),
      createdAt: new Date().toISOString(),
    });
    const first = row('first attempt');
    expect(await insertFeedback(env.DB, first)).toBe(true);
    expect(await insertFeedback(env.DB, row('second attempt'))).toBe(false);
    expect(await countFeedback(site.id)).toBe(1);
    const stored = await findByIdempotencyKey(env.DB, site.id, 'same-key');
    expect(stored).toMatchObject({ feedback: { id: first.id, message: 'first attempt' }, requestHash: 'first attempt' });
  });
});

describe('addFollowUp', () => {
  // The route reads the row first, but another request may set the email in between: the update
  // itself must refuse to overwrite it.
  it('changes nothing and reports null when a different email is already stored', async () => {
    const site = await createSite();
    const id = newId('fb');
    await insertFeedback(env.DB, {
      id,
      siteId: site.id,
      input: { message: 'Where is my order?', email: 'sam@example.com' },
      decision: triage({ text: 'Where is my order?' }),
      idempotencyKey: null,
      requestHash: 'x',
      followUpToken: newFollowUpToken(),
      createdAt: new Date().toISOString(),
    });
    const now = new Date().toISOString();
    const changed = await addFollowUp(env.DB, site.id, id, { email: 'mallory@example.com', consent: { publish: true } }, now);
    expect(changed).toBeNull();
    expect(await storedFeedback(id)).toMatchObject({ email: 'sam@example.com', consent_publish: 0 });
    expect(await addFollowUp(env.DB, site.id, id, { email: 'sam@example.com', name: 'Sam' }, now)).toEqual({
      hasEmail: true,
      hasName: true,
      publish: false,
    });
  });
});
