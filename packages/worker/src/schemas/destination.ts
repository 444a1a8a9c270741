import { z } from '@hono/zod-openapi';
import { ID_PATTERN } from '../lib/ids.js';
import { RouteSchema } from './feedback.js';

export const DESTINATION_ID = ID_PATTERN('dst');

export const DestinationKindSchema = z.enum(['webhook', 'slack']).openapi('DestinationKind', {
  description: 'webhook: a JSON event signed the Standard Webhooks way; slack: a readable Slack message (incoming webhook).',
});

// Which hosts are allowed depends on where the worker runs (LOCAL_DESTINATIONS): the routes check
// that with delivery/destination-url.ts once the shape is valid.
const DestinationUrlSchema = z
  .url({ protocol: /^https?$/ })
  .max(2048)
  .refine((url) => !/^https?:\/\/[^/?#]*@/i.test(url), 'must not contain a user name or password')
  .openapi({
    description:
      'https to a public host: no IP address of a private, loopback, link-local or unspecified range, no single-label, ' +
      '.local, .internal or .localhost name. For Slack, the incoming webhook URL (https://hooks.slack.com/…). Plain ' +
      'http and 127.0.0.1, localhost and [::1] only where the worker runs with LOCAL_DESTINATIONS = "allow" (local development).',
    example: 'https://support.example.com/hooks/tandem',
  });

const NameSchema = z.string().trim().min(1).max(100).openapi({ example: 'Support desk' });

const RoutesSchema = z
  .array(RouteSchema)
  .min(1)
  .refine((routes) => new Set(routes).size === routes.length, 'each team at most once')
  .openapi({
    description: 'The teams whose messages it receives. A destination with `pr` also gets PR-risk alerts.',
    example: ['support'],
  });

export const DestinationInputSchema = z
  .strictObject({ kind: DestinationKindSchema, name: NameSchema, url: DestinationUrlSchema, routes: RoutesSchema })
  .openapi('DestinationInput');

export const DestinationUpdateSchema = z
  .strictObject({
    name: NameSchema.optional(),
    url: DestinationUrlSchema.optional(),
    routes: RoutesSchema.optional(),
    enabled: z.boolean().optional().openapi({ description: 'false: it receives nothing until enabled again.' }),
  })
  .refine((u) => Object.values(u).some((v) => v !== undefined), { message: 'send at least one of name, url, routes or enabled' })
  .openapi('DestinationUpdate');

export const DestinationSchema = z
  .object({
    id: z.string().openapi({ example: 'dst_01JD3X6Q0ZK4T1V8M2N5P7R9S3' }),
    kind: DestinationKindSchema,
    name: z.string(),
    url: z.string().openapi({ description: 'A Slack URL is a secret: only its start and last characters are shown.' }),
    routes: z.array(RouteSchema),
    enabled: z.boolean(),
    disabledReason: z
      .string()
      .nullable()
      .openapi({ description: 'Why Tandem turned it off (the receiver answered 410 Gone, or its URL is no longer allowed); null otherwise.' }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Destination');

export const DestinationCreatedSchema = DestinationSchema.extend({
  secret: z.string().nullable().openapi({
    description: 'The webhook signing secret (whsec_…), shown this once: keep it. null for Slack.',
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwJ3g5N7n5v9U=',
  }),
}).openapi('DestinationCreated');

export const DestinationIdParamSchema = z.object({
  id: z
    .string()
    .regex(DESTINATION_ID, 'not a destination id')
    .openapi({ param: { name: 'id', in: 'path' }, example: 'dst_01JD3X6Q0ZK4T1V8M2N5P7R9S3' }),
});

export type DestinationKind = z.infer<typeof DestinationKindSchema>;
export type DestinationInput = z.infer<typeof DestinationInputSchema>;
export type DestinationUpdate = z.infer<typeof DestinationUpdateSchema>;
export type Destination = z.infer<typeof DestinationSchema>;
export type DestinationCreated = z.infer<typeof DestinationCreatedSchema>;
