import { z } from '@hono/zod-openapi';
import { NO_CONTROL_CHARACTERS, noControl } from './feedback.js';

// A host name as browsers send it (IDNs in punycode), or an IP address. No wildcards: the check
// is an exact match with the Origin header.
const HOST = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])$/;

/** What a browser sends as Origin: http(s), a lower-case host and a port only when not the default. */
function isBareOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value && HOST.test(url.hostname);
  } catch {
    return false;
  }
}

export const OriginSchema = z
  .string()
  .max(200)
  .refine(isBareOrigin, 'must be an origin as browsers send it, e.g. https://shop.example: http or https, a lower-case host, a port only when not the default, no path, query or trailing slash')
  .openapi({ example: 'https://shop.example' });

const OriginsSchema = z
  .array(OriginSchema)
  .max(50)
  .refine((origins) => new Set(origins).size === origins.length, 'list each origin once')
  .openapi({ description: 'Where the site’s pages may send feedback from. The whole list: it replaces the one stored.' });

const SiteNameSchema = z.string().trim().min(1).max(100).regex(NO_CONTROL_CHARACTERS, noControl).openapi({ example: 'Northwind Coffee Roasters' });
const RetentionDaysSchema = z
  .number()
  .int()
  .min(1)
  .max(3650)
  .openapi({ description: 'Messages older than this many days are deleted every night (approved quotes stay).', example: 365 });

export const SiteSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    origins: z.array(z.string()),
    retentionDays: z.number().int(),
    createdAt: z.string(),
  })
  .openapi('Site');

export const SiteUpdateSchema = z
  .strictObject({ name: SiteNameSchema.optional(), origins: OriginsSchema.optional(), retentionDays: RetentionDaysSchema.optional() })
  .refine((u) => u.name !== undefined || u.origins !== undefined || u.retentionDays !== undefined, {
    message: 'send at least one of name, origins or retentionDays',
  })
  .openapi('SiteUpdate');

export const SiteCreateSchema = z
  .strictObject({
    name: SiteNameSchema,
    origins: OriginsSchema.default([]).openapi({ description: 'Where its pages may send feedback from; none: servers and apps only.' }),
    retentionDays: RetentionDaysSchema.default(365),
  })
  .openapi('SiteCreate');

export const KeyKindSchema = z
  .enum(['publishable', 'secret'])
  .openapi('KeyKind', { description: 'publishable (pk_…): public, for pages; secret (sk_…): for servers, with a role.' });
export const RoleSchema = z
  .enum(['admin', 'support', 'pr'])
  .openapi('Role', { description: 'admin: everything; support: the inbox; pr: testimonials. All three read.' });

export const KEY_ID = /^key_[\w-]{1,120}$/;

export const KeySchema = z
  .object({
    id: z.string(),
    kind: KeyKindSchema,
    role: RoleSchema.nullable().openapi({ description: 'null for publishable keys.' }),
    hint: z.string().openapi({ description: 'The whole key when publishable; its first and last characters when secret.' }),
    createdAt: z.string(),
    revokedAt: z.string().nullable(),
  })
  .openapi('Key');

export const KeyCreateSchema = z
  .strictObject({ kind: KeyKindSchema, role: RoleSchema.optional().openapi({ description: 'Required for a secret key; none for a publishable one.' }) })
  .refine((k) => (k.kind === 'secret') === (k.role !== undefined), {
    path: ['role'],
    message: 'a secret key needs a role (admin, support or pr); a publishable key takes none',
  })
  .openapi('KeyCreate');

export const CreatedKeySchema = KeySchema.extend({
  key: z.string().openapi({
    description: 'The key itself. Shown this once: only its hash is stored, so keep it now (a lost key is revoked and replaced).',
    example: 'sk_4f1c0a9e2b7d4c3a8e6f5b1d0c9a8e7f6b5d4c3a2b1e0f9d',
  }),
}).openapi('CreatedKey');

export const SiteCreatedSchema = z
  .object({
    site: SiteSchema,
    keys: z.object({ publishable: CreatedKeySchema, admin: CreatedKeySchema }),
  })
  .openapi('SiteCreated');

export const MeSchema = z
  .object({
    keyId: z.string().openapi({ example: 'key_demo_admin' }),
    role: RoleSchema,
    site: z.object({ id: z.string(), name: z.string() }).openapi({ example: { id: 'site_demo', name: 'Northwind Coffee Roasters' } }),
  })
  .openapi('Me', { description: 'The secret key a call is made with: its id, its role and its site.' });

export type SiteSettings = z.infer<typeof SiteSchema>;
export type SiteUpdate = z.infer<typeof SiteUpdateSchema>;
export type Key = z.infer<typeof KeySchema>;
export type CreatedKey = z.infer<typeof CreatedKeySchema>;
export type SiteCreated = z.infer<typeof SiteCreatedSchema>;
export type Me = z.infer<typeof MeSchema>;
