import type { ErrorCode, ErrorEnvelope } from '@tandem/worker/types';
import { TandemError, type ClientErrorCode, type TandemErrorCode } from './errors.js';

/** The client's options (see ClientOptions), with its messages resolved. */
export interface RequestContext {
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** A message for every client code, and any the app gave for the API's codes. */
  messages: Record<ClientErrorCode, string> & Partial<Record<ErrorCode, string>>;
}

/**
 * One call to the API: a timeout on every request, the caller's AbortSignal honoured, and every
 * failure turned into a TandemError with a stable code.
 */
export async function request<T>(
  ctx: RequestContext,
  url: string,
  init: RequestInit,
  signal?: AbortSignal,
): Promise<T> {
  // The app's message for the code, else the API's own words; an answer without them (e.g. a
  // proxy's error page) is one that could not be read.
  const fail = (code: TandemErrorCode, extra: ConstructorParameters<typeof TandemError>[2] = {}) =>
    new TandemError(code, ctx.messages[code] ?? extra.detail ?? ctx.messages.invalid_response, extra);
  // Both stop fetch and the reading of the body; an already aborted signal sends nothing.
  const timeout = AbortSignal.timeout(ctx.timeoutMs ?? 10_000);
  let response: Response | undefined;
  let body: unknown;
  try {
    // Called without `this`: window.fetch refuses to run as a method of another object.
    response = await (ctx.fetch ?? fetch)(url, { ...init, signal: signal ? AbortSignal.any([signal, timeout]) : timeout });
    // 204 No Content (a deletion) has no body to read.
    body = response.status === 204 ? undefined : await response.json();
  } catch (cause) {
    throw timeout.aborted
      ? fail('timeout', { cause })
      : signal?.aborted
        ? fail('aborted', { cause })
        : response
          ? fail(response.ok ? 'invalid_response' : statusCode(response.status), {
              status: response.status,
              requestId: response.headers.get('x-request-id') ?? undefined,
              cause,
            })
          : fail('network_error', { cause });
  }
  if (response.ok) return body as T;

  const error = (body as Partial<ErrorEnvelope> | null)?.error;
  // A code this SDK version does not know yet falls back to what the status says.
  const code = error && Object.hasOwn(API_CODES, error.code) ? error.code : statusCode(response.status);
  throw fail(code, {
    status: response.status,
    requestId: error?.requestId ?? response.headers.get('x-request-id') ?? undefined,
    retryAfter: Number(response.headers.get('retry-after')) || undefined,
    detail: error?.message,
    ...(error?.issues && { issues: error.issues }),
  });
}

// The API's codes, which the compiler checks against the worker's own list.
const API_CODES: Record<ErrorCode, true> = {
  invalid_request: true,
  unauthorized: true,
  forbidden: true,
  origin_not_allowed: true,
  not_found: true,
  already_set: true,
  no_consent: true,
  already_exists: true,
  last_admin_key: true,
  destination_disabled: true,
  limit_reached: true,
  not_a_complaint: true,
  not_resolved: true,
  no_email: true,
  invitation_answered: true,
  invitation_expired: true,
  payload_too_large: true,
  unsupported_media_type: true,
  idempotency_key_reused: true,
  rate_limited: true,
  internal_error: true,
};

// For answers without our envelope, e.g. from a proxy in front of the worker.
function statusCode(status: number): TandemErrorCode {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 413) return 'payload_too_large';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'internal_error';
  return 'invalid_request';
}
