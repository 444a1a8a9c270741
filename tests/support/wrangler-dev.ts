/**
 * Global setup for suites that need the real worker: a fresh local D1 (migrations and the demo
 * site), then `wrangler dev` on a free port of 127.0.0.1, serving the API, tandem.js and the
 * demo page. Tests get its URL with `inject('endpoint')`.
 * `--test-scheduled` lets a test run a scheduled job: GET /__scheduled?cron=….
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import type { TestProject } from 'vitest/node';
import { bin, prepareDatabase, prepareDemoAssets, root, run, stateDir, toolEnv } from '../../scripts/tools.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    endpoint: string;
    /** The local D1's folder, for tests that add rows of their own (see d1.ts). */
    persistTo: string;
  }
}

/** A port on 127.0.0.1 that nothing listens on (at the moment of asking). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export default async function setup(project: TestProject) {
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const persistTo = `${stateDir}/test-${project.name}/d1`;
  rmSync(`${stateDir}/test-${project.name}`, { recursive: true, force: true });
  prepareDatabase({ persistTo, quiet: true });
  // The demo site allows the dev server's usual origins; allow this run's port too.
  run(
    bin('wrangler'),
    ['d1', 'execute', 'DB', '--local', '--persist-to', persistTo, '--command',
      `INSERT INTO site_origins (site_id, origin) VALUES ('site_demo', '${endpoint}')`],
    { quiet: true },
  );
  const assets = prepareDemoAssets(`${stateDir}/test-${project.name}/assets`);

  const dev = spawn(
    bin('wrangler'),
    ['dev', '--ip', '127.0.0.1', '--port', String(port), '--persist-to', persistTo, '--assets', assets,
      '--log-level', 'warn', '--test-scheduled', '--show-interactive-dev-session=false'],
    { cwd: root, env: toolEnv, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  dev.stdout!.on('data', (chunk) => (output += chunk));
  dev.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<never>((_, reject) =>
    dev.on('exit', (code) => reject(new Error(`wrangler dev exited (${code}) before it was ready:\n${output}`))),
  );

  const stop = () => {
    try {
      process.kill(-dev.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  try {
    await Promise.race([waitUntilReady(endpoint), exited]);
  } catch (error) {
    stop();
    throw error;
  }
  project.provide('endpoint', endpoint);
  project.provide('persistTo', persistTo);
  return () => {
    dev.removeAllListeners('exit');
    stop();
  };
}

async function waitUntilReady(endpoint: string) {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${endpoint}/v1/openapi.json`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`wrangler dev did not answer on ${endpoint} within 90 s`);
}
