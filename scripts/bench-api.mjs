// npm run bench, second part: POST /v1/feedback under load on `wrangler dev`, side by side with a
// minimal Hono handler that inserts the same row into the same D1 schema
// (packages/worker/bench/minimal.ts). Figures, not a test: it exits 0 whatever they are.
//
// Each worker runs alone on 127.0.0.1 with its own fresh local D1 (migrations and the demo site),
// logging warnings only (wrangler's request log costs about 3x throughput). Tandem's rate limit
// is raised for the run, because every request comes from one client; it is still checked on
// every request. Each request is a new message (no idempotency key), so each is stored.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import autocannon from 'autocannon';
import { bin, prepareDatabase, root, run, stateDir, toolEnv } from './tools.mjs';

const DURATION = Number(process.env.BENCH_SECONDS ?? 20);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const dir = `${stateDir}/bench-api`;
const body = JSON.stringify({
  message: 'I was charged twice for my order and nobody answers the phone. Please refund me.',
  rating: 1,
  email: 'sam@example.com',
});

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Tandem's wrangler.toml, its paths made absolute and its rate limit out of the way. */
function tandemConfig() {
  const config = readFileSync(`${root}wrangler.toml`, 'utf8')
    .replace(/^main = "(.+)"$/m, (_, main) => `main = "${root}${main}"`)
    .replace(/^directory = "(.+)"$/m, (_, d) => `directory = "${root}${d}"`)
    .replace(/^migrations_dir = "(.+)"$/m, (_, d) => `migrations_dir = "${root}${d}"`)
    .replace(/simple = \{ limit = \d+, period = (\d+) \}/, 'simple = { limit = 1000000000, period = $1 }');
  writeFileSync(`${dir}/wrangler.toml`, config);
  return `${dir}/wrangler.toml`;
}

async function measure(name, config, headers) {
  const persistTo = `${dir}/${name}`;
  prepareDatabase({ persistTo, quiet: true });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const dev = spawn(
    bin('wrangler'),
    ['dev', '--config', config, '--ip', '127.0.0.1', '--port', String(port), '--persist-to', persistTo,
      '--log-level', 'warn', '--show-interactive-dev-session=false'],
    { cwd: root, env: toolEnv, detached: true, stdio: 'ignore' },
  );
  try {
    const deadline = Date.now() + 90_000;
    for (;;) {
      const ready = await fetch(`${url}/v1/feedback`, { method: 'POST', headers, body }).then((r) => r.status, () => 0);
      if (ready === 201) break;
      if (ready || Date.now() > deadline) throw new Error(`${name} on ${url} answered ${ready} to a POST`);
      await new Promise((r) => setTimeout(r, 250));
    }
    const options = { url: `${url}/v1/feedback`, method: 'POST', headers, body, connections: CONNECTIONS };
    await autocannon({ ...options, duration: 3 }); // warm up: compile, fill caches
    const result = await autocannon({ ...options, duration: DURATION });
    const ok = result['2xx'];
    return { name, rps: ok / DURATION, p50: result.latency.p50, p99: result.latency.p99, ok, other: result.non2xx + result.errors };
  } finally {
    process.kill(-dev.pid, 'SIGTERM');
  }
}

rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
run(bin('rollup'), ['-c', '--silent']); // the worker serves dist/public

const json = { 'content-type': 'application/json' };
const results = [
  await measure('tandem', tandemConfig(), { ...json, authorization: 'Bearer pk_demo_3b7f1d6a92e04c8b5a1f7e2d' }),
  await measure('minimal', `${root}packages/worker/bench/wrangler.toml`, json),
];
rmSync(dir, { recursive: true, force: true });

console.log(`\nPOST /v1/feedback on wrangler dev, ${CONNECTIONS} connections, ${DURATION} s each (autocannon)`);
console.log(`${''.padEnd(34)}${'req/s'.padStart(10)}${'p50 ms'.padStart(10)}${'p99 ms'.padStart(10)}${'2xx'.padStart(10)}${'other'.padStart(8)}`);
const label = { tandem: 'Tandem (key, checks, triage, D1)', minimal: 'minimal Hono handler (D1 insert)' };
for (const r of results) {
  console.log(`${label[r.name].padEnd(34)}${r.rps.toFixed(0).padStart(10)}${String(r.p50).padStart(10)}${String(r.p99).padStart(10)}${String(r.ok).padStart(10)}${String(r.other).padStart(8)}`);
}
const ratio = results[0].rps / results[1].rps;
console.log(`ratio ${ratio.toFixed(2)} of the minimal handler's throughput (goal ≥ 0.70): ${ratio >= 0.7 ? 'PASS' : 'MISS'}`);
