/**
 * A page with a strict Content-Security-Policy: no inline styles or scripts, no eval. Chromium
 * takes the widget's styles as constructable stylesheets, which no policy blocks; a browser
 * without them gets <style> elements, which only the script tag's nonce lets through.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowser } from '../support/browser.js';
import { shopPage } from '../support/pages.js';

const browser = useBrowser();

/** Every CSP violation the page reports, from its first script on. */
function recordViolations() {
  const seen: string[] = [];
  (window as unknown as { violations: string[] }).violations = seen;
  document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
}

/**
 * As in a browser without constructable stylesheets: Lit falls back to <style> elements. (Init
 * scripts travel as source text, so this one records violations itself.)
 */
function withoutConstructableStylesheets() {
  const seen: string[] = [];
  (window as unknown as { violations: string[] }).violations = seen;
  document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  delete (Document.prototype as { adoptedStyleSheets?: unknown }).adoptedStyleSheets;
}

const violations = (page: Page) => page.evaluate(() => (window as unknown as { violations: string[] }).violations);
const launcherPosition = (page: Page) =>
  page.locator('tandem-feedback').getByRole('button', { name: 'Feedback' }).evaluate((b) => getComputedStyle(b).position);

describe('under a strict Content-Security-Policy', () => {
  it("shows and opens the widget without breaking the page's policy", async () => {
    const page = await shopPage(browser(), {
      headers: { 'content-security-policy': "default-src 'self'; base-uri 'none'; object-src 'none'" },
      initScript: recordViolations,
    });
    expect(await launcherPosition(page)).toBe('fixed');
    await page.locator('tandem-feedback').getByRole('button', { name: 'Feedback' }).click();
    const dialog = page.locator('tandem-feedback').getByRole('dialog', { name: 'Send us feedback' });
    await dialog.waitFor({ state: 'visible' });
    // The dialog's own look (loaded with the form) applies too: its padding is not the browser's 1em.
    expect(await dialog.evaluate((d) => getComputedStyle(d).paddingTop)).toBe('20px');
    expect(await violations(page)).toEqual([]);
  });

  it("styles itself with <style> elements that carry the script tag's nonce where it must", async () => {
    const policy = "default-src 'self'; style-src 'nonce-t3stn0nce'";
    const page = await shopPage(browser(), {
      headers: { 'content-security-policy': policy },
      scriptAttributes: 'nonce="t3stn0nce"',
      initScript: withoutConstructableStylesheets,
    });
    expect(await launcherPosition(page)).toBe('fixed');
    // The dialog's and the form's styles, which come later with the form, carry it too.
    await page.locator('tandem-feedback').getByRole('button', { name: 'Feedback' }).click();
    const dialog = page.locator('tandem-feedback').getByRole('dialog', { name: 'Send us feedback' });
    await dialog.waitFor({ state: 'visible' });
    expect(await dialog.evaluate((d) => getComputedStyle(d).paddingTop)).toBe('20px');
    const send = page.locator('tandem-feedback').getByRole('button', { name: 'Send' });
    expect(await send.evaluate((b) => getComputedStyle(b).minHeight)).toBe('44px');
    expect(await violations(page)).toEqual([]);

    // The same page whose tag has no nonce: the policy blocks the styles, as it should.
    const bare = await shopPage(browser(), { headers: { 'content-security-policy': policy }, initScript: withoutConstructableStylesheets });
    expect(await launcherPosition(bare)).not.toBe('fixed');
    expect((await violations(bare)).some((v) => v.startsWith('style-src'))).toBe(true);
  });
});
