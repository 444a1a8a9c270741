/**
 * The yardstick for `npm run bench`: the least a Hono worker can do to take feedback, with none
 * of Tandem's work (no key check, validation, rate limit, triage or idempotency): read the JSON
 * and insert the same row Tandem inserts into the same D1 table.
 */
import { Hono } from 'hono';
import { ulid } from 'ulid';

const app = new Hono<{ Bindings: { DB: D1Database } }>();

app.post('/v1/feedback', async (c) => {
  const body = await c.req.json<{ message: string; rating?: number; email?: string }>();
  const id = `fb_${ulid()}`;
  await c.env.DB.prepare(
    `INSERT INTO feedback (id, site_id, message, rating, email, consent_publish, label, routes, sentiment, confidence, reasons, created_at)
     VALUES (?, 'site_demo', ?, ?, ?, 0, 'neutral', '[]', 0, 0, '[]', ?)`,
  )
    .bind(id, body.message, body.rating ?? null, body.email ?? null, new Date().toISOString())
    .run();
  return c.json({ id }, 201);
});

export default app;
