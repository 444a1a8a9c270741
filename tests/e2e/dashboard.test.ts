/**
 * The dashboard at /dashboard: sign-in with a secret key, kept in sessionStorage only; what each
 * role sees; the strict CSP it is served under; axe-core on the sign-in page and the inbox.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, useBrowser } from '../support/browser.js';
import {
  dashboardSite,
  detailPane,
  goTo,
  listedMessages,
  openDashboard,
  openMessage,
  sendMessage,
  signIn,
  storedInBrowser,
  type DashboardSite,
  type Role,
} from '../support/dashboard.js';

const endpoint = inject('endpoint');
const browser = useBrowser();
let site: DashboardSite;
let complaint: string;

beforeAll(async () => {
  site = await dashboardSite('Dashboard sign-in');
  complaint = await sendMessage(site, {
    message: 'My order arrived with a cracked jar and the beans went stale.',
    rating: 1,
    email: 'ines@example.com',
  });
  await sendMessage(site, { message: 'Do you sell decaf beans?', category: 'question' });
});

describe('the dashboard at /dashboard', () => {
  it('is served at /dashboard and /dashboard/ under a strict Content-Security-Policy', async () => {
    const bare = await fetch(`${endpoint}/dashboard`, { redirect: 'manual' });
    expect(bare.status).toBe(307);
    expect(bare.headers.get('location')).toBe('/dashboard/');

    const { page, problems } = await openDashboard(browser());
    expect(page.url()).toBe(`${endpoint}/dashboard/`);
    const response = await page.request.get(`${endpoint}/dashboard/`);
    const policy = response.headers()['content-security-policy'] ?? '';
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("require-trusted-types-for 'script'");
    expect(policy).not.toContain('unsafe-');
    // The widget's files may be loaded from any site; the dashboard's may not.
    expect(response.headers()['access-control-allow-origin']).toBeUndefined();
    expect((await page.request.get(`${endpoint}/tandem.js`)).headers()['access-control-allow-origin']).toBe('*');

    await page.getByRole('heading', { name: 'Sign in to Tandem' }).waitFor();
    await signIn(page, site.keys.admin, 'Ana Ruiz');
    await openMessage(page, 'cracked jar');
    expect(problems).toEqual([]);
  });

  it('checks the key with the API before letting anyone in', async () => {
    const { page } = await openDashboard(browser());
    const key = page.getByLabel('Secret key');
    await key.fill('pk_demo_3b7f1d6a92e04c8b5a1f7e2d');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').getByText('Enter a secret key: it starts with sk_').waitFor();

    await key.fill('sk_not_a_key_anyone_has_0000000000000000');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').getByText('This key does not work').waitFor();
    expect(await key.getAttribute('aria-invalid')).toBe('true');
    expect((await storedInBrowser(page)).session).toBe('{}');
    expect(await page.getByRole('heading', { name: 'Support inbox' }).count()).toBe(0);
  });

  const WORK = ['Status', 'Assignee', 'Teams'];
  const cases: { role: Role; badge: string; works: boolean; sections: string[] }[] = [
    { role: 'admin', badge: 'Admin', works: true, sections: ['Support inbox', 'PR studio', 'Insights', 'Settings'] },
    { role: 'support', badge: 'Support', works: true, sections: ['Support inbox', 'Insights'] },
    { role: 'pr', badge: 'PR', works: false, sections: ['Support inbox', 'PR studio', 'Insights'] },
  ];
  for (const { role, badge, works, sections } of cases) {
    it(`shows a ${role} key only what its role may do`, async () => {
      const { page, problems } = await openDashboard(browser());
      await signIn(page, site.keys[role], `Someone from ${role}`);
      expect(await page.getByRole('banner').getByText(badge, { exact: true }).isVisible()).toBe(true);
      expect(await page.getByRole('banner').getByText(site.name).isVisible()).toBe(true);
      const nav = page.getByRole('navigation', { name: 'Dashboard' });
      expect(await nav.getByRole('link').allTextContents()).toEqual(sections);
      // Each role starts where its work is: PR in the studio, the others in the inbox.
      const start = role === 'pr' ? 'PR studio' : 'Support inbox';
      expect(await nav.getByRole('link', { name: start }).getAttribute('aria-current')).toBe('page');
      if (role === 'pr') await goTo(page, 'Support inbox');

      await openMessage(page, 'cracked jar');
      const pane = detailPane(page);
      for (const group of WORK) {
        const shown = (await pane.getByRole('group', { name: group }).count()) + (await pane.getByLabel(group, { exact: true }).count());
        expect(shown > 0, `${group} for ${role}`).toBe(works);
      }
      expect(await pane.getByRole('button', { name: 'Resolved' }).count()).toBe(works ? 1 : 0);
      // Every role may leave an internal note.
      expect(await pane.getByRole('textbox', { name: /Internal note/ }).isVisible()).toBe(true);
      await page.getByText('Keyboard shortcuts').click();
      const shortcuts = page.getByRole('list', { name: 'Keyboard shortcuts' });
      expect((await shortcuts.textContent())?.includes('resolve')).toBe(works);

      // r does nothing for a key that may not change statuses.
      await listedMessages(page).filter({ hasText: 'cracked jar' }).focus();
      if (!works) {
        await page.keyboard.press('r');
        await page.getByRole('button', { name: 'Add note' }).waitFor();
        expect((await site.admin.feedback.get(complaint)).status).toBe('new');
        expect(await pane.getByText(/Your PR key reads the inbox and adds notes/).isVisible()).toBe(true);
      }

      // Typing the address of a part the role may not open shows the role's own start instead.
      await page.evaluate(() => (location.hash = '#settings'));
      const heading = page.getByRole('main').getByRole('heading', { level: 1 });
      await expect.poll(() => heading.textContent()).toBe(role === 'admin' ? 'Settings' : start);
      expect(problems).toEqual([]);
    });
  }

  it('keeps the key in sessionStorage only: never in a URL, a cookie or localStorage, and forgets it on sign-out', async () => {
    const { page, requests } = await openDashboard(browser());
    await signIn(page, site.keys.support, 'Ana Ruiz');
    await openMessage(page, 'cracked jar');

    const stored = await storedInBrowser(page);
    expect(stored.session).toContain(site.keys.support);
    expect(stored.local).not.toContain(site.keys.support);
    expect(stored.cookies).toEqual([]);
    expect(page.url()).not.toContain(site.keys.support);
    expect(requests.length).toBeGreaterThan(3);
    expect(requests.filter((url) => url.includes(site.keys.support) || url.includes('sk_'))).toEqual([]);

    // The tab keeps the session across a reload, checked again with the API.
    await page.reload();
    await page.getByRole('heading', { name: 'Support inbox' }).waitFor();
    // Another tab has a sessionStorage of its own: it starts signed out.
    const other = await openDashboard(browser());
    await other.page.getByRole('heading', { name: 'Sign in to Tandem' }).waitFor();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to Tandem' }).waitFor();
    expect(await page.getByText('You are signed out.').isVisible()).toBe(true);
    expect((await storedInBrowser(page)).session).toBe('{}');
    await page.reload();
    await page.getByRole('heading', { name: 'Sign in to Tandem' }).waitFor();
  });

  it('signs out a tab whose key was revoked since', async () => {
    const key = await site.admin.keys.create({ kind: 'secret', role: 'support' });
    const { page } = await openDashboard(browser());
    await signIn(page, key.key);
    await site.admin.keys.revoke(key.id);
    await page.reload();
    await page.getByText('Your key no longer works. Sign in with another.').waitFor();
    expect((await storedInBrowser(page)).session).toBe('{}');
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`passes axe on the sign-in page and the inbox (${scheme})`, async () => {
      const { page, problems } = await openDashboard(browser(), { scheme });
      await page.getByRole('heading', { name: 'Sign in to Tandem' }).waitFor();
      expect(await axeViolations(page), 'sign-in').toEqual([]);
      await page.getByLabel('Secret key').fill('sk_wrong');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('alert').getByText('This key does not work').waitFor();
      expect(await axeViolations(page), 'sign-in refused').toEqual([]);

      await signIn(page, site.keys.admin, 'Ana Ruiz');
      expect(await axeViolations(page), 'inbox').toEqual([]);
      await openMessage(page, 'cracked jar');
      expect(await axeViolations(page), 'inbox, a message open').toEqual([]);
      await page.getByText('Keyboard shortcuts').click();
      expect(await axeViolations(page), 'inbox, shortcuts shown').toEqual([]);
      // Problems other than the refused key's 401.
      expect(problems.filter((p) => !p.includes('401'))).toEqual([]);
    });
  }
});
