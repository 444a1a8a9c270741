/**
 * The retry schedule, in one place. A delivery is sent once, then again after each delay below
 * while it fails: 10 s, 30 s, 2 min, 10 min, 1 h, then it is dead. The consumer counts the
 * attempts D1 holds for the delivery (since its last replay), never the queue message's own
 * count, so a second copy of a message (from the sweep) cannot start the schedule over.
 * wrangler.toml's `max_retries` for the deliveries queue is the number of delays plus
 * OWN_FAILURE_RETRIES (a test checks it): the schedule's retries, and room for failures of our
 * own (D1 unavailable) that record no attempt, so those never cost a delivery its last attempts.
 */
export const RETRY_DELAYS_SECONDS = [10, 30, 120, 600, 3600] as const;

/** Queue retries kept for our own failures on top of the schedule's. */
export const OWN_FAILURE_RETRIES = 5;

/** Attempts a delivery gets: the first and one per delay (again after a replay). */
export const MAX_ATTEMPTS = RETRY_DELAYS_SECONDS.length + 1;

/** How long one request to a receiver may take before it counts as failed. */
export const REQUEST_TIMEOUT_MS = 10_000;

/**
 * Seconds to wait after the `attempt`-th failed attempt (from 1) before the next one, or null
 * after the last.
 */
export function retryDelay(attempt: number): number | null {
  return RETRY_DELAYS_SECONDS[attempt - 1] ?? null;
}

/**
 * A pending delivery this many minutes past its next attempt was never enqueued (the enqueue
 * after storing the feedback failed) or its queue message was lost: the sweep enqueues it again…
 */
export const STALLED_AFTER_MINUTES = 10;

/**
 * …unless it was handed to the queue less than this long ago: then the queue is only slow, and a
 * copy would be one more message behind the others.
 */
export const REQUEUE_AFTER_MINUTES = 60;
