/**
 * Surges, every hour (wrangler.toml [triggers]): for each site and topic, today's complaints
 * (the UTC day so far) against the mean daily complaints about that topic over the 28 days
 * before (or the days the site has messages for, if fewer; at least a week). A spike raises one alert per site, topic and day (a re-run finds it recorded and stays
 * quiet) and sends an `alert.surge` event to the site's destinations that receive pr.
 */
import { raiseSurge, sampleComplaints, surgeCounts } from '../db/alerts.js';
import { forgetEnqueued } from '../db/deliveries.js';
import { enqueue, firstMessage, type DeliveryMessage } from '../delivery/queue.js';
import { newId } from '../lib/ids.js';
import type { SurgeEvent } from '../schemas/alert.js';

/** The baseline: four whole weeks, so each weekday counts the same. */
export const BASELINE_DAYS = 28;
/**
 * Fewer complaints than this in a day is never a surge: three or four about a topic that usually
 * has none is noise, not something to wake PR for.
 */
export const MIN_COMPLAINTS = 5;
/**
 * Above the minimum, a spike is at least this many times the baseline's daily mean: a topic that
 * always draws complaints has to triple before it counts. (Daily counts are roughly Poisson, so
 * three times the mean, and at least five, is far out in the tail for any usual mean.)
 */
export const SURGE_FACTOR = 3;
/**
 * A site needs this many whole days of messages before today for a baseline: with less (a site
 * just started, or one that keeps a few days) nobody knows yet what a usual day looks like.
 */
export const MIN_HISTORY_DAYS = 7;
/** How many of the day's complaints an alert points at. */
const SAMPLES = 5;

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** Whether `today` complaints are a spike over a baseline of `baseline` a day. */
export function isSurge(today: number, baseline: number): boolean {
  return today >= Math.max(MIN_COMPLAINTS, SURGE_FACTOR * baseline);
}

type SurgeEnv = { DB: D1Database; DELIVERIES: Queue<DeliveryMessage>; DASHBOARD_URL?: string };

/**
 * Returns the alerts raised by this run: today's so far, and in the first hour of a day also
 * yesterday's whole day, whose last 19 minutes came after the last run that day (23:41).
 */
export async function detectSurges(env: SurgeEnv, now: Date): Promise<SurgeEvent['data'][]> {
  const today = Date.parse(`${now.toISOString().slice(0, 10)}T00:00:00.000Z`);
  const yesterday = now.getTime() - today < HOUR_MS ? await detectDay(env, today - DAY_MS, today, now) : [];
  return [...yesterday, ...(await detectDay(env, today, now.getTime(), now))];
}

/** The surges of the UTC day starting at `dayStartMs`, counting its complaints until `untilMs`. */
async function detectDay(env: SurgeEnv, dayStartMs: number, untilMs: number, now: Date): Promise<SurgeEvent['data'][]> {
  const dayStart = new Date(dayStartMs).toISOString();
  const day = dayStart.slice(0, 10);
  const window = {
    baselineStart: new Date(dayStartMs - BASELINE_DAYS * DAY_MS).toISOString(),
    dayStart,
    now: new Date(untilMs).toISOString(),
  };
  const link = env.DASHBOARD_URL ? `${env.DASHBOARD_URL.replace(/\/+$/, '')}/#insights` : null;
  const raised: SurgeEvent['data'][] = [];
  const deliveryIds: string[] = [];
  for (const count of await surgeCounts(env.DB, window, MIN_COMPLAINTS)) {
    // The mean over the days the site has messages for, at most the window: dividing a week's
    // complaints by 28 would make every usual day look like a surge.
    const days = Math.min(BASELINE_DAYS, Math.ceil(count.historyDays));
    if (days < MIN_HISTORY_DAYS || !isSurge(count.today, count.before / days)) continue;
    const baseline = Number((count.before / days).toFixed(2));
    const event: SurgeEvent = {
      type: 'alert.surge',
      timestamp: now.toISOString(),
      data: {
        id: newId('al'),
        siteId: count.siteId,
        topic: count.topic,
        day,
        today: count.today,
        baseline,
        sampleFeedbackIds: await sampleComplaints(env.DB, count.siteId, count.topic, dayStart, window.now, SAMPLES),
        link,
      },
    };
    const result = await raiseSurge(env.DB, event);
    if (!result.raised) continue;
    raised.push(event.data);
    deliveryIds.push(...result.deliveryIds);
  }
  if (deliveryIds.length) {
    // Left pending in D1 if the queue fails: the sweep (jobs/resend-stalled.ts) sends them.
    await enqueue(env.DELIVERIES, deliveryIds.map(firstMessage)).catch(async (err: unknown) => {
      console.error(JSON.stringify({ job: 'surge', error: 'enqueue failed; the sweep will resend', ids: deliveryIds, message: String(err) }));
      await forgetEnqueued(env.DB, deliveryIds).catch(() => {});
    });
  }
  return raised;
}
