import type { ErrorEnvelope } from '@tandem/worker/types';
import { TandemError, type TandemErrorCode } from './errors.js';

export interface RequestContext {
  fetch: typeof fetch;
  timeoutMs: number;
  messages: Record<TandemErrorCode, string>;
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
  const fail = (code: TandemErrorCode, extra?: ConstructorParameters<typeof TandemError>[2]) =>
    new TandemError(code, ctx.messages[code], extra);
  if (signal?.aborted) throw fail('aborted');

  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, ctx.timeoutMs);
  const onAbort = () => controller.abort();
  // Why fetch or reading the body stopped, when it was our timeout or the caller's abort.
  const interrupted = (cause: unknown) =>
    timedOut ? fail('timeout', { cause }) : signal?.aborted ? fail('aborted', { cause }) : undefined;
  signal?.addEventListener('abort', onAbort, { once: true });

  try {
    let response: Response;
    try {
      response = await ctx.fetch(url, { ...init, signal: controller.signal });
    } catch (cause) {
      throw interrupted(cause) ?? fail('network_error', { cause });
    }
    const requestId = response.headers.get('x-request-id') ?? undefined;
    let body: unknown;
    try {
      body = await response.json();
    } catch (cause) {
      throw interrupted(cause) ?? fail(response.ok ? 'invalid_response' : statusCode(response.status), {
        status: response.status,
        requestId,
        cause,
      });
    }
    if (response.ok) return body as T;

    const error = (body as Partial<ErrorEnvelope> | null)?.error;
    // A code this SDK version does not know yet falls back to what the status says.
    const code = error?.code && error.code in ctx.messages ? error.code : statusCode(response.status);
    const retryAfter = Number(response.headers.get('retry-after')) || undefined;
    throw fail(code, {
      status: response.status,
      requestId: error?.requestId ?? requestId,
      retryAfter,
      detail: error?.message,
    });
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

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
