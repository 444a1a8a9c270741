/**
 * `<tandem-testimonials>`, the wall of approved testimonials, in real Chromium against the real
 * worker: its layouts and an empty wall, customers' words shown as text whatever they contain,
 * the carousel with the keyboard and its rotation, the space it reserves, the page's theme,
 * direction and reduced motion, a strict CSP, and the schema.org markup it writes for product
 * pages only. Each test site is its own (created in the local D1), so other suites' rows never
 * show up here.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, hasFocus, tabTo, useBrowser } from '../support/browser.js';
import { executeSql, siteSql, sql } from '../support/d1.js';

const endpoint = inject('endpoint');
const browser = useBrowser();

// A site of its own for each group of tests, all with the same testimonials: the public routes
// are rate limited per site (30 requests a minute), and every page here asks once.
const KEYS = {
  layouts: 'pk_wall_layouts_5d2c8e7a41b9',
  carousel: 'pk_wall_carousel_4f06a3c1d2e7',
  guest: 'pk_wall_guest_8b3e6f1a9c40',
  markup: 'pk_wall_markup_2c7d9e4b1a65',
};
const EMPTY_KEY = 'pk_wall_empty_9e4b1c7d2a8f';

// Carried by a testimonial: it must reach the page as text, never as markup or a script.
const HOSTILE_QUOTE = `Great beans <img src=x onerror="document.title='pwned'"> and <script>document.title='pwned'</script> fast delivery`;
const HOSTILE_AUTHOR = '<b>Mallory</b>';

/** Most recently approved first, as the API serves them. */
const TESTIMONIALS: { quote: string; author: string | null; rating: number | null; approvedAt: string }[] = [
  { quote: HOSTILE_QUOTE, author: HOSTILE_AUTHOR, rating: 5, approvedAt: '2026-11-08T12:00:00.000Z' },
  { quote: 'The subscription is easy to pause when I travel.', author: 'Lucía Martínez', rating: 4, approvedAt: '2026-11-07T12:00:00.000Z' },
  { quote: 'Lovely people, lovely beans.', author: 'Tom B.', rating: null, approvedAt: '2026-11-06T12:00:00.000Z' },
  { quote: 'Ordered on Monday, brewing by Wednesday.', author: null, rating: 4, approvedAt: '2026-11-05T12:00:00.000Z' },
  { quote: 'Support replaced my grinder burr the same week.', author: 'Jonas W.', rating: 5, approvedAt: '2026-11-04T12:00:00.000Z' },
  { quote: 'Fresh, fruity, and it arrived two days after roasting.', author: 'Amara O.', rating: 5, approvedAt: '2026-11-03T12:00:00.000Z' },
  { quote: 'My first order went astray; they sent a new bag the next day.', author: 'Elif K.', rating: 3, approvedAt: '2026-11-02T12:00:00.000Z' },
];

beforeAll(() => {
  const sites = Object.entries(KEYS).map(([name, key]) => ({ id: `site_wall_${name}`, key }));
  const rows = sites.flatMap(({ id }) =>
    TESTIMONIALS.map(
      (t, i) =>
        `(${sql(`tm_${id}_${i}`)}, ${sql(id)}, ${sql(t.quote)}, ${sql(t.author)}, ${sql(t.rating)}, 'approved', ${sql(t.approvedAt)}, ${sql(t.approvedAt)})`,
    ),
  );
  executeSql(`${sites.map(({ id, key }) => siteSql(id, key, endpoint)).join('\n')}
    ${siteSql('site_wall_empty', EMPTY_KEY, endpoint)}
    INSERT INTO testimonials (id, site_id, quote, author_name, rating, status, approved_at, created_at) VALUES
      ${rows.join(',\n')},
      ('tm_wall_draft', 'site_wall_empty', 'Not approved yet.', 'Dana D.', 5, 'draft', NULL, '2026-11-01T12:00:00.000Z');`);
});

interface PageOptions {
  siteKey: string;
  scheme?: 'light' | 'dark';
  dir?: 'ltr' | 'rtl';
  lang?: string;
  reducedMotion?: boolean;
  /** Extra markup for <head> (a stylesheet, say). */
  head?: string;
  headers?: Record<string, string>;
  /** Runs in the page before its own scripts. */
  init?: () => void;
  /** Chromium's clock stands still until the test moves it (page.clock). */
  clock?: boolean;
}

/**
 * A page at the worker's origin (Chromium intercepts its address) whose body is `body` plus the
 * script tag, as a site adds them; resolves once the page has loaded.
 */
async function wallPage(body: string, options: PageOptions): Promise<Page> {
  const { siteKey, scheme = 'light', dir = 'ltr', lang = 'en', reducedMotion = false, head = '', headers = {} } = options;
  const page = await browser().newPage();
  await page.emulateMedia({ colorScheme: scheme, reducedMotion: reducedMotion ? 'reduce' : 'no-preference' });
  if (options.init) await page.addInitScript(options.init);
  if (options.clock) await page.clock.install();
  const path = `/wall-${crypto.randomUUID()}.html`;
  await page.route(`${endpoint}${path}`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      headers,
      body: `<!doctype html><html lang="${lang}" dir="${dir}"><head><meta charset="utf-8"><title>shop</title>${head}</head>
        <body>${body}<script src="/tandem.js" data-site="${siteKey}" async></script></body></html>`,
    }),
  );
  await page.goto(`${endpoint}${path}`);
  return page;
}

const wall = (page: Page, selector = 'tandem-testimonials') => page.locator(selector);

/** The carousel's slide in view, by its label ("2 of 6"). */
const current = (page: Page) =>
  wall(page).evaluate((el) => el.shadowRoot!.querySelector('.slide.current')?.getAttribute('aria-label'));

/** Waits for the wall's testimonials to be on the page. */
async function loaded(page: Page, selector = 'tandem-testimonials') {
  await wall(page, selector).locator('figure').first().waitFor();
  return wall(page, selector);
}

describe('layouts', () => {
  const siteKey = KEYS.layouts;

  it('shows a grid of approved testimonials, labelled as selected, with names, ratings and dates', async () => {
    const page = await wallPage('<main><h1>Shop</h1><tandem-testimonials></tandem-testimonials></main>', { siteKey });
    const grid = await loaded(page);
    expect(await grid.getByRole('region', { name: 'Selected testimonials' }).isVisible()).toBe(true);
    const cards = grid.getByRole('listitem');
    expect(await cards.count()).toBe(6); // limit 6 by default, of 7 approved
    const second = grid.getByRole('figure').nth(1);
    expect(await second.locator('blockquote').textContent()).toBe(TESTIMONIALS[1]!.quote);
    expect(await second.getByRole('img').getAttribute('aria-label')).toBe('Rated 4 out of 5');
    expect(await second.locator('[part="author"]').textContent()).toBe('Lucía Martínez');
    expect(await second.locator('time').textContent()).toBe('Nov 7, 2026');
    expect(await second.locator('time').getAttribute('datetime')).toBe(TESTIMONIALS[1]!.approvedAt);
    // No rating: no stars at all. No name: said so, not left blank.
    expect(await grid.getByRole('figure').nth(2).getByRole('img').count()).toBe(0);
    expect(await grid.getByRole('figure').nth(3).locator('[part="author"]').textContent()).toBe('Anonymous customer');
    // Three columns on a wide page.
    const [a, b, c] = await Promise.all([0, 1, 2].map((i) => cards.nth(i).boundingBox()));
    expect(a!.y).toBe(b!.y);
    expect(b!.y).toBe(c!.y);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('shows a list, with initials only when the site asks, dates in the page language', async () => {
    const page = await wallPage('<tandem-testimonials layout="list" limit="3" names="initials"></tandem-testimonials>', { siteKey, lang: 'de' });
    const list = await loaded(page);
    const cards = list.getByRole('listitem');
    expect(await cards.count()).toBe(3);
    // One above the other.
    const [a, b] = await Promise.all([cards.nth(0).boundingBox(), cards.nth(1).boundingBox()]);
    expect(a!.x).toBe(b!.x);
    expect(b!.y).toBeGreaterThan(a!.y + a!.height);
    expect(await list.locator('[part="author"]').nth(1).textContent()).toBe('L. M.');
    expect(await list.locator('time').nth(1).textContent()).toMatch(/^07\.11\.2026$/);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('keeps an empty wall invisible, in the space it reserved, and says so with tandem-load', async () => {
    // Its own site key (one with nothing approved) wins over the script tag's.
    const page = await wallPage(`<tandem-testimonials site-key="${EMPTY_KEY}" layout="grid" limit="3"></tandem-testimonials><p id="after">Below the wall</p>`, {
      siteKey,
      init: () => document.addEventListener('tandem-load', (e) => ((window as unknown as { loads: unknown[] }).loads ??= []).push((e as CustomEvent).detail)),
    });
    await page.waitForFunction(() => (window as unknown as { loads?: unknown[] }).loads?.length);
    expect(await page.evaluate(() => (window as unknown as { loads: unknown[] }).loads)).toEqual([{ count: 0 }]);
    const empty = wall(page);
    expect(await empty.locator('figure').count()).toBe(0);
    // Nothing to see or hear, but the room for one row of cards stays: nothing below moves.
    expect(await empty.locator('section').isVisible()).toBe(false);
    expect(await empty.getByRole('region').count()).toBe(0);
    const box = (await empty.boundingBox())!;
    expect(box.height).toBeGreaterThan(200);
    expect((await page.locator('#after').boundingBox())!.y).toBeGreaterThanOrEqual(box.y + box.height);
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe("customers' words", () => {
  const siteKey = KEYS.layouts;

  it('shows HTML and scripts in a testimonial as text, and runs none of it', async () => {
    const problems: string[] = [];
    const page = await wallPage('<tandem-testimonials layout="list" limit="1"></tandem-testimonials>', { siteKey });
    page.on('pageerror', (e) => problems.push(e.message));
    const list = await loaded(page);
    expect(await list.locator('blockquote').textContent()).toBe(HOSTILE_QUOTE);
    expect(await list.locator('[part="author"]').textContent()).toBe(HOSTILE_AUTHOR);
    // Not parsed: no image, no script, no bold inside the wall.
    expect(await list.evaluate((el) => el.shadowRoot!.querySelectorAll('img, script, b').length)).toBe(0);
    await page.waitForTimeout(300);
    expect(await page.title()).toBe('shop');
    expect(problems).toEqual([]);
  });
});

describe('the carousel', () => {
  const siteKey = KEYS.carousel;

  it('is a WAI-ARIA carousel: labelled slides, previous and next, and arrow keys', async () => {
    const page = await wallPage('<tandem-testimonials layout="carousel"></tandem-testimonials>', { siteKey });
    const carousel = await loaded(page);
    const region = carousel.getByRole('region', { name: 'Selected testimonials' });
    expect(await region.getAttribute('aria-roledescription')).toBe('carousel');
    // Hidden slides are out of the accessibility tree: count them all.
    const slides = carousel.getByRole('group', { includeHidden: true });
    expect(await slides.count()).toBe(6);
    expect(await slides.first().getAttribute('aria-roledescription')).toBe('slide');
    expect(await current(page)).toBe('1 of 6');
    // Only the slide in view can be seen (or heard).
    expect(await slides.nth(0).isVisible()).toBe(true);
    expect(await slides.nth(1).isVisible()).toBe(false);
    // Not rotating: changes are announced.
    expect(await carousel.locator('.slides').getAttribute('aria-live')).toBe('polite');
    // No rotation control unless the site turns rotation on.
    expect(await carousel.getByRole('button').count()).toBe(2);

    const next = carousel.getByRole('button', { name: 'Next testimonial' });
    await tabTo(page, carousel.getByRole('button', { name: 'Previous testimonial' }));
    await page.keyboard.press('ArrowRight');
    expect(await current(page)).toBe('2 of 6');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    expect(await current(page)).toBe('6 of 6'); // wraps around
    await page.keyboard.press('Tab');
    expect(await hasFocus(next)).toBe(true);
    await page.keyboard.press('Enter');
    expect(await current(page)).toBe('1 of 6');
    await next.click();
    expect(await current(page)).toBe('2 of 6');
    await page.waitForTimeout(500); // the fade between slides
    expect(await axeViolations(page)).toEqual([]);
  });

  it('rotates only when asked, and stops for its button, hover and keyboard focus', async () => {
    const page = await wallPage('<a href="#top">Top</a><tandem-testimonials layout="carousel" autoplay></tandem-testimonials><p>Below</p>', {
      siteKey,
      clock: true,
    });
    const carousel = await loaded(page);
    await page.mouse.move(0, 700);
    const stop = carousel.getByRole('button', { name: 'Stop automatic slide show' });
    expect(await carousel.getByRole('button').first().getAttribute('aria-label')).toBe('Stop automatic slide show');
    // Rotating: not announced at every turn.
    expect(await carousel.locator('.slides').getAttribute('aria-live')).toBe('off');
    await page.clock.runFor(7_100);
    expect(await current(page)).toBe('2 of 6');

    // A pointer resting on it holds it; leaving lets it go on.
    await carousel.hover();
    await page.clock.runFor(15_000);
    expect(await current(page)).toBe('2 of 6');
    await page.mouse.move(0, 700);
    await page.clock.runFor(7_100);
    expect(await current(page)).toBe('3 of 6');

    // The button stops and starts it.
    await stop.click();
    await page.mouse.move(0, 700);
    await page.clock.runFor(15_000);
    expect(await current(page)).toBe('3 of 6');
    const start = carousel.getByRole('button', { name: 'Start automatic slide show' });
    await start.click();
    await page.mouse.move(0, 700);
    await page.clock.runFor(7_100);
    expect(await current(page)).toBe('4 of 6');

    // Keyboard focus inside stops it, until the customer starts it again.
    await page.locator('a').focus();
    await page.keyboard.press('Tab');
    expect(await hasFocus(start)).toBe(true);
    await page.clock.runFor(15_000);
    expect(await current(page)).toBe('4 of 6');
  });

  it('does not rotate or fade for a customer who prefers reduced motion', async () => {
    const page = await wallPage('<tandem-testimonials layout="carousel" autoplay></tandem-testimonials>', { siteKey, reducedMotion: true, clock: true });
    const carousel = await loaded(page);
    expect(await carousel.getByRole('button').count()).toBe(2); // previous and next, no rotation control
    expect(await carousel.locator('.slide').first().evaluate((s) => getComputedStyle(s).transitionDuration)).toBe('0s');
    await page.clock.runFor(30_000);
    expect(await current(page)).toBe('1 of 6');
  });

  it('has touch targets of at least 44 px and fits a small phone', async () => {
    const page = await browser().newPage();
    await page.setViewportSize({ width: 360, height: 640 });
    await page.route(`${endpoint}/phone.html`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="en"><head><title>shop</title><meta name="viewport" content="width=device-width"></head>
          <body><tandem-testimonials layout="carousel" autoplay></tandem-testimonials>
          <script src="/tandem.js" data-site="${siteKey}" async></script></body></html>`,
      }),
    );
    await page.goto(`${endpoint}/phone.html`);
    const carousel = await loaded(page);
    const buttons = carousel.getByRole('button');
    expect(await buttons.count()).toBe(3);
    for (const button of await buttons.all()) {
      const size = (await button.boundingBox())!;
      expect(Math.round(Math.min(size.width, size.height))).toBeGreaterThanOrEqual(44);
    }
    const box = (await carousel.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(360);
  });
});

describe('a good guest', () => {
  const siteKey = KEYS.guest;

  it('reserves its space, so nothing moves when the testimonials arrive', async () => {
    // 60rem wide: three columns of cards (16rem and more), two rows for six: 2 × 17rem + 2rem,
    // which the page reserves until the element is defined, as the README shows.
    const page = await wallPage('<main style="width:60rem"><h1>Shop</h1><tandem-testimonials></tandem-testimonials><p id="after">Below the wall</p></main>', {
      siteKey,
      head: '<style>tandem-testimonials:not(:defined) { display: block; min-height: 36rem; }</style>',
      init: () => {
        const w = window as unknown as { shift: number };
        w.shift = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) if (!e.hadRecentInput) w.shift += e.value;
        }).observe({ type: 'layout-shift', buffered: true });
      },
    });
    // The testimonials are slow to come: the wall is defined and waiting.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/v1\/testimonials\?/, async (route) => {
      await held;
      await route.continue();
    });
    await page.reload();
    await page.waitForFunction(() => customElements.get('tandem-testimonials'));
    const before = (await page.locator('#after').boundingBox())!;
    release();
    await loaded(page);
    await page.waitForTimeout(300);
    expect((await page.locator('#after').boundingBox())!.y).toBe(before.y);
    expect(await page.evaluate(() => (window as unknown as { shift: number }).shift)).toBe(0);
  });

  it('works on a page with a strict Content-Security-Policy', async () => {
    const page = await wallPage('<tandem-testimonials layout="carousel"></tandem-testimonials>', {
      siteKey,
      headers: { 'content-security-policy': "default-src 'self'; base-uri 'none'" },
      init: () => {
        const w = window as unknown as { violations: string[] };
        w.violations = [];
        document.addEventListener('securitypolicyviolation', (e) => w.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
      },
    });
    const carousel = await loaded(page);
    // Its styles applied (adopted stylesheets, not inline ones the policy would block).
    expect(await carousel.locator('section').evaluate((s) => getComputedStyle(s).display)).toBe('grid');
    expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
  });

  it('follows the theme: the system by default, or the one the site fixed', async () => {
    const surface = async (page: Page) => (await loaded(page)).locator('figure').first().evaluate((f) => getComputedStyle(f).backgroundColor);
    const LIGHT = 'rgb(255, 255, 255)';
    const DARK = 'rgb(31, 32, 35)';
    expect(await surface(await wallPage('<tandem-testimonials limit="1"></tandem-testimonials>', { siteKey, scheme: 'light' }))).toBe(LIGHT);
    expect(await surface(await wallPage('<tandem-testimonials limit="1"></tandem-testimonials>', { siteKey, scheme: 'dark' }))).toBe(DARK);
    expect(await surface(await wallPage('<tandem-testimonials limit="1" theme="dark"></tandem-testimonials>', { siteKey, scheme: 'light' }))).toBe(DARK);
    expect(await surface(await wallPage('<tandem-testimonials limit="1" theme="light"></tandem-testimonials>', { siteKey, scheme: 'dark' }))).toBe(LIGHT);
  });

  it('is themed only through its custom properties and parts', async () => {
    const page = await wallPage('<tandem-testimonials limit="1"></tandem-testimonials>', {
      siteKey,
      head: `<style>tandem-testimonials { --tandem-surface: rgb(1, 2, 3); } tandem-testimonials::part(quote) { font-style: italic; }
        figure, blockquote { background: red !important; font-style: normal !important; }</style>`,
    });
    const figure = (await loaded(page)).locator('figure');
    expect(await figure.evaluate((f) => getComputedStyle(f).backgroundColor)).toBe('rgb(1, 2, 3)');
    expect(await figure.locator('blockquote').evaluate((b) => getComputedStyle(b).fontStyle)).toBe('italic');
  });

  it('reads right to left on a right-to-left page, arrow keys included', async () => {
    const page = await wallPage('<tandem-testimonials layout="carousel"></tandem-testimonials>', { siteKey, dir: 'rtl', lang: 'ar' });
    const carousel = await loaded(page);
    expect(await carousel.locator('blockquote').first().evaluate((b) => getComputedStyle(b).direction)).toBe('rtl');
    // The caption on the right, the buttons on the left; Previous to the right of Next.
    const label = (await carousel.locator('[part="label"]').boundingBox())!;
    const previous = carousel.getByRole('button', { name: 'Previous testimonial' });
    const next = carousel.getByRole('button', { name: 'Next testimonial' });
    expect((await previous.boundingBox())!.x).toBeGreaterThan((await next.boundingBox())!.x);
    expect((await previous.boundingBox())!.x).toBeLessThan(label.x);
    await previous.focus();
    await page.keyboard.press('ArrowLeft'); // forward, in a right-to-left page
    expect(await current(page)).toBe('2 of 6');
  });

  it('adds no global to the page but the element (Lit, shared with the launcher, keeps its own)', async () => {
    const globals = (page: Page) => page.evaluate(() => Object.keys(window).sort());
    const launcherOnly = await wallPage('<p>No wall</p>', { siteKey });
    await launcherOnly.locator('tandem-feedback').getByRole('button', { name: 'Feedback' }).waitFor();
    const page = await wallPage('<tandem-testimonials></tandem-testimonials>', { siteKey });
    await loaded(page);
    await page.locator('tandem-feedback').getByRole('button', { name: 'Feedback' }).waitFor();
    expect(await globals(page)).toEqual(await globals(launcherOnly));
    expect(await page.evaluate(() => customElements.get('tandem-testimonials')?.name)).toBeTruthy();
  });
});

describe('structured data', () => {
  const siteKey = KEYS.markup;

  const jsonLd = (page: Page) =>
    page.evaluate(() =>
      [...document.querySelectorAll('script[type="application/ld+json"]')].map((s) => ({ text: s.textContent!, after: s.previousElementSibling?.localName })),
    );

  it('writes schema.org Reviews of the product beside the wall, and no aggregate rating', async () => {
    const page = await wallPage('<tandem-testimonials structured-data="product" product-name="Ethiopia Guji"></tandem-testimonials>', { siteKey });
    await loaded(page);
    await page.waitForFunction(() => document.querySelector('script[type="application/ld+json"]'));
    const [markup, ...more] = await jsonLd(page);
    expect(more).toEqual([]);
    // In the page's own DOM, right after the element, where search engines read it.
    expect(markup!.after).toBe('tandem-testimonials');
    // "</script>" in a quote cannot end the script.
    expect(markup!.text).not.toContain('<');
    const data = JSON.parse(markup!.text);
    expect(data).toMatchObject({ '@context': 'https://schema.org', '@type': 'Product', name: 'Ethiopia Guji' });
    expect(data.aggregateRating).toBeUndefined();
    // Six on the wall, one of them without a name: five reviews.
    expect(data.review).toHaveLength(5);
    expect(data.review[0]).toEqual({
      '@type': 'Review',
      reviewBody: HOSTILE_QUOTE,
      datePublished: '2026-11-08',
      author: { '@type': 'Person', name: HOSTILE_AUTHOR },
      reviewRating: { '@type': 'Rating', ratingValue: 5, bestRating: 5, worstRating: 1 },
    });
    expect(data.review[1].reviewRating.ratingValue).toBe(4);
    expect(data.review[2].reviewRating).toBeUndefined();

    // Leaving the page takes its markup along.
    await page.evaluate(() => document.querySelector('tandem-testimonials')!.remove());
    await page.waitForFunction(() => !document.querySelector('script[type="application/ld+json"]'));
  });

  it('writes nothing for an organization or local-business page, and says why in the console', async () => {
    const warnings: string[] = [];
    const page = await browser().newPage();
    page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    await page.route(`${endpoint}/about.html`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="en"><head><title>about</title></head><body>
          <tandem-testimonials structured-data="organization"></tandem-testimonials>
          <tandem-testimonials id="plain"></tandem-testimonials>
          <script src="/tandem.js" data-site="${siteKey}" async></script></body></html>`,
      }),
    );
    await page.goto(`${endpoint}/about.html`);
    await loaded(page, '#plain');
    await page.waitForTimeout(300);
    expect(await jsonLd(page)).toEqual([]);
    expect(warnings.join('\n')).toMatch(/structured-data="organization" emits nothing/);
  });
});

describe('without the script tag', () => {
  const siteKey = KEYS.markup;

  it('works as a module of its own, with its site key and endpoint as attributes', async () => {
    const page = await browser().newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.route(`${endpoint}/standalone.html`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="en"><head><title>shop</title>
          <script type="module" src="/tandem-testimonials.js"></script></head><body>
          <tandem-testimonials site-key="${siteKey}" endpoint="${endpoint}" layout="list" limit="2"></tandem-testimonials></body></html>`,
      }),
    );
    await page.goto(`${endpoint}/standalone.html`);
    expect(await (await loaded(page)).locator('figure').count()).toBe(2);
    // Lit and the wall; not the feedback launcher.
    expect(requests.filter((p) => p.endsWith('.js')).sort()).toEqual(['/tandem-lit.js', '/tandem-testimonials.js']);
    expect(await page.evaluate(() => customElements.get('tandem-feedback'))).toBeUndefined();
  });

  it('is not downloaded by pages that have no wall', async () => {
    const page = await browser().newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.route(`${endpoint}/no-wall.html`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="en"><head><title>shop</title></head><body><p>Shop</p>
          <script src="/tandem.js" data-site="${siteKey}" async></script></body></html>`,
      }),
    );
    await page.goto(`${endpoint}/no-wall.html`);
    await page.locator('tandem-feedback').getByRole('button', { name: 'Feedback' }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(requests.filter((p) => p.includes('testimonials'))).toEqual([]);
  });
});
