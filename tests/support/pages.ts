/**
 * A shop page with Tandem's script tag, served at the worker's origin (Chromium intercepts its
 * address), so tandem.js and the API come from the real `wrangler dev`.
 */
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { inject } from 'vitest';

export const SITE_KEY = 'pk_demo_3b7f1d6a92e04c8b5a1f7e2d';
export const SECRET_KEY = 'sk_demo_8c4e2a91f05b47d3a6e9c1b07d52f3e8';

export interface ShopPage {
  /** What goes in the body before the script tag. */
  body?: string;
  /** The script tag's data-* attributes, besides data-site. */
  data?: Record<string, string>;
  /** Other attributes of the script tag (nonce…). */
  scriptAttributes?: string;
  scheme?: 'light' | 'dark';
  dir?: 'ltr' | 'rtl';
  /** `<html lang>`; none when empty. */
  lang?: string;
  /** Response headers of the page (a Content-Security-Policy…). */
  headers?: Record<string, string>;
  /** Runs in the page before any of its scripts (a function travels as its source text). */
  initScript?: (() => void) | string;
  /** Wait until the widget has rendered (default true). */
  ready?: boolean;
}

export async function shopPage(browser: BrowserContext, options: ShopPage = {}): Promise<Page> {
  const { body = '<h1>Shop</h1>', data = {}, scriptAttributes = '', scheme = 'light', dir = 'ltr', lang = 'en' } = options;
  const endpoint = inject('endpoint');
  const page = await browser.newPage();
  await page.emulateMedia({ colorScheme: scheme });
  if (options.initScript) await page.addInitScript(options.initScript);
  const path = `/e2e-${crypto.randomUUID()}.html`;
  const attributes = Object.entries({ site: SITE_KEY, ...data })
    .map(([k, v]) => ` data-${k}="${v}"`)
    .join('');
  await page.route(`${endpoint}${path}`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      headers: options.headers,
      body: `<!doctype html><html${lang ? ` lang="${lang}"` : ''} dir="${dir}"><head><title>shop</title></head><body>${body}
        <script src="/tandem.js"${attributes} ${scriptAttributes} async></script></body></html>`,
    }),
  );
  await page.goto(`${endpoint}${path}`);
  if (options.ready !== false) {
    await page.locator('tandem-feedback').waitFor({ state: 'attached' });
    await page.waitForFunction(() => document.querySelector('tandem-feedback')?.shadowRoot?.querySelector('dialog'));
  }
  return page;
}

/** Everything the site's admin API lists, newest first (up to 100). */
export async function storedFeedback(): Promise<Record<string, any>[]> {
  const res = await fetch(`${inject('endpoint')}/v1/feedback?limit=100`, { headers: { authorization: `Bearer ${SECRET_KEY}` } });
  if (!res.ok) throw new Error(`listing feedback: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { data: Record<string, any>[] }).data;
}

/**
 * Types as a person does, taking at least 1.6 s over the whole text: the worker files a message
 * sent within 1.5 s of opening the form as spam (no person reads and writes that fast).
 */
export async function typeLikeAPerson(target: Locator, text: string): Promise<void> {
  await target.pressSequentially(text, { delay: Math.max(15, Math.ceil(1600 / text.length)) });
}

/** The stored message with exactly this text (the admin API's latest 100). */
export async function storedMessage(message: string): Promise<Record<string, any> | undefined> {
  return (await storedFeedback()).find((f) => f.message === message);
}

/** A text no other test sends, so its stored message can be found by it. */
export const unique = (text: string): string => `${text} (${crypto.randomUUID().slice(0, 8)})`;

/** Clicks the launcher (its word in the page's language) and waits for the dialog; returns the widget. */
export async function openLauncher(page: Page, launcher = 'Feedback'): Promise<Locator> {
  const widget = page.locator('tandem-feedback');
  await widget.getByRole('button', { name: launcher, exact: true }).click();
  await widget.getByRole('dialog').waitFor({ state: 'visible' });
  return widget;
}

/** Writes the message at a person's pace and presses Send (the English form). */
export async function writeAndSend(widget: Locator, message: string): Promise<void> {
  await typeLikeAPerson(widget.getByRole('textbox', { name: 'Your message' }), message);
  await widget.getByRole('button', { name: 'Send' }).click();
}
