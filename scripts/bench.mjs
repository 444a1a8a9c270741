// npm run bench: what the widget costs a site, as figures (a benchmark, not a test: it exits 0
// whatever the numbers, and says which budget each figure is held to).
//   1. Size of every script in dist/public (what the worker serves to pages), raw, gzip and brotli.
//   2. In real headless Chromium, on a plain page served from 127.0.0.1, with and without the
//      script tag: main-thread time at load (CDP TaskDuration / ScriptDuration) and the layout
//      shift the widget causes (goal: 0).
// It builds first, as `npm run eval` does. Triage's speed is benchmarked by `npm run eval`.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { bin, root, run } from './tools.mjs';

const PUBLIC = join(root, 'dist/public');
const LOADS = 7;
/** Budgets from the widget issue, brotli bytes. */
const BUDGETS = [
  // tandem.js imports tandem-feedback.js (Lit and the launcher) at once; the form's chunk waits.
  { what: 'script tag, first download (Lit included)', files: ['tandem.js', 'tandem-feedback.js'], limit: 8 * 1024 },
  { what: 'whole feedback widget', files: (all) => all.filter((f) => f !== 'tandem-testimonials.js'), limit: 14 * 1024 },
  { what: 'testimonial wall', files: ['tandem-testimonials.js'], limit: 8 * 1024 },
];

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
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log('Widget files (dist/public)');
console.log(`${'file'.padEnd(28)}${'raw'.padStart(10)}${'gzip'.padStart(10)}${'brotli'.padStart(10)}`);
for (const [f, s] of Object.entries(sizes)) console.log(`${f.padEnd(28)}${kb(s.raw).padStart(10)}${kb(s.gzip).padStart(10)}${kb(s.brotli).padStart(10)}`);
console.log('\nBudgets (brotli)');
for (const b of BUDGETS) {
  const files = typeof b.files === 'function' ? b.files(scripts) : b.files.filter((f) => sizes[f]);
  if (!files.length) {
    console.log(`  ----  ${b.what.padEnd(44)} not built yet`);
    continue;
  }
  const total = files.reduce((n, f) => n + sizes[f].brotli, 0);
  console.log(`  ${total <= b.limit ? 'PASS' : 'MISS'}  ${b.what.padEnd(44)} ${kb(total)} of ${kb(b.limit)} (${files.join(' + ')})`);
}

// ---- Chromium ----
const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
const chromiumPath = CANDIDATES.find((p) => p && existsSync(p));
if (!chromiumPath) {
  console.log('\nChromium not found (apt-get install -y chromium, or set CHROMIUM_PATH): page cost not measured.');
  process.exit(0);
}

// A page with real content above and below where the launcher goes, so a shift would show.
const page = (withWidget) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>bench</title></head>
<body style="margin:0;font:16px/1.5 system-ui">
<header style="padding:16px;background:#eee"><h1>Shop</h1></header>
<main style="padding:16px">${'<p>Some product text that fills the page like a real shop would. '.repeat(4)}</p>
${'<p>More text below the fold.</p>'.repeat(30)}</main>
${withWidget ? '<script src="/tandem.js" data-site="pk_bench_0000000000000000" async></script>' : ''}
</body></html>`;
const server = createServer((req, res) => {
  const path = new URL(req.url, 'http://x').pathname;
  if (path === '/with' || path === '/without') {
    res.writeHead(200, { 'content-type': 'text/html' }).end(page(path === '/with'));
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
    // Give the async script time to run and render its launcher.
    await tab.waitForTimeout(500);
    const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    const shift = await tab.evaluate(() => window.__shift);
    const launcher = await tab.evaluate(() => !!document.querySelector('tandem-feedback')?.shadowRoot?.querySelector('button'));
    await context.close();
    return { task: metrics.TaskDuration * 1000, script: metrics.ScriptDuration * 1000, shift, launcher };
  };
  const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const runs = { with: [], without: [] };
  for (let i = 0; i < LOADS; i++) {
    runs.without.push(await measure('/without'));
    runs.with.push(await measure('/with'));
  }
  const m = (k, key) => median(runs[k].map((r) => r[key]));
  console.log(`\nPage cost in Chromium ${browser.version()}, median of ${LOADS} loads (1280x800, 127.0.0.1)`);
  console.log(`  main-thread task time: ${m('with', 'task').toFixed(1)} ms with the widget, ${m('without', 'task').toFixed(1)} ms without: +${(m('with', 'task') - m('without', 'task')).toFixed(1)} ms`);
  console.log(`  script evaluation:     ${m('with', 'script').toFixed(1)} ms with, ${m('without', 'script').toFixed(1)} ms without`);
  console.log(`  layout shift (CLS):    ${Math.max(...runs.with.map((r) => r.shift)).toFixed(4)} worst of ${LOADS} (goal: 0)`);
  console.log(`  launcher rendered:     ${runs.with.every((r) => r.launcher) ? 'every load' : 'NOT on every load'}`);
} finally {
  await browser.close();
  server.close();
}
