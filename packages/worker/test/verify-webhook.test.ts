// The SDK's verifyWebhook where a receiver on Cloudflare Workers runs it: inside workerd.
import { describe, expect, it } from 'vitest';
import { verifyWebhook, WebhookVerificationError } from '../../sdk/src/webhooks.js';

// The test vector the Standard Webhooks specification gives.
const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const body = '{"test": 2432232314}';
const headers = new Headers({
  'webhook-id': 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  'webhook-timestamp': '1614265330',
  'webhook-signature': 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
});
const then = new Date(1614265330 * 1000);

describe('verifyWebhook in workerd', () => {
  it('verifies the specification’s test vector, and refuses it once stale or changed', async () => {
    expect(await verifyWebhook(body, headers, secret, { now: then })).toEqual({ test: 2432232314 });
    await expect(verifyWebhook(body, headers, secret)).rejects.toBeInstanceOf(WebhookVerificationError);
    await expect(verifyWebhook(body.replace('4', '5'), headers, secret, { now: then })).rejects.toMatchObject({
      code: 'no_matching_signature',
    });
  });
});
