// Times the rule functions of triage's hot path, one by one, on held-out texts as customers and
// reviewers write them, and optionally checks that they answer exactly as another build does.
// A benchmark, not a test: it exits 0 unless --before finds a difference. With --before DIR, it
// times that build too, in turns with this one, and checks that every function answers the same.
//
// The rules are separate modules only in a tsc build (rollup bundles them into dist/index.js), so
// DIR is one; build it away from dist, which others may be using:
//   npx tsc -p packages/triage --noEmit false --declaration false --sourceMap false --outDir /tmp/rules-build
//   node packages/triage/training/bench-rules.mjs /tmp/rules-build/src [--before DIR] [--rounds N] [--only f,g]
// DIR defaults to ../dist. --only times some functions alone: --only tokenize,spamSignals.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { hasData, load } from './data.mjs';

const here = import.meta.dirname;
const args = process.argv.slice(2);
const option = (name) => {
  const at = args.indexOf(name);
  return at < 0 ? undefined : args.splice(at, 2)[1];
};
const beforeDir = option('--before');
const rounds = Number(option('--rounds') ?? 10);
const only = option('--only')?.split(',');
const dir = resolve(args[0] ?? resolve(here, '../dist'));

if (!hasData()) {
  console.log('../shared/data not found (set TANDEM_DATA): benchmark skipped');
  process.exit(0);
}

async function modules(at, query = '') {
  if (!existsSync(resolve(at, 'rules.js'))) {
    console.error(`${at}/rules.js not found: compile src with tsc to a directory (see the top of this file)`);
    process.exit(1);
  }
  const imp = (name) => import(`${pathToFileURL(resolve(at, `${name}.js`))}${query}`);
  const [text, rules, language, urgency, topics, prRisk, features] = await Promise.all(
    ['text', 'rules', 'language', 'urgency', 'topics', 'pr-risk', 'features'].map(imp),
  );
  return { ...text, ...rules, ...language, ...urgency, ...topics, ...prRisk, features };
}

const now = modules(dir);
const then = beforeDir ? modules(resolve(beforeDir)) : undefined;
// The inputs are made by a copy of the modules of their own (a second import): V8 moves objects
// from an allocation site whose objects live long straight to the old generation, and the
// functions timed would then allocate at that slower pace, which production never sees.
const made = modules(beforeDir ? resolve(beforeDir) : dir, '?inputs');
const m = await now;
const old = await then;
const lib = await made;

// Short texts: reviews and tweets. Long texts: product reviews, some of several thousand characters.
// Each text as a request body brings it (JSON.parse), not as a slice of the data file: V8 reads
// such slices more slowly, which would time the loader's strings rather than the rules.
const received = (text) => JSON.parse(JSON.stringify(text));
const sets = Object.fromEntries(load().map((s) => [s.name, s.test.map((item) => received(item.text))]));
const short = ['sst2', 'uci_amazon', 'uci_imdb', 'uci_yelp', 'semeval'].flatMap((name) => sets[name]);
const long = sets.blitzer.filter((t) => t.length >= 1000);
// Customer-service sets read more of the urgency and topic phrases; they join the equivalence check.
const service = ['maalej', 'tizard', 'preotiuc', 'banking77', 'bitext', 'alexa', 'tripadvisor', 'ciurumelea']
  .flatMap((name) => sets[name]);
// Texts made to find slow paths: long runs of one letter, of one word, of spaces, of phrase openers.
const fill = (unit) => unit.repeat(Math.ceil(5000 / unit.length)).slice(0, 5000);
const adversarial = [
  'a', ' ', 'aaaa ', 'not ', 'order ', 'charged ', 'my account ', 'i ', 'the ', '? ', '!', 'http://x.co ', ':( ', '😡',
  "can't ", 'no no ', 'would be ', 'cancelled ', 'tell ', 'post on ', 'a'.repeat(60) + '. ', 'it would be great if ',
  'is it ', 'hello. ', 'post this '.repeat(3) + 'on twitter, how great. ',
].map(fill);

/** Every function's input, from the text alone, as src/index.ts computes it. */
function inputs(raw) {
  const text = lib.prepare(raw);
  const { text: withoutLinks, links } = lib.stripLinks(text);
  const lower = withoutLinks.toLowerCase();
  const tokens = lib.tokenize(withoutLinks);
  const features = lib.features.tokens(text);
  return { raw, text, withoutLinks, links, lower, tokens, textLower: text.toLowerCase(), features };
}

const ALL_FUNCTIONS = [
  ['prepare', (f, x) => f.prepare(x.raw)],
  ['stripLinks', (f, x) => f.stripLinks(x.text)],
  ['tokenize', (f, x) => f.tokenize(x.withoutLinks)],
  ['questionSignals', (f, x) => f.questionSignals(x.lower)],
  ['findIdea', (f, x) => f.findIdea(x.lower)],
  ['spamSignals', (f, x) => f.spamSignals(x.textLower, x.links, x.tokens, false)],
  ['looksEnglish', (f, x) => f.looksEnglish(x.features)],
  ['urgencyOf', (f, x) => f.urgencyOf(x.lower)],
  ['topicsOf', (f, x) => f.topicsOf(x.lower)],
  ['prRiskOf', (f, x) => f.prRiskOf(x.lower)],
];
const FUNCTIONS = only ? ALL_FUNCTIONS.filter(([name]) => only.includes(name)) : ALL_FUNCTIONS;

/**
 * Mean µs per call of each function, the best of `rounds` passes; then all of them called on one
 * text after the other, as the hot path does: the mean and percentiles per text. Only that second
 * way shows what findIdea, urgencyOf, topicsOf and prRiskOf share: one scan of the text, which
 * each of them pays alone when timed alone. With --before, both builds run in turns, so a busy
 * machine slows both alike.
 */
function bench(label, texts) {
  const xs = texts.map((t) => inputs(t));
  const libs = old ? [old, m] : [m];
  const means = libs.map(() => FUNCTIONS.map(() => Infinity));
  const sums = libs.map(() => new Float64Array(xs.length).fill(Infinity));
  // Only the last answer is kept: results that pile up would time the garbage collector instead.
  let sink;
  for (let r = 0; r < rounds; r++) {
    libs.forEach((build, l) => {
      FUNCTIONS.forEach(([, run], f) => {
        const start = performance.now();
        for (const x of xs) sink = run(build, x);
        means[l][f] = Math.min(means[l][f], ((performance.now() - start) * 1000) / xs.length);
      });
      // Per message, all functions together, as the hot path calls them.
      xs.forEach((x, i) => {
        const start = performance.now();
        for (const [, run] of FUNCTIONS) sink = run(build, x);
        sums[l][i] = Math.min(sums[l][i], (performance.now() - start) * 1000);
      });
    });
  }
  if (sink === null) console.log('unreachable');
  const chars = texts.reduce((s, t) => s + t.length, 0) / texts.length;
  const columns = old ? ['before', 'after'] : ['µs'];
  const row = (name, values) => console.log(`  ${name.padEnd(16)}${values.map((v) => v.toFixed(2).padStart(10)).join('')}`);
  console.log(`\n${label}: ${texts.length} texts, ${chars.toFixed(0)} chars on average`);
  console.log(`  ${'µs per call'.padEnd(16)}${columns.map((c) => c.padStart(10)).join('')}`);
  FUNCTIONS.forEach(([name], f) => row(name, means.map((ms) => ms[f])));
  row('sum of means', means.map((ms) => ms.reduce((a, b) => a + b, 0)));
  row('all, per text', sums.map((s) => s.reduce((a, b) => a + b, 0) / s.length));
  const sorted = sums.map((s) => [...s].sort((a, b) => a - b));
  row('sum p50', sorted.map((s) => s[Math.floor(s.length * 0.5)]));
  row('sum p99', sorted.map((s) => s[Math.floor(s.length * 0.99)]));
  row('sum max', sorted.map((s) => s[s.length - 1]));
}

console.log(`rules from ${dir}${old ? `, before from ${resolve(beforeDir)}` : ''}, best of ${rounds} rounds`);
bench('short (SST-2, UCI, SemEval)', short);
bench('long (Blitzer, 1000+ chars)', long);
bench('adversarial (5000 chars of one repeated unit)', adversarial);

// Last: a garbage collection in the middle of a long text can leave V8 allocating tokens in the old
// generation for a while (see `made` above), which would slow the timings that follow.
if (old) {
  let differences = 0;
  const all = [...short, ...long, ...service, ...adversarial];
  for (const raw of all) {
    const x = inputs(raw);
    for (const [name, run] of FUNCTIONS) {
      const a = run(old, x);
      const b = run(m, x);
      if (!isDeepStrictEqual(a, b)) {
        if (++differences > 20) continue;
        console.log(`DIFFERENT ${name}: ${JSON.stringify(raw.slice(0, 200))}`);
        console.log(`  before ${JSON.stringify(a)?.slice(0, 300)}\n  after  ${JSON.stringify(b)?.slice(0, 300)}`);
      }
    }
  }
  console.log(`equivalence: ${differences} differences over ${all.length} texts x ${FUNCTIONS.length} functions`);
  if (differences) process.exitCode = 1;
}
