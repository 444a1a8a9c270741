// npm run bench, second part: POST /v1/feedback under load on `wrangler dev`, side by side with a
// minimal Hono handler that inserts the same row into the same D1 schema
// (packages/worker/bench/minimal.ts). Figures, not a test: it exits 0 whatever they are.
//
// Each worker runs alone on 127.0.0.1 with its own fresh local D1 (migrations and the demo site),
// logging warnings only (wrangler's request log costs about 3x throughput). Tandem's rate limit
// is raised for the run, because every request comes from one client; it is still checked on
// every request. Each request is a new message (no idempotency key), so each is stored. Tandem
// runs twice: as the demo site is (no destinations: the request path alone, what the goal
// compares), then with a webhook destination for support (a local receiver that answers 204), so
// each complaint also writes a delivery and enqueues it, and the queue consumer in the same
// wrangler dev signs and sends it.
import { spawn } from 'node:child_process';
import { createServer as createHttpServer } from 'node:http';
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

async function measure(name, config, headers, prepare = async () => {}) {
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
    await prepare(url);
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
// wrangler dev reads .dev.vars beside its config: the local settings (such as local webhook URLs).
try {
  writeFileSync(`${dir}/.dev.vars`, readFileSync(`${root}.dev.vars`));
} catch {
  // none
}

// Support's webhook: counts what Tandem delivers while it is under load.
let delivered = 0;
const receiver = createHttpServer((req, res) => {
  req.resume().on('end', () => {
    delivered++;
    res.writeHead(204).end();
  });
});
await new Promise((resolve) => receiver.listen(0, '127.0.0.1', resolve));
async function addDestination(url) {
  const res = await fetch(`${url}/v1/destinations`, {
    method: 'POST',
    headers: { authorization: 'Bearer sk_demo_8c4e2a91f05b47d3a6e9c1b07d52f3e8', 'content-type': 'application/json' },
    body: JSON.stringify({ kind: 'webhook', name: 'Bench receiver', url: `http://127.0.0.1:${receiver.address().port}/`, routes: ['support'] }),
  });
  if (res.status !== 201) throw new Error(`adding the bench's destination: ${res.status} ${await res.text()}`);
}
run(bin('rollup'), ['-c', '--silent']); // the worker serves dist/public

const json = { 'content-type': 'application/json' };
const results = [
  await measure('tandem', tandemConfig(), { ...json, authorization: 'Bearer pk_demo_3b7f1d6a92e04c8b5a1f7e2d' }),
  await measure('delivering', tandemConfig(), { ...json, authorization: 'Bearer pk_demo_3b7f1d6a92e04c8b5a1f7e2d' }, addDestination),
  await measure('minimal', `${root}packages/worker/bench/wrangler.toml`, json),
];
rmSync(dir, { recursive: true, force: true });
receiver.close();

console.log(`\nPOST /v1/feedback on wrangler dev, ${CONNECTIONS} connections, ${DURATION} s each (autocannon)`);
console.log(`${''.padEnd(34)}${'req/s'.padStart(10)}${'p50 ms'.padStart(10)}${'p99 ms'.padStart(10)}${'2xx'.padStart(10)}${'other'.padStart(8)}`);
const label = {
  tandem: 'Tandem (key, checks, triage, D1)',
  delivering: 'Tandem, delivering to a webhook',
  minimal: 'minimal Hono handler (D1 insert)',
};
for (const r of results) {
  console.log(`${label[r.name].padEnd(34)}${r.rps.toFixed(0).padStart(10)}${String(r.p50).padStart(10)}${String(r.p99).padStart(10)}${String(r.ok).padStart(10)}${String(r.other).padStart(8)}`);
}
const ratio = results[0].rps / results[2].rps;
console.log(`While delivering, the queue consumer sent ${delivered} signed webhooks to support's receiver (warm-up included).`);
console.log(`ratio ${ratio.toFixed(2)} of the minimal handler's throughput (goal ≥ 0.70): ${ratio >= 0.7 ? 'PASS' : 'MISS'}`);
