/**
 * PR's studio in the dashboard: a pr key lands in it, sees the PR-risk alert and the consented
 * praise with its suggested sentence, makes a testimonial (the original always beside it), edits
 * it (the history shown), approves it and sees it on the demo page's wall, withdraws it and sees
 * it gone; the wall's preview and embed snippet; an XSS payload shown as text; axe-core in light
 * and dark; a tablet's width; and the README's screenshot.
 */
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAdminClient } from '../../packages/sdk/src/admin.js';
import { DEMO_INBOX, DEMO_PRAISE } from '../../scripts/demo-inbox.mjs';
import { RETENTION_CRON } from '../../scripts/tools.mjs';
import { axeViolations, saveScreenshot, useBrowser } from '../support/browser.js';
import { executeSql, sql } from '../support/d1.js';
import { dashboardSite, goTo, openDashboard, sendMessage, signIn, type DashboardSite } from '../support/dashboard.js';
import { SECRET_KEY, SITE_KEY } from '../support/pages.js';

const endpoint = inject('endpoint');
const browser = useBrowser();
const XSS = 'Lovely beans <img src=x onerror="window.__xss=1"><script>window.__xss=2</script> and <b>fast</b> delivery, thank you!';
const PR_RISK = DEMO_INBOX.find(({ body }) => String(body.message).includes('Twitter'))!.body;

const CRITICAL_RISK = 'I was charged twice for my order and nobody answers. I am posting this on Twitter and telling the press.';
let site: DashboardSite;
const risks = { normal: '', critical: '' };

beforeAll(async () => {
  site = await dashboardSite('Studio');
  risks.normal = await sendMessage(site, PR_RISK);
  risks.critical = await sendMessage(site, { message: CRITICAL_RISK, rating: 1 });
  for (const { body } of DEMO_PRAISE) await sendMessage(site, body);
  await sendMessage(site, { message: XSS, rating: 5, name: '<b>Mallory</b>', consent: { publish: true } });
});

/** The parts of the studio a person finds by their names. */
const studio = (page: Page) => ({
  alerts: page.getByRole('region', { name: /PR-risk alerts/ }),
  candidate: (text: string) => page.locator('tandem-studio li.card').filter({ hasText: text }),
  editor: page.locator('tandem-testimonial-editor'),
  original: page.getByRole('region', { name: 'The customer’s words' }),
  history: page.getByRole('region', { name: 'History' }),
  quote: page.getByLabel('Quote', { exact: true }),
  author: page.getByLabel(/^Author/),
  wall: page.getByRole('group', { name: 'Preview of the wall' }),
});

/** Waits until the studio has asked for its lists and drawn them. */
async function studioLoaded(page: Page) {
  await page.getByRole('main').getByRole('heading', { level: 1, name: 'PR studio' }).waitFor();
  await page.getByRole('heading', { name: 'Praise to quote' }).waitFor();
  await page.locator('tandem-studio li.card, tandem-studio p.muted').first().waitFor();
}

/** The demo page's wall as a visitor sees it, once its testimonials arrived. */
async function demoWall(page: Page): Promise<string> {
  // Routing turns Chromium's HTTP cache off: the wall's answer may be kept a minute (max-age).
  await page.route('**/v1/testimonials?*', (route) => route.continue());
  await page.goto(`${endpoint}/`);
  const wall = page.locator('tandem-testimonials');
  await wall.getByRole('figure').first().waitFor();
  return (await wall.getByRole('list').textContent()) ?? '';
}

describe("PR's studio", () => {
  // The test runs on the demo site, whose page at / shows its wall; as few requests as
  // possible with its publishable key (30 a minute from one address, shared with other suites).
  describe('on the demo site', () => {
    const demo = createAdminClient({ endpoint, secretKey: SECRET_KEY });
    const run = randomUUID().slice(0, 6);
    const author = `Noor ${run}`;
    // Fixed words: the triage reads every token, and a random one could tip the label.
    const praise =
      'What a find! The Colombia Huila tastes of caramel and red apple, and it came two days after roasting. ' +
      'Tell me when the next lot is in: noor@example.com.';
    const suggested = 'The Colombia Huila tastes of caramel and red apple, and it came two days after roasting.';
    const complaint = 'They charged me twice and nobody answers. I am posting this on Twitter and telling the press.';
    const ids = { complaint: '', praise: '' };
    let prKey: { id: string; key: string };

    beforeAll(async () => {
      prKey = await demo.keys.create({ kind: 'secret', role: 'pr' });
      const send = async (body: object) => {
        const res = await fetch(`${endpoint}/v1/feedback`, {
          method: 'POST',
          headers: { authorization: `Bearer ${SITE_KEY}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        expect(res.status, await res.clone().text()).toBe(201);
        return ((await res.json()) as { id: string }).id;
      };
      ids.complaint = await send({ message: complaint, rating: 1, email: 'dan@example.com' });
      ids.praise = await send({ message: praise, rating: 5, name: 'Noor Haddad', consent: { publish: true, version: 'tandem-1' } });
    });

    afterAll(() => demo.keys.revoke(prKey.id));

    it('approves a praise and shows it on the wall of the demo page; withdrawing takes it off', async () => {
      const { page, problems } = await openDashboard(browser());
      await signIn(page, prKey.key, 'Maya, PR');
      await studioLoaded(page);
      const s = studio(page);

      // The PR-risk alert, at the top, links to the message in the inbox.
      const stored = await demo.feedback.get(ids.complaint);
      expect(stored.prRisk).toBe(true);
      const alert = s.alerts.locator(`a[href="#feedback/${ids.complaint}"]`);
      expect(await alert.textContent()).toContain(complaint);
      expect(await alert.textContent()).toContain(stored.urgency.replace(/^./, (c) => c.toUpperCase()));

      // The praise, with the sentence the product suggests: never the one with the email.
      const card = page.locator(`tandem-studio li.card[data-id="${ids.praise}"]`);
      expect(await card.locator('.suggestion').textContent()).toBe(`Suggested: “${suggested}”`);

      // Make the testimonial: the suggested sentence is picked, another click picks another.
      await card.getByRole('button', { name: /Make a testimonial/ }).click();
      await s.editor.getByRole('heading', { name: 'New testimonial' }).waitFor();
      expect(await s.quote.inputValue()).toBe(suggested);
      const sentence = (text: string) => s.original.getByRole('button', { name: text, exact: true });
      expect(await sentence(suggested).getAttribute('aria-pressed')).toBe('true');
      await sentence('What a find!').click();
      expect(await s.quote.inputValue()).toBe('What a find!');
      expect(await sentence(suggested).getAttribute('aria-pressed')).toBe('false');
      await sentence(suggested).click();
      await s.author.fill(author);
      await page.getByRole('button', { name: 'Save as draft' }).click();
      await s.editor.getByRole('heading', { name: /Testimonial\s+Draft/ }).waitFor();

      // Edit it: the customer's words stay in view, and the history keeps both versions.
      const edited = 'Tastes of caramel and red apple, and it came two days after roasting.';
      await s.quote.fill(edited);
      await page.getByRole('button', { name: 'Save changes' }).click();
      await s.history.getByText('Edited').waitFor();
      expect(await s.original.textContent()).toContain('Tell me when the next lot is in: noor@example.com.');
      expect(await s.history.locator('.before').first().textContent()).toBe(suggested);
      expect(await s.history.getByText('Made').count()).toBe(1);
      const [made] = (await demo.testimonials.list({ status: 'draft', limit: 100 })).data.filter((t) => t.author === author);
      const detail = await demo.testimonials.get(made!.id);
      expect(detail.history.map((h) => [h.action, h.by.role, h.by.actor])).toEqual([
        ['create', 'pr', 'Maya, PR'],
        ['edit', 'pr', 'Maya, PR'],
      ]);
      expect(detail.source?.message).toBe(praise);

      // Approve: on the studio's preview, then on the demo page as visitors see it.
      await page.getByRole('button', { name: 'Approve' }).click();
      await s.editor.getByRole('heading', { name: /Testimonial\s+Approved/ }).waitFor();
      await s.wall.getByText(edited).waitFor();
      expect(await s.wall.getByRole('figure').first().textContent()).toContain(author);
      const visitor = await browser().newPage();
      const wall = await demoWall(visitor);
      expect(wall).toContain(edited);
      expect(wall).toContain(author);

      // Withdraw: off the wall.
      await page.getByRole('button', { name: 'Withdraw' }).click();
      await s.editor.getByRole('heading', { name: /Testimonial\s+Withdrawn/ }).waitFor();
      await s.wall.getByText(edited).waitFor({ state: 'detached' });
      const after = await demoWall(visitor);
      expect(after).not.toContain(edited);
      expect(after).not.toContain(author);
      expect((await demo.testimonials.get(made!.id)).history.map((h) => h.action)).toEqual(['create', 'edit', 'approve', 'withdraw']);
      expect(problems).toEqual([]);
    });
  });

  it('lists open PR-risk messages most urgent first, each linking to the inbox, and drops a resolved one', async () => {
    const critical = await site.admin.feedback.get(risks.critical);
    const normal = await site.admin.feedback.get(risks.normal);
    expect([critical.urgency, critical.prRisk, normal.prRisk]).toEqual(['critical', true, true]);
    expect(normal.urgency).not.toBe('critical');
    const { page, problems, requests } = await openDashboard(browser());
    await signIn(page, site.keys.pr);
    await studioLoaded(page);
    const links = studio(page).alerts.getByRole('link');
    await links.first().waitFor();
    // Asked of the server, never filtered from the whole table in the browser.
    const asked = requests.map((url) => new URL(url)).filter((url) => url.pathname === '/v1/feedback');
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.every((url) => url.searchParams.get('prRisk') === 'true' && url.searchParams.get('status') === 'open')).toBe(true);
    expect(await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([
      `#feedback/${risks.critical}`,
      `#feedback/${risks.normal}`,
    ]);
    // The link opens the message in the inbox.
    await links.first().click();
    await page.getByRole('region', { name: 'The chosen message' }).getByText(CRITICAL_RISK).waitFor();

    await site.admin.feedback.setStatus(risks.critical, { status: 'resolved' });
    await goTo(page, 'PR studio');
    await studioLoaded(page);
    await studio(page).alerts.locator(`a[href="#feedback/${risks.normal}"]`).waitFor();
    expect(await links.count()).toBe(1);
    await site.admin.feedback.setStatus(risks.critical, { status: 'new' });
    expect(problems).toEqual([]);
  });

  it('keeps its alerts and praise when a testimonial status is picked before they arrived', async () => {
    const { page, problems } = await openDashboard(browser());
    // The alerts and the praise to quote answer late; the testimonials' status is picked meanwhile.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/v1\/(feedback\?.*prRisk=true|studio\/candidates)/, async (route) => {
      await held;
      await route.continue();
    });
    await signIn(page, site.keys.pr);
    await page.getByRole('main').getByRole('heading', { level: 1, name: 'PR studio' }).waitFor();
    await page.locator('tandem-studio').getByRole('radio', { name: 'Approved' }).check();
    release();
    const s = studio(page);
    await s.alerts.locator(`a[href="#feedback/${risks.normal}"]`).waitFor();
    await page.locator('tandem-studio li.card').first().waitFor();
    expect(problems).toEqual([]);
  });

  it('edits the praise picked last, even when a testimonial picked just before answers after it', async () => {
    const draftOf = await sendMessage(site, { message: 'The Colombia lot is smooth and sweet, lovely every morning.', rating: 5, consent: { publish: true } });
    const picked = `The Sumatra is earthy and rich, I love it. ${randomUUID().slice(0, 6)}`;
    await sendMessage(site, { message: picked, rating: 5, consent: { publish: true } });
    const draft = await site.admin.testimonials.create({ feedbackId: draftOf });
    const { page, problems } = await openDashboard(browser());
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(new RegExp(`/v1/studio/testimonials/${draft.id}$`), async (route) => {
      await held;
      await route.continue();
    });
    await signIn(page, site.keys.pr);
    await studioLoaded(page);
    const s = studio(page);
    await page.locator(`tandem-studio li.card[data-id="${draft.id}"]`).getByRole('button', { name: /^Open/ }).click();
    await s.candidate(picked).getByRole('button', { name: /Make a testimonial/ }).click();
    const late = page.waitForResponse(new RegExp(`/v1/studio/testimonials/${draft.id}$`));
    release();
    await late;
    await s.editor.getByRole('heading', { name: 'New testimonial' }).waitFor();
    expect(await s.original.textContent()).toContain(picked);
    expect(await s.original.textContent()).not.toContain('Colombia');
    expect(problems).toEqual([]);
  });

  it('shows a praise carrying HTML and script as text, never running it', async () => {
    const { page, problems } = await openDashboard(browser());
    await signIn(page, site.keys.pr);
    await studioLoaded(page);
    const s = studio(page);
    const card = s.candidate('onerror');
    expect(await card.locator('.message').textContent()).toBe(XSS);
    expect(await card.textContent()).toContain('<b>Mallory</b>');
    await card.getByRole('button', { name: /Make a testimonial/ }).click();
    await s.editor.getByRole('heading', { name: 'New testimonial' }).waitFor();
    expect((await s.original.locator('blockquote').textContent())?.replace(/\s+/g, ' ')).toContain('<script>window.__xss=2</script>');
    expect(await s.author.inputValue()).toBe('<b>Mallory</b>');
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator('tandem-studio img, tandem-studio b, tandem-studio script').count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('keeps a quote whose customer withdrew consent off the preview, as off the wall, and says why', async () => {
    const approvedQuote = async (quote: string) => {
      const res = await fetch(`${endpoint}/v1/feedback`, {
        method: 'POST',
        headers: { authorization: `Bearer ${site.publishableKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ message: quote, rating: 5, name: 'Ines', consent: { publish: true } }),
      });
      const { id, token } = (await res.json()) as { id: string; token: string };
      const made = await site.admin.testimonials.create({ feedbackId: id, quote });
      await site.admin.testimonials.approve(made.id);
      return { id, token, made };
    };
    // One that stays, so the preview is known to have loaded when the other is looked for.
    await approvedQuote('The Kenya peaberry is bright and juicy, a joy every morning.');
    const { id, token, made } = await approvedQuote('The Rwanda lot is the best thing I drank all year.');
    const withdrawn = await fetch(`${endpoint}/v1/feedback/${id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${site.publishableKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ token, consent: { publish: false } }),
    });
    expect(withdrawn.status).toBe(200);

    const { page, problems } = await openDashboard(browser());
    await signIn(page, site.keys.pr);
    await studioLoaded(page);
    await page.locator('tandem-studio').getByRole('radio', { name: 'Approved' }).check();
    const card = page.locator(`tandem-studio li.card[data-id="${made.id}"]`);
    await card.getByText('Off the wall: the customer no longer agrees to be quoted').waitFor();
    await studio(page).wall.getByText(/Kenya peaberry/).waitFor();
    expect(await studio(page).wall.textContent()).not.toContain('Rwanda');
    expect(problems).toEqual([]);
  });

  it('says a quote kept after retention deleted its message can only be withdrawn for good, and offers no approval after', async () => {
    const quote = 'The Burundi lot tastes of blackcurrant, every single cup.';
    const res = await fetch(`${endpoint}/v1/feedback`, {
      method: 'POST',
      headers: { authorization: `Bearer ${site.publishableKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ message: quote, rating: 5, name: 'Oskar', consent: { publish: true } }),
    });
    const { id } = (await res.json()) as { id: string };
    const made = await site.admin.testimonials.create({ feedbackId: id, quote });
    await site.admin.testimonials.approve(made.id);
    // Older than this site keeps messages (a year): the nightly job deletes the message and keeps the quote.
    executeSql(`UPDATE feedback SET created_at = '2020-01-01T00:00:00.000Z' WHERE id = ${sql(id)};`);
    expect((await fetch(`${endpoint}/__scheduled?cron=${encodeURIComponent(RETENTION_CRON)}`)).status).toBe(200);
    expect((await site.admin.testimonials.get(made.id)).source).toBeNull();

    const { page, problems } = await openDashboard(browser());
    await signIn(page, site.keys.pr);
    await studioLoaded(page);
    const s = studio(page);
    await page.locator('tandem-studio').getByRole('radio', { name: 'Approved' }).check();
    await page.locator(`tandem-studio li.card[data-id="${made.id}"]`).getByRole('button', { name: /^Open/ }).click();
    await s.editor.getByRole('heading', { name: /Testimonial\s+Approved/ }).waitFor();
    expect(await s.original.textContent()).toMatch(/Withdrawing it is for good/);

    await page.getByRole('button', { name: 'Withdraw' }).click();
    await s.editor.getByRole('heading', { name: /Testimonial\s+Withdrawn/ }).waitFor();
    expect(await s.original.textContent()).toMatch(/cannot go on the wall again; it is deleted the next night/);
    expect(await s.editor.getByRole('button', { name: 'Approve' }).count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('gives an admin the embed snippet with the site’s publishable key, and a pr key a placeholder', async () => {
    const context = browser();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: endpoint });
    const { page, problems } = await openDashboard(context);
    await signIn(page, site.keys.admin);
    await goTo(page, 'PR studio');
    const snippet = page.getByRole('region', { name: 'Embed snippet' });
    await snippet.getByText(site.publishableKey).waitFor();
    const expected = `<script src="${endpoint}/tandem.js" data-site="${site.publishableKey}" async></script>\n<tandem-testimonials></tandem-testimonials>`;
    expect(await snippet.textContent()).toBe(expected);
    await page.getByRole('button', { name: 'Copy embed snippet' }).click();
    await page.getByRole('status').getByText('Embed snippet copied.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);

    const pr = await openDashboard(context);
    await signIn(pr.page, site.keys.pr);
    await studioLoaded(pr.page);
    expect(await pr.page.getByRole('region', { name: 'Embed snippet' }).textContent()).toContain('data-site="pk_…"');
    await pr.page.getByText('an admin finds it in Settings, under Keys').waitFor();
    expect([...problems, ...pr.problems]).toEqual([]);
  });

  it('keeps support out of the studio', async () => {
    const { page } = await openDashboard(browser(), { path: '/dashboard/#studio' });
    await signIn(page, site.keys.support);
    await page.getByRole('main').getByRole('heading', { level: 1, name: 'Support inbox' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'PR studio' }).count()).toBe(0);
    expect(await page.locator('tandem-studio').count()).toBe(0);
  });

  // A praise of its own for each run.
  for (const [scheme, praise] of [['light', 'Guji'], ['dark', 'new burr']] as const) {
    it(`passes axe with the editor and its history open (${scheme})`, async () => {
      const { page, problems } = await openDashboard(browser(), { scheme });
      await signIn(page, site.keys.pr, 'Maya, PR');
      await studioLoaded(page);
      expect(await axeViolations(page), 'studio').toEqual([]);
      const s = studio(page);
      await s.candidate(praise).getByRole('button', { name: /Make a testimonial/ }).click();
      await s.editor.getByRole('heading', { name: 'New testimonial' }).waitFor();
      expect(await axeViolations(page), 'a new testimonial').toEqual([]);
      await page.getByRole('button', { name: 'Save as draft' }).click();
      await s.history.getByText('Made').waitFor();
      await page.getByRole('button', { name: 'Approve' }).click();
      await s.editor.getByRole('heading', { name: /Testimonial\s+Approved/ }).waitFor();
      expect(await axeViolations(page), 'an approved testimonial with its history').toEqual([]);
      expect(problems).toEqual([]);
    });
  }

  it('fits a tablet: no sideways scrolling at 768 px, the original beside or above the quote', async () => {
    const { page } = await openDashboard(browser());
    await page.setViewportSize({ width: 768, height: 1024 });
    await signIn(page, site.keys.pr);
    await studioLoaded(page);
    const s = studio(page);
    await s.candidate('onerror').getByRole('button', { name: /Make a testimonial/ }).click();
    await s.editor.getByRole('heading', { name: 'New testimonial' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
    expect(await s.original.isVisible()).toBe(true);
    expect(await s.quote.isVisible()).toBe(true);
  });

  it('saves a screenshot of the studio for the README', async () => {
    const shop = await dashboardSite('Northwind Coffee Roasters', { exactName: true });
    await sendMessage(shop, PR_RISK);
    for (const { body } of DEMO_PRAISE) await sendMessage(shop, body);
    await sendMessage(shop, {
      message: 'The decaf is the first one that tastes like real coffee. My whole family drinks it now.',
      rating: 5,
      name: 'Amara Okafor',
      consent: { publish: true, version: 'tandem-1' },
    });
    const [first] = (await shop.admin.testimonials.candidates({ limit: 10 })).data.filter((c) => c.name === 'Amara Okafor');
    const made = await shop.admin.testimonials.create({ feedbackId: first!.id, quote: first!.suggestedQuote!, author: 'Amara O.', actor: 'Maya, PR' });
    await shop.admin.testimonials.approve(made.id, { actor: 'Maya, PR' });

    const { page } = await openDashboard(browser());
    await page.setViewportSize({ width: 1280, height: 1000 });
    await signIn(page, shop.keys.pr, 'Maya, PR');
    await studioLoaded(page);
    const s = studio(page);
    await s.candidate('Guji').getByRole('button', { name: /Make a testimonial/ }).click();
    await s.editor.getByRole('heading', { name: 'New testimonial' }).waitFor();
    await s.author.fill('Noor H.');
    const shot = await saveScreenshot(page, 'studio');
    expect(shot.length).toBeGreaterThan(10_000);
  });
});
