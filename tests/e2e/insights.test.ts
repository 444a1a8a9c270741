/**
 * Insights in the dashboard: weeks of backdated messages for a site of the test's own (the same
 * history npm start gives the demo site, with a surge of billing complaints today), the surge job
 * run through wrangler dev's /__scheduled, its alert in insights naming the topic and delivered to
 * PR's destination only; the charts drawn under the strict CSP, in light and dark; the range
 * picker; axe; and the README's screenshot.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { historySql } from '../../scripts/demo-history.mjs';
import { SURGE_CRON } from '../../scripts/tools.mjs';
import { axeViolations, saveScreenshot, useBrowser } from '../support/browser.js';
import { executeSql } from '../support/d1.js';
import { dashboardSite, goTo, openDashboard, signIn, type DashboardSite } from '../support/dashboard.js';

const endpoint = inject('endpoint');
const browser = useBrowser();
let site: DashboardSite;
let prDestination: string;
let supportDestination: string;

beforeAll(async () => {
  site = await dashboardSite('Northwind Coffee Roasters', { exactName: true });
  // Five weeks: the 28 days of the baseline and a few more for the charts.
  executeSql(historySql(site.id, { days: 35 }));
  // spawnSync blocked the event loop while wrangler dev closed idle keep-alive connections: let
  // fetch's pool see them closed before it picks one for the next request.
  await new Promise((resolve) => setTimeout(resolve, 100));
  // Port 9 listens to nothing: the deliveries are written, then retried in the background.
  prDestination = (await site.admin.destinations.create({ kind: 'webhook', name: 'PR desk', url: 'http://127.0.0.1:9/pr', routes: ['pr'] })).id;
  supportDestination = (await site.admin.destinations.create({ kind: 'webhook', name: 'Helpdesk', url: 'http://127.0.0.1:9/support', routes: ['support'] })).id;
  const res = await fetch(`${endpoint}/__scheduled?cron=${encodeURIComponent(SURGE_CRON)}`);
  expect(res.status).toBe(200);
});

async function openInsights(scheme: 'light' | 'dark' = 'light') {
  const opened = await openDashboard(browser(), { scheme });
  await signIn(opened.page, site.keys.pr);
  await goTo(opened.page, 'Insights');
  await chartsDrawn(opened.page);
  return opened;
}

const canvases = (page: Page) => page.locator('tandem-insights canvas');

/** Waits for the four charts, each with something painted on it. */
async function chartsDrawn(page: Page) {
  await page.waitForFunction(() => {
    const root = document.querySelector('tandem-dashboard')?.shadowRoot?.querySelector('tandem-insights')?.shadowRoot;
    const all = [...(root?.querySelectorAll('canvas') ?? [])];
    return all.length === 4 && all.every((c) => c.width > 0 && c.height > 0);
  });
  for (const canvas of await canvases(page).all()) expect(await paintedPixels(canvas), String(await canvas.getAttribute('data-chart'))).toBeGreaterThan(500);
}

const paintedPixels = (canvas: ReturnType<typeof canvases>) =>
  canvas.evaluate((c: HTMLCanvasElement) => {
    const { data } = c.getContext('2d')!.getImageData(0, 0, c.width, c.height);
    let painted = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) painted++;
    return painted;
  });

describe('insights', () => {
  it('shows the surge alert the job raised from the seeded history, naming the topic, and sends it to PR only', async () => {
    // In the first hour of a UTC day the job also looks at yesterday, whose random history may
    // hold a surge of its own: only today's billing surge is the seeded one.
    const { data: alerts } = await site.admin.alerts.list();
    const billing = alerts.filter((a) => a.topic === 'billing');
    expect(billing).toEqual([expect.objectContaining({ kind: 'surge', topic: 'billing', today: 7, baseline: 0 })]);
    const deliveries = (await site.admin.deliveries.list()).data.filter((d) => d.event === 'alert.surge');
    expect(deliveries.map((d) => d.destinationId)).toEqual(alerts.map(() => prDestination));
    expect(deliveries.map((d) => d.destinationId)).not.toContain(supportDestination);

    // Run again: the same day's surge is not raised twice.
    expect((await fetch(`${endpoint}/__scheduled?cron=${encodeURIComponent(SURGE_CRON)}`)).status).toBe(200);
    expect((await site.admin.alerts.list()).data.filter((a) => a.topic === 'billing')).toHaveLength(1);

    const { page, problems } = await openInsights();
    const surges = page.getByRole('region', { name: 'Surge alerts' });
    await surges.getByText('Complaints about billing').waitFor();
    expect(await surges.getByRole('listitem').filter({ hasText: 'Complaints about billing' }).count()).toBe(1);
    expect(await surges.textContent()).toMatch(/7 on .* against 0 a day/);
    // No CSP or Trusted Types violation, no error, while the charts drew.
    expect(problems).toEqual([]);
  });

  it('loads the charting library only when insights is first opened', async () => {
    const { page, requests, problems } = await openDashboard(browser());
    await signIn(page, site.keys.pr);
    const chunk = (url: string) => /\/dashboard\/insights-[\w-]+\.js$/.test(url);
    expect(requests.filter(chunk)).toEqual([]);
    await goTo(page, 'Insights');
    await chartsDrawn(page);
    expect(requests.filter(chunk)).toHaveLength(1);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('says so when insights cannot load, instead of an empty page', async () => {
    const { page } = await openDashboard(browser());
    await page.route(/\/dashboard\/insights-[\w-]+\.js$/, (route) => route.abort());
    await signIn(page, site.keys.pr);
    await goTo(page, 'Insights');
    await page.getByRole('alert').getByText('Insights could not load. Reload the page to try again.').waitFor();
    expect(await page.getByRole('button', { name: 'Reload' }).isVisible()).toBe(true);
    await page.close();
  });

  it('drops the charts of the range before when a new range cannot load', async () => {
    const { page } = await openInsights();
    await page.route(/\/v1\/stats\?/, (route) => route.abort());
    await page.locator('tandem-insights').getByLabel('Last 90 days').check();
    await page.locator('tandem-insights').getByRole('alert').getByText(/^Insights could not load/).waitFor();
    expect(await canvases(page).count()).toBe(0);
    await page.close();
  });

  it('draws messages by team and label, rating and complaint rate, and top topics, each with its table, for the range picked', async () => {
    const { page, problems } = await openInsights();
    const insights = page.locator('tandem-insights');
    expect(await insights.getByText(`Days in ${await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)}`).count()).toBe(1);
    for (const name of ['Messages per day by team', 'Messages per day by label', 'Average rating and complaint rate', 'Top topics']) {
      await insights.getByRole('heading', { name }).waitFor();
      expect(await insights.getByRole('img', { name: new RegExp(`^${name}\\.`) }).count(), name).toBe(1);
    }
    const rows = (table: string) => insights.getByRole('group').filter({ hasText: `Table: ${table}` }).locator('tbody tr');
    await insights.getByText('Table: messages per day by team').click();
    expect(await rows('messages per day by team').count()).toBe(30);
    await insights.getByText('Table: top topics').click();
    expect(await rows('top topics').first().locator('th').textContent()).toBeTruthy();
    expect(await insights.getByRole('group').filter({ hasText: 'Table: top topics' }).textContent()).toContain('billing');

    // The stats the charts were drawn from are the API's, for the same days.
    const api = await site.admin.stats({ from: undefined, tz: await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone) });
    expect(await insights.locator('.totals').textContent()).toContain(String(api.total));

    await insights.getByLabel('Last 7 days').check();
    await page.waitForFunction(
      () =>
        document.querySelector('tandem-dashboard')?.shadowRoot?.querySelector('tandem-insights')?.shadowRoot?.querySelectorAll('details tbody')[0]
          ?.children.length === 7,
    );
    await chartsDrawn(page);

    // A tablet: nothing wider than the screen.
    await page.setViewportSize({ width: 768, height: 1024 });
    await chartsDrawn(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
    expect(problems).toEqual([]);
  });

  it('draws again in the colours of a new scheme', async () => {
    const { page, problems } = await openInsights('light');
    const before = await canvases(page).first().evaluate((c: HTMLCanvasElement) => c.toDataURL());
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.waitForFunction(
      (light) => {
        const c = document.querySelector('tandem-dashboard')?.shadowRoot?.querySelector('tandem-insights')?.shadowRoot?.querySelector('canvas');
        return c && c.toDataURL() !== light;
      },
      before,
    );
    expect(problems).toEqual([]);
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`passes axe (${scheme})`, async () => {
      const { page, problems } = await openInsights(scheme);
      expect(await axeViolations(page), 'insights').toEqual([]);
      for (const summary of await page.locator('tandem-insights summary').all()) await summary.click();
      expect(await axeViolations(page), 'insights, tables open').toEqual([]);
      expect(problems).toEqual([]);
    });
  }

  it('saves a screenshot of insights for the README', async () => {
    const { page } = await openDashboard(browser());
    await page.setViewportSize({ width: 1280, height: 1100 });
    await signIn(page, site.keys.pr);
    await goTo(page, 'Insights');
    await chartsDrawn(page);
    const shot = await saveScreenshot(page, 'insights');
    expect(shot.length).toBeGreaterThan(10_000);
  });
});
