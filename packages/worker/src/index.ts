/**
 * Tandem's edge worker: the v1 API (Hono) plus the static files wrangler serves beside it
 * (tandem.js). Exports AppType so clients can be typed from the routes.
 */
import { createApp } from './app.js';
import { enforceRetention } from './jobs/retention.js';

const app = createApp();

export type AppType = typeof app;

export default {
  fetch: app.fetch,
  // Nightly (wrangler.toml [triggers]): each site's retention.
  async scheduled(controller, env) {
    const deleted = await enforceRetention(env.DB, new Date(controller.scheduledTime));
    console.log(JSON.stringify({ job: 'retention', deleted }));
  },
} satisfies ExportedHandler<import('./env.js').Bindings>;
