/** Support's work on a message: what the routes that change it take, and the log they write. */
import { z } from '@hono/zod-openapi';
import { FeedbackSchema, NO_CONTROL_CHARACTERS, noControl, RouteSchema, StatusSchema } from './feedback.js';
import { RoleSchema } from './site.js';

const TEXT = (max: number) => z.string().trim().min(1).max(max).regex(NO_CONTROL_CHARACTERS, noControl);

const actor = TEXT(100)
  .optional()
  .openapi({ description: 'The person acting, as the log should show them (the dashboard sends their name).', example: 'Ana Ruiz' });

export const StatusChangeSchema = z.strictObject({ status: StatusSchema, actor }).openapi('StatusChange');

export const AssigneeChangeSchema = z
  .strictObject({
    assignee: TEXT(100)
      .nullable()
      .openapi({ description: 'An agent’s name or email; null to unassign.', example: 'ana@northwind.example' }),
    actor,
  })
  .openapi('AssigneeChange');

export const NoteInputSchema = z
  .strictObject({
    text: TEXT(5000).openapi({ description: 'For the team only: never shown to the customer.', example: 'Refund sent, ref R-1182.' }),
    actor,
  })
  .openapi('NoteInput');

export const RoutesOverrideSchema = z
  .strictObject({
    routes: z
      .array(RouteSchema)
      .min(1)
      .refine((routes) => new Set(routes).size === routes.length, 'each team once')
      .openapi({ description: 'The teams the message goes to from now on. The triage’s own routes undo the override.' }),
    reason: TEXT(500).optional().openapi({ example: 'The customer mentions a journalist.' }),
    actor,
  })
  .openapi('RoutesOverride');

export const ByWhomSchema = z
  .object({
    keyId: z.string().openapi({ description: 'The secret key used.' }),
    role: RoleSchema,
    actor: z.string().nullable().openapi({ description: 'The person, when the caller named them.' }),
  })
  .openapi('ByWhom');

const EventValue = z.union([z.string(), z.array(RouteSchema), z.null()]);

export const FeedbackEventSchema = z
  .object({
    id: z.string().openapi({ example: 'ev_01JD3X9B2C4D6E8F0G1H2J3K4M' }),
    kind: z.enum(['status', 'assignee', 'note', 'routes']),
    from: EventValue.openapi({ description: 'The value before (a status, an assignee or null, routes); null for a note.' }),
    to: EventValue.openapi({ description: 'The value after; a note’s text.' }),
    reason: z.string().nullable().openapi({ description: 'Why routes were overridden, when given.' }),
    by: ByWhomSchema,
    at: z.string(),
  })
  .openapi('FeedbackLogEntry', { description: 'One change to a message or one internal note, never shown to the customer.' });

export const InvitationSchema = z
  .object({
    id: z.string().openapi({ example: 'inv_01JD3XA1B2C3D4E5F6G7H8J9K0' }),
    createdAt: z.string(),
    expiresAt: z.string().openapi({ description: 'The link takes no answer after this.' }),
    answeredBy: z.string().nullable().openapi({ description: 'The message that answered it (its `invitedAfter` is this message’s id).' }),
    answeredAt: z.string().nullable(),
    by: ByWhomSchema,
  })
  .openapi('Invitation', { description: 'An invitation sent to the customer to say how it went, after the message was resolved.' });

export const InvitationInputSchema = z.strictObject({ actor }).openapi('InvitationInput');

export const InvitationCreatedSchema = z
  .object({
    id: z.string().openapi({ example: 'inv_01JD3XA1B2C3D4E5F6G7H8J9K0' }),
    url: z.string().openapi({
      description: 'The link to send the customer: a page of this worker with the feedback form. Shown once; only its hash is kept.',
      example: 'https://feedback.example.com/how-did-it-go/ivt_3b1f0c9a7d2e4f6a8b0c1d2e3f4a5b6c',
    }),
    expiresAt: z.string(),
    email: z.string().openapi({ description: 'Where to send it: the message’s email, else the identified user’s.' }),
  })
  .openapi('InvitationCreated');

export const FeedbackDetailSchema = FeedbackSchema.extend({
  override: z
    .object({ by: ByWhomSchema, at: z.string(), reason: z.string().nullable() })
    .nullable()
    .openapi({ description: 'Who last overrode the routes, when and why; null while the triage’s routes stand.' }),
  events: z.array(FeedbackEventSchema).openapi({ description: 'Every change and note, oldest first.' }),
  invitations: z.array(InvitationSchema).openapi({ description: 'Invitations to say how it went, oldest first.' }),
}).openapi('FeedbackDetail');

export type ByWhom = z.infer<typeof ByWhomSchema>;
export type FeedbackEvent = z.infer<typeof FeedbackEventSchema>;
export type FeedbackDetail = z.infer<typeof FeedbackDetailSchema>;
export type Invitation = z.infer<typeof InvitationSchema>;
export type InvitationCreated = z.infer<typeof InvitationCreatedSchema>;
