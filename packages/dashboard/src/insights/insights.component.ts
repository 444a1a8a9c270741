import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { AdminClient } from '@tandem/sdk/admin';
import { dashboardEvent } from '../events.js';
import { LABELS, ROUTES, ROUTE_NAMES, labelName, when } from '../format.js';
import { type Role } from '../session.js';
import { Chart, chartConfigs, dayName, paletteOf, percent, type ChartName, type Stats } from './charts.js';
import { InsightsController, timeZone, type Alert } from './insights.controller.js';
import { styles } from './insights.styles.js';

/** The ranges offered, in days (today included). */
export const RANGES = [7, 30, 90] as const;
type Range = (typeof RANGES)[number];

const DARK = '(prefers-color-scheme: dark)';

/**
 * Insights: what customers said over time, by team, label and topic, and the surges the hourly
 * job found. Every chart has its numbers in a table beside it, for screen readers and for anyone
 * who wants the figures. The days are the browser's time zone's; the colours follow the scheme,
 * and a change of scheme draws the charts again.
 *
 * @tagname tandem-insights
 */
export class TandemInsights extends LitElement {
  static override styles = styles;

  @property({ attribute: false }) client?: AdminClient;
  @property({ attribute: false }) keyRole: Role = 'pr';

  @state() private range: Range = 30;
  private data = new InsightsController(this);
  private charts = new Map<ChartName, Chart>();
  private drawn?: Stats;
  private scheme = matchMedia(DARK);

  override connectedCallback(): void {
    super.connectedCallback();
    this.scheme.addEventListener('change', this.redraw);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.scheme.removeEventListener('change', this.redraw);
    this.destroyCharts();
    this.drawn = undefined;
  }

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if ((changed.has('client') || changed.has('range')) && this.client) void this.load();
  }

  override updated(): void {
    const { stats } = this.data;
    if (stats && stats !== this.drawn) this.draw(stats);
    if (!stats && this.drawn) {
      this.destroyCharts();
      this.drawn = undefined;
    }
  }

  private async load() {
    await this.data.load(this.client!, this.range);
    const { stats, alerts, error } = this.data;
    const message = error
      ? `Insights could not load: ${error.message}`
      : stats && `Insights for the last ${this.range} days: ${stats.total} messages${alerts.length ? `, ${alerts.length} surge alerts` : ''}.`;
    if (message) this.dispatchEvent(dashboardEvent('tandem-announce', { message }));
  }

  private redraw = () => {
    if (this.data.stats) this.draw(this.data.stats);
  };

  private draw(stats: Stats) {
    this.destroyCharts();
    const configs = chartConfigs(stats, paletteOf(this));
    for (const name of Object.keys(configs) as ChartName[]) {
      const canvas = this.renderRoot.querySelector<HTMLCanvasElement>(`canvas[data-chart="${name}"]`);
      if (canvas) this.charts.set(name, new Chart(canvas, configs[name]));
    }
    this.drawn = stats;
  }

  private destroyCharts() {
    for (const chart of this.charts.values()) chart.destroy();
    this.charts.clear();
  }

  private onRange(event: Event) {
    this.range = Number((event.target as HTMLInputElement).value) as Range;
  }

  override render() {
    const { stats, alerts, loading, error } = this.data;
    return html`
      <header>
        <h1>Insights</h1>
        <fieldset class="range">
          <legend>Range</legend>
          ${RANGES.map(
            (days) => html`<label
              ><input type="radio" name="range" .value=${String(days)} .checked=${days === this.range} @change=${this.onRange} /> Last
              ${days} days</label
            >`,
          )}
        </fieldset>
        <p class="muted">Days in ${timeZone()}${loading ? ' · loading…' : ''}</p>
      </header>
      ${error ? html`<p class="error" role="alert">Insights could not load: ${error.message}</p>` : nothing}
      ${this.renderAlerts(alerts)}
      ${stats ? this.renderStats(stats) : nothing}
    `;
  }

  private renderAlerts(alerts: Alert[]) {
    return html`<section class="surges" aria-labelledby="surges-title">
      <h2 id="surges-title">Surge alerts</h2>
      ${alerts.length
        ? html`<ul>
            ${alerts.map(
              (a) => html`<li>
                <span class="badge critical">Surge</span>
                <strong>Complaints about ${a.topic}</strong>: ${a.today} on ${dayName(a.day)} (UTC), against ${a.baseline} a day over
                the 4 weeks before.
                <span class="muted">Raised ${when(a.createdAt)}; PR’s destinations were told.</span>
              </li>`,
            )}
          </ul>`
        : html`<p class="muted">No surge: complaints about every topic are within their usual range.</p>`}
    </section>`;
  }

  private renderStats(stats: Stats) {
    const days = stats.days;
    return html`
      <dl class="totals">
        <div><dt>Messages</dt><dd>${stats.total}</dd></div>
        <div><dt>Average rating</dt><dd>${stats.rating.average ?? '–'}</dd></div>
        <div><dt>Complaint rate</dt><dd>${percent(stats.complaintRate)}</dd></div>
        <div><dt>Spam</dt><dd>${stats.spam}</dd></div>
      </dl>
      <div class="charts">
        ${this.figure(
          'routes',
          'Messages per day by team',
          `${stats.total} messages over ${days.length} days, stacked by the team they went to.`,
          ['Day', ...ROUTES.map((r) => ROUTE_NAMES[r])],
          days.map((d) => [dayName(d.date), ...ROUTES.map((r) => d.routes[r])]),
        )}
        ${this.figure(
          'labels',
          'Messages per day by label',
          `${stats.total} messages over ${days.length} days, stacked by label.`,
          ['Day', ...LABELS.map(labelName)],
          days.map((d) => [dayName(d.date), ...LABELS.map((l) => d.labels[l])]),
        )}
        ${this.figure(
          'quality',
          'Average rating and complaint rate',
          `Average rating ${stats.rating.average ?? 'none'} and complaint rate ${percent(stats.complaintRate)} over the range, per day.`,
          ['Day', 'Average rating', 'Ratings', 'Complaint rate'],
          days.map((d) => [dayName(d.date), d.rating.average ?? '–', d.rating.count, percent(d.complaintRate)]),
        )}
        ${this.figure(
          'topics',
          'Top topics',
          stats.topics.length
            ? `Most talked about: ${stats.topics
                .slice(0, 3)
                .map((t) => `${t.topic} (${t.count})`)
                .join(', ')}.`
            : 'No topics in this range.',
          ['Topic', 'Messages', 'Complaints'],
          stats.topics.map((t) => [t.topic, t.count, t.complaints]),
        )}
      </div>
    `;
  }

  /** A chart with a short description for screen readers and its numbers in a table. */
  private figure(name: ChartName, title: string, summary: string, head: string[], rows: (string | number)[][]): TemplateResult {
    return html`<section class="card" aria-labelledby="${name}-title">
      <h2 id="${name}-title">${title}</h2>
      <div class="chart"><canvas data-chart=${name} role="img" aria-label="${title}. ${summary} The table below has the numbers."></canvas></div>
      <details>
        <summary>Table: ${title.toLowerCase()}</summary>
        <!-- Scrolls when long: a tab stop of its own, so the keyboard can scroll it. -->
        <div class="table" tabindex="0" role="region" aria-label="${title}: the numbers">
          <table>
            <thead>
              <tr>
                ${head.map((h) => html`<th scope="col">${h}</th>`)}
              </tr>
            </thead>
            <tbody>
              ${rows.map(
                ([first, ...rest]) => html`<tr>
                  <th scope="row">${first}</th>
                  ${rest.map((v) => html`<td>${v}</td>`)}
                </tr>`,
              )}
            </tbody>
          </table>
        </div>
      </details>
    </section>`;
  }
}
