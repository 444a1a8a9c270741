/**
 * Insights' charts, drawn with Chart.js on canvases in the component's shadow root. Only the
 * parts used are registered, so the rest is tree-shaken away. Chart.js sizes a canvas through its
 * style properties (CSSOM), which the dashboard's `style-src 'self'` allows, and writes no markup.
 * Colours come from the page's custom properties, read when a chart is drawn: a change of colour
 * scheme draws the charts again.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';
import type { AdminClient } from '@tandem/sdk/admin';
import { LABELS, ROUTES, ROUTE_NAMES, labelName } from '../format.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Legend, Tooltip);

export type Stats = Awaited<ReturnType<AdminClient['stats']>>;

/** The colours a chart uses, read from the custom properties that dashboard.css sets per scheme. */
export interface Palette {
  text: string;
  muted: string;
  grid: string;
  series: string[];
}

export function paletteOf(element: Element): Palette {
  const style = getComputedStyle(element);
  const read = (name: string) => style.getPropertyValue(name).trim();
  return {
    text: read('--t-text'),
    muted: read('--t-muted'),
    grid: read('--t-border'),
    series: [1, 2, 3, 4, 5, 6].map((i) => read(`--t-chart-${i}`)),
  };
}

/** Each team's and each label's colour, the same in every chart. */
const ROUTE_COLOUR = { support: 0, product: 3, pr: 2 } as const;
const LABEL_COLOUR = { complaint: 4, question: 0, idea: 3, praise: 2, neutral: 5, spam: 1 } as const;

/** "22 Nov": a day of the range (a calendar date, so read in UTC). */
export const dayName = (date: string) =>
  new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));

export const percent = (rate: number | null) => (rate === null ? '–' : `${Math.round(rate * 1000) / 10}%`);

/** What every chart shares: no animation (reduced motion, steady screenshots), the scheme's colours. */
function common(p: Palette) {
  return {
    animation: false as const,
    responsive: true,
    maintainAspectRatio: false,
    color: p.text,
    plugins: { legend: { labels: { color: p.text, boxWidth: 12 } } },
  };
}

const axis = (p: Palette, extra: Record<string, unknown> = {}) => ({
  ticks: { color: p.muted },
  grid: { color: p.grid },
  border: { color: p.grid },
  ...extra,
});

export type ChartName = 'routes' | 'labels' | 'quality' | 'topics';

/** The four charts of a range of stats. */
export function chartConfigs(stats: Stats, p: Palette): Record<ChartName, ChartConfiguration> {
  const days = stats.days.map((d) => dayName(d.date));
  const stacked = { x: axis(p, { stacked: true }), y: axis(p, { stacked: true, beginAtZero: true, ticks: { color: p.muted, precision: 0 } }) };
  return {
    routes: {
      type: 'bar',
      data: {
        labels: days,
        datasets: ROUTES.map((r) => ({
          label: ROUTE_NAMES[r],
          data: stats.days.map((d) => d.routes[r]),
          backgroundColor: p.series[ROUTE_COLOUR[r]],
        })),
      },
      options: { ...common(p), scales: stacked },
    },
    labels: {
      type: 'bar',
      data: {
        labels: days,
        datasets: LABELS.map((l) => ({
          label: labelName(l),
          data: stats.days.map((d) => d.labels[l]),
          backgroundColor: p.series[LABEL_COLOUR[l]],
        })),
      },
      options: { ...common(p), scales: stacked },
    },
    quality: {
      type: 'line',
      data: {
        labels: days,
        datasets: [
          {
            label: 'Average rating (1–5)',
            data: stats.days.map((d) => d.rating.average),
            borderColor: p.series[0],
            backgroundColor: p.series[0],
            yAxisID: 'rating',
            spanGaps: true,
          },
          {
            label: 'Complaint rate (%)',
            data: stats.days.map((d) => (d.complaintRate === null ? null : d.complaintRate * 100)),
            borderColor: p.series[4],
            backgroundColor: p.series[4],
            borderDash: [6, 4],
            pointStyle: 'rect',
            yAxisID: 'rate',
            spanGaps: true,
          },
        ],
      },
      options: {
        ...common(p),
        scales: {
          x: axis(p),
          rating: axis(p, { position: 'left', min: 1, max: 5, title: { display: true, text: 'Stars', color: p.muted } }),
          rate: axis(p, { position: 'right', min: 0, max: 100, grid: { drawOnChartArea: false }, title: { display: true, text: '%', color: p.muted } }),
        },
      },
    },
    topics: {
      type: 'bar',
      data: {
        labels: stats.topics.map((t) => t.topic),
        datasets: [
          { label: 'Messages', data: stats.topics.map((t) => t.count), backgroundColor: p.series[0] },
          { label: 'Complaints', data: stats.topics.map((t) => t.complaints), backgroundColor: p.series[4] },
        ],
      },
      options: {
        ...common(p),
        indexAxis: 'y',
        scales: { x: axis(p, { beginAtZero: true, ticks: { color: p.muted, precision: 0 } }), y: axis(p, { ticks: { color: p.text } }) },
      },
    },
  };
}

export { Chart };
