// npm run bench: what the widget costs a site, as figures (a benchmark, not a test: it exits 0
// whatever the numbers, and says which budget each figure is held to).
//   1. Size of every script in dist/public (what the worker serves to pages), raw, gzip and brotli,
//      and of each download a page makes: a file with every file it imports statically.
//      Also the dashboard's first download and its insights chunk.
//   2. In real headless Chromium, on a plain page served from 127.0.0.1, with and without the
//      script tag, and with a testimonial wall (grid and carousel, its testimonials answered by
//      this script after a short wait): main-thread time at load (CDP TaskDuration /
//      ScriptDuration) and the layout shift each causes (goal: 0).
// It builds first, as `npm run eval` does. Triage's speed is benchmarked by `npm run eval`.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { bin, root, run } from './tools.mjs';

const PUBLIC = join(root, 'dist/public');
const LOADS = 7;

run(bin('rollup'), ['-c', '--silent']);

// ---- sizes ----
const scripts = readdirSync(PUBLIC).filter((f) => f.endsWith('.js')).sort();
const sizes = Object.fromEntries(
  scripts.map((f) => {
    const bytes = readFileSync(join(PUBLIC, f));
    const brotli = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    return [f, { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, brotli }];
  }),
);
/**
 * The files a page downloads for `entries`: each with the files it imports, statically only
 * (what the browser fetches before the module runs) or also dynamically (everything it may load).
 */
function download(entries, { dynamic = false } = {}) {
  const found = new Set();
  const visit = (file) => {
    if (found.has(file) || !sizes[file]) return;
    found.add(file);
    const code = readFileSync(join(PUBLIC, file), 'utf8');
    // Rollup's minified output: import{…}from"./x.js", import"./x.js", export{…}from"./x.js"; and import("./x.js").
    const pattern = dynamic ? /\b(?:from|import)\s*\(?\s*["']\.\/([^"']+)["']/g : /\b(?:from|import)\s*["']\.\/([^"']+)["']/g;
    for (const [, imported] of code.matchAll(pattern)) visit(imported);
  };
  entries.forEach(visit);
  return [...found].sort();
}

const LANGUAGES = ['en', 'es', 'fr', 'de', 'pt'];
/** Whether `file` is a language pack (of `language`, when given): tandem-de-[hash].js. */
const isPack = (file, language = '[a-z]{2}') => new RegExp(`^tandem-${language}-[\\w-]+\\.js$`).test(file);

/** Budgets from the widget issue, brotli bytes; `limit` 0: a figure held to none. */
const BUDGETS = [
  // tandem.js imports the launcher (and the Lit it shares with the wall) at once; the form waits.
  { what: 'script tag, first download (Lit included)', files: ['tandem.js', ...download(['tandem-feedback.js'])], limit: 8 * 1024 },
  // A visitor downloads the form with one language pack: each language is its own figure.
  ...LANGUAGES.map((language) => ({
    what: `whole feedback widget, in ${language}`,
    files: ['tandem.js', ...download(['tandem-feedback.js'], { dynamic: true }).filter((f) => !isPack(f) || isPack(f, language))],
    limit: 14 * 1024,
  })),
  // A page with the wall alone (<script type="module" src="…/tandem-testimonials.js">).
  { what: 'testimonial wall (Lit included)', files: download(['tandem-testimonials.js']), limit: 8 * 1024 },
  {
    what: 'wall, on a page that has the script tag',
    files: download(['tandem-testimonials.js']).filter((f) => !download(['tandem-feedback.js']).includes(f)),
    limit: 0,
  },
  {
    what: 'wall + structured-data="product" module',
    note: 'only product pages that opt in; fetched after the wall renders',
    files: download(['tandem-testimonials.js'], { dynamic: true }),
    limit: 0,
  },
];

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log('Widget files (dist/public)');
console.log(`${'file'.padEnd(40)}${'raw'.padStart(10)}${'gzip'.padStart(10)}${'brotli'.padStart(10)}`);
for (const [f, s] of Object.entries(sizes)) console.log(`${f.padEnd(40)}${kb(s.raw).padStart(10)}${kb(s.gzip).padStart(10)}${kb(s.brotli).padStart(10)}`);
console.log('\nDownloads and budgets (brotli)');
for (const b of BUDGETS) {
  const files = b.files.filter((f) => sizes[f]);
  if (!files.length) {
    console.log(`  ----  ${b.what.padEnd(44)} not built yet`);
    continue;
  }
  const total = files.reduce((n, f) => n + sizes[f].brotli, 0);
  const verdict = !b.limit ? '    ' : total <= b.limit ? 'PASS' : 'MISS';
  // Two decimals: budgets are close enough that one would round a pass up to the limit.
  const kb2 = (n) => `${(n / 1024).toFixed(2)} KB`;
  const of = b.limit ? ` of ${kb2(b.limit)}` : '';
  console.log(`  ${verdict}  ${b.what.padEnd(44)} ${kb2(total)}${of} (${files.join(' + ')}${b.note ? `; ${b.note}` : ''})`);
}

// The dashboard (no budget in its issue): what signing in downloads, and what insights adds.
const DASHBOARD = join(PUBLIC, 'dashboard');
const dashboardSizes = readdirSync(DASHBOARD)
  .filter((f) => f.endsWith('.js'))
  .map((f) => [f, brotliCompressSync(readFileSync(join(DASHBOARD, f)), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length]);
console.log('\nDashboard (dist/public/dashboard, brotli)');
for (const [f, brotli] of dashboardSizes) {
  console.log(`  ${(f === 'dashboard.js' ? 'first download (Lit, admin SDK, every part but insights)' : `${f}: insights, loaded when opened`).padEnd(62)} ${kb(brotli)}`);
}

// ---- Chromium ----
const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
const chromiumPath = CANDIDATES.find((p) => p && existsSync(p));
if (!chromiumPath) {
  console.log('\nChromium not found (apt-get install -y chromium, or set CHROMIUM_PATH): page cost not measured.');
  process.exit(0);
}

// A page with real content above and below where the launcher goes, so a shift would show. The
// wall sits above the fold, with text under it, and its space reserved from the page as the
// README tells sites to (six cards in four columns: two rows of 17rem and 2rem of caption).
const WALLS = {
  grid: '<tandem-testimonials layout="grid" limit="6"></tandem-testimonials>',
  carousel: '<tandem-testimonials layout="carousel" limit="6"></tandem-testimonials>',
};
const page = (variant) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>bench</title>
<style>tandem-testimonials:not(:defined) { display: block; min-height: 36rem; }
tandem-testimonials[layout=carousel]:not(:defined) { min-height: 20rem; }</style></head>
<body style="margin:0;font:16px/1.5 system-ui">
<header style="padding:16px;background:#eee"><h1>Shop</h1></header>
<main style="padding:16px">${'<p>Some product text that fills the page like a real shop would. '.repeat(4)}</p>
${WALLS[variant] ?? ''}
${'<p>More text below the fold.</p>'.repeat(30)}</main>
${variant === 'without' ? '' : '<script src="/tandem.js" data-site="pk_bench_0000000000000000" async></script>'}
</body></html>`;

// What GET /v1/testimonials answers for the bench's site: six approved quotes of usual lengths.
const TESTIMONIALS = [
  'The Ethiopia Guji is the best coffee I have had at home. Fresh, fruity, and it arrived two days after roasting.',
  'My grinder broke and support sent a replacement burr the same week, no questions asked.',
  'The subscription is easy to pause when I travel. Small thing, but it keeps me a customer.',
  'Lovely people, lovely beans.',
  'Ordered on Monday, brewing by Wednesday. The Colombia Huila is my new everyday coffee.',
  'My first order went to the wrong address. They called me the next morning and sent a new bag on the house.',
].map((quote, i) => ({ id: `tm_bench_${i}`, quote, author: i === 4 ? null : `Customer ${i + 1}.`, rating: i === 3 ? null : 5 - (i % 2), approvedAt: `2026-11-0${8 - i}T10:00:00.000Z` }));
// The network and the worker take a moment: the testimonials land after the wall first renders.
const API_DELAY_MS = 150;

const server = createServer((req, res) => {
  const path = new URL(req.url, 'http://x').pathname;
  if (['/without', '/with', '/grid', '/carousel'].includes(path)) {
    res.writeHead(200, { 'content-type': 'text/html' }).end(page(path.slice(1)));
  } else if (path === '/v1/testimonials') {
    setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: TESTIMONIALS })), API_DELAY_MS);
  } else if (scripts.includes(path.slice(1))) {
    res.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(join(PUBLIC, path.slice(1))));
  } else res.writeHead(404).end();
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const { chromium } = await import('playwright-core');
const browser = await chromium.launch({
  executablePath: chromiumPath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1'],
});
try {
  const measure = async (path) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const tab = await context.newPage();
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Performance.enable');
    await tab.addInitScript(() => {
      window.__shift = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await tab.goto(origin + path, { waitUntil: 'load' });
    // Give the async script time to run and render its launcher, and the wall its testimonials
    // (the same wait on every page, so the main-thread times compare).
    await tab.waitForTimeout(500 + API_DELAY_MS);
    const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    const shift = await tab.evaluate(() => window.__shift);
    const launcher = await tab.evaluate(() => !!document.querySelector('tandem-feedback')?.shadowRoot?.querySelector('button'));
    const cards = await tab.evaluate(() => document.querySelector('tandem-testimonials')?.shadowRoot?.querySelectorAll('figure').length ?? 0);
    await context.close();
    return { task: metrics.TaskDuration * 1000, script: metrics.ScriptDuration * 1000, shift, launcher, cards };
  };
  const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const runs = { without: [], with: [], grid: [], carousel: [] };
  for (let i = 0; i < LOADS; i++) {
    for (const variant of Object.keys(runs)) runs[variant].push(await measure(`/${variant}`));
  }
  const m = (k, key) => median(runs[k].map((r) => r[key]));
  const worstShift = (k) => Math.max(...runs[k].map((r) => r.shift)).toFixed(4);
  console.log(`\nPage cost in Chromium ${browser.version()}, median of ${LOADS} loads (1280x800, 127.0.0.1)`);
  console.log(`  main-thread task time: ${m('with', 'task').toFixed(1)} ms with the widget, ${m('without', 'task').toFixed(1)} ms without: +${(m('with', 'task') - m('without', 'task')).toFixed(1)} ms`);
  console.log(`  script evaluation:     ${m('with', 'script').toFixed(1)} ms with, ${m('without', 'script').toFixed(1)} ms without`);
  console.log(`  layout shift (CLS):    ${worstShift('with')} worst of ${LOADS} (goal: 0)`);
  console.log(`  launcher rendered:     ${runs.with.every((r) => r.launcher) ? 'every load' : 'NOT on every load'}`);
  console.log(`\nA testimonial wall above the fold, on the same page with the script tag (its answer ${API_DELAY_MS} ms late)`);
  for (const variant of ['grid', 'carousel']) {
    const extra = (key) => {
      const d = m(variant, key) - m('with', key);
      return `${d < 0 ? '' : '+'}${d.toFixed(1)}`;
    };
    console.log(`  ${variant.padEnd(9)} main-thread task time ${extra('task')} ms over the launcher alone (script evaluation ${extra('script')} ms);` +
      ` layout shift ${worstShift(variant)} worst of ${LOADS} (goal: 0); ${runs[variant].every((r) => r.cards === 6) ? 'six testimonials on every load' : 'testimonials NOT on every load'}`);
  }
} finally {
  await browser.close();
  server.close();
}
