/**
 * One error envelope for every failure: `{ error: { code, message, requestId } }`.
 * Codes are stable and documented; messages are for people; a 500 never says more than
 * "internal error" (the details go to the log, under the same request id).
 */
import type { Hook } from '@hono/zod-openapi';
import type { ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from './env.js';
import { ERROR_STATUS, type ErrorCode, type ErrorEnvelope, type Issue } from './schemas/error.js';

/** Throw from anywhere in a request to answer with the envelope. */
export class ApiError extends HTTPException {
  readonly code: ErrorCode;
  readonly issues?: Issue[];
  readonly headers?: Record<string, string>;

  constructor(code: ErrorCode, message: string, extra: { issues?: Issue[]; headers?: Record<string, string> } = {}) {
    super(ERROR_STATUS[code], { message });
    this.code = code;
    this.issues = extra.issues;
    this.headers = extra.headers;
  }
}

// Hono's own exceptions (malformed JSON, media type gate, body limit) carry only a status:
// each gets the first code listed for it.
const CODE_BY_STATUS = new Map<number, ErrorCode>();
for (const [code, status] of Object.entries(ERROR_STATUS) as [ErrorCode, number][]) {
  if (!CODE_BY_STATUS.has(status)) CODE_BY_STATUS.set(status, code);
}

export const onError: ErrorHandler<AppEnv> = (err, c) => {
  const requestId = c.get('requestId') ?? '';
  let error: ApiError;
  if (err instanceof ApiError) {
    error = err;
  } else if (err instanceof HTTPException && err.status < 500 && CODE_BY_STATUS.has(err.status)) {
    error = new ApiError(CODE_BY_STATUS.get(err.status)!, err.message || 'Request refused.');
  } else {
    console.error(JSON.stringify({ requestId, error: String(err), stack: (err as Error)?.stack }));
    error = new ApiError('internal_error', 'Internal error. Quote the request id if you contact us.');
  }
  const body: ErrorEnvelope = {
    error: { code: error.code, message: error.message, requestId, ...(error.issues && { issues: error.issues }) },
  };
  return c.json(body, error.status as ContentfulStatusCode, error.headers);
};

export const notFound: NotFoundHandler<AppEnv> = (c) =>
  onError(new ApiError('not_found', `No route for ${c.req.method} ${new URL(c.req.url).pathname}.`), c);

/** Turns a zod validation failure into a 400 that names every bad field. */
export const validationHook: Hook<unknown, AppEnv, string, unknown> = (result) => {
  if (result.success) return;
  const issues = result.error.issues.map((issue) => ({
    path: issue.path.join('.'),
    message: issue.message,
  }));
  const summary = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
  throw new ApiError('invalid_request', `Invalid request: ${summary}`, { issues });
};
