/**
 * The dashboard at /dashboard of the real `wrangler dev`: a site of the test file's own, made
 * through the API with a key for each role, and the steps a person takes in the browser.
 */
import { randomUUID } from 'node:crypto';
import type { BrowserContext, Page } from 'playwright-core';
import { inject } from 'vitest';
import { createAdminClient, type AdminClient } from '../../packages/sdk/src/admin.js';
import { SECRET_KEY } from './pages.js';

export type Role = 'admin' | 'support' | 'pr';

export interface DashboardSite {
  id: string;
  name: string;
  publishableKey: string;
  /** A secret key of each role, made through POST /v1/keys. */
  keys: Record<Role, string>;
  /** The site's admin client, to check through the API what the dashboard did. */
  admin: AdminClient;
}

/**
 * A new site (POST /v1/sites with the demo's admin key) with a support key and a pr key. Its name
 * ends with a few random characters unless `exactName`.
 */
export async function dashboardSite(name: string, { exactName = false } = {}): Promise<DashboardSite> {
  const endpoint = inject('endpoint');
  const made = await createAdminClient({ endpoint, secretKey: SECRET_KEY }).sites.create({
    name: exactName ? name : `${name} ${randomUUID().slice(0, 6)}`,
  });
  const admin = createAdminClient({ endpoint, secretKey: made.keys.admin.key });
  const support = await admin.keys.create({ kind: 'secret', role: 'support' });
  const pr = await admin.keys.create({ kind: 'secret', role: 'pr' });
  return {
    id: made.site.id,
    name: made.site.name,
    publishableKey: made.keys.publishable.key,
    keys: { admin: made.keys.admin.key, support: support.key, pr: pr.key },
    admin,
  };
}

/** Sends a customer's message to the site (publishable key, from a server); resolves with its id. */
export async function sendMessage(site: DashboardSite, body: Record<string, unknown>): Promise<string> {
  const res = await fetch(`${inject('endpoint')}/v1/feedback`, {
    method: 'POST',
    headers: { authorization: `Bearer ${site.publishableKey}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`sending feedback: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

export interface DashboardPage {
  page: Page;
  /** What a broken page would show in its console: errors, failed loads, CSP violations. */
  problems: string[];
  /** Every URL the page asked for. */
  requests: string[];
}

/** Opens /dashboard in a new tab, recording problems and requests. */
export async function openDashboard(browser: BrowserContext, options: { scheme?: 'light' | 'dark'; path?: string } = {}): Promise<DashboardPage> {
  const page = await browser.newPage();
  await page.emulateMedia({ colorScheme: options.scheme ?? 'light' });
  const problems: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('request', (r) => requests.push(r.url()));
  page.on('response', (r) => r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`));
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP: ${e.violatedDirective} ${e.blockedURI}`)),
  );
  await page.goto(`${inject('endpoint')}${options.path ?? '/dashboard'}`);
  return { page, problems, requests };
}

/**
 * Signs in by typing the key (and a name for the log), as a person does; waits for the part the
 * role starts in (PR's studio for a pr key, the inbox for the others, loaded).
 */
export async function signIn(page: Page, key: string, actor = ''): Promise<void> {
  await page.getByLabel('Secret key').fill(key);
  if (actor) await page.getByLabel(/Your name/).fill(actor);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // The sign-in page's own heading is in <main> too, until the key is checked.
  const landed = page.getByRole('main').getByRole('heading', { level: 1 }).filter({ hasNotText: 'Sign in to Tandem' });
  await landed.waitFor();
  if ((await landed.textContent()) === 'Support inbox') await inboxLoaded(page);
}

/** Opens a part of the dashboard from its navigation, as a person does; waits for its heading. */
export async function goTo(page: Page, section: 'Support inbox' | 'PR studio' | 'Insights' | 'Settings'): Promise<void> {
  await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: section }).click();
  await page.getByRole('main').getByRole('heading', { level: 1, name: section }).waitFor();
  if (section === 'Support inbox') await inboxLoaded(page);
}

/** Waits until the list says how many messages it shows. */
export async function inboxLoaded(page: Page): Promise<void> {
  await page.getByText(/^\d+ messages?( so far)?, most urgent first$/).waitFor();
}

/** The list of messages, and the pane with the chosen one. */
export const messageList = (page: Page) => page.locator('tandem-inbox ul.messages');
export const listedMessages = (page: Page) => messageList(page).getByRole('button');
export const detailPane = (page: Page) => page.getByRole('region', { name: 'The chosen message' });

/** The ids of the listed messages, in the order shown. */
export const listedIds = (page: Page) => listedMessages(page).evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-id')));

/** Opens a message by clicking it in the list and waits for its pane. */
export async function openMessage(page: Page, text: string | RegExp): Promise<void> {
  await listedMessages(page).filter({ hasText: text }).click();
  await detailPane(page).getByRole('heading', { level: 2 }).waitFor();
}

/** What the tab keeps in sessionStorage and localStorage, and its cookies. */
export async function storedInBrowser(page: Page) {
  return {
    session: await page.evaluate(() => JSON.stringify({ ...sessionStorage })),
    local: await page.evaluate(() => JSON.stringify({ ...localStorage })),
    cookies: await page.context().cookies(),
  };
}
