import { z } from '@hono/zod-openapi';

/** Every error code the API answers with, and its HTTP status. Stable: clients branch on them. */
export const ERROR_STATUS = {
  invalid_request: 400,
  unauthorized: 401,
  forbidden: 403,
  origin_not_allowed: 403,
  not_found: 404,
  already_set: 409,
  no_consent: 409,
  already_exists: 409,
  last_admin_key: 409,
  destination_disabled: 409,
  limit_reached: 409,
  not_a_complaint: 409,
  not_resolved: 409,
  no_email: 409,
  invitation_answered: 409,
  invitation_expired: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  idempotency_key_reused: 422,
  rate_limited: 429,
  internal_error: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export const ERROR_CODES = Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]];

export const ErrorEnvelopeSchema = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: z.string().openapi({ description: 'For people; may change. Branch on `code`.' }),
      requestId: z.string().openapi({ description: 'Also in the X-Request-Id header.' }),
      issues: z
        .array(z.object({ path: z.string(), message: z.string() }))
        .optional()
        .openapi({ description: 'For invalid_request: each field that is wrong.' }),
    }),
  })
  .openapi('Error');

export type ErrorEnvelope = z.infer<typeof ErrorEnvelopeSchema>;
export type Issue = NonNullable<ErrorEnvelope['error']['issues']>[number];

type ErrorStatus = keyof typeof DESCRIPTIONS;
type ErrorResponse = { description: string; content: { 'application/json': { schema: typeof ErrorEnvelopeSchema } } };

/** The error responses a route can give, for its OpenAPI description. */
export function errorResponses<S extends ErrorStatus>(...statuses: S[]): Record<S, ErrorResponse> {
  const responses = {} as Record<S, ErrorResponse>;
  for (const status of statuses) {
    responses[status] = { description: DESCRIPTIONS[status], content: { 'application/json': { schema: ErrorEnvelopeSchema } } };
  }
  return responses;
}

const DESCRIPTIONS = {
  400: 'invalid_request: the input is not valid; `issues` names each field.',
  401: 'unauthorized: the key is missing, unknown, revoked, or of the wrong kind.',
  403: 'forbidden or origin_not_allowed: the key may not do this, or the Origin is not one of the site’s.',
  404: 'not_found: no such route, or no such feedback for this key and token (wrong, expired, or another site’s look the same).',
  409:
    'already_set: the feedback already has a different email or name; they cannot be changed. no_consent: the ' +
    'customer has not agreed to be quoted. already_exists: the message already has a testimonial. last_admin_key: ' +
    'the site’s last live admin key cannot be revoked. destination_disabled: enable the destination first. ' +
    'limit_reached: the site has as many as it may. not_a_complaint: only a complaint can be followed by an invitation. not_resolved: only a resolved message can be followed by an ' +
    'invitation. no_email: the customer left no email to send it to. invitation_answered: the invitation was answered already.',
  410: 'invitation_expired: the invitation to say how it went is past its expiry.',
  413: 'payload_too_large: the body is over 32 KB.',
  415: 'unsupported_media_type: send JSON.',
  422: 'idempotency_key_reused: the Idempotency-Key was used before for a different request.',
  429: 'rate_limited: wait for Retry-After seconds.',
  500: 'internal_error: nothing internal is disclosed; quote the request id.',
} as const;
