// What the widget sends beside the message: a 0–10 score, the consent text's version, the page's
// context, who the site says the customer is, and spam signals; and the follow-up token it gets back.
import { describe, expect, it } from 'vitest';
import { starsFromScore } from '../src/lib/decision.js';
import { countFeedback, createSite, expectRefusedField, getWithSecret, postFeedback, storedFeedback, type Envelope } from './helpers.js';

interface Created {
  id: string;
  label: string;
  routes: string[];
  token: string;
}

const everything = {
  message: 'Ordering was easy and the beans arrived in two days.',
  score: 9,
  consent: { publish: true, version: '2026-11' },
  context: {
    locale: 'pt-BR',
    viewport: { width: 390, height: 844 },
    userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X)',
    timezone: 'America/Sao_Paulo',
  },
  user: { id: 'cus_1182', email: 'ana@example.com', name: 'Ana Souza' },
  signals: { honeypot: '', elapsedMs: 21_500 },
};

describe('POST /v1/feedback with the widget’s fields', () => {
  it('stores the score, consent version, context, user and signals', async () => {
    const site = await createSite();
    const res = await postFeedback(site, everything);
    expect(res.status).toBe(201);
    const created = await res.json<Created>();
    expect(created.label).not.toBe('spam');

    const row = await storedFeedback(created.id);
    expect(row).toMatchObject({
      score: 9,
      rating: null,
      consent_publish: 1,
      consent_version: '2026-11',
      user_id: 'cus_1182',
      user_email: 'ana@example.com',
      user_name: 'Ana Souza',
      follow_up_token: created.token,
    });
    expect(JSON.parse(row!.context as string)).toEqual(everything.context);
    expect(JSON.parse(row!.signals as string)).toEqual(everything.signals);
  });

  it('takes the email and name from the user the site identified when the customer gave none', async () => {
    const site = await createSite();
    const fromUser = await postFeedback(site, { message: 'Where is my order?', user: everything.user });
    expect(await storedFeedback((await fromUser.json<Created>()).id)).toMatchObject({
      email: 'ana@example.com',
      name: 'Ana Souza',
    });

    const typed = await postFeedback(site, {
      message: 'Where is my order?',
      email: 'ana.personal@example.com',
      user: { id: 'cus_1182', email: 'ana@example.com' },
    });
    expect(await storedFeedback((await typed.json<Created>()).id)).toMatchObject({
      email: 'ana.personal@example.com',
      name: null,
      user_email: 'ana@example.com',
    });
  });

  it('stores the User-Agent header when the context names no browser, cut to 512 characters', async () => {
    const site = await createSite();
    const header = 'Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0';
    const withContext = await postFeedback(site, { message: 'Hello', context: { locale: 'en' } }, { 'user-agent': header });
    const withoutContext = await postFeedback(site, { message: 'Hello' }, { 'user-agent': `${header} ${'x'.repeat(600)}` });
    const named = await postFeedback(site, { message: 'Hello', context: { userAgent: 'Widget/1.0' } }, { 'user-agent': header });

    const context = async (res: Response) => JSON.parse((await storedFeedback((await res.json<Created>()).id))!.context as string);
    expect(await context(withContext)).toEqual({ locale: 'en', userAgent: header });
    const cut = await context(withoutContext);
    expect(cut.userAgent).toHaveLength(512);
    expect(cut.userAgent.startsWith(header)).toBe(true);
    expect(await context(named)).toEqual({ userAgent: 'Widget/1.0' });
  });

  it('still sends a 10 that says "checkout is broken" to support', async () => {
    const site = await createSite();
    const res = await postFeedback(site, { message: 'Checkout is broken', score: 10 });
    expect(res.status).toBe(201);
    const created = await res.json<Created>();
    expect(created.routes).toContain('support');
    const reasons = JSON.parse((await storedFeedback(created.id))!.reasons as string);
    // The agent reads the score the customer chose, not the stars triage was given.
    expect(reasons).toContain('score 10/10');
    expect(reasons).not.toContain('rating 5/5');
    expect(reasons).toContain('rating and text disagree');
  });

  it('maps scores to stars: 0–2 → 1, 3–4 → 2, 5–6 → 3, 7–8 → 4, 9–10 → 5', () => {
    expect(Array.from({ length: 11 }, (_, score) => starsFromScore(score))).toEqual([1, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });

  it('answers a retry with the same token, and each message with its own', async () => {
    const site = await createSite();
    const first = await (await postFeedback(site, everything, { 'idempotency-key': 'widget-outbox-1' })).json<Created>();
    const retry = await postFeedback(site, everything, { 'idempotency-key': 'widget-outbox-1' });
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect((await retry.json<Created>()).token).toBe(first.token);
    const other = await (await postFeedback(site, everything, { 'idempotency-key': 'widget-outbox-2' })).json<Created>();
    expect(other.token).toMatch(/^fbt_[0-9a-f]{32}$/);
    expect(other.token).not.toBe(first.token);
  });
});

describe('POST /v1/feedback spam signals', () => {
  it('stores a message whose hidden field was filled as spam, for nobody, and lists it', async () => {
    const site = await createSite();
    const res = await postFeedback(site, {
      message: 'Great products, visit my store for cheap watches',
      rating: 5,
      signals: { honeypot: 'https://cheap-watches.example', elapsedMs: 9000 },
    });
    expect(res.status).toBe(201);
    const created = await res.json<Created>();
    expect(created).toMatchObject({ label: 'spam', routes: [] });

    const listed = await getWithSecret('/v1/feedback', site.secretKeys.support);
    const { data } = await listed.json<{ data: Record<string, unknown>[] }>();
    expect(data).toHaveLength(1);
    expect(data[0]).toMatchObject({
      id: created.id,
      label: 'spam',
      routes: [],
      reasons: ['filled a field hidden from people'],
      signals: { honeypot: 'https://cheap-watches.example', elapsedMs: 9000 },
    });
  });

  it('judges a message sent faster than anyone can write as spam, and says how fast', async () => {
    const site = await createSite();
    const fast = await (await postFeedback(site, { message: 'My order is late', signals: { elapsedMs: 400 } })).json<Created>();
    expect(fast).toMatchObject({ label: 'spam', routes: [] });
    expect(JSON.parse((await storedFeedback(fast.id))!.reasons as string)).toEqual(['sent 0.4 s after the form opened']);

    const human = await (await postFeedback(site, { message: 'My order is late', signals: { elapsedMs: 1500, honeypot: '' } })).json<Created>();
    expect(human.label).not.toBe('spam');
    expect(human.routes).toContain('support');
    expect(await countFeedback(site.id)).toBe(2);
  });
});

describe('POST /v1/feedback validation of the widget’s fields', () => {
  const long = (n: number) => 'a'.repeat(n);
  const invalid: [string, unknown, string][] = [
    ['a score of 11', { message: 'ok', score: 11 }, 'score'],
    ['a score of -1', { message: 'ok', score: -1 }, 'score'],
    ['a fractional score', { message: 'ok', score: 7.5 }, 'score'],
    ['a consent version with spaces', { message: 'ok', consent: { publish: true, version: 'v 2' } }, 'consent.version'],
    ['a consent version over 40 characters', { message: 'ok', consent: { publish: true, version: long(41) } }, 'consent.version'],
    ['a consent version without publish', { message: 'ok', consent: { version: '2026-11' } }, 'consent.publish'],
    ['an unknown key in consent', { message: 'ok', consent: { publish: true, at: 'now' } }, 'consent'],
    ['a viewport 0 pixels wide', { message: 'ok', context: { viewport: { width: 0, height: 800 } } }, 'context.viewport.width'],
    ['a viewport over 10,000 pixels tall', { message: 'ok', context: { viewport: { width: 390, height: 10_001 } } }, 'context.viewport.height'],
    ['a viewport without a height', { message: 'ok', context: { viewport: { width: 390 } } }, 'context.viewport.height'],
    ['a fractional viewport width', { message: 'ok', context: { viewport: { width: 390.5, height: 800 } } }, 'context.viewport.width'],
    ['an unknown key in context', { message: 'ok', context: { locale: 'en', ip: '203.0.113.9' } }, 'context'],
    ['a locale over 35 characters', { message: 'ok', context: { locale: `en-${long(8)}-${long(8)}-${long(8)}-${long(6)}` } }, 'context.locale'],
    ['a locale that is not a language tag', { message: 'ok', context: { locale: 'English (UK)' } }, 'context.locale'],
    ['a user agent over 512 characters', { message: 'ok', context: { userAgent: long(513) } }, 'context.userAgent'],
    ['a time zone over 64 characters', { message: 'ok', context: { timezone: long(65) } }, 'context.timezone'],
    ['a time zone with spaces', { message: 'ok', context: { timezone: 'Central European Time' } }, 'context.timezone'],
    ['an unknown key in user', { message: 'ok', user: { id: 'u1', plan: 'pro' } }, 'user'],
    ['a user id over 100 characters', { message: 'ok', user: { id: long(101) } }, 'user.id'],
    ['an empty user id', { message: 'ok', user: { id: '' } }, 'user.id'],
    ['an invalid user email', { message: 'ok', user: { email: 'ana at example' } }, 'user.email'],
    ['a user name over 100 characters', { message: 'ok', user: { name: long(101) } }, 'user.name'],
    ['an unknown key in signals', { message: 'ok', signals: { mouseMoves: 12 } }, 'signals'],
    ['a honeypot over 1,000 characters', { message: 'ok', signals: { honeypot: long(1001) } }, 'signals.honeypot'],
    ['a negative elapsedMs', { message: 'ok', signals: { elapsedMs: -1 } }, 'signals.elapsedMs'],
  ];

  it.each(invalid)('answers 400 for %s, naming the field', async (_case, body, path) => {
    await expectRefusedField(body, path);
  });

  it('answers 400 for both a rating and a score, saying to send one', async () => {
    const site = await createSite();
    const res = await postFeedback(site, { message: 'ok', rating: 4, score: 8 });
    expect(res.status).toBe(400);
    const { error } = await res.json<Envelope>();
    expect(error.code).toBe('invalid_request');
    expect(error.issues).toEqual([{ path: 'score', message: 'send either rating (1–5 stars) or score (0–10), not both' }]);
    expect(await countFeedback(site.id)).toBe(0);
  });
});
