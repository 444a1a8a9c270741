import { OpenAPIHono } from '@hono/zod-openapi';
import { requestId } from 'hono/request-id';
import { requireBindings, type AppEnv } from './env.js';
import { notFound, onError, validationHook } from './errors.js';
import { registerWebhooks } from './delivery/webhooks-doc.js';
import { siteCors } from './middleware/cors.js';
import { FEEDBACK_ID } from './schemas/feedback.js';
import { registerListAlerts } from './routes/alerts-list.js';
import { registerDeleteCustomer } from './routes/customer-delete.js';
import { registerListDeliveries } from './routes/deliveries-list.js';
import { registerReplayDelivery } from './routes/delivery-replay.js';
import { registerCreateDestination } from './routes/destination-create.js';
import { registerDeleteDestination } from './routes/destination-delete.js';
import { registerTestDestination } from './routes/destination-test.js';
import { registerUpdateDestination } from './routes/destination-update.js';
import { registerListDestinations } from './routes/destinations-list.js';
import { registerExportCustomer } from './routes/customer-export.js';
import { registerCreateKey } from './routes/keys-create.js';
import { registerListKeys } from './routes/keys-list.js';
import { registerRevokeKey } from './routes/keys-revoke.js';
import { registerMe } from './routes/me.js';
import { registerGetSite } from './routes/site-get.js';
import { registerUpdateSite } from './routes/site-update.js';
import { registerCreateSite } from './routes/sites-create.js';
import { registerSetAssignee } from './routes/feedback-assignee.js';
import { registerInviteCustomer } from './routes/feedback-invitation.js';
import { registerInvitationPage } from './routes/invitation-page.js';
import { registerCreateFeedback } from './routes/feedback-create.js';
import { registerGetFeedback } from './routes/feedback-get.js';
import { registerListFeedback } from './routes/feedback-list.js';
import { registerAddNote } from './routes/feedback-notes.js';
import { registerOverrideRoutes } from './routes/feedback-routes.js';
import { registerSetStatus } from './routes/feedback-status.js';
import { registerUpdateFeedback } from './routes/feedback-update.js';
import { registerApproveStudioTestimonial } from './routes/studio-testimonial-approve.js';
import { registerCreateStudioTestimonial } from './routes/studio-testimonial-create.js';
import { registerGetStudioTestimonial } from './routes/studio-testimonial-get.js';
import { registerUpdateStudioTestimonial } from './routes/studio-testimonial-update.js';
import { registerWithdrawStudioTestimonial } from './routes/studio-testimonial-withdraw.js';
import { registerListStudioTestimonials } from './routes/studio-testimonials-list.js';
import { registerListStudioCandidates } from './routes/studio-candidates-list.js';
import { registerStats } from './routes/stats.js';
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
  // Deliveries link to /dashboard/feedback/{id}; the dashboard is one static page (dist/public),
  // which opens the message its fragment names.
  base.use('/dashboard/feedback/:id', async (c, next) =>
    FEEDBACK_ID.test(c.req.param('id')) ? c.redirect(`/dashboard/#feedback/${c.req.param('id')}`, 302) : next(),
  );

  // Each register… adds its route to the app it is given and returns it with the route's type:
  // the chain is what types the SDK's client, so every route joins it.
  const core = registerDeleteCustomer(
    registerExportCustomer(
      registerListTestimonials(registerUpdateFeedback(registerGetFeedback(registerListFeedback(registerCreateFeedback(base))))),
    ),
  );
  // Support's inbox, the numbers and alerts, and closing the loop: the invitation to say how it
  // went and its page.
  const inbox = registerInvitationPage(
    registerInviteCustomer(
      registerListAlerts(registerStats(registerOverrideRoutes(registerAddNote(registerSetAssignee(registerSetStatus(core)))))),
    ),
  );
  const studio = registerWithdrawStudioTestimonial(
    registerApproveStudioTestimonial(
      registerUpdateStudioTestimonial(
        registerCreateStudioTestimonial(
          registerGetStudioTestimonial(registerListStudioTestimonials(registerListStudioCandidates(inbox))),
        ),
      ),
    ),
  );
  const admin = registerCreateSite(
    registerRevokeKey(registerCreateKey(registerListKeys(registerUpdateSite(registerGetSite(registerMe(studio)))))),
  );
  // Delivery to each team's tools.
  const app = registerReplayDelivery(
    registerListDeliveries(
      registerTestDestination(
        registerDeleteDestination(registerUpdateDestination(registerCreateDestination(registerListDestinations(admin)))),
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
