// Runs the real built command, as a user would: build first (`npx rollup -c` at the root).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { triage, type TriageInput } from '../src/index.js';

const bin = fileURLToPath(new URL('../bin/tandem-triage.js', import.meta.url));
const built = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

function run(input: string): Promise<{ lines: unknown[]; code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const lines = stdout.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as unknown);
      resolve({ lines, code, stderr });
    });
    child.stdin.end(input);
  });
}

beforeAll(() => {
  if (!existsSync(built)) throw new Error(`${built} is missing: run \`npx rollup -c\` at the repository root first`);
});

describe('tandem-triage', () => {
  it('answers each line in order, skips blank lines, and reports a bad line in its place', async () => {
    const input = [
      '{"text":"I was charged twice for my order and nobody answers","rating":1}',
      '',
      '{"text":"Love the new dashboard, setup took two minutes!","rating":5}',
      'this is not json',
      '   ',
      '{"text":"How do I change my delivery address?"}',
      '{"rating":4}',
      '{"text":"It would be great if you supported Apple Pay","category":"idea"}',
      '{"text":"BUY CHEAP VIAGRA http://x.example http://y.example"}',
    ].join('\n');
    const { lines, code, stderr } = await run(input + '\n');

    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(lines).toHaveLength(7);
    expect(lines[0]).toMatchObject({ label: 'complaint', routes: ['support'] });
    expect(lines[1]).toMatchObject({ label: 'praise', routes: ['pr'] });
    expect(lines[2]).toEqual({ error: 'line 4: not valid JSON' });
    expect(lines[3]).toMatchObject({ label: 'question', routes: ['support'] });
    expect(lines[4]).toEqual({ error: 'line 7: expected an object with a string "text"' });
    expect(lines[5]).toMatchObject({ label: 'idea', routes: ['product'] });
    expect(lines[6]).toMatchObject({ label: 'spam', routes: [] });
    expect(lines[0]).toHaveProperty('reasons', expect.arrayContaining(['rating 1/5']));
    expect(lines[0]).toMatchObject({ urgency: 'critical', topics: expect.arrayContaining(['billing']), prRisk: false });
  });

  it('round-trips every field of the decision, as the library gives it', async () => {
    const inputs: TriageInput[] = [
      { text: 'I was charged twice and nobody answers. Posting this on Twitter.', rating: 1 },
      { text: 'Love the new dashboard, setup took two minutes!', rating: 5, category: 'praise' },
      { text: 'Not urgent, just curious how to export my invoices', category: 'question' },
      { text: 'My parcel is two weeks late' },
      { text: 'Das Produkt ist in Ordnung, danke' },
      { text: '😍🙏' },
      { text: 'buy now http://deals.example' },
      { text: 'ok', rating: 3.5, category: 'rant' } as unknown as TriageInput,
      { text: '' },
    ];
    const { lines, code, stderr } = await run(inputs.map((i) => JSON.stringify(i)).join('\n') + '\n');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(lines).toEqual(inputs.map((i) => triage(i)));
    for (const line of lines) expect(Object.keys(line as object)).toEqual(expect.arrayContaining(['urgency', 'topics', 'prRisk']));
    expect(lines[0]).toMatchObject({ prRisk: true, routes: expect.arrayContaining(['support', 'pr']) });
  });

  it('reports each bad line with its own line number and carries on', async () => {
    const input = ['{oops', '{"text":"How do I reset my password?"}', '', '{"text":', '{"text":"ok"}', '42'].join('\r\n');
    const { lines, code, stderr } = await run(input);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(lines).toEqual([
      { error: 'line 1: not valid JSON' },
      expect.objectContaining({ label: 'question' }),
      { error: 'line 4: not valid JSON' },
      expect.objectContaining({ routes: expect.arrayContaining(['support']) }),
      { error: 'line 6: expected an object with a string "text"' },
    ]);
  });

  it('exits 0 when every line is good, including a last line without a newline', async () => {
    const { lines, code } = await run('{"text":"love it","rating":5}\r\n{"text":"broken"}');
    expect(code).toBe(0);
    expect(lines).toEqual([
      expect.objectContaining({ label: 'praise' }),
      expect.objectContaining({ label: 'complaint' }),
    ]);
  });

  it('treats JSON that is not a message as a bad line', async () => {
    const { lines, code } = await run('null\n[1]\n"text"\n{"text":5}\n');
    expect(code).toBe(1);
    expect(lines).toHaveLength(4);
    for (const line of lines) expect(line).toHaveProperty('error');
  });

  it('writes nothing and exits 0 on empty input', async () => {
    expect(await run('')).toMatchObject({ lines: [], code: 0 });
  });

  it('streams: a line is answered before the input ends', async () => {
    const child = spawn(process.execPath, [bin], { stdio: ['pipe', 'pipe', 'inherit'] });
    // If no answer comes, the test times out; do not leave the process waiting for input.
    onTestFinished(() => {
      if (child.exitCode === null) child.kill();
    });
    child.stdin.write('{"text":"where is my parcel?"}\n');
    const first = await new Promise<string>((resolve) => child.stdout.setEncoding('utf8').once('data', resolve));
    expect(JSON.parse(first)).toMatchObject({ label: 'question' });
    child.stdin.end();
    expect(await new Promise((resolve) => child.on('close', resolve))).toBe(0);
  });
});
