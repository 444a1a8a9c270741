/**
 * Tandem's edge worker: the v1 API (Hono) plus the static files wrangler serves beside it
 * (tandem.js). Exports AppType so clients can be typed from the routes.
 */
import { createApp } from './app.js';

const app = createApp();

export type AppType = typeof app;

export default {
  fetch: app.fetch,
} satisfies ExportedHandler<import('./env.js').Bindings>;
