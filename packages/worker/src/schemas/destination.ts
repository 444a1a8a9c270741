import { z } from '@hono/zod-openapi';
import { ID_PATTERN } from '../lib/ids.js';
import { RouteSchema } from './feedback.js';

export const DESTINATION_ID = ID_PATTERN('dst');

export const DestinationKindSchema = z.enum(['webhook', 'slack']).openapi('DestinationKind', {
  description: 'webhook: a JSON event signed the Standard Webhooks way; slack: a readable Slack message (incoming webhook).',
});

/** Where Workers may send: a public https address; plain http only to this machine, for local receivers. */
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

function isAllowedUrl(url: string): boolean {
  try {
    const { protocol, hostname } = new URL(url);
    return protocol === 'https:' || LOCAL_HOSTS.has(hostname);
  } catch {
    return false; // z.url() says why
  }
}

const DestinationUrlSchema = z
  .url({ protocol: /^https?$/ })
  .max(2048)
  .refine(isAllowedUrl, 'must be https (http only for 127.0.0.1 and localhost)')
  .refine((url) => !/^https?:\/\/[^/?#]*@/i.test(url), 'must not contain a user name or password')
  .openapi({
    description: 'https only; http is accepted for 127.0.0.1 and localhost so local receivers work. For Slack, the incoming webhook URL.',
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
      .openapi({ description: 'Why Tandem turned it off (the receiver answered 410 Gone); null otherwise.' }),
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
