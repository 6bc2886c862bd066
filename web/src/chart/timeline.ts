/**
 * The timeline of a claim's measure in its region, drawn with uPlot: each figure at its period's
 * end, its interval as a band (low..high), running totals joined as a series, and a figure that
 * falls below an earlier running total of the same agent marked (and listed: the chart is not
 * the only carrier of that).
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { h, num } from '../dom';

export interface TimelinePoint {
  claim: { id: string; text: string };
  start: string | null;
  end: string | null;
  value: number | null;
  low: number | null;
  high: number | null;
  bound: string | null;
  decreases: boolean;
  previous: { id: string } | null;
  aggregation?: string | null;
}

const day = (d: string) => Date.parse(`${d}T00:00:00Z`) / 1000;

export function timelineChart(points: TimelinePoint[], title: string, focusId: string): HTMLElement {
  const dated = points.filter((p) => p.end && (p.value != null || (p.low != null && p.high != null)));
  const box = h('figure', { class: 'timeline', 'data-testid': 'timeline', 'data-point-count': dated.length });
  box.append(h('figcaption', {}, title));
  if (!dated.length) {
    box.append(h('p', {}, 'No dated figures on this measure here.'));
    return box;
  }
  dated.sort((a, b) => day(a.end!) - day(b.end!));
  const xs = dated.map((p) => day(p.end!));
  const mid = (p: TimelinePoint) => p.value ?? ((p.low ?? 0) + (p.high ?? 0)) / 2;
  const cumulative = dated.map((p) => (p.aggregation === 'CUMULATIVE' ? mid(p) : null));
  const others = dated.map((p) => (p.aggregation === 'CUMULATIVE' ? null : mid(p)));
  const lows = dated.map((p) => (Number.isFinite(p.low ?? NaN) ? p.low : p.value));
  const highs = dated.map((p) => (Number.isFinite(p.high ?? NaN) ? p.high : p.value));
  const falls = dated.map((p) => (p.decreases ? mid(p) : null));
  const chart = h('div', { class: 'timeline-plot' });
  box.append(chart);
  const width = Math.max(320, Math.min(900, (document.querySelector('main')?.clientWidth ?? 900) - 40));
  new uPlot(
    {
      width,
      height: 240,
      // One date alone would stretch the axis over years: give it a month either side.
      scales: { x: { time: true, range: (_u: uPlot, min: number, max: number) => (min === max ? [min - 30 * 86_400, max + 30 * 86_400] : [min, max]) } },
      series: [
        {},
        { label: 'Low end', stroke: '#9ca3af', width: 1, dash: [4, 4], points: { show: false } },
        { label: 'High end', stroke: '#9ca3af', width: 1, dash: [4, 4], points: { show: false } },
        { label: 'Running total', stroke: '#2f6fb5', width: 2, spanGaps: true, points: { show: true, size: 7 } },
        { label: 'Other figures', stroke: 'transparent', points: { show: true, size: 7, stroke: '#8a5a00', fill: '#fde68a' } },
        { label: '▼ falls below an earlier total', stroke: 'transparent', points: { show: true, size: 12, stroke: '#b91c1c', fill: '#fecaca' } },
      ],
      axes: [{}, { values: (_u: uPlot, vals: number[]) => vals.map((v) => num(v)), size: 95 }],
    },
    [xs, lows, highs, cumulative, others, falls] as uPlot.AlignedData,
    chart,
  );
  box.append(
    h(
      'ol',
      { class: 'timeline-list' },
      dated.map((p) =>
        h(
          'li',
          { class: p.claim.id === focusId ? 'current' : '' },
          h('time', {}, p.end!),
          ' ',
          h('a', { href: `/?claim=${encodeURIComponent(p.claim.id)}`, 'data-link': true }, p.claim.text),
          ` — ${p.low != null && p.high != null && p.value == null ? `${num(p.low)}–${num(p.high)}` : num(p.value)}`,
          p.decreases ? h('strong', { class: 'warn' }, ' ▼ falls below an earlier running total of the same source') : null,
        ),
      ),
    ),
  );
  return box;
}
