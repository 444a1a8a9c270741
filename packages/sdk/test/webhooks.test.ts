import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { verifyWebhook, WebhookVerificationError } from '../src/index.js';

// Deliveries are signed here by the Standard Webhooks reference library, as a sender would.
const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const body = JSON.stringify({ type: 'feedback.created', data: { id: 'fb_1', label: 'complaint', routes: ['support'] } });

function signed(payload = body, at = new Date(), id = 'msg_2KWPBgLlAfxdpx2AI54pPJ85f4W', key = secret) {
  const timestamp = String(Math.floor(at.getTime() / 1000));
  const signature = new Webhook(key).sign(id, at, payload);
  return { 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': signature };
}

async function failure(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(WebhookVerificationError);
  return (error as WebhookVerificationError).code;
}

describe('verifyWebhook', () => {
  it('verifies the test vector of the Standard Webhooks specification', async () => {
    const headers = {
      'webhook-id': 'msg_p5jXN8AQM9LWM0D4loKWxJek',
      'webhook-timestamp': '1614265330',
      'webhook-signature': 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    };
    const now = new Date(1614265330 * 1000);
    expect(await verifyWebhook('{"test": 2432232314}', headers, secret, { now })).toEqual({ test: 2432232314 });
  });

  it('returns the body of a delivery signed with the secret, from Node headers or fetch Headers', async () => {
    const headers = signed();
    expect(await verifyWebhook(body, headers, secret)).toEqual(JSON.parse(body));
    expect(await verifyWebhook(body, new Headers(headers), secret)).toEqual(JSON.parse(body));
    expect(await verifyWebhook(new TextEncoder().encode(body), headers, secret)).toEqual(JSON.parse(body));
  });

  it('accepts a delivery with several signatures when one matches (a secret being rotated)', async () => {
    const headers = signed();
    const old = signed(body, new Date(), headers['webhook-id'], 'whsec_b2xkIHNlY3JldCBvbGQgc2VjcmV0IG9sZCBzZWNyZXQ=');
    headers['webhook-signature'] = `${old['webhook-signature']} ${headers['webhook-signature']}`;
    expect(await verifyWebhook(body, headers, secret)).toEqual(JSON.parse(body));
  });

  it('refuses a changed body, another secret, or a signature of another delivery', async () => {
    const headers = signed();
    expect(await failure(verifyWebhook(body.replace('complaint', 'praise'), headers, secret))).toBe('no_matching_signature');
    expect(await failure(verifyWebhook(body, headers, 'whsec_b3RoZXIgc2VjcmV0IG90aGVyIHNlY3JldA=='))).toBe('no_matching_signature');
    expect(await failure(verifyWebhook(body, { ...headers, 'webhook-id': 'msg_other' }, secret))).toBe('no_matching_signature');
    expect(await failure(verifyWebhook(body, { ...headers, 'webhook-signature': 'v1,not base64!' }, secret))).toBe('no_matching_signature');
  });

  it('refuses a stale or future timestamp (a replay, or a clock that is off)', async () => {
    const tenMinutes = 10 * 60 * 1000;
    expect(await failure(verifyWebhook(body, signed(body, new Date(Date.now() - tenMinutes)), secret))).toBe('timestamp_out_of_tolerance');
    expect(await failure(verifyWebhook(body, signed(body, new Date(Date.now() + tenMinutes)), secret))).toBe('timestamp_out_of_tolerance');
    // Inside a tolerance the receiver chose.
    const old = signed(body, new Date(Date.now() - tenMinutes));
    expect(await verifyWebhook(body, old, secret, { toleranceSeconds: 15 * 60 })).toEqual(JSON.parse(body));
  });

  it('refuses missing headers, a timestamp that is not seconds, and a secret that is not whsec_', async () => {
    const headers = signed();
    for (const name of ['webhook-id', 'webhook-timestamp', 'webhook-signature'] as const) {
      const { [name]: _, ...rest } = headers;
      expect(await failure(verifyWebhook(body, rest, secret))).toBe('missing_header');
    }
    expect(await failure(verifyWebhook(body, { ...headers, 'webhook-timestamp': '2026-11-22T10:00:00Z' }, secret))).toBe('invalid_timestamp');
    expect(await failure(verifyWebhook(body, headers, 'MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'))).toBe('invalid_secret');
  });
});
