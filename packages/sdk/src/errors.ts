import type { ErrorCode } from '@tandem/worker/types';

/** Failures the SDK detects itself, before or instead of an answer from the API. */
export type ClientErrorCode = 'invalid_config' | 'network_error' | 'timeout' | 'aborted' | 'invalid_response';

/** Every code a TandemError can carry: the API's own codes plus the client's. Stable across versions. */
export type TandemErrorCode = ErrorCode | ClientErrorCode;

/**
 * English messages for the client's own codes; pass `messages` to createClient to replace any
 * code's message. The API's codes need none here: its answers say what went wrong in its own words.
 */
export const DEFAULT_MESSAGES: Record<ClientErrorCode, string> = {
  invalid_config: 'The Tandem client is not configured correctly.',
  network_error: 'Could not reach the feedback service. Check your connection.',
  timeout: 'The feedback service took too long to answer.',
  aborted: 'The request was cancelled.',
  invalid_response: 'The feedback service sent an answer that could not be read.',
};

// Worth sending again later with the same idempotency key: the message may not have arrived.
const RETRYABLE: TandemErrorCode[] = ['network_error', 'timeout', 'rate_limited', 'internal_error'];

/** An error from the Tandem SDK. Branch on `code`, never on `message`. */
export class TandemError extends Error {
  override readonly name = 'TandemError';
  readonly code: TandemErrorCode;
  // Set by Object.assign in the constructor.
  /** HTTP status when the API answered. */
  declare readonly status?: number;
  /** The API's request id, to quote when asking for help. */
  declare readonly requestId?: string;
  /** Seconds to wait before trying again (429). */
  declare readonly retryAfter?: number;
  /** The API's own explanation, e.g. which field is invalid. */
  declare readonly detail?: string;
  /** For invalid_request: each field that is wrong (`path` such as `origins.2`), to show beside it. */
  declare readonly issues?: { path: string; message: string }[];

  constructor(
    code: TandemErrorCode,
    message: string,
    extra: {
      status?: number;
      requestId?: string;
      retryAfter?: number;
      detail?: string;
      issues?: { path: string; message: string }[];
      cause?: unknown;
    } = {},
  ) {
    super(message, extra); // Error takes `cause` from it, when it has one.
    this.code = code;
    Object.assign(this, extra);
  }

  /** True when sending the same message again later may succeed. */
  get retryable(): boolean {
    return RETRYABLE.includes(this.code) || (this.status ?? 0) >= 500;
  }
}
