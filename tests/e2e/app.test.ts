/**
 * The example app (examples/app, served at /app/): a customer's own account page built with the
 * npm packages and rollup. Its "report a problem" form sends through @tandem/sdk's offline queue
 * and says what happened in a live region; the <tandem-feedback> launcher beside it comes from
 * @tandem/widget. Both carry the signed-in customer, as the admin API shows.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { axeViolations, hasFocus, useBrowser } from '../support/browser.js';
import { openLauncher, SITE_KEY, storedFeedback, storedMessage, unique, writeAndSend } from '../support/pages.js';

const endpoint = inject('endpoint');
const browser = useBrowser();
const CUSTOMER = { id: 'cus_1182', email: 'sam@example.com', name: 'Sam Lee' };

/**
 * Opens /app/ once its script has drawn the orders and the launcher; `problems` collects what
 * would show in the console of a broken page: errors, failed loads, CSP violations.
 */
async function openApp(): Promise<{ page: Page; problems: string[]; policy?: string }> {
  const page = await browser().newPage();
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('response', (r) => r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`));
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP: ${e.violatedDirective} ${e.blockedURI}`)),
  );
  const response = await page.goto(`${endpoint}/app/`);
  expect(response?.status()).toBe(200);
  // The orders are drawn by the app's script, and the launcher by the widget's.
  await page.getByRole('button', { name: 'Report a problem with order NW-1031' }).waitFor();
  await page.locator('tandem-feedback').getByRole('button', { name: 'Feedback', exact: true }).waitFor();
  return { page, problems, policy: response?.headers()['content-security-policy'] };
}

const panel = (page: Page) => page.getByRole('region', { name: 'Report a problem with an order' });
const status = (page: Page) => panel(page).getByRole('status');
const copies = async (message: string) => (await storedFeedback()).filter((f) => f.message === message).length;
/** How many messages wait in the page's localStorage (the SDK keeps each under its own key). */
const waiting = (page: Page) =>
  page.evaluate((key) => Object.keys(localStorage).filter((k) => k.startsWith(`tandem-outbox:${key}:`)).length, SITE_KEY);

/** Chooses an order from its row, as a customer does, and writes what happened. */
async function writeReport(page: Page, order: string, problem: string, message: string) {
  await page.getByRole('button', { name: `Report a problem with order ${order}` }).click();
  const what = panel(page).getByRole('combobox', { name: 'What went wrong?' });
  expect(await hasFocus(what)).toBe(true);
  expect(await panel(page).getByRole('combobox', { name: 'Order' }).inputValue()).toBe(order);
  await what.selectOption({ label: problem });
  await panel(page).getByRole('textbox', { name: 'What happened?' }).fill(message);
}

const send = (page: Page) => panel(page).getByRole('button', { name: 'Send report' }).click();

describe('the example app (examples/app)', () => {
  it('is served under a strict CSP and passes axe', async () => {
    const { page, problems, policy } = await openApp();
    expect(policy).toContain("default-src 'self'");
    expect(policy).not.toContain('unsafe-');
    expect(await page.getByText('Signed in as Sam Lee').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it("stores a report from the app's form and a message from the launcher, both with the signed-in customer", async () => {
    const { page, problems } = await openApp();
    const report = unique('The bag of House Espresso arrived torn open, with beans all over the box.');
    await writeReport(page, 'NW-1031', 'It arrived damaged', report);
    await send(page);
    await status(page).getByText('Thank you. Your report about order NW-1031 reached our support team').waitFor();
    expect(await status(page).textContent()).toContain(CUSTOMER.email);
    // The form is empty again, ready for another report.
    expect(await panel(page).getByRole('textbox', { name: 'What happened?' }).inputValue()).toBe('');
    expect(await axeViolations(page), 'axe, report sent').toEqual([]);

    // The launcher knows the customer too: their email fills its field.
    const widget = await openLauncher(page);
    expect(await widget.getByRole('textbox', { name: /email/i }).inputValue()).toBe(CUSTOMER.email);
    const note = unique('Could the account page show when my next subscription bag ships?');
    await writeAndSend(widget, note);
    await widget.getByRole('status').locator('p').first().waitFor({ timeout: 15_000 });
    expect(await axeViolations(page), 'axe, launcher sent').toEqual([]);

    expect(await storedMessage(report)).toMatchObject({
      category: 'problem',
      label: 'complaint',
      routes: expect.arrayContaining(['support']),
      user: CUSTOMER,
      email: CUSTOMER.email,
      metadata: { order: 'NW-1031', problem: 'damaged' },
      pageUrl: `${endpoint}/app/`,
    });
    // The launcher sends the account id as `user`, and the email and name as the fields held them.
    expect(await storedMessage(note)).toMatchObject({
      user: { id: CUSTOMER.id },
      email: CUSTOMER.email,
      name: CUSTOMER.name,
      metadata: { page: 'account' },
    });
    expect(await copies(report)).toBe(1);
    expect(await copies(note)).toBe(1);
    expect(problems).toEqual([]);
  });

  it('says a report written offline is saved on this device, and delivers it once back online', async () => {
    // Other pages of the site would send it too when the browser is back online, as other tabs
    // do; this page's own queue should, and say so.
    await Promise.all(browser().pages().map((p) => p.close()));
    const { page } = await openApp();
    const report = unique('Order NW-1047 was due on Thursday and the tracking has not moved since Monday.');
    await browser().setOffline(true);
    try {
      await writeReport(page, 'NW-1047', 'It is late', report);
      await send(page);
      await status(page).getByText(/saved on this device and will be sent automatically/).waitFor();
      expect(await status(page).textContent()).toMatch(/^You are offline\. Your report about order NW-1047/);
      expect(await status(page).textContent()).not.toMatch(/thank/i);
      expect(await waiting(page)).toBe(1);
      expect(await axeViolations(page), 'axe, saved for later').toEqual([]);
    } finally {
      await browser().setOffline(false);
    }
    // Back online: the app's `online` listener flushes the queue.
    await status(page).getByText('Your saved report has now been sent to our support team.').waitFor({ timeout: 15_000 });
    expect(await waiting(page)).toBe(0);
    expect(await copies(report)).toBe(1);
    expect(await storedMessage(report)).toMatchObject({ user: CUSTOMER, metadata: { order: 'NW-1047', problem: 'late' } });

    // A later visit finds nothing left to send: still one.
    await page.reload();
    await page.getByRole('button', { name: 'Report a problem with order NW-1047' }).waitFor();
    expect(await waiting(page)).toBe(0);
    expect(await copies(report)).toBe(1);
  });

  it('keeps the words in the form when the API refuses the report, and asks for them when empty', async () => {
    const { page } = await openApp();
    await send(page);
    const details = panel(page).getByRole('textbox', { name: 'What happened?' });
    expect(await details.getAttribute('aria-invalid')).toBe('true');
    expect(await hasFocus(details)).toBe(true);
    expect(await details.evaluate((el) => el.getAttribute('aria-describedby'))).toBe('report-details-error');
    expect(await panel(page).getByText('Tell us what happened, so we can put it right.').isVisible()).toBe(true);

    await page.route(`${endpoint}/v1/feedback`, (route) =>
      route.fulfill({
        status: 400,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'invalid_request', message: 'Invalid request: message', requestId: 'req_test' } }),
      }),
    );
    const report = unique('The grinder handle came loose after a week.');
    await writeReport(page, 'NW-0988', 'Something else', report);
    expect(await details.getAttribute('aria-invalid')).toBe('false');
    await send(page);
    await status(page).getByText('Sorry, your report could not be sent. It is still in the form').waitFor();
    expect(await details.inputValue()).toBe(report);
    // Refused, so not kept: it would be refused again.
    expect(await waiting(page)).toBe(0);
    expect(await axeViolations(page), 'axe, refused').toEqual([]);
  });
});
