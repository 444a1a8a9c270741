// Where triage loses on the routed and complaint-flagged sets: a confusion table of gold route
// against routes[0] (and the label that chose it), and examples of each kind of mistake. A tool
// for whoever tunes the decision; it prints, it scores nothing new.
//
//   node packages/triage/training/inspect.mjs [--split calibration|test] [--examples N] [SET ...]
//
// By default it reads the tenth of training that train.mjs calibrates on, never the held-out
// items: tune on that, and only confirm on the held-out split (--split test).
import { fnv, hasData, load } from './data.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const split = opt('--split', 'calibration');
const examples = Number(opt('--examples', 8));
const wanted = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
if (!hasData()) {
  console.log('../shared/data not found (set TANDEM_DATA)');
  process.exit(0);
}
const { triage } = await import('../dist/index.js');
/** As in train.mjs: the tenth of training that calibrates the decision. */
const heldForCalibration = (text) => fnv(text, 0x9e3779b9) % 10 === 0;

const sets = load().filter((s) => (wanted.length ? wanted.includes(s.name) : ['maalej', 'tizard', 'preotiuc'].includes(s.name)));
for (const set of sets) {
  const items = split === 'calibration' ? set.train.filter((item) => heldForCalibration(item.text)) : set.test;
  const decided = items.map((item) => ({ item, d: triage({ text: item.text }) }));
  console.log(`\n== ${set.name} (${split}, ${items.length} items)`);
  const routed = decided.filter(({ item }) => item.route);
  if (routed.length) {
    const cells = new Map();
    for (const { item, d } of routed) {
      const key = `${item.route} -> ${d.routes[0] ?? 'none'} (${d.label}${d.routes.length > 1 ? '+' + d.routes.slice(1).join('+') : ''})`;
      cells.set(key, (cells.get(key) ?? 0) + 1);
    }
    for (const [key, n] of [...cells].sort()) console.log(`  ${String(n).padStart(5)}  ${key}`);
    for (const gold of ['support', 'product', 'pr']) {
      const wrong = routed.filter(({ item, d }) => item.route === gold && d.routes[0] !== gold);
      if (!wrong.length) continue;
      console.log(`  -- gold ${gold}, routed elsewhere (${wrong.length}):`);
      for (const { item, d } of wrong.slice(0, examples)) console.log(`     [${d.routes.join('+')} ${d.label}] ${item.text.slice(0, 150)}`);
    }
  }
  const flagged = decided.filter(({ item }) => typeof item.complaint === 'boolean');
  if (flagged.length) {
    const fp = flagged.filter(({ item, d }) => !item.complaint && d.label === 'complaint');
    const fn = flagged.filter(({ item, d }) => item.complaint && d.label !== 'complaint');
    const tp = flagged.filter(({ item, d }) => item.complaint && d.label === 'complaint').length;
    console.log(`  complaint: tp ${tp} fp ${fp.length} fn ${fn.length}, F1 ${((2 * tp) / (2 * tp + fp.length + fn.length)).toFixed(3)}`);
    const byLabel = (list) => {
      const n = {};
      for (const { d } of list) n[d.label] = (n[d.label] ?? 0) + 1;
      return Object.entries(n).map(([k, v]) => `${k} ${v}`).join(', ');
    };
    console.log(`  missed complaints were labelled: ${byLabel(fn)}; false complaints were: ${fp.filter(({ d }) => d.routes.length > 1).length} unsure`);
    console.log('  -- false complaints:');
    for (const { item, d } of fp.slice(0, examples)) console.log(`     [${d.label} ${d.confidence}] ${item.text.slice(0, 150)}`);
    console.log('  -- missed complaints:');
    for (const { item, d } of fn.slice(0, examples)) console.log(`     [${d.label} ${d.confidence}] ${item.text.slice(0, 150)}`);
  }
}
