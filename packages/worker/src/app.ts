import { OpenAPIHono } from '@hono/zod-openapi';
import { requestId } from 'hono/request-id';
import { requireBindings, type AppEnv } from './env.js';
import { notFound, onError, validationHook } from './errors.js';
import { registerWebhooks } from './delivery/webhooks-doc.js';
import { siteCors } from './middleware/cors.js';
import { registerDeleteCustomer } from './routes/customer-delete.js';
import { registerListDeliveries } from './routes/deliveries-list.js';
import { registerReplayDelivery } from './routes/delivery-replay.js';
import { registerCreateDestination } from './routes/destination-create.js';
import { registerDeleteDestination } from './routes/destination-delete.js';
import { registerTestDestination } from './routes/destination-test.js';
import { registerUpdateDestination } from './routes/destination-update.js';
import { registerListDestinations } from './routes/destinations-list.js';
import { registerExportCustomer } from './routes/customer-export.js';
import { registerCreateFeedback } from './routes/feedback-create.js';
import { registerGetFeedback } from './routes/feedback-get.js';
import { registerListFeedback } from './routes/feedback-list.js';
import { registerUpdateFeedback } from './routes/feedback-update.js';
import { registerListTestimonials } from './routes/testimonials-list.js';

/** The whole API: middleware every request passes, the routes, and the OpenAPI document. */
export function createApp() {
  const base = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  // Always our own id (limitLength 0 ignores any X-Request-Id sent in), so an id a customer
  // quotes is one we logged, never one a client chose.
  base.use(requestId({ limitLength: 0 }));
  base.use(requireBindings());
  base.use('/v1/*', siteCors());
  base.onError(onError);
  base.notFound(notFound);

  const app = registerReplayDelivery(
    registerListDeliveries(
      registerTestDestination(
        registerDeleteDestination(
          registerUpdateDestination(
            registerCreateDestination(
              registerListDestinations(
                registerDeleteCustomer(
                  registerExportCustomer(
                    registerListTestimonials(
                      registerUpdateFeedback(registerGetFeedback(registerListFeedback(registerCreateFeedback(base)))),
                    ),
                  ),
                ),
              ),
            ),
          ),
        ),
      ),
    ),
  );
  registerWebhooks(app);

  app.openAPIRegistry.registerComponent('securitySchemes', 'publishableKey', {
    type: 'http',
    scheme: 'bearer',
    description: 'The site’s publishable key (pk_…): public, for web pages and apps; allowed origins only.',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'secretKey', {
    type: 'http',
    scheme: 'bearer',
    description: 'A secret key (sk_…) with one role (admin, support or pr): for servers and the dashboard.',
  });
  app.doc31('/v1/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Tandem API',
      version: '1.0.0',
      description: 'Collect customer feedback and testimonials; complaints go to support, shareable praise to PR.',
    },
  });
  return app;
}
