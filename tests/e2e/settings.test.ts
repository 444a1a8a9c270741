/**
 * The dashboard's settings (admin keys): the site's origins and retention, destinations pointing
 * at a real local webhook receiver with a test event seen arriving and in the delivery log, keys
 * made (shown once) and revoked, the last admin key kept; axe-core in light and dark, the
 * keyboard alone, a tablet's width, and the README's screenshot.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { verifyWebhook } from '../../packages/sdk/src/index.js';
import { axeViolations, hasFocus, saveScreenshot, tabTo, useBrowser } from '../support/browser.js';
import { dashboardSite, goTo, openDashboard, signIn, type DashboardSite } from '../support/dashboard.js';

const receiverUrl = inject('receiverUrl');
const browser = useBrowser();
let site: DashboardSite;

beforeAll(async () => {
  site = await dashboardSite('Dashboard settings');
});

interface Received {
  headers: Record<string, string>;
  body: string;
}
/** What the receiver got at this path. */
const received = async (path: string): Promise<Received[]> => (await fetch(`${receiverUrl}/received${path}`)).json() as Promise<Received[]>;

/** Signs in with the site's admin key and opens one part of the settings from its tabs. */
async function openSettings(page: Page, tab: 'Site' | 'Destinations' | 'Keys', key = site.keys.admin) {
  await signIn(page, key, 'Ines Admin');
  await goTo(page, 'Settings');
  await settingsTab(page, tab);
}

async function settingsTab(page: Page, tab: 'Site' | 'Destinations' | 'Keys') {
  await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: tab }).click();
  await page.getByRole('main').getByRole('heading', { level: 2, name: tab }).waitFor();
}

/** A destination's card in the list, by its name. */
const card = (page: Page, name: string) => page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name, exact: true }) });

/** Adds a webhook destination through the form; resolves with the signing secret it showed once. */
async function addWebhook(page: Page, name: string, url: string, teams: string[] = ['Support']) {
  const form = page.getByRole('form', { name: 'Add a destination' });
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('URL').fill(url);
  for (const team of ['Support', 'Product', 'PR']) await form.getByRole('checkbox', { name: team, exact: true }).setChecked(teams.includes(team));
  await form.getByRole('button', { name: 'Add destination' }).click();
  const once = page.getByRole('group', { name: `Signing secret of ${name}` });
  await once.waitFor();
  // The form is back to its start, ready for the next one: a webhook for support.
  expect(await form.getByRole('radio', { name: 'Webhook' }).isChecked()).toBe(true);
  expect(await Promise.all(['Support', 'Product', 'PR'].map((team) => form.getByRole('checkbox', { name: team, exact: true }).isChecked()))).toEqual([true, false, false]);
  return once.getByRole('textbox').inputValue();
}

describe('site settings', () => {
  it('edits the name, origins and retention, checked through the API, and shows what is refused beside its field', async () => {
    const { page, problems } = await openDashboard(browser());
    await openSettings(page, 'Site');
    expect(page.url()).toMatch(/#settings\/site$/);
    const form = page.getByRole('form', { name: 'Site' });
    await form.getByText('Every night, messages older than this are deleted').waitFor();

    // An origin the API would refuse (capitals, a trailing slash) is refused on adding, beside the field.
    const newOrigin = form.getByLabel('Add an origin');
    await newOrigin.fill('https://Shop.example/');
    await form.getByRole('button', { name: 'Add', exact: true }).click();
    await form.getByText(/Enter an origin as browsers send it/).waitFor();
    expect(await newOrigin.getAttribute('aria-invalid')).toBe('true');
    expect(await newOrigin.evaluate((el) => el.getAttribute('aria-describedby'))).toBe('new-origin-error');
    expect(await hasFocus(newOrigin)).toBe(true);

    for (const origin of ['https://shop.example', 'http://localhost:3000', 'https://old.example']) {
      await newOrigin.fill(origin);
      await newOrigin.press('Enter'); // adds it; does not save the form
    }
    await form.getByRole('button', { name: 'Remove https://old.example' }).click();
    expect((await site.admin.site.get()).origins).toEqual([]);

    // A retention the API refuses: its issue shows beside the field, which gets focus; nothing is saved.
    const retention = form.getByLabel('Retention (days)');
    await retention.fill('0');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.locator('#retention-error').getByText(/>=1|at least 1|too small/i).waitFor();
    expect(await retention.getAttribute('aria-invalid')).toBe('true');
    expect(await retention.getAttribute('aria-describedby')).toBe('retention-hint retention-error');
    expect(await hasFocus(retention)).toBe(true);
    expect((await site.admin.site.get()).retentionDays).toBe(365);

    await form.getByLabel('Name').fill('Southwind Tea Settings');
    await retention.fill('30');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByText('Saved.').waitFor();
    expect(await retention.getAttribute('aria-invalid')).toBe('false');
    const stored = await site.admin.site.get();
    expect(stored).toMatchObject({ name: 'Southwind Tea Settings', retentionDays: 30 });
    expect([...stored.origins].sort()).toEqual(['http://localhost:3000', 'https://shop.example']);

    // The address keeps the tab: a reload opens it again, with what was stored.
    await page.reload();
    await page.getByRole('main').getByRole('heading', { level: 2, name: 'Site' }).waitFor();
    expect(await page.getByRole('form', { name: 'Site' }).getByLabel('Retention (days)').inputValue()).toBe('30');
    expect(await page.getByRole('button', { name: /^Remove / }).allTextContents()).toHaveLength(2);
    // The one refusal the test asked for, and nothing else.
    expect(problems.some((p) => /^400 .*\/v1\/site$/.test(p))).toBe(true);
    expect(problems.filter((p) => !p.includes('400'))).toEqual([]);
  });
});

describe('destinations', () => {
  it('adds a webhook for a real local receiver, sends a test event and sees it delivered, in the log and at the receiver', async () => {
    const { page, problems } = await openDashboard(browser());
    await openSettings(page, 'Destinations');
    const path = '/settings-desk';
    const secret = await addWebhook(page, 'Support desk', `${receiverUrl}${path}`, ['Support', 'PR']);
    expect(secret).toMatch(/^whsec_/);
    const once = page.getByRole('group', { name: 'Signing secret of Support desk' });
    expect(await once.textContent()).toContain('Copy it now: it is shown only this once.');
    expect(await hasFocus(once)).toBe(true);
    await once.getByRole('button', { name: 'I have kept it' }).click();
    expect(await once.count()).toBe(0);
    // The API never shows it again.
    const [listed] = (await site.admin.destinations.list()).data.filter((d) => d.name === 'Support desk');
    expect(JSON.stringify(listed)).not.toContain(secret);

    const desk = card(page, 'Support desk');
    expect(await desk.textContent()).toContain('Support, PR messages, and PR-risk and surge alerts');
    expect(await desk.textContent()).toContain('Enabled');

    await desk.getByRole('button', { name: 'Send test event' }).click();
    await desk.getByText('Test event delivered (HTTP 200).').waitFor({ timeout: 20_000 });
    const log = desk.getByRole('table', { name: /Deliveries to Support desk/ });
    const row = log.getByRole('row').filter({ hasText: 'Test event' });
    expect(await row.count()).toBe(1);
    expect((await row.getByRole('cell').allTextContents()).map((t) => t.trim())).toEqual([expect.any(String), 'Test event', 'Delivered', '1', '—', '—', '']);

    // The receiver got it, signed with the secret shown once.
    const [got] = await received(path);
    const event = await verifyWebhook(got!.body, got!.headers, secret);
    expect(event).toMatchObject({ type: 'test', data: { destinationId: listed!.id, routes: ['support', 'pr'] } });
    expect(problems).toEqual([]);
  });

  it('shows a failed test event with its error, and replays it', async () => {
    const { page, problems } = await openDashboard(browser());
    await openSettings(page, 'Destinations');
    // The receiver refuses the first request, then takes them.
    const path = '/settings-flaky';
    await addWebhook(page, 'Flaky desk', `${receiverUrl}${path}?fail=1`);
    await page.getByRole('button', { name: 'I have kept it' }).click();
    const flaky = card(page, 'Flaky desk');
    await flaky.getByRole('button', { name: 'Send test event' }).click();
    await flaky.getByText('Test event failed: HTTP 503').waitFor({ timeout: 20_000 });
    const row = flaky.getByRole('row').filter({ hasText: 'Test event' });
    expect(await row.textContent()).toContain('Retrying');
    expect(await row.textContent()).toContain('HTTP 503');

    await row.getByRole('button', { name: /^Replay/ }).click();
    await expect.poll(async () => (await received(path)).length, { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
    await expect
      .poll(
        async () => {
          await flaky.getByRole('button', { name: 'Refresh' }).click();
          return row.textContent();
        },
        { timeout: 20_000 },
      )
      .toContain('Delivered');
    const [delivery] = (await site.admin.deliveries.list({ destination: (await destinationId('Flaky desk'))! })).data;
    expect(delivery!.attempts.map((a) => a.status)).toEqual(['failed', 'ok']);
    expect(problems).toEqual([]);
  });

  it('says why a destination was turned off after a 410, edits, disables, enables and deletes one (after a confirmation)', async () => {
    const { page, problems } = await openDashboard(browser());
    await openSettings(page, 'Destinations');
    await addWebhook(page, 'Gone desk', `${receiverUrl}/settings-gone?status=410`);
    await page.getByRole('button', { name: 'I have kept it' }).click();
    const gone = card(page, 'Gone desk');
    await gone.getByRole('button', { name: 'Send test event' }).click();
    await gone.getByText(/Test event failed: HTTP 410/).waitFor({ timeout: 20_000 });
    await gone.getByText('Disabled', { exact: true }).waitFor();
    const reason = (await site.admin.destinations.list()).data.find((d) => d.name === 'Gone desk')!.disabledReason!;
    expect(reason).toBeTruthy();
    expect(await gone.textContent()).toContain(reason);
    expect(await gone.getByRole('button', { name: 'Send test event' }).isDisabled()).toBe(true);

    // Edit: a new name and teams.
    await gone.getByRole('button', { name: 'Edit' }).click();
    const edit = page.getByRole('form', { name: 'Edit Gone desk' });
    await edit.getByLabel('Name').fill('Product inbox');
    await edit.getByRole('checkbox', { name: 'Support' }).uncheck();
    await edit.getByRole('checkbox', { name: 'Product' }).check();
    await edit.getByLabel('URL').fill(`${receiverUrl}/settings-product`);
    await edit.getByRole('button', { name: 'Save' }).click();
    const product = card(page, 'Product inbox');
    await product.getByText('Product inbox saved.').waitFor();
    const id = (await destinationId('Product inbox'))!;
    expect((await site.admin.destinations.list()).data.find((d) => d.id === id)).toMatchObject({
      routes: ['product'],
      url: `${receiverUrl}/settings-product`,
      enabled: false,
    });

    await product.getByRole('button', { name: 'Enable' }).click();
    await product.getByText('Enabled', { exact: true }).waitFor();
    expect((await site.admin.destinations.list()).data.find((d) => d.id === id)!.enabled).toBe(true);
    await product.getByRole('button', { name: 'Disable' }).click();
    await product.getByText('Turned off by an admin.').waitFor();
    expect((await site.admin.destinations.list()).data.find((d) => d.id === id)!.enabled).toBe(false);

    // Delete asks first: Cancel keeps it, with focus back on the button.
    const del = product.getByRole('button', { name: 'Delete' });
    await del.click();
    const dialog = page.getByRole('dialog', { name: 'Delete Product inbox?' });
    await dialog.waitFor();
    expect(await hasFocus(dialog.getByRole('button', { name: 'Cancel' }))).toBe(true);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await hasFocus(del)).toBe(true);
    expect(await destinationId('Product inbox')).toBe(id);
    await del.click();
    await dialog.getByRole('button', { name: 'Delete destination' }).click();
    await expect.poll(() => product.count()).toBe(0);
    expect(await destinationId('Product inbox')).toBeUndefined();
    expect(problems).toEqual([]);
  });

  it('pages the delivery log with "Load more"', async () => {
    const made = await site.admin.destinations.create({ kind: 'webhook', name: 'Busy desk', url: `${receiverUrl}/settings-busy`, routes: ['support'] });
    for (let i = 0; i < 23; i++) await site.admin.destinations.test(made.id);
    const { page, requests, problems } = await openDashboard(browser());
    await openSettings(page, 'Destinations');
    const busy = card(page, 'Busy desk');
    await busy.getByRole('button', { name: 'Delivery log' }).click();
    expect(await busy.getByRole('button', { name: 'Delivery log' }).getAttribute('aria-expanded')).toBe('true');
    const rows = busy.getByRole('table').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(20);
    await busy.getByRole('button', { name: 'Load more' }).click();
    await expect.poll(() => rows.count()).toBe(23);
    expect(await busy.getByRole('button', { name: 'Load more' }).count()).toBe(0);
    const calls = requests.filter((url) => new URL(url).pathname === '/v1/deliveries').map((url) => new URL(url).searchParams);
    expect(calls.every((q) => q.get('destination') === made.id && q.get('limit') === '20')).toBe(true);
    expect(calls.some((q) => q.get('cursor'))).toBe(true);
    expect(problems).toEqual([]);
  });
});

async function destinationId(name: string) {
  return (await site.admin.destinations.list()).data.find((d) => d.name === name)?.id;
}

describe('keys', () => {
  it('makes a support key shown once, which signs in at once; revoked, it no longer works', async () => {
    const { page, problems } = await openDashboard(browser());
    await openSettings(page, 'Keys');
    const form = page.getByRole('form', { name: 'Make a key' });
    await form.getByRole('radio', { name: 'Secret' }).check();
    await form.getByRole('radio', { name: /^Support/ }).check();
    await form.getByRole('button', { name: 'Make key' }).click();
    const once = page.getByRole('group', { name: 'New Support key' });
    await once.waitFor();
    expect(await once.textContent()).toContain('Copy it now: it is shown only this once.');
    const key = await once.getByRole('textbox').inputValue();
    expect(key).toMatch(/^sk_/);
    const made = (await site.admin.keys.list()).data.find((k) => key.startsWith(k.hint.slice(0, 6)) && k.role === 'support' && !k.revokedAt && k.hint.endsWith(key.slice(-4)))!;
    expect(made).toBeTruthy();
    const row = page.getByRole('row').filter({ hasText: made.hint });
    expect(await row.getByRole('cell').nth(2).textContent()).toBe('Support');
    expect(await row.textContent()).toContain('Active');

    // It works at once, in another tab.
    const other = await openDashboard(browser());
    await signIn(other.page, key, 'Sam Support');
    expect(await other.page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link').allTextContents()).toEqual(['Support inbox', 'Insights']);

    await once.getByRole('button', { name: 'I have kept it' }).click();
    expect(await once.count()).toBe(0);

    await row.getByRole('button', { name: `Revoke ${made.hint}` }).click();
    const dialog = page.getByRole('dialog', { name: `Revoke ${made.hint}?` });
    await dialog.getByRole('button', { name: 'Revoke key' }).click();
    await row.getByText(/^Revoked /).waitFor();
    expect((await site.admin.keys.list()).data.find((k) => k.id === made.id)!.revokedAt).not.toBeNull();

    // It no longer works: the other tab's next load signs it out, and it cannot sign in again.
    await other.page.reload();
    await other.page.getByText('Your key no longer works. Sign in with another.').waitFor();
    await other.page.getByLabel('Secret key').fill(key);
    await other.page.getByRole('button', { name: 'Sign in' }).click();
    await other.page.getByRole('alert').getByText('This key does not work').waitFor();
    await other.page.close();
    expect(problems).toEqual([]);
  });

  it('cannot revoke the last admin key: the API’s refusal is shown and the person stays signed in', async () => {
    const { page, problems } = await openDashboard(browser());
    await openSettings(page, 'Keys');
    const mine = page.getByRole('row').filter({ hasText: 'You are signed in with it' });
    await mine.getByRole('button', { name: /^Revoke/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Revoke the key you are signed in with?' });
    expect(await dialog.textContent()).toContain('this tab is signed out');
    await dialog.getByRole('button', { name: 'Revoke and sign out' }).click();
    await page.getByRole('alert').getByText(/last live admin key/).waitFor();
    expect(await mine.textContent()).toContain('Active');
    expect(await page.getByRole('button', { name: 'Sign out' }).isVisible()).toBe(true);
    expect(problems.filter((p) => !/409/.test(p))).toEqual([]);
    expect(problems.length).toBeGreaterThan(0);
  });

  it('signs the tab out when it revokes the key it is signed in with (another admin key left)', async () => {
    const spare = await site.admin.keys.create({ kind: 'secret', role: 'admin' });
    const { page, problems } = await openDashboard(browser());
    await openSettings(page, 'Keys', spare.key);
    await page.getByRole('row').filter({ hasText: 'You are signed in with it' }).getByRole('button', { name: /^Revoke/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Revoke and sign out' }).click();
    await page.getByText('You revoked the key you were signed in with. Sign in with another key.').waitFor();
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    expect((await site.admin.keys.list()).data.find((k) => k.id === spare.id)!.revokedAt).not.toBeNull();
    expect(problems).toEqual([]);
  });
});

describe('settings for everyone', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`has no axe-core violations in ${scheme}: each part, a secret shown once, the delivery log and a confirmation`, async () => {
      const { page, problems } = await openDashboard(browser(), { scheme });
      await openSettings(page, 'Site');
      await page.getByLabel('Add an origin').fill('not an origin');
      await page.getByRole('button', { name: 'Add', exact: true }).click();
      await page.getByText(/Enter an origin as browsers send it/).waitFor();
      expect(await axeViolations(page), 'site').toEqual([]);

      await settingsTab(page, 'Destinations');
      await addWebhook(page, `Axe desk ${scheme}`, `${receiverUrl}/settings-axe-${scheme}`);
      const desk = card(page, `Axe desk ${scheme}`);
      await desk.getByRole('button', { name: 'Send test event' }).click();
      await desk.getByText('Test event delivered (HTTP 200).').waitFor({ timeout: 20_000 });
      await desk.getByRole('button', { name: 'Edit' }).click();
      expect(await axeViolations(page), 'destinations').toEqual([]);

      await settingsTab(page, 'Keys');
      await page.getByRole('button', { name: 'Make key' }).click();
      await page.getByRole('group', { name: 'New Support key' }).waitFor();
      expect(await axeViolations(page), 'keys').toEqual([]);
      await page.getByRole('row').filter({ hasText: 'You are signed in with it' }).getByRole('button', { name: /^Revoke/ }).click();
      await page.getByRole('dialog').waitFor();
      expect(await axeViolations(page), 'confirmation').toEqual([]);
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
      expect(problems).toEqual([]);
    });
  }

  it('works from the keyboard alone: make a PR key, keep it, revoke it through the confirmation', async () => {
    const { page, problems } = await openDashboard(browser());
    await page.keyboard.type(site.keys.admin);
    await page.keyboard.press('Enter');
    const nav = page.getByRole('navigation', { name: 'Dashboard' });
    await nav.waitFor();
    await tabTo(page, nav.getByRole('link', { name: 'Settings' }));
    await page.keyboard.press('Enter');
    await page.getByRole('main').getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    await tabTo(page, page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Keys' }));
    await page.keyboard.press('Enter');
    await page.getByRole('main').getByRole('heading', { level: 2, name: 'Keys' }).waitFor();

    await tabTo(page, page.getByRole('radio', { name: 'Secret' }), 80);
    await page.keyboard.press('Tab'); // into the roles
    await page.keyboard.press('ArrowDown'); // Support → PR
    expect(await page.getByRole('radio', { name: /^PR/ }).isChecked()).toBe(true);
    await tabTo(page, page.getByRole('button', { name: 'Make key' }));
    await page.keyboard.press('Enter');
    const once = page.getByRole('group', { name: 'New PR key' });
    await once.waitFor();
    expect(await hasFocus(once)).toBe(true);
    const key = await once.getByRole('textbox').inputValue();
    await tabTo(page, once.getByRole('button', { name: 'I have kept it' }));
    await page.keyboard.press('Enter');
    expect(await once.count()).toBe(0);

    const made = (await site.admin.keys.list()).data.find((k) => k.role === 'pr' && !k.revokedAt && k.hint.endsWith(key.slice(-4)))!;
    const revoke = page.getByRole('button', { name: `Revoke ${made.hint}` });
    for (let i = 0; i < 80 && !(await hasFocus(revoke)); i++) await page.keyboard.press('Shift+Tab');
    expect(await hasFocus(revoke)).toBe(true);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: `Revoke ${made.hint}?` });
    await dialog.waitFor();
    expect(await hasFocus(dialog.getByRole('button', { name: 'Cancel' }))).toBe(true);
    await page.keyboard.press('Tab');
    expect(await hasFocus(dialog.getByRole('button', { name: 'Revoke key' }))).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByRole('row').filter({ hasText: made.hint }).getByText(/^Revoked /).waitFor();
    expect((await site.admin.keys.list()).data.find((k) => k.id === made.id)!.revokedAt).not.toBeNull();
    // The Revoke button that had focus is gone: focus is on the list's heading, not lost to the page.
    await expect.poll(() => hasFocus(page.getByRole('heading', { level: 2, name: 'Keys' }))).toBe(true);
    expect(problems).toEqual([]);
  });

  it('fits a tablet: no sideways scrolling at 768 px in any part', async () => {
    const made = await site.admin.destinations.create({ kind: 'webhook', name: 'Tablet desk', url: `${receiverUrl}/settings-tablet`, routes: ['support'] });
    await site.admin.destinations.test(made.id);
    const { page } = await openDashboard(browser());
    await page.setViewportSize({ width: 768, height: 1024 });
    await openSettings(page, 'Site');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
    await settingsTab(page, 'Destinations');
    const desk = card(page, 'Tablet desk');
    await desk.getByRole('button', { name: 'Delivery log' }).click();
    await desk.getByRole('table').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
    await settingsTab(page, 'Keys');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
  });

  it('saves a screenshot of the destinations and their delivery log for the README', async () => {
    const shop = await dashboardSite('Northwind Coffee Roasters', { exactName: true });
    const desk = await shop.admin.destinations.create({ kind: 'webhook', name: 'Support desk', url: `${receiverUrl}/settings-shot`, routes: ['support', 'pr'] });
    await shop.admin.destinations.create({ kind: 'slack', name: 'PR in Slack', url: 'https://hooks.slack.com/services/T000/B000/XXXXXXXX', routes: ['pr'] });
    await shop.admin.destinations.test(desk.id);
    const { page } = await openDashboard(browser());
    await page.setViewportSize({ width: 1280, height: 900 });
    await openSettings(page, 'Destinations', shop.keys.admin);
    const card1 = card(page, 'Support desk');
    await card1.getByRole('button', { name: 'Delivery log' }).click();
    await expect
      .poll(
        async () => {
          await card1.getByRole('button', { name: 'Refresh' }).click();
          return card1.getByRole('table').textContent();
        },
        { timeout: 20_000 },
      )
      .toContain('Delivered');
    const shot = await saveScreenshot(page, 'settings');
    expect(shot.length).toBeGreaterThan(10_000);
  });
});
