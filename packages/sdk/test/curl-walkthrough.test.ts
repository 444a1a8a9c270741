// examples/curl/api.sh, run as a developer runs it: bash and curl against the real worker. It
// must go through without an error and call every operation the OpenAPI document lists.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, inject, it } from 'vitest';

const endpoint = inject('endpoint');
const script = fileURLToPath(new URL('../../../examples/curl/api.sh', import.meta.url));

it('examples/curl/api.sh calls every route of the API, each answering 2xx', async () => {
  const run = spawnSync('bash', [script], { env: { ...process.env, TANDEM: endpoint }, encoding: 'utf8', timeout: 120_000 });
  expect(run.status, run.stderr).toBe(0);
  expect(run.stderr).toContain('Done: every route answered.');

  // What the script called: "$ curl -X METHOD 'http://host/v1/path?query' …" (and the invitation page, not under /v1).
  const called = [...run.stderr.matchAll(/^\$ curl -X (\w+) 'https?:\/\/[^/']+(\/[^'?]*)/gm)].map(([, method, path]) => `${method} ${path}`);
  const doc = (await (await fetch(`${endpoint}/v1/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
  const missing: string[] = [];
  for (const [template, operations] of Object.entries(doc.paths)) {
    const path = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
    for (const method of Object.keys(operations).map((m) => m.toUpperCase())) {
      if (!called.some((c) => c.startsWith(`${method} `) && path.test(c.slice(method.length + 1)))) missing.push(`${method} ${template}`);
    }
  }
  expect(missing).toEqual([]);
}, 120_000); // the script makes some sixty calls in a row, and the machine may be busy
