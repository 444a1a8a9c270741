/**
 * The retry schedule, in one place. A delivery is sent once, then again after each delay below
 * while it fails: 10 s, 30 s, 2 min, 10 min, 1 h, then it is dead. wrangler.toml's `max_retries`
 * for the deliveries queue must equal the number of delays (a test checks it), so the queue moves
 * the message to the dead-letter queue right after the last attempt.
 */
export const RETRY_DELAYS_SECONDS = [10, 30, 120, 600, 3600] as const;

/** Attempts one queue message gets: the first and one per retry. */
export const MAX_ATTEMPTS = RETRY_DELAYS_SECONDS.length + 1;

/** How long one request to a receiver may take before it counts as failed. */
export const REQUEST_TIMEOUT_MS = 10_000;

/**
 * Seconds to wait after a failed attempt (the queue's `attempts`, from 1) before the next one,
 * or null after the last.
 */
export function retryDelay(attempt: number): number | null {
  return RETRY_DELAYS_SECONDS[attempt - 1] ?? null;
}

/**
 * A pending delivery this many minutes past its next attempt was never enqueued (the enqueue
 * after storing the feedback failed) or its queue message was lost: the sweep enqueues it again.
 */
export const STALLED_AFTER_MINUTES = 10;
