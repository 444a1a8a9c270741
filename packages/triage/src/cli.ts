// tandem-triage: JSON lines in ({"text", "rating"?, "category"?}), one decision per line out, in
// order and streaming. A bad line answers {"error": ...} in its place so the output stays aligned
// with the input, and the exit code (1) reports it at the end.
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { triage, type TriageInput } from './index.js';

async function main(): Promise<number> {
  // Stop quietly when the reader goes away (`| head`).
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });

  let failed = false;
  let lineNo = 0;
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    lineNo++;
    if (line.trim() === '') continue;
    const parsed = parse(line);
    if (!parsed.ok) failed = true;
    const out = JSON.stringify(parsed.ok ? triage(parsed.input) : { error: `line ${lineNo}: ${parsed.error}` });
    if (!process.stdout.write(out + '\n')) await once(process.stdout, 'drain');
  }
  return failed ? 1 : 0;
}

function parse(line: string): { ok: true; input: TriageInput } | { ok: false; error: string } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { ok: false, error: 'not valid JSON' };
  }
  if (typeof value !== 'object' || value === null || typeof (value as { text?: unknown }).text !== 'string') {
    return { ok: false, error: 'expected an object with a string "text"' };
  }
  // rating and category are passed as given: triage ignores values it does not accept.
  return { ok: true, input: value as TriageInput };
}

process.exitCode = await main();
