/**
 * Tandem's edge worker: the v1 API (Hono) plus the static files wrangler serves beside it
 * (tandem.js), the deliveries queue's consumer and the scheduled jobs. Exports AppType so clients
 * can be typed from the routes.
 */
import { createApp } from './app.js';
import { buryBatch, deliverBatch } from './delivery/consumer.js';
import { DEAD_LETTER_QUEUE, type DeliveryMessage } from './delivery/queue.js';
import type { Bindings } from './env.js';
import { resendStalled } from './jobs/resend-stalled.js';
import { enforceRetention } from './jobs/retention.js';
import { detectSurges } from './jobs/surge.js';

const app = createApp();

export type AppType = typeof app;

/** wrangler.toml [triggers]: which cron runs which job (a test keeps the two in step). */
export const CRONS = { retention: '17 3 * * *', resendStalled: '*/5 * * * *', surge: '41 * * * *' } as const;

export default {
  fetch: app.fetch,
  async scheduled(controller, env) {
    const now = new Date(controller.scheduledTime);
    switch (controller.cron) {
      case CRONS.resendStalled: {
        const resent = await resendStalled(env.DB, env.DELIVERIES, now);
        if (resent) console.log(JSON.stringify({ job: 'resend-stalled', resent }));
        return;
      }
      case CRONS.surge: {
        const alerts = await detectSurges(env, now);
        if (alerts.length) console.log(JSON.stringify({ job: 'surge', alerts: alerts.map((a) => ({ siteId: a.siteId, topic: a.topic })) }));
        return;
      }
      case CRONS.retention: {
        const deleted = await enforceRetention(env.DB, now);
        console.log(JSON.stringify({ job: 'retention', deleted }));
        return;
      }
      default:
        // A cron added to wrangler.toml but not here: deleting data is never the fallback.
        console.error(JSON.stringify({ error: 'unknown cron; no job run', cron: controller.cron }));
    }
  },
  // Both queues of wrangler.toml: deliveries to send, and those whose attempts ran out.
  async queue(batch, env) {
    if (batch.queue === DEAD_LETTER_QUEUE) await buryBatch(batch, env);
    else await deliverBatch(batch, env);
  },
} satisfies ExportedHandler<Bindings, DeliveryMessage>;
