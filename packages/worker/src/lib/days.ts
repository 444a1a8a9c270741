/**
 * Calendar days in a time zone, as UTC instants. A day of stats for a team in Paris is not the
 * UTC day, and SQLite knows no time zones: Intl does (summer time included), so the worker works
 * out where each day starts and the query counts between those instants.
 */

export interface Day {
  /** YYYY-MM-DD in the time zone. */
  date: string;
  /** When it starts and when the next day starts, as stored times (ISO 8601, UTC). */
  start: string;
  end: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whether this runtime knows `tz` (an IANA name such as Europe/Paris, or UTC). */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** The date `days` days after (or before) `date`. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Days from `from` to `to`, both included (1 when they are the same). */
export function daysBetween(from: string, to: string): number {
  return (Date.parse(to) - Date.parse(from)) / DAY_MS + 1;
}

/** The wall clock in `tz` at `instant`, read as if it were UTC. */
function wallClock(format: Intl.DateTimeFormat, instant: number): number {
  const p = Object.fromEntries(format.formatToParts(instant).map((part) => [part.type, part.value]));
  return Date.UTC(+p.year!, +p.month! - 1, +p.day!, +p.hour!, +p.minute!, +p.second!);
}

function formatFor(tz: string) {
  return new Intl.DateTimeFormat('en-US', {
    timeZone: tz,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
}

/** Today's date in `tz`. */
export function today(tz: string, now: Date): string {
  return new Date(wallClock(formatFor(tz), now.getTime())).toISOString().slice(0, 10);
}

/** Each day from `from` to `to` (YYYY-MM-DD, both included) in `tz`. */
export function daysIn(from: string, to: string, tz: string): Day[] {
  const format = formatFor(tz);
  // Local midnight: midnight UTC moved back by the zone's offset, taken again at the result in
  // case summer time began or ended in between.
  const start = (date: string) => {
    const midnight = Date.parse(`${date}T00:00:00Z`);
    const offset = (instant: number) => wallClock(format, instant) - Math.floor(instant / 1000) * 1000;
    return new Date(midnight - offset(midnight - offset(midnight))).toISOString();
  };
  const dates = Array.from({ length: daysBetween(from, to) }, (_, i) => addDays(from, i));
  const starts = [...dates, addDays(to, 1)].map(start);
  return dates.map((date, i) => ({ date, start: starts[i]!, end: starts[i + 1]! }));
}
