/**
 * The walking skeleton end to end: the demo shop page with its one script tag, served by
 * `wrangler dev` under a strict CSP; a customer who only uses the keyboard sends a complaint and
 * a praise they agree to share; the admin API shows both stored, sorted and with their consent.
 */
import type { Page, Response } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { axeViolations, hasFocus, tabTo, useBrowser } from '../support/browser.js';

const endpoint = inject('endpoint');
const SECRET_KEY = 'sk_demo_8c4e2a91f05b47d3a6e9c1b07d52f3e8';

interface Stored {
  id: string;
  message: string;
  rating: number;
  label: string;
  routes: string[];
  consent: { publish: boolean; givenAt: string | null };
  pageUrl: string | null;
}

const browser = useBrowser();

async function sendByKeyboard(page: Page, { stars, message, quoteMe }: { stars: number; message: string; quoteMe: boolean }) {
  const widget = page.locator('tandem-feedback');
  const launcher = widget.getByRole('button', { name: 'Feedback' });
  await tabTo(page, launcher);
  await page.keyboard.press('Enter');
  const dialog = widget.getByRole('dialog', { name: 'Send us feedback' });
  await dialog.waitFor({ state: 'visible' });
  expect(await dialog.evaluate((d) => d.matches(':modal'))).toBe(true);
  expect(await axeViolations(page), 'axe, form open').toEqual([]);

  // Into the star rating; arrow keys move along it as in any radio group.
  await tabTo(page, widget.getByRole('radio', { name: '1 star' }));
  await page.keyboard.press('Space');
  for (let n = 1; n < stars; n++) await page.keyboard.press('ArrowRight');
  expect(await widget.getByRole('radio', { name: stars === 1 ? '1 star' : `${stars} stars` }).isChecked()).toBe(true);

  await tabTo(page, widget.getByRole('textbox', { name: 'Your message' }));
  // As fast as a person types: the worker files a message sent within 1.5 s as spam.
  await page.keyboard.type(message, { delay: Math.ceil(1600 / message.length) });
  if (quoteMe) {
    await tabTo(page, widget.getByRole('checkbox', { name: 'You may quote me publicly' }));
    await page.keyboard.press('Space');
  }
  expect(await axeViolations(page), 'axe, form filled').toEqual([]);
  await tabTo(page, widget.getByRole('button', { name: 'Send' }));
  await page.keyboard.press('Enter');
  // The thank-you appears once the worker has stored the message.
  const thanks = widget.getByRole('status').locator('p');
  await thanks.waitFor({ timeout: 15_000 });
  const text = (await thanks.textContent()) ?? '';
  expect(await axeViolations(page), 'axe, thank-you').toEqual([]);

  // Escape closes the dialog and gives focus back to the launcher.
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  expect(await hasFocus(launcher)).toBe(true);
  expect(await axeViolations(page), 'axe, closed').toEqual([]);
  return { thanks: text };
}

describe('the demo page with the script tag', () => {
  it('sorts a complaint to support and a consented praise to PR, sent with the keyboard only', async () => {
    const page = await browser().newPage();
    const problems: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('response', (r) => r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`));

    const response = await page.goto(`${endpoint}/`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toContain("default-src 'self'");

    const run = crypto.randomUUID().slice(0, 8);
    const complaint = `My order arrived two weeks late and nobody answered my emails. (${run})`;
    const praise = `Fantastic coffee and lovely packaging, I recommend Northwind to all my friends! (${run})`;

    const first = await sendByKeyboard(page, { stars: 1, message: complaint, quoteMe: false });
    expect(first.thanks).toMatch(/a person on our team will read this/i);
    const second = await sendByKeyboard(page, { stars: 5, message: praise, quoteMe: true });
    expect(second.thanks).toMatch(/thank you for the kind words/i);

    const res = await fetch(`${endpoint}/v1/feedback?limit=100`, { headers: { authorization: `Bearer ${SECRET_KEY}` } });
    const { data } = (await res.json()) as { data: Stored[] };
    const storedComplaint = data.find((f) => f.message === complaint);
    const storedPraise = data.find((f) => f.message === praise);
    expect(storedComplaint).toMatchObject({
      rating: 1,
      label: 'complaint',
      routes: ['support'],
      consent: { publish: false, givenAt: null },
      pageUrl: `${endpoint}/`,
    });
    expect(storedPraise).toMatchObject({
      rating: 5,
      label: 'praise',
      routes: ['pr'],
      consent: { publish: true, givenAt: expect.any(String) },
    });
    expect(data.filter((f) => f.message === complaint || f.message === praise)).toHaveLength(2);
    expect(problems).toEqual([]);
  });

  it('serves tandem.js as the one script a site adds, mounting a single launcher', async () => {
    const page = await browser().newPage();
    await page.goto(`${endpoint}/`);
    await page.locator('tandem-feedback').getByRole('button', { name: 'Feedback' }).waitFor();
    expect(await page.locator('tandem-feedback').count()).toBe(1);
    expect(await page.locator('tandem-feedback').getAttribute('site-key')).toBe('pk_demo_3b7f1d6a92e04c8b5a1f7e2d');
    expect(await page.locator('tandem-feedback').getAttribute('endpoint')).toBe(endpoint);
  });

  it('points devtools to the source map of each file it loads, through a header rather than the file', async () => {
    const page = await browser().newPage();
    const scripts: Response[] = [];
    page.on('response', (r) => r.url().endsWith('.js') && scripts.push(r));
    await page.goto(`${endpoint}/`);
    const widget = page.locator('tandem-feedback');
    await widget.getByRole('button', { name: 'Feedback' }).click();
    await widget.getByRole('dialog', { name: 'Send us feedback' }).waitFor();
    // The loader, the launcher, Lit, the form and its language.
    expect(scripts.length).toBeGreaterThanOrEqual(5);
    for (const script of scripts) {
      const name = new URL(script.url()).pathname;
      expect(await script.text(), name).not.toContain('sourceMappingURL');
      expect(script.headers()['sourcemap'], name).toBe(`${name}.map`);
      const map = await page.request.get(`${endpoint}${name}.map`);
      expect(map.status(), name).toBe(200);
      expect((await map.json()).file, name).toBe(name.slice(1));
    }
  });
});
