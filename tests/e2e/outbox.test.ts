/**
 * Nothing lost, nothing twice. A message that cannot be confirmed is kept in the browser and
 * sent again, with the same idempotency key, when the browser is back online or on the next
 * page load; a message still on its way when the page closes goes out with sendBeacon. The
 * customer is told "saved", never "thanks", for a message that has not arrived.
 */
import type { Page, Request } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { axeViolations, useBrowser } from '../support/browser.js';
import { openLauncher as openForm, SITE_KEY, shopPage, storedFeedback, unique, writeAndSend as write } from '../support/pages.js';

const endpoint = inject('endpoint');
const browser = useBrowser();
const SAVED = /saved on this device and will be sent automatically/;

const copies = async (message: string) => (await storedFeedback()).filter((f) => f.message === message).length;
/** How many messages wait in the page's localStorage (one key each). */
const waiting = (page: Page) =>
  page.evaluate((key) => Object.keys(localStorage).filter((k) => k.startsWith(`tandem-outbox:${key}:`)).length, SITE_KEY);

describe('the outbox', () => {
  it('keeps a message written offline, says so, and delivers it once when the browser is back online', async () => {
    const page = await shopPage(browser());
    const widget = await openForm(page);
    const queued = page.evaluate(() => new Promise<boolean>((resolve) => addEventListener('tandem-queued', () => resolve(true), { once: true })));
    const message = unique('The checkout page spins forever on my phone.');
    await browser().setOffline(true);
    try {
      await write(widget, message);
      const status = widget.getByRole('status');
      await status.getByText(SAVED).waitFor();
      expect(await status.textContent()).not.toMatch(/thank/i);
      expect(await queued).toBe(true);
      expect(await waiting(page)).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await browser().setOffline(false);
    }
    // Back online: the `online` event sends it.
    await expect.poll(() => waiting(page), { timeout: 15_000 }).toBe(0);
    expect(await copies(message)).toBe(1);
  });

  it('sends a message kept on an earlier visit when the next page loads, once', async () => {
    // Pages of the site left open by earlier tests would send it when the browser is back online,
    // as other tabs do: close them, so only the next visit can.
    await Promise.all(browser().pages().map((p) => p.close()));
    const page = await shopPage(browser());
    const widget = await openForm(page);
    const message = unique('I cannot change my delivery address.');
    await browser().setOffline(true);
    try {
      await write(widget, message);
      await widget.getByRole('status').getByText(SAVED).waitFor();
      // Gone while still offline, before its `online` event could send it.
      await page.close();
    } finally {
      await browser().setOffline(false);
    }
    // The next visit, on another page of the site, finds it waiting and sends it without the
    // customer doing anything (the closing page's beacon may have delivered it already: then this
    // is a replay, and it is still stored once).
    const sent: string[] = [];
    const count = (request: Request) => request.method() === 'POST' && request.url() === `${endpoint}/v1/feedback` && sent.push(request.url());
    browser().on('request', count);
    try {
      const next = await shopPage(browser(), { body: '<h1>Another page</h1>' });
      await expect.poll(() => waiting(next), { timeout: 15_000 }).toBe(0);
    } finally {
      browser().off('request', count);
    }
    expect(sent.length).toBeGreaterThanOrEqual(1);
    expect(await copies(message)).toBe(1);
  });

  it('stores a message once when its answer was lost and it is sent again', async () => {
    const page = await shopPage(browser());
    const widget = await openForm(page);
    // The request reaches the worker, which stores the message; the answer never reaches the page.
    let reached = 0;
    const api = `${endpoint}/v1/feedback`;
    await page.route(api, async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      reached++;
      await route.fetch();
      await route.abort('connectionreset');
    });
    const message = unique('My discount code is refused at checkout.');
    await write(widget, message);
    await widget.getByRole('status').getByText(SAVED).waitFor();
    expect(reached).toBe(1);
    expect(await copies(message)).toBe(1);

    await page.unroute(api);
    await page.reload();
    await expect.poll(() => waiting(page), { timeout: 15_000 }).toBe(0);
    expect(await copies(message)).toBe(1);
  });

  it('hands a message still on its way to sendBeacon when the page closes', async () => {
    const page = await shopPage(browser());
    const widget = await openForm(page);
    // The first send hangs (a slow network); the customer leaves the page meanwhile.
    await page.route(`${endpoint}/v1/feedback`, (route) => (route.request().resourceType() === 'fetch' ? undefined : route.continue()));
    const message = unique('The app logs me out whenever I pay.');
    await write(widget, message);
    await widget.getByRole('button', { name: 'Sending…' }).waitFor();
    await page.goto('about:blank');
    await expect.poll(() => copies(message), { timeout: 15_000 }).toBe(1);

    // The beacon had no answer to cross the message out with: the next visit sends it again,
    // and the idempotency key keeps it stored once.
    const next = await shopPage(browser());
    await expect.poll(() => waiting(next), { timeout: 15_000 }).toBe(0);
    expect(await copies(message)).toBe(1);
  });
});
