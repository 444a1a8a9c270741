/**
 * What a site chooses on the script tag: how the form opens (its own button or link with
 * `data-tandem-open`, `open()` / `close()` from its script, the launcher's corner and label) and
 * how it looks (light, dark or the customer's system; the page's writing direction). Each page is
 * served at the worker's origin (Chromium intercepts its address), so tandem.js comes from the
 * real `wrangler dev`.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { axeViolations, hasFocus, tabTo, useBrowser } from '../support/browser.js';
import { SECRET_KEY, SITE_KEY, shopPage, type ShopPage } from '../support/pages.js';

const endpoint = inject('endpoint');
const browser = useBrowser();

/** The shop page with `body` and the script tag with `data`. */
const pageWith = (body: string, data: Record<string, string>, look: Pick<ShopPage, 'scheme' | 'dir'> = {}) =>
  shopPage(browser(), { body, data, ...look });

const dialogOf = (page: Page) => page.locator('tandem-feedback').getByRole('dialog', { name: 'Send us feedback' });

describe('opening the form', () => {
  it("opens from the site's own button with the keyboard, and gives focus back to it", async () => {
    const page = await pageWith('<main><button id="own" data-tandem-open>Give feedback</button></main>', { launcher: 'none' });
    // launcher="none": the site's button is the only way in.
    expect(await page.locator('tandem-feedback').getByRole('button', { name: 'Feedback' }).count()).toBe(0);

    const own = page.locator('#own');
    await tabTo(page, own);
    await page.keyboard.press('Enter');
    const dialog = dialogOf(page);
    await dialog.waitFor({ state: 'visible' });
    expect(await dialog.evaluate((d) => d.matches(':modal'))).toBe(true);

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await hasFocus(own)).toBe(true);
  });

  it('gives focus back to the opener even when a script clicked it and it never had focus', async () => {
    const page = await pageWith('<button id="own" data-tandem-open>Give feedback</button>', { launcher: 'none' });
    await page.evaluate(() => (document.querySelector('#own') as HTMLElement).click());
    const dialog = dialogOf(page);
    await dialog.waitFor({ state: 'visible' });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await hasFocus(page.locator('#own'))).toBe(true);
  });

  it('fetches the form only when the customer heads for the launcher', async () => {
    const page = await browser().newPage();
    const forms: string[] = [];
    page.on('request', (r) => /tandem-feedback-form-/.test(r.url()) && forms.push(r.url()));
    await page.goto(`${endpoint}/`);
    const launcher = page.locator('tandem-feedback').getByRole('button', { name: 'Feedback' });
    await launcher.waitFor();
    await page.waitForLoadState('networkidle');
    expect(forms).toEqual([]);
    await launcher.hover();
    await expect.poll(() => forms.length).toBe(1);
  });

  it('lets close() cancel an open that is still waiting for the form', async () => {
    const page = await pageWith('<p>Shop</p>', {});
    // The form's module takes a second to arrive.
    await page.route(/tandem-feedback-form-.*\.js$/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await route.continue();
    });
    type Widget = Element & { open(): Promise<void>; close(): void };
    const opened = page.evaluate(() => (document.querySelector('tandem-feedback') as Widget).open());
    await page.evaluate(() => (document.querySelector('tandem-feedback') as Widget).close());
    await opened;
    expect(await page.locator('tandem-feedback').evaluate((el) => el.shadowRoot!.querySelector('dialog')!.open)).toBe(false);
  });

  it('opens to say so when the form cannot be loaded, and loads it on the next try', async () => {
    const page = await pageWith('<p>Shop</p>', {});
    await page.route(/tandem-feedback-form-.*\.js$/, (route) => route.abort('internetdisconnected'));
    const widget = page.locator('tandem-feedback');
    await widget.getByRole('button', { name: 'Feedback' }).click();
    const dialog = dialogOf(page);
    await dialog.waitFor({ state: 'visible' });
    expect(await dialog.getByRole('alert').textContent()).toMatch(/could not be loaded/);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // Back on the network: the next open brings the form.
    await page.unroute(/tandem-feedback-form-.*\.js$/);
    await widget.getByRole('button', { name: 'Feedback' }).click();
    await widget.getByRole('textbox', { name: 'Your message' }).waitFor();
  });

  it('mounts one launcher when the tag is pasted twice', async () => {
    const page = await pageWith(`<script src="/tandem.js" data-site="${SITE_KEY}" async></script>`, {});
    await page.locator('tandem-feedback').getByRole('button', { name: 'Feedback' }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.locator('tandem-feedback').count()).toBe(1);
  });

  it('opens from a link without following it, and from a click inside the opener', async () => {
    const page = await pageWith('<a id="link" href="#feedback" data-tandem-open><span>Tell us what you think</span></a>', {});
    await page.locator('#link span').click();
    await dialogOf(page).waitFor({ state: 'visible' });
    expect(await page.evaluate(() => location.hash)).toBe('');
  });

  it('opens and closes from the page script with open() and close()', async () => {
    const page = await pageWith('<p>No button at all</p>', { launcher: 'none' });
    // As a site's own script would call it (the element's type is not known here).
    type Widget = Element & { open(): Promise<void>; close(): void };
    await page.evaluate(() => (document.querySelector('tandem-feedback') as Widget).open());
    const dialog = dialogOf(page);
    await dialog.waitFor({ state: 'visible' });
    await page.evaluate(() => (document.querySelector('tandem-feedback') as Widget).close());
    await dialog.waitFor({ state: 'hidden' });
  });

  it('puts the launcher in the corner and with the words the site chose', async () => {
    const page = await pageWith('<p>Shop</p>', { corner: 'top-left', label: 'Tell us' });
    const launcher = page.locator('tandem-feedback').getByRole('button', { name: 'Tell us' });
    await launcher.waitFor();
    const box = (await launcher.boundingBox())!;
    const viewport = page.viewportSize()!;
    expect(box.x + box.width).toBeLessThan(viewport.width / 2);
    expect(box.y + box.height).toBeLessThan(viewport.height / 2);

    // Opened from the launcher, focus comes back to the launcher.
    await launcher.click();
    await dialogOf(page).waitFor({ state: 'visible' });
    await page.keyboard.press('Escape');
    await dialogOf(page).waitFor({ state: 'hidden' });
    expect(await hasFocus(launcher)).toBe(true);
  });
});

describe('on a customer\'s own site', () => {
  it("loads the launcher, then the form, from Tandem's origin into a page on another origin", async () => {
    const page = await browser().newPage();
    // Another origin for the same machine (Chromium keeps public pages from loading local ones).
    const shop = `${endpoint.replace('127.0.0.1', 'localhost')}/shop`;
    await page.route(shop, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="en"><head><title>shop</title></head><body><h1>Shop</h1>
          <script src="${endpoint}/tandem.js" data-site="${SITE_KEY}" async></script></body></html>`,
      }),
    );
    const failed: string[] = [];
    page.on('requestfailed', (r) => failed.push(r.url()));
    await page.goto(shop);
    expect(new URL(shop).origin).not.toBe(new URL(endpoint).origin);
    const widget = page.locator('tandem-feedback');
    await widget.getByRole('button', { name: 'Feedback' }).click();
    // The form is a module of its own, fetched across origins only now.
    await widget.getByRole('textbox', { name: 'Your message' }).waitFor();
    expect(await widget.getAttribute('endpoint')).toBe(endpoint);
    expect(failed).toEqual([]);
  });
});

describe('a good guest', () => {
  it("keeps its look and works under a hostile host stylesheet", async () => {
    const hostile = `<style>* { all: unset !important; } button, input, textarea, dialog { display: none !important; }
      html { font-size: 40px !important; } body { font: 40px/3 serif !important; }</style><p>Shop</p>`;
    const page = await pageWith(hostile, {});
    const widget = page.locator('tandem-feedback');
    const launcher = widget.getByRole('button', { name: 'Feedback' });
    await launcher.click();
    await dialogOf(page).waitFor({ state: 'visible' });
    const send = widget.getByRole('button', { name: 'Send' });
    await send.waitFor({ state: 'visible' });
    expect(await send.evaluate((b) => getComputedStyle(b).fontSize)).toBe('16px');
    expect(await widget.getByRole('textbox', { name: 'Your message' }).isVisible()).toBe(true);
  });

  it('fits a small phone, with touch targets of at least 44 px', async () => {
    const page = await browser().newPage();
    await page.setViewportSize({ width: 360, height: 640 });
    await page.goto(`${endpoint}/`);
    const widget = page.locator('tandem-feedback');
    await widget.getByRole('button', { name: 'Feedback' }).click();
    const dialog = dialogOf(page);
    await dialog.waitFor({ state: 'visible' });
    const box = (await dialog.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(360);
    const targets = [
      widget.getByRole('button', { name: 'Close' }),
      widget.getByRole('radio', { name: '3 stars' }),
      widget.getByRole('checkbox', { name: 'You may quote me publicly' }).locator('xpath=..'),
      widget.getByRole('button', { name: 'Send' }),
    ];
    for (const target of targets) {
      const size = (await target.boundingBox())!;
      // Rounded: layout in fractions of a pixel can give 43.99999 for a 44 px box.
      expect(Math.round(Math.min(size.width, size.height)), String(target)).toBeGreaterThanOrEqual(44);
    }
  });

  it('opens without animation when the customer asks for reduced motion', async () => {
    const page = await browser().newPage();
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(`${endpoint}/`);
    await page.locator('tandem-feedback').getByRole('button', { name: 'Feedback' }).click();
    const dialog = dialogOf(page);
    await dialog.waitFor({ state: 'visible' });
    expect(await dialog.evaluate((d) => getComputedStyle(d).animationName)).toBe('none');
  });
});

describe('how it looks', () => {
  /** The dialog's background once open: the surface colour of the theme in use. */
  async function surface(page: Page): Promise<string> {
    await page.locator('tandem-feedback').getByRole('button', { name: 'Feedback' }).click();
    const dialog = dialogOf(page);
    await dialog.waitFor({ state: 'visible' });
    return dialog.evaluate((d) => getComputedStyle(d).backgroundColor);
  }
  const LIGHT = 'rgb(255, 255, 255)';
  const DARK = 'rgb(31, 32, 35)';

  it('themes the form inside the dialog too', async () => {
    const page = await pageWith('', { theme: 'dark' });
    await surface(page);
    const message = page.locator('tandem-feedback').getByRole('textbox', { name: 'Your message' });
    expect(await message.evaluate((t) => getComputedStyle(t).backgroundColor)).toBe(DARK);
  });

  it("follows the customer's system by default, light or dark", async () => {
    expect(await surface(await pageWith('', {}, { scheme: 'light' }))).toBe(LIGHT);
    expect(await surface(await pageWith('', {}, { scheme: 'dark' }))).toBe(DARK);
  });

  it('keeps the theme the site fixed, whatever the system says', async () => {
    expect(await surface(await pageWith('', { theme: 'dark' }, { scheme: 'light' }))).toBe(DARK);
    expect(await surface(await pageWith('', { theme: 'light' }, { scheme: 'dark' }))).toBe(LIGHT);
  });

  it('reads right to left on a right-to-left page', async () => {
    const page = await pageWith('<p>متجر</p>', {}, { dir: 'rtl' });
    await page.locator('tandem-feedback').getByRole('button', { name: 'Feedback' }).click();
    const dialog = dialogOf(page);
    await dialog.waitFor({ state: 'visible' });
    expect(await dialog.evaluate((d) => getComputedStyle(d).direction)).toBe('rtl');
    // Mirrored: the title starts on the right, and Close sits at the left edge.
    const title = (await dialog.getByRole('heading', { name: 'Send us feedback' }).boundingBox())!;
    const close = (await dialog.getByRole('button', { name: 'Close' }).boundingBox())!;
    expect(close.x + close.width).toBeLessThanOrEqual(title.x);
    const box = page.locator('tandem-feedback').getByRole('textbox', { name: 'Your message' });
    expect(await box.evaluate((t) => getComputedStyle(t).direction)).toBe('rtl');
  });
});
