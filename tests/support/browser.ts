/** Real headless Chromium (Debian's, via playwright-core), offline and with a throwaway profile. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { root } from '../../scripts/tools.mjs';

export async function launchBrowser(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const executablePath = process.env.CHROMIUM_PATH;
  if (!executablePath) throw new Error('CHROMIUM_PATH is not set: run the browser tests through `npm test`.');
  const profile = mkdtempSync(join(tmpdir(), 'tandem-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // Keeps Chromium from looking up Google's hosts on a machine without internet.
      '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
      // Everything here runs on loopback: a page the test serves by interception counts as public
      // to Chromium, which would then refuse it the worker on 127.0.0.1 (Local Network Access).
      '--disable-features=LocalNetworkAccessChecks,BlockInsecurePrivateNetworkRequests',
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** One Chromium for a test file: launched before its tests, closed after. Call at the top level. */
export function useBrowser(): () => BrowserContext {
  let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());
  return () => {
    if (!browser) throw new Error('the browser is not running yet: use it inside a test');
    return browser.context;
  };
}

/** Whether `target` has keyboard focus, looking through shadow roots. */
export function hasFocus(target: Locator): Promise<boolean> {
  return target.evaluate((el) => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active === el;
  });
}

/** Presses Tab until `target` has focus, as a keyboard user would; fails if it never does. */
export async function tabTo(page: Page, target: Locator, maxPresses = 40): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    if (await hasFocus(target)) return;
    await page.keyboard.press('Tab');
  }
  if (!(await hasFocus(target))) throw new Error(`Tab never reached ${target}`);
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core's WCAG 2.x A and AA rules over the page, shadow roots included: each violation as its
 * rule and the elements it found, so a failing test says where to look.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  // Mid-animation (the dialog fades in) contrast would be measured against a half-transparent
  // box: wait for every animation, in the document and in each shadow root.
  await page.evaluate(() => {
    const roots: (Document | ShadowRoot)[] = [document];
    for (let i = 0; i < roots.length; i++) {
      for (const el of roots[i]!.querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
    }
    return Promise.all(roots.flatMap((root) => root.getAnimations().map((a) => a.finished)));
  });
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    type Result = { violations: { id: string; nodes: { target: unknown }[] }[] };
    const axe = (window as unknown as { axe: { run(o: object): Promise<Result> } }).axe;
    const { violations } = await axe.run({ runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] });
    return violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  });
}

/**
 * A screenshot for the README, `name`.png: every run takes it into .tandem/screenshots (ignored
 * by git); the README's copy in docs/screenshots changes only when asked
 * (UPDATE_SCREENSHOTS=1 npm test), since each run's dates differ. The mouse moves away first, so
 * nothing shows as hovered. Resolves with the image.
 */
export async function saveScreenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<Buffer> {
  const folder = process.env.UPDATE_SCREENSHOTS ? `${root}docs/screenshots` : `${root}.tandem/screenshots`;
  mkdirSync(folder, { recursive: true });
  await page.mouse.move(0, 0);
  return page.screenshot({ path: `${folder}/${name}.png`, ...options });
}
