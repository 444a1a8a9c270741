// examples/webhook-receiver/server.mjs, run as a customer runs it: a Node process on 127.0.0.1,
// sent deliveries signed by the Standard Webhooks reference library.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../../tests/support/wrangler-dev.js';

const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const server = fileURLToPath(new URL('../../../examples/webhook-receiver/server.mjs', import.meta.url));
let receiver: ChildProcess;
let url: string;
let output = '';

beforeAll(async () => {
  const port = await freePort();
  url = `http://127.0.0.1:${port}/tandem`;
  receiver = spawn(process.execPath, [server], { env: { ...process.env, PORT: String(port), TANDEM_WEBHOOK_SECRET: secret } });
  receiver.stdout!.on('data', (chunk) => (output += chunk));
  receiver.stderr!.on('data', (chunk) => (output += chunk));
  await new Promise<void>((resolve, reject) => {
    receiver.stdout!.on('data', () => output.includes('Waiting') && resolve());
    receiver.on('exit', (code) => reject(new Error(`the receiver exited (${code}): ${output}`)));
  });
});
afterAll(() => receiver?.kill());

function deliver(body: string, id: string, key = secret) {
  const at = new Date();
  return fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'webhook-id': id,
      'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
      'webhook-signature': new Webhook(key).sign(id, at, body),
    },
    body,
  });
}

describe('the example webhook receiver', () => {
  const event = (message: string) =>
    JSON.stringify({ type: 'feedback.created', timestamp: new Date().toISOString(), data: { id: 'fb_1', label: 'complaint', routes: ['support'], urgency: 'high', message } });

  it('prints a delivery whose signature checks out, once, and answers 204', async () => {
    const message = `Charged twice ${crypto.randomUUID()}`;
    expect((await deliver(event(message), 'msg_one')).status).toBe(204);
    expect((await deliver(event(message), 'msg_one')).status).toBe(204); // a retry: same webhook-id
    await expect.poll(() => output).toContain('msg_one: already handled');
    expect(output.split('\n').filter((line) => line.includes(message))).toHaveLength(1);
    expect(output).toContain('"urgency":"high"');
  });

  it('refuses a delivery signed with another secret, and prints nothing of it', async () => {
    const message = `Forged ${crypto.randomUUID()}`;
    const res = await deliver(event(message), 'msg_forged', 'whsec_' + Buffer.from('another secret of 24 b!').toString('base64'));
    expect(res.status).toBe(401);
    expect(await res.text()).toBe('no_matching_signature');
    expect(output).not.toContain(message);
  });
});
