// npm test: build, type-check, then run every suite where its code runs: triage in Node, the
// worker inside workerd, the SDK against a real `wrangler dev`, and the end-to-end flows in real
// headless Chromium. Without Chromium the browser suite is skipped, loudly; under CI it fails.
// Extra arguments go to vitest, e.g. `npm test -- --project worker`.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { bin, buildExampleApp, root, run, toolEnv } from './tools.mjs';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
const chromium = CANDIDATES.find((path) => path && existsSync(path));
const ci = Boolean(process.env.CI) && process.env.CI !== 'false';
const SKIPPED = `
  ⚠ Browser tests SKIPPED: no Chromium found (looked for ${CANDIDATES.filter(Boolean).join(', ')}).
    Enable them with: sudo apt-get install -y chromium   (or set CHROMIUM_PATH=/path/to/chrome)
`;

if (!chromium && ci) {
  console.error('\n✗ CI=true and no Chromium: the browser tests cannot run, and under CI that is a failure.');
  console.error('  Install it with: apt-get install -y chromium   (or set CHROMIUM_PATH)\n');
  process.exit(1);
}

run(bin('rollup'), ['-c', '--silent']);
// The example app bundles the packages just built; the e2e suite tests it at /app/.
buildExampleApp();
// custom-elements.json, which the README's component reference is checked against.
run('npm', ['run', '--silent', 'manifest', '-w', '@tandem/widget']);
run('npm', ['run', '--silent', 'typecheck']);

const args = process.argv.slice(2);
const projects = args.some((a) => a.startsWith('--project'))
  ? []
  : ['triage', 'worker', 'sdk', 'widget', ...(chromium ? ['e2e'] : [])].flatMap((p) => ['--project', p]);
if (!chromium) console.warn(SKIPPED);

const result = spawnSync(bin('vitest'), ['run', ...projects, ...args], {
  cwd: root,
  stdio: 'inherit',
  env: { ...toolEnv, ...(chromium && { CHROMIUM_PATH: chromium }) },
});
if (!chromium) console.warn(SKIPPED);
process.exit(result.status ?? 1);
