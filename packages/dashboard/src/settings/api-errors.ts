/** How the settings' forms show what the API refused. */
import { TandemError } from '@tandem/sdk/admin';

/** The API's own words for a failure, else the client's. */
export function errorMessage(e: unknown): string {
  if (e instanceof TandemError) return e.detail ?? e.message;
  return e instanceof Error ? e.message : String(e);
}

/**
 * The API's 400 issues by field (`origins.2` under `origins.2`); one without a field, or any other
 * failure, under `''`, for the form as a whole.
 */
export function fieldErrors(e: unknown): Record<string, string> {
  if (e instanceof TandemError && e.code === 'invalid_request' && e.issues?.length) {
    const errors: Record<string, string> = {};
    for (const { path, message } of e.issues) errors[path] = errors[path] ? `${errors[path]}; ${message}` : message;
    return errors;
  }
  return { '': errorMessage(e) };
}
