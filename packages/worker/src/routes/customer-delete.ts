import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Schema } from 'hono/types';
import { customerData, deleteCustomerData } from '../db/customers.js';
import type { AppEnv } from '../env.js';
import { forgetTestimonials } from '../lib/testimonials-cache.js';
import { secretKey } from '../middleware/keys.js';
import { CustomerQuerySchema } from '../schemas/customer.js';
import { errorResponses } from '../schemas/error.js';

export const route = createRoute({
  method: 'delete',
  path: '/v1/customer-data',
  tags: ['Private'],
  summary: 'Delete a customer’s data',
  description:
    'Deletes one customer’s messages (by email, or one message by id) and the testimonials made from them, which ' +
    'leave the wall at once; by email also the quotes kept after retention deleted their message. Admin keys only; ' +
    'it cannot be undone.',
  security: [{ secretKey: [] }],
  middleware: [secretKey('admin')] as const,
  request: { query: CustomerQuerySchema },
  responses: {
    200: {
      description: 'How much was deleted.',
      content: {
        'application/json': {
          schema: z.object({ deleted: z.object({ feedback: z.number().int(), testimonials: z.number().int() }) }),
        },
      },
    },
    ...errorResponses(400, 401, 403, 500),
  },
});

export const registerDeleteCustomer = <S extends Schema>(app: OpenAPIHono<AppEnv, S>) =>
  app.openapi(route, async (c) => {
    const siteId = c.get('site').id;
    const deleted = await deleteCustomerData(c.env.DB, siteId, await customerData(c.env.DB, siteId, c.req.valid('query')));
    if (deleted.testimonials) await forgetTestimonials(siteId);
    return c.json({ deleted }, 200);
  });
