/**
 * Checking that a webhook delivery comes from Tandem, the Standard Webhooks way: the sender signs
 * `<webhook-id>.<webhook-timestamp>.<body>` with HMAC-SHA256 under the destination's `whsec_`
 * secret and sends `webhook-signature: v1,<base64> …`. Web Crypto only, so the same code runs
 * in Node (20+), Cloudflare Workers, Deno and Bun.
 */

/** Why a delivery did not verify. Answer such a request with 401 and do nothing with it. */
export type WebhookErrorCode =
  | 'invalid_secret'
  | 'missing_header'
  | 'invalid_timestamp'
  | 'timestamp_out_of_tolerance'
  | 'no_matching_signature';

export class WebhookVerificationError extends Error {
  override readonly name = 'WebhookVerificationError';
  constructor(
    readonly code: WebhookErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface VerifyWebhookOptions {
  /** How far `webhook-timestamp` may be from now, either way, in seconds. Default 300 (5 minutes). */
  toleranceSeconds?: number;
  /** The time to check against; the clock by default. */
  now?: Date;
}

/** Headers as fetch, Workers and Deno give them, or as Node's `req.headers` (lower-case keys). */
export type WebhookHeaders = Headers | Record<string, string | string[] | undefined>;

/**
 * Verifies a delivery and returns its parsed JSON body. Pass the body exactly as received (the
 * raw string or bytes, not a re-serialized object: one changed byte breaks the signature).
 * Throws a WebhookVerificationError when a header is missing, the timestamp is stale (a replay)
 * or no signature matches.
 *
 * @example
 * // Node (express): app.post('/tandem', express.raw({ type: '*\/*' }), async (req, res) => { … })
 * const event = await verifyWebhook(req.body, req.headers, process.env.TANDEM_WEBHOOK_SECRET);
 * // Workers / Deno: const event = await verifyWebhook(await request.text(), request.headers, secret);
 */
export async function verifyWebhook<T = unknown>(
  body: string | Uint8Array,
  headers: WebhookHeaders,
  secret: string,
  { toleranceSeconds = 300, now = new Date() }: VerifyWebhookOptions = {},
): Promise<T> {
  const key = await hmacKey(secret);
  const id = header(headers, 'webhook-id');
  const timestamp = header(headers, 'webhook-timestamp');
  const signatures = header(headers, 'webhook-signature');

  if (!/^\d+$/.test(timestamp)) {
    throw new WebhookVerificationError('invalid_timestamp', 'webhook-timestamp is not a number of seconds.');
  }
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > toleranceSeconds) {
    throw new WebhookVerificationError(
      'timestamp_out_of_tolerance',
      `webhook-timestamp is more than ${toleranceSeconds} s from now: a replay, or a clock that is off.`,
    );
  }

  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
  const signed = concat(new TextEncoder().encode(`${id}.${timestamp}.`), bytes);
  // Several signatures while a secret is being rotated: one match is enough. subtle.verify
  // compares in constant time.
  for (const entry of signatures.split(' ')) {
    const [version, signature] = entry.split(',');
    if (version !== 'v1' || !signature) continue;
    const candidate = base64(signature);
    if (candidate && (await crypto.subtle.verify('HMAC', key, candidate, signed))) {
      return JSON.parse(new TextDecoder().decode(bytes)) as T;
    }
  }
  throw new WebhookVerificationError('no_matching_signature', 'No v1 signature in webhook-signature matches this body and secret.');
}

async function hmacKey(secret: string): Promise<CryptoKey> {
  const raw = secret.startsWith('whsec_') ? base64(secret.slice('whsec_'.length)) : undefined;
  if (!raw?.length) {
    throw new WebhookVerificationError('invalid_secret', 'The secret is the destination’s whsec_… value, as Tandem showed it.');
  }
  return crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
}

function header(headers: WebhookHeaders, name: string): string {
  const value = headers instanceof Headers ? headers.get(name) : headers[name];
  const text = Array.isArray(value) ? value.join(' ') : value;
  if (!text) throw new WebhookVerificationError('missing_header', `The ${name} header is missing.`);
  return text;
}

/** Standard base64 to bytes; undefined when it is not base64. */
function base64(text: string): Uint8Array<ArrayBuffer> | undefined {
  try {
    return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
