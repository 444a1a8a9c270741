/**
 * A site's numbers over a range of days, counted in D1. Each day is a range of created_at, so
 * feedback_by_site_time answers every part with index range scans, whatever the site's size.
 */
import { LABELS, ROUTES } from '@tandem/triage';
import type { Day } from '../lib/days.js';
import { STATUSES } from '../schemas/feedback.js';
import { TOP_TOPICS, type Stats } from '../schemas/stats.js';
import { EFFECTIVE_ROUTES } from './feedback.js';

/** `columns` per day (and `key`). The days are a table; CROSS JOIN keeps them the outer loop, one index range scan each. */
const perDay = (columns: string, tables: string, groupBy = '') => `
  WITH days AS (
    SELECT json_extract(value, '$[0]') AS date, json_extract(value, '$[1]') AS starts, json_extract(value, '$[2]') AS ends
      FROM json_each(?2))
  SELECT days.date, ${columns}
    FROM days CROSS JOIN ${tables}
   WHERE feedback.site_id = ?1 AND feedback.created_at >= days.starts AND feedback.created_at < days.ends
   GROUP BY days.date${groupBy}`;
const countBy = (key: string, tables: string) => perDay(`${key} AS key, COUNT(*) AS n`, tables, `, ${key}`);

const IN_RANGE = 'site_id = ?1 AND created_at >= ?2 AND created_at < ?3';

/** The queries, exported for the test that checks their plans. */
export const STATS_SQL = {
  /** ?1 the site, ?2 the days as JSON [[date, start, end], …]. */
  byRoute: countBy('route.value', `feedback, json_each(${EFFECTIVE_ROUTES}) AS route`),
  byLabel: countBy('feedback.label', 'feedback'),
  ratingByDay: perDay(
    `AVG(rating) FILTER (WHERE label <> 'spam') AS rating_avg, COUNT(rating) FILTER (WHERE label <> 'spam') AS rating_count`,
    'feedback',
  ),
  /** ?1 the site, ?2 and ?3 the range's first and last instants. */
  totals: `SELECT COUNT(*) AS total,
                  COUNT(*) FILTER (WHERE label = 'spam') AS spam,
                  COUNT(*) FILTER (WHERE label = 'complaint') AS complaints,
                  AVG(rating) FILTER (WHERE label <> 'spam') AS rating_avg,
                  COUNT(rating) FILTER (WHERE label <> 'spam') AS rating_count,
                  AVG(score) FILTER (WHERE label <> 'spam') AS score_avg,
                  COUNT(score) FILTER (WHERE label <> 'spam') AS score_count
             FROM feedback WHERE ${IN_RANGE}`,
  byStatus: `SELECT status AS key, COUNT(*) AS n FROM feedback WHERE ${IN_RANGE} GROUP BY status`,
  /** Spam's topics are left out: they say what spammers say. */
  topTopics: `SELECT topic.value AS key, COUNT(*) AS n, COUNT(*) FILTER (WHERE label = 'complaint') AS complaints
                FROM feedback, json_each(feedback.topics) AS topic
               WHERE ${IN_RANGE} AND label <> 'spam'
               GROUP BY topic.value ORDER BY n DESC, key LIMIT ${TOP_TOPICS}`,
};

interface Totals {
  total: number;
  spam: number;
  complaints: number;
  rating_avg: number | null;
  rating_count: number;
  score_avg: number | null;
  score_count: number;
}

interface Count {
  date?: string;
  key: string;
  n: number;
  complaints?: number;
}

interface DayRating {
  date: string;
  rating_avg: number | null;
  rating_count: number;
}

/** The site's numbers for these days (which follow each other): per day, then over the whole range. */
export async function siteStats(db: D1Database, siteId: string, days: Day[]): Promise<Omit<Stats, 'from' | 'to' | 'tz'>> {
  const span = JSON.stringify(days.map((d) => [d.date, d.start, d.end]));
  const [start, end] = [days[0]!.start, days.at(-1)!.end];
  const [byRoute, byLabel, ratingByDay, totals, byStatus, topTopics] = await db.batch<Count | DayRating | Totals>([
    db.prepare(STATS_SQL.byRoute).bind(siteId, span),
    db.prepare(STATS_SQL.byLabel).bind(siteId, span),
    db.prepare(STATS_SQL.ratingByDay).bind(siteId, span),
    db.prepare(STATS_SQL.totals).bind(siteId, start, end),
    db.prepare(STATS_SQL.byStatus).bind(siteId, start, end),
    db.prepare(STATS_SQL.topTopics).bind(siteId, start, end),
  ]);

  const round = (n: number | null, digits: number) => (n === null ? null : Number(n.toFixed(digits)));
  const rate = (complaints: number, notSpam: number) => (notSpam ? round(complaints / notSpam, 4) : null);
  const zeros = (keys: readonly string[]): Record<string, number> => Object.fromEntries(keys.map((k) => [k, 0]));
  const perDate = new Map(
    days.map(({ date }) => [date, { date, total: 0, routes: zeros(ROUTES), labels: zeros(LABELS), rating: { average: null as number | null, count: 0 } }]),
  );
  for (const { date, key, n } of byRoute!.results as Count[]) perDate.get(date!)!.routes[key] = n;
  for (const { date, key, n } of byLabel!.results as Count[]) {
    const day = perDate.get(date!)!;
    day.labels[key] = n;
    day.total += n;
  }
  for (const { date, rating_avg, rating_count } of ratingByDay!.results as DayRating[]) {
    perDate.get(date)!.rating = { average: round(rating_avg, 2), count: rating_count };
  }
  const statuses = zeros(STATUSES);
  for (const { key, n } of byStatus!.results as Count[]) if (key in statuses) statuses[key] = n;

  const t = totals!.results[0] as Totals;
  return {
    days: [...perDate.values()].map((d) => ({ ...d, complaintRate: rate(d.labels.complaint!, d.total - d.labels.spam!) })),
    total: t.total,
    rating: { average: round(t.rating_avg, 2), count: t.rating_count },
    score: { average: round(t.score_avg, 2), count: t.score_count },
    complaints: t.complaints,
    complaintRate: rate(t.complaints, t.total - t.spam),
    spam: t.spam,
    statuses,
    topics: (topTopics!.results as Count[]).map(({ key, n, complaints }) => ({ topic: key, count: n, complaints: complaints! })),
  } as Omit<Stats, 'from' | 'to' | 'tz'>;
}
