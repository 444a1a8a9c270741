import { triage } from '@tandem/triage';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { findByIdempotencyKey, insertFeedback, type NewFeedback } from '../src/db/feedback.js';
import { newFollowUpToken } from '../src/lib/follow-up.js';
import { newId } from '../src/lib/ids.js';
import { countFeedback, createSite } from './helpers.js';

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
