// A webhook receiver for Tandem's deliveries, in plain Node (20+): it checks each request's
// Standard Webhooks signature with verifyWebhook from @tandem/sdk, prints what arrived, and answers
// 204 so Tandem marks the delivery done. Anything else it answers 401 (bad or stale signature) or
// 400, and Tandem tries again later (see the README's delivery section).
//
//   TANDEM_WEBHOOK_SECRET=whsec_… PORT=8790 node examples/webhook-receiver/server.mjs
//
// Then add a destination pointing at it (http://127.0.0.1 is allowed for local receivers):
//   curl -X POST http://127.0.0.1:8787/v1/destinations -H "Authorization: Bearer sk_…" \
//     -H "Content-Type: application/json" \
//     -d '{"name":"My receiver","kind":"webhook","url":"http://127.0.0.1:8790/tandem","routes":["support","pr"]}'
import { createServer } from 'node:http';
import { verifyWebhook, WebhookVerificationError } from '@tandem/sdk';

const secret = process.env.TANDEM_WEBHOOK_SECRET;
if (!secret?.startsWith('whsec_')) {
  console.error('Set TANDEM_WEBHOOK_SECRET to the destination’s whsec_… secret (shown once when it was created).');
  process.exit(1);
}
// Deliveries are at least once: a replay or a retry after a lost answer repeats the webhook-id.
const seen = new Set();

const server = createServer(async (req, res) => {
  if (req.method !== 'POST') return void res.writeHead(405, { allow: 'POST' }).end();
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  // Verify the raw bytes exactly as they arrived: parsing first and re-serialising breaks the signature.
  const body = Buffer.concat(chunks);
  try {
    const event = await verifyWebhook(body, req.headers, secret);
    const id = req.headers['webhook-id'];
    if (seen.has(id)) {
      console.log(`${id}: already handled, skipped`);
    } else {
      seen.add(id);
      const { type, data } = event;
      console.log(JSON.stringify({ id, type, label: data?.label, routes: data?.routes, urgency: data?.urgency, message: data?.message, link: data?.link }));
    }
    res.writeHead(204).end();
  } catch (error) {
    if (!(error instanceof WebhookVerificationError)) {
      res.writeHead(400).end();
      return;
    }
    console.warn(`refused: ${error.code}`);
    res.writeHead(401, { 'content-type': 'text/plain' }).end(error.code);
  }
});

const port = Number(process.env.PORT ?? 8790);
server.listen(port, '127.0.0.1', () => console.log(`Waiting for Tandem's webhooks on http://127.0.0.1:${port}/`));
const stop = () => server.close(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
