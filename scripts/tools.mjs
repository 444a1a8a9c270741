// What every script that runs wrangler, vitest or Chromium needs: offline switches, tool state
// kept inside the project (.tandem/), and the demo assets. Used by start.mjs, test.mjs and the
// test suites' global setup.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { historySql } from './demo-history.mjs';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const stateDir = `${root}.tandem`;

/** Environment for wrangler and friends: no telemetry, no update checks, no `cf` download. */
export const toolEnv = {
  ...process.env,
  WRANGLER_SEND_METRICS: 'false',
  WRANGLER_SEND_ERROR_REPORTS: 'false',
  WRANGLER_HIDE_BANNER: 'true',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  XDG_CONFIG_HOME: `${stateDir}/config`,
  XDG_DATA_HOME: `${stateDir}/data`,
};

export const bin = (name) => `${root}node_modules/.bin/${name}`;

/**
 * Runs a command to completion in the repository root; exits the process if it fails.
 * @param {string} command
 * @param {string[]} args
 * @param {{ quiet?: boolean, cwd?: string }} [options] `cwd`: another folder than the root
 */
export function run(command, args, { quiet = false, cwd = root } = {}) {
  const result = spawnSync(command, args, { cwd, env: toolEnv, stdio: quiet ? 'pipe' : 'inherit', encoding: 'utf8' });
  if (result.status !== 0) {
    if (quiet) process.stderr.write(`${result.stdout ?? ''}${result.stderr ?? ''}`);
    console.error(`\n✗ ${[command, ...args].join(' ')} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status || 1);
  }
  return result;
}

/**
 * The local D1 with every migration and the demo site. `persistTo` keeps test databases
 * apart from the one `npm start` uses.
 * @param {{ persistTo?: string, quiet?: boolean }} [options]
 */
export function prepareDatabase({ persistTo, quiet = false } = {}) {
  const persist = persistTo ? ['--persist-to', persistTo] : [];
  run(bin('wrangler'), ['d1', 'migrations', 'apply', 'DB', '--local', ...persist], { quiet });
  run(bin('wrangler'), ['d1', 'execute', 'DB', '--local', ...persist, '--file', 'packages/worker/seed/demo.sql'], { quiet });
}

/**
 * Weeks of backdated messages for the demo site (scripts/demo-history.mjs), so insights has
 * history to draw and a surge today. Applied again on each start: days already there stay as
 * they are, new days are added.
 */
export function seedDemoHistory({ persistTo, quiet = false } = {}) {
  const persist = persistTo ? ['--persist-to', persistTo] : [];
  const file = `${stateDir}/demo-history.sql`;
  mkdirSync(stateDir, { recursive: true });
  writeFileSync(file, historySql('site_demo'));
  run(bin('wrangler'), ['d1', 'execute', 'DB', '--local', ...persist, '--file', file], { quiet });
}

/** The surge job's cron (CRONS.surge in packages/worker/src/index.ts), for wrangler dev's /__scheduled. */
export const SURGE_CRON = '41 * * * *';

/** The nightly retention job's cron (CRONS.retention), likewise. */
export const RETENTION_CRON = '17 3 * * *';

/** The example app's own folder: a customer's app, with its own rollup config and tsconfig. */
export const exampleApp = `${root}examples/app`;

/**
 * Builds the example app (examples/app/dist) with its own rollup.config.mjs, as its developers
 * would. It bundles @tandem/sdk and @tandem/widget as built in their dist folders: build those first.
 */
export function buildExampleApp() {
  run(bin('rollup'), ['-c', '--silent'], { cwd: exampleApp });
}

/**
 * The folder `wrangler dev --assets` serves locally: the built files (tandem.js), the demo shop
 * page from examples/script-tag at /, and the example app's build at /app/. Production serves
 * dist/public alone.
 */
export function prepareDemoAssets(dir = `${root}dist/demo`) {
  if (!existsSync(`${exampleApp}/dist/index.html`)) {
    throw new Error('examples/app/dist is missing: build it first (npm run build, or buildExampleApp() in scripts/tools.mjs).');
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(`${root}dist/public`, dir, { recursive: true });
  cpSync(`${root}examples/script-tag`, dir, { recursive: true });
  cpSync(`${exampleApp}/dist`, `${dir}/app`, { recursive: true });
  // Each has header rules (the widget's CORS, the demo page's and the app's CSP): keep them all.
  const headers = (from) => readFileSync(`${from}/_headers`, 'utf8');
  writeFileSync(`${dir}/_headers`, [`${root}dist/public`, `${root}examples/script-tag`, exampleApp].map(headers).join('\n'));
  return dir;
}
