/**
 * Support's inbox in the dashboard: most urgent first, filters and search on the server a page at
 * a time, a complaint worked to resolved (note, assignee, route correction) and checked through
 * the API, an XSS payload shown as text, keyboard-only use, and the README's screenshot.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_INBOX } from '../../scripts/demo-inbox.mjs';
import { hasFocus, saveScreenshot, useBrowser } from '../support/browser.js';
import {
  dashboardSite,
  detailPane,
  inboxLoaded,
  listedIds,
  listedMessages,
  openDashboard,
  openMessage,
  sendMessage,
  signIn,
  type DashboardSite,
} from '../support/dashboard.js';

const endpoint = inject('endpoint');
const browser = useBrowser();
let site: DashboardSite;
/** The demo's messages, by their first words. */
const sent = new Map<string, string>();
let xss: string;
const XSS = 'Lovely beans <img src=x onerror="window.__xss=1"><script>window.__xss=2</script> but <b>why</b> the delay?';

beforeAll(async () => {
  site = await dashboardSite('Dashboard inbox');
  for (const { body } of DEMO_INBOX) sent.set(String(body.message).slice(0, 24), await sendMessage(site, body));
  xss = await sendMessage(site, { message: XSS, rating: 2 });
  // Praise goes to PR alone: never in support's inbox.
  await sendMessage(site, { message: 'Best coffee subscription I have had, thank you!', rating: 5 });
});

const id = (start: string) => {
  const found = [...sent].find(([words]) => start.startsWith(words) || words.startsWith(start));
  if (!found) throw new Error(`no demo message starts with ${start}`);
  return found[1];
};

describe("support's inbox", () => {
  it('lists support’s messages most urgent first, then newest', async () => {
    const { page, problems } = await openDashboard(browser());
    await signIn(page, site.keys.support, 'Ana Ruiz');
    const ids = await listedIds(page);
    const all = (await site.admin.feedback.list({ route: 'support', limit: 100 })).data;
    expect(ids).toHaveLength(all.length);
    expect(ids).not.toContain(undefined);
    const rank = { critical: 0, high: 1, normal: 2, low: 3 };
    // The API lists newest first; the inbox puts urgency before it (a stable sort keeps the rest).
    const expected = [...all].sort((a, b) => rank[a.urgency] - rank[b.urgency]).map((f) => f.id);
    expect(ids).toEqual(expected);
    expect(ids[0]).toBe(id('I was charged twice'));
    expect(await listedMessages(page).first().textContent()).toContain('Critical');
    expect((await listedMessages(page).allTextContents()).join()).not.toContain('Best coffee subscription');
    expect(problems).toEqual([]);
  });

  it('works a complaint to resolved with a note, an assignee and a route correction, all recorded by the API', async () => {
    const { page, problems } = await openDashboard(browser());
    await signIn(page, site.keys.support, 'Ana Ruiz');
    await openMessage(page, 'Third time my grinder');
    const pane = detailPane(page);
    const target = id('Third time my grinder');

    await pane.getByRole('button', { name: 'Assign to me' }).click();
    await pane.getByText('Assigned to Ana Ruiz', { exact: true }).waitFor();
    // The button went with it: focus is in the assignee's field, not lost to the page.
    await expect.poll(() => hasFocus(pane.getByRole('textbox', { name: 'Assignee' }))).toBe(true);

    // The triage sent it to support and PR; support takes PR off and says why.
    await pane.getByRole('checkbox', { name: 'PR', exact: true }).uncheck();
    await pane.getByRole('checkbox', { name: 'Product' }).check();
    await pane.getByLabel(/^Why/).fill('A faulty grinder batch: product should know; PR already called him.');
    await pane.getByRole('button', { name: 'Correct teams' }).click();
    await pane.getByText(/triage chose Support, PR; corrected by Ana Ruiz \(Support\)/).waitFor();

    await pane.getByRole('textbox', { name: /Internal note/ }).fill('Called Dan: a new grinder ships today, tracking NW-1052-R.');
    await pane.getByRole('button', { name: 'Add note' }).click();
    await pane.getByText('Called Dan: a new grinder ships today, tracking NW-1052-R.').waitFor();

    await pane.getByRole('button', { name: 'Resolved' }).click();
    await pane.getByRole('button', { name: 'Resolved', pressed: true }).waitFor();
    // The list follows without a reload.
    expect(await listedMessages(page).filter({ hasText: 'Third time my grinder' }).textContent()).toContain('Resolved');
    await page.getByRole('status').getByText('Resolved.').waitFor();

    const stored = await site.admin.feedback.get(target);
    expect(stored).toMatchObject({
      status: 'resolved',
      assignee: 'Ana Ruiz',
      routes: ['support', 'product'],
      triageRoutes: ['support', 'pr'],
      override: { by: { role: 'support', actor: 'Ana Ruiz' }, reason: 'A faulty grinder batch: product should know; PR already called him.' },
    });
    expect(stored.events.map((e) => [e.kind, e.to, e.by.actor, e.by.role])).toEqual([
      ['assignee', 'Ana Ruiz', 'Ana Ruiz', 'support'],
      ['routes', ['support', 'product'], 'Ana Ruiz', 'support'],
      ['note', 'Called Dan: a new grinder ships today, tracking NW-1052-R.', 'Ana Ruiz', 'support'],
      ['status', 'resolved', 'Ana Ruiz', 'support'],
    ]);
    // The log in the pane shows all four.
    expect(await pane.locator('ol.log li').count()).toBe(4);
    expect(problems).toEqual([]);
  });

  it('acts only on the message shown, and carries nothing typed for one message over to the next', async () => {
    const firstText = `The lid of my grinder cracked on day one. ${crypto.randomUUID().slice(0, 8)}`;
    const secondText = `My bag arrived torn and half empty. ${crypto.randomUUID().slice(0, 8)}`;
    const email = 'dan?cc=someone@example.com';
    const first = await sendMessage(site, { message: firstText, rating: 2, email });
    const second = await sendMessage(site, { message: secondText, rating: 2 });
    const { page, problems } = await openDashboard(browser());
    await signIn(page, site.keys.support);
    await openMessage(page, firstText);
    const pane = detailPane(page);
    await pane.getByText(firstText).waitFor();
    // The customer's address is one recipient: "?" and "&" in it add nothing to the draft.
    expect(await pane.getByRole('link', { name: email }).getAttribute('href')).toBe(`mailto:${encodeURIComponent(email)}`);
    await pane.getByRole('textbox', { name: /Internal note/ }).fill('Half-written, about the lid');

    // The next message answers late: "r" meanwhile resolves neither.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(new RegExp(`/v1/feedback/${second}$`), async (route) => {
      await held;
      await route.continue();
    });
    await listedMessages(page).filter({ hasText: secondText }).click();
    await page.keyboard.press('r');
    await page.getByRole('status').getByText('The message is still opening: try again in a moment.').waitFor();
    release();
    await pane.getByText(secondText).waitFor();
    expect(await pane.getByRole('textbox', { name: /Internal note/ }).inputValue()).toBe('');
    expect((await site.admin.feedback.get(first)).status).toBe('new');
    expect((await site.admin.feedback.get(second)).status).toBe('new');
    expect(problems).toEqual([]);
  });

  it('shows a message with HTML and a script as text, and runs none of it', async () => {
    const { page, problems } = await openDashboard(browser());
    await signIn(page, site.keys.admin);
    await openMessage(page, 'Lovely beans');
    const message = detailPane(page).locator('[data-testid="message"]');
    expect(await message.textContent()).toBe(XSS);
    expect(await message.evaluate((el) => el.querySelectorAll('*').length)).toBe(0);
    // The list's first line is text too.
    expect(await listedMessages(page).filter({ hasText: '<script>window.__xss=2</script>' }).count()).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator('img[src="x"], b').count()).toBe(0);
    expect((await site.admin.feedback.get(xss)).message).toBe(XSS);
    expect(problems).toEqual([]);
  });

  it('works from the keyboard alone, and its shortcuts never fire while typing', async () => {
    const { page, problems } = await openDashboard(browser());
    // Sign in: the key field has focus; Tab to the name, Enter sends.
    await page.keyboard.type(site.keys.support);
    await page.keyboard.press('Tab');
    await page.keyboard.type('Ben Okafor');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Support inbox' }).waitFor();
    await inboxLoaded(page);

    const ids = await listedIds(page);
    const focusedId = () => page.evaluate(() => {
      let el = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return el?.getAttribute('data-id') ?? el?.id ?? el?.tagName;
    });
    const title = detailPane(page).getByRole('heading', { level: 2 });

    await page.keyboard.press('j');
    expect(await focusedId()).toBe(ids[0]);
    await title.getByText('Complaint from Sam Lee').waitFor();
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    expect(await focusedId()).toBe(ids[2]);
    await page.keyboard.press('k');
    expect(await focusedId()).toBe(ids[1]);
    await page.keyboard.press('ArrowDown');
    expect(await focusedId()).toBe(ids[2]);
    await page.keyboard.press('Home');
    expect(await focusedId()).toBe(ids[0]);

    // The list is one tab stop: Tab leaves it for the message's pane.
    await page.keyboard.press('Shift+Tab');
    expect(await focusedId()).not.toBe(ids[1]);
    await page.keyboard.press('Tab');
    expect(await focusedId()).toBe(ids[0]);

    // "/" goes to the search; letters typed there are words, not shortcuts; Esc goes back.
    await page.keyboard.press('/');
    expect(await focusedId()).toBe('q');
    await page.keyboard.type('jar');
    expect(await page.getByLabel('Search words').inputValue()).toBe('jar');
    await page.getByText(/^0 messages, most urgent first$/).waitFor();
    expect(await focusedId()).toBe('q');
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Backspace');
    await page.getByText(`${ids.length} messages, most urgent first`).waitFor();
    await page.keyboard.press('Escape');
    expect(await focusedId()).toBe(ids[0]);

    // Work the question about grind sizes: n for a note, a to assign, r to resolve.
    const question = id('Can I change the grind');
    for (let i = 0; i < ids.length && (await focusedId()) !== question; i++) await page.keyboard.press('j');
    expect(await focusedId()).toBe(question);
    await title.getByText('Question from Priya S.').waitFor();
    await page.keyboard.press('n');
    expect(await focusedId()).toBe('note');
    await page.keyboard.type('Told her: grind changes apply from the next bag. r j k stay letters.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await detailPane(page).getByText('Told her: grind changes apply from the next bag. r j k stay letters.').waitFor();
    await page.keyboard.press('Escape');
    await page.keyboard.press('a');
    expect(await focusedId()).toBe('assignee');
    await page.keyboard.type('Ben Okafor');
    await page.keyboard.press('Enter');
    await detailPane(page).getByText('Assigned to Ben Okafor', { exact: true }).waitFor();
    await page.keyboard.press('Escape');
    expect(await focusedId()).toBe(question);
    await page.keyboard.press('r');
    await detailPane(page).getByRole('button', { name: 'Resolved', pressed: true }).waitFor();

    const stored = await site.admin.feedback.get(question);
    expect(stored).toMatchObject({ status: 'resolved', assignee: 'Ben Okafor' });
    expect(stored.events.map((e) => e.kind)).toEqual(['note', 'assignee', 'status']);
    expect(stored.events.every((e) => e.by.actor === 'Ben Okafor')).toBe(true);

    // The shortcuts are written down in the page.
    await page.getByText('Keyboard shortcuts').click();
    const help = await page.getByRole('list', { name: 'Keyboard shortcuts' }).textContent();
    for (const words of ['jnext message', 'kprevious message', 'rresolve', 'aassign', 'nwrite an internal note', '/search']) {
      expect(help?.replace(/\s+/g, ' ')).toContain(words.slice(0, 1) + ' ' + words.slice(1));
    }
    expect(problems).toEqual([]);
  });

  it('opens the message a delivery links to (/dashboard/feedback/{id}), after sign-in and again after a reload', async () => {
    const target = id('My order NW-1047');
    const { page, problems } = await openDashboard(browser(), { path: `/dashboard/feedback/${target}` });
    expect(page.url()).toBe(`${endpoint}/dashboard/#feedback/${target}`);
    await signIn(page, site.keys.support);
    await detailPane(page).getByRole('heading', { name: 'Complaint from Elif K.' }).waitFor();
    expect(await detailPane(page).locator('[data-testid="message"]').textContent()).toContain('NW-1047');

    // Moving through the list keeps the open message in the address, without a history entry per move.
    await listedMessages(page).first().click();
    const first = (await listedIds(page))[0];
    expect(page.url()).toBe(`${endpoint}/dashboard/#feedback/${first}`);
    await page.reload();
    await detailPane(page).getByRole('heading', { name: 'Complaint from Sam Lee' }).waitFor();
    expect(problems).toEqual([]);
  });

  it('fits a tablet: no sideways scrolling at 768 px, the list beside the message', async () => {
    const { page } = await openDashboard(browser());
    await page.setViewportSize({ width: 768, height: 1024 });
    await signIn(page, site.keys.support, 'Ana Ruiz');
    await openMessage(page, 'I was charged twice');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
    const list = (await page.locator('tandem-inbox ul.messages').boundingBox())!;
    const pane = (await detailPane(page).boundingBox())!;
    expect(pane.x).toBeGreaterThanOrEqual(list.x + list.width);
    expect(pane.y).toBeLessThan(list.y + 50);
  });

  it('saves a screenshot of the inbox for the README', async () => {
    // A site of its own with the demo's messages only, one of them being worked.
    const shop = await dashboardSite('Northwind Coffee Roasters', { exactName: true });
    for (const { body } of DEMO_INBOX) await sendMessage(shop, body);
    const [login] = (await shop.admin.feedback.list({ q: 'cannot log in' })).data;
    await shop.admin.feedback.assign(login!.id, { assignee: 'Ben Okafor', actor: 'Ben Okafor' });
    await shop.admin.feedback.setStatus(login!.id, { status: 'in_progress', actor: 'Ben Okafor' });

    const { page } = await openDashboard(browser());
    await page.setViewportSize({ width: 1280, height: 800 });
    await signIn(page, shop.keys.support, 'Ana Ruiz');
    await openMessage(page, 'I was charged twice');
    const shot = await saveScreenshot(page, 'inbox');
    expect(shot.length).toBeGreaterThan(10_000); // a rendered inbox, not a blank page
  });
});

describe('the inbox on a busy site', () => {
  let busy: DashboardSite;
  const QUESTIONS = 24;

  beforeAll(async () => {
    busy = await dashboardSite('Dashboard paging');
    for (let i = 1; i <= QUESTIONS; i++) await sendMessage(busy, { message: `Question number ${i}: do you ship to island ${i}?`, category: 'question' });
    await sendMessage(busy, { message: 'I was charged twice for my order and want my money back.', rating: 1 });
  });

  /** The list route's calls the page made, as their query parameters. */
  const listCalls = (requests: string[]) =>
    requests.filter((url) => new URL(url).pathname === '/v1/feedback').map((url) => Object.fromEntries(new URL(url).searchParams));

  it('loads a page at a time from the server, critical first, with "Load more" for the rest', async () => {
    const { page, requests, problems } = await openDashboard(browser());
    await signIn(page, busy.keys.support, 'Ana Ruiz');
    expect(await listedMessages(page).count()).toBe(20);
    expect(await listedMessages(page).first().textContent()).toContain('charged twice');
    await page.getByText('20 messages so far, most urgent first').waitFor();
    const first = listCalls(requests);
    // Never the whole table: each call asks for what is left of one page of 20, for support.
    expect(first.every((q) => q.route === 'support' && Number(q.limit) <= 20)).toBe(true);
    expect(first[0]).toMatchObject({ urgency: 'critical', limit: '20' });

    await page.getByRole('button', { name: 'Load more' }).click();
    await page.getByText(`${QUESTIONS + 1} messages, most urgent first`).waitFor();
    expect(await page.getByRole('button', { name: 'Load more' }).count()).toBe(0);
    const ids = await listedIds(page);
    expect(new Set(ids).size).toBe(QUESTIONS + 1);
    // The second page carried on from the first one's cursor.
    expect(listCalls(requests).slice(first.length).some((q) => q.cursor)).toBe(true);
    expect(problems).toEqual([]);
  });

  async function filtered(page: Page, label: string, value: string) {
    await page.getByLabel(label, { exact: true }).selectOption(value);
    await inboxLoaded(page);
    return page.getByText(/^\d+ messages?( so far)?, most urgent first$/).textContent();
  }

  it('filters by status, urgency, label and assignee, and searches words, on the server', async () => {
    const charged = (await busy.admin.feedback.list({ q: 'charged twice' })).data[0]!.id;
    const island = (await busy.admin.feedback.list({ q: 'island 7?' })).data[0]!.id;
    await busy.admin.feedback.setStatus(charged, { status: 'in_progress' });
    await busy.admin.feedback.assign(island, { assignee: 'Chloé' });

    const { page, requests, problems } = await openDashboard(browser());
    await signIn(page, busy.keys.support, 'Ana Ruiz');
    expect(await filtered(page, 'Urgency', 'critical')).toBe('1 message, most urgent first');
    expect(await filtered(page, 'Urgency', '')).toBe('20 messages so far, most urgent first');
    expect(await filtered(page, 'Status', 'in_progress')).toBe('1 message, most urgent first');
    expect(await filtered(page, 'Status', 'resolved')).toBe('0 messages, most urgent first');
    await page.getByText('No messages match these filters.').waitFor();
    // Open is what is still to do: the critical message in progress counts, none is new.
    await filtered(page, 'Urgency', 'critical');
    expect(await filtered(page, 'Status', 'open')).toBe('1 message, most urgent first');
    expect(await filtered(page, 'Status', 'new')).toBe('0 messages, most urgent first');
    await filtered(page, 'Urgency', '');
    await filtered(page, 'Status', '');
    expect(await filtered(page, 'Label', 'complaint')).toBe('1 message, most urgent first');
    await filtered(page, 'Label', '');

    await page.getByLabel('Assignee', { exact: true }).fill('Chloé');
    await page.getByText('1 message, most urgent first').waitFor();
    expect(await listedIds(page)).toEqual([island]);
    await page.getByLabel('Assignee', { exact: true }).fill('');
    await page.getByText('20 messages so far, most urgent first').waitFor();
    await page.getByLabel('Search words').fill('island 12?');
    await page.getByText('1 message, most urgent first').waitFor();
    expect(await listedMessages(page).textContent()).toContain('Question number 12');

    const calls = listCalls(requests);
    expect(calls).toContainEqual(expect.objectContaining({ status: 'in_progress', route: 'support' }));
    expect(calls).toContainEqual(expect.objectContaining({ status: 'open', urgency: 'critical' }));
    expect(calls).toContainEqual(expect.objectContaining({ label: 'complaint' }));
    expect(calls).toContainEqual(expect.objectContaining({ assignee: 'Chloé' }));
    expect(calls).toContainEqual(expect.objectContaining({ q: 'island 12?' }));
    expect(problems).toEqual([]);
  });
});
