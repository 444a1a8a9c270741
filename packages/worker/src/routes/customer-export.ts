import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Schema } from 'hono/types';
import { customerExport } from '../db/customers.js';
import type { AppEnv } from '../env.js';
import { secretKey } from '../middleware/keys.js';
import { CustomerDataSchema, CustomerQuerySchema } from '../schemas/customer.js';
import { errorResponses } from '../schemas/error.js';

export const route = createRoute({
  method: 'get',
  path: '/v1/customer-data',
  tags: ['Private'],
  summary: 'Export a customer’s data',
  description:
    'Everything the site holds about one customer, by email or by one of their messages: the messages with what ' +
    'was sent beside them, their log and internal notes, and the testimonials made from them with their edit ' +
    'history. Admin keys only.',
  security: [{ secretKey: [] }],
  middleware: [secretKey('admin')] as const,
  request: { query: CustomerQuerySchema },
  responses: {
    200: { description: 'The customer’s data (empty lists when there is none).', content: { 'application/json': { schema: CustomerDataSchema } } },
    ...errorResponses(400, 401, 403, 500),
  },
});

export const registerExportCustomer = <S extends Schema>(app: OpenAPIHono<AppEnv, S>) =>
  app.openapi(route, async (c) => c.json(await customerExport(c.env.DB, c.get('site').id, c.req.valid('query')), 200));
