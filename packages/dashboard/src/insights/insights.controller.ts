import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { TandemError, type AdminClient } from '@tandem/sdk/admin';
import type { Stats } from './charts.js';

export type Alert = Awaited<ReturnType<AdminClient['alerts']['list']>>['data'][number];

/** How many recent surges insights lists. */
export const RECENT_ALERTS = 10;

/** The browser's own time zone: the days of the charts are the person's days. */
export const timeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** Today in `tz` as YYYY-MM-DD, and the date `days` before a date. */
const todayIn = (tz: string) => new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
const daysBefore = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

/**
 * The stats of the last `days` days (today included) in the browser's time zone, and the recent
 * surge alerts. A new range aborts the requests of the old one, and their answers are dropped.
 */
export class InsightsController implements ReactiveController {
  stats?: Stats;
  alerts: Alert[] = [];
  loading = false;
  error?: TandemError;

  #abort?: AbortController;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#abort?.abort();
  }

  async load(client: AdminClient, days: number): Promise<void> {
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    this.loading = true;
    this.error = undefined;
    this.host.requestUpdate();
    const tz = timeZone();
    const to = todayIn(tz);
    try {
      const [stats, alerts] = await Promise.all([
        client.stats({ from: daysBefore(to, days - 1), to, tz }, { signal: abort.signal }),
        client.alerts.list({ limit: RECENT_ALERTS }, { signal: abort.signal }),
      ]);
      if (abort.signal.aborted) return;
      this.stats = stats;
      this.alerts = alerts.data;
    } catch (error) {
      if (abort.signal.aborted) return;
      // The charts of the range before would stand under the new range's name.
      this.stats = undefined;
      this.error = error instanceof TandemError ? error : new TandemError('network_error', String(error));
    } finally {
      if (!abort.signal.aborted) {
        this.loading = false;
        this.host.requestUpdate();
      }
    }
  }
}
