import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';

/**
 * Request bodies are JSON. `navigator.sendBeacon` cannot send application/json without a CORS
 * preflight it never makes, so a text/plain body is read as JSON as well.
 */
export function jsonBody(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (type === 'text/plain') {
      const headers = new Headers(c.req.raw.headers);
      headers.set('content-type', 'application/json');
      c.req.raw = new Request(c.req.raw, { headers });
    } else if (!/^application\/([\w.-]+\+)?json$/.test(type)) {
      throw new ApiError(
        'unsupported_media_type',
        `Send the body as JSON (Content-Type: application/json), not ${type || 'without a Content-Type'}.`,
      );
    }
    await next();
  };
}
