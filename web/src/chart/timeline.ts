/**
 * The timeline of a claim's measure in its region, drawn with uPlot. Running totals, totals over a
 * period, rates and single figures are different kinds of number, so each kind (and unit) gets a
 * chart of its own with its unit on the y-axis: running totals as a line, period totals as bars
 * over their period, rates and other figures as points; a stated interval (low..high, a bound) is
 * an error bar on its point, never a line to other points. The x-axis spans the data. A legend
 * under each chart states every value, so nothing needs hovering, and a figure that falls below
 * an earlier running total of the same agent is marked and listed.
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { h, num } from '../dom';
import type { MeasureTimelineQuery } from '../generated/graphql';
import { dateText, periodText } from '../views/format';
import { statusBadge } from '../views/status';

type Answered = NonNullable<MeasureTimelineQuery['timeline']>[number];

/** A point as Query.timeline answers it, with its claim's kind of number and unit brought up. */
export type TimelinePoint = Answered & { aggregation: string | null; unit: string | null; per: string | null };

const DAY = 86_400;
const day = (d: string) => Date.parse(`${d.slice(0, 10)}T00:00:00Z`) / 1000;
const mid = (p: TimelinePoint) => p.value ?? ((p.low ?? 0) + (p.high ?? 0)) / 2;

/** What each kind of number is called, and how it is drawn. */
const KIND: Record<string, { title: string; draw: 'line' | 'bars' | 'points'; colour: string }> = {
  CUMULATIVE: { title: 'Running totals', draw: 'line', colour: '#2f6fb5' },
  PERIOD_TOTAL: { title: 'Totals over a period', draw: 'bars', colour: '#0f766e' },
  RATE: { title: 'Rates', draw: 'points', colour: '#7c3aed' },
  SHARE: { title: 'Shares', draw: 'points', colour: '#8a5a00' },
  NONE: { title: 'Single figures', draw: 'points', colour: '#8a5a00' },
};

/** "1,213,460", "11,000–13,000", "at least 6,000". */
function valueText(p: TimelinePoint): string {
  if (p.value == null && p.low != null && p.high != null) return `${num(p.low)}–${num(p.high)}`;
  const words: Partial<Record<string, string>> = { APPROX: 'about ', ALMOST: 'almost ', AT_LEAST: 'at least ', AT_MOST: 'at most ' };
  const bound = words[p.bound ?? ''] ?? '';
  return `${bound}${num(p.value)}`;
}

/** The unit a chart's y-axis names: "persons", "persons per week". */
const unitText = (p: TimelinePoint) => `${p.unit ?? 'no unit stated'}${p.per ? ` per ${p.per.toLowerCase()}` : ''}`;

/** A stated interval as an error bar: low..high, or the bound's open side up to the axis. */
function errorBar(p: TimelinePoint): [number, number] | null {
  if (p.low != null && p.high != null) return [p.low, p.high];
  return null;
}

/** The x-range the data spans: a little room either side, a month either side of one date. */
function spanOf(xsFrom: number[], xsTo: number[]): [number, number] {
  const lo = Math.min(...xsFrom);
  const hi = Math.max(...xsTo);
  if (hi - lo < DAY) return [lo - 30 * DAY, hi + 30 * DAY];
  const pad = Math.max(DAY, (hi - lo) * 0.04);
  return [lo - pad, hi + pad];
}

function kindChart(kind: string, points: TimelinePoint[], width: number, focusId: string): HTMLElement {
  const k = KIND[kind] ?? KIND.NONE;
  const unit = unitText(points[0]);
  const box = h('div', { class: 'timeline-kind', 'data-kind': kind, 'data-unit': unit }, h('h3', {}, `${k.title} (${unit})`));
  const plot = h('div', { class: 'timeline-plot' });
  box.append(plot);
  const xs = points.map((p) => day(p.end!));
  const starts = points.map((p, i) => (k.draw === 'bars' && p.start ? day(p.start) : xs[i]));
  const values = points.map(mid);
  const bars = points.map(errorBar);
  const highest = Math.max(...values, ...bars.map((b) => (b ? b[1] : -Infinity)));
  const lowest = Math.min(0, ...values, ...bars.map((b) => (b ? b[0] : Infinity)));
  const [x0, x1] = spanOf(starts, xs);
  // What the x-axis spans, for a reader's tools and the tests: from the first figure to the last, with room.
  const iso = (t: number) => new Date(t * 1000).toISOString().slice(0, 10);
  Object.assign(box.dataset, { xFrom: iso(x0), xTo: iso(x1), firstEnd: iso(Math.min(...starts)), lastEnd: iso(Math.max(...xs)) });
  const falls = points.map((p) => (p.decreases ? mid(p) : null));
  const drawExtras = (u: uPlot) => {
    const ctx = u.ctx;
    ctx.save();
    const px = (v: number) => u.valToPos(v, 'x', true);
    const py = (v: number) => u.valToPos(v, 'y', true);
    points.forEach((p, i) => {
      // A period total as a bar over its period (at least a few pixels wide).
      if (k.draw === 'bars') {
        const left = px(starts[i]);
        const right = Math.max(px(xs[i]), left + 6);
        ctx.fillStyle = p.claim.id === focusId ? '#0f766e' : '#99d5cd';
        ctx.fillRect(left, py(values[i]), right - left, py(Math.max(lowest, 0)) - py(values[i]));
      }
      // The stated interval as an error bar with caps.
      const bar = bars[i];
      if (bar) {
        const x = k.draw === 'bars' ? (px(starts[i]) + Math.max(px(xs[i]), px(starts[i]) + 6)) / 2 : px(xs[i]);
        ctx.strokeStyle = '#374151';
        ctx.lineWidth = 1.5;
        ctx.beginPath();
        ctx.moveTo(x, py(bar[0]));
        ctx.lineTo(x, py(bar[1]));
        ctx.moveTo(x - 5, py(bar[0]));
        ctx.lineTo(x + 5, py(bar[0]));
        ctx.moveTo(x - 5, py(bar[1]));
        ctx.lineTo(x + 5, py(bar[1]));
        ctx.stroke();
      }
    });
    ctx.restore();
  };
  new uPlot(
    {
      width,
      height: 220,
      legend: { show: false },
      scales: { x: { time: true, range: () => [x0, x1] }, y: { range: () => [lowest, highest === lowest ? highest + 1 : highest * 1.08] } },
      series: [
        {},
        k.draw === 'line'
          ? { label: k.title, stroke: k.colour, width: 2, spanGaps: true, points: { show: true, size: 7 } }
          : { label: k.title, stroke: 'transparent', points: { show: k.draw === 'points', size: 8, stroke: k.colour, fill: '#fff' } },
        { label: '▼ falls below an earlier total', stroke: 'transparent', points: { show: true, size: 12, stroke: '#b91c1c', fill: '#fecaca' } },
      ],
      axes: [{}, { label: unit, values: (_u: uPlot, vals: number[]) => vals.map((v) => num(v)), size: 95 }],
      hooks: { draw: [drawExtras] },
    },
    [xs, values, falls] as uPlot.AlignedData,
    plot,
  );
  // The legend: every value in words, no hovering needed.
  box.append(
    h(
      'ol',
      { class: 'timeline-list' },
      points.map((p) =>
        h(
          'li',
          { class: p.claim.id === focusId ? 'current' : '' },
          h('strong', {}, `${valueText(p)} ${unit}`),
          ' — ',
          // A running total is read as of its date; anything else over its period.
          h(
            'time',
            {},
            kind === 'CUMULATIVE'
              ? `as of ${dateText(p.end)}${p.claim.period?.label ? ` (${p.claim.period.label})` : ''}`
              : p.claim.period
                ? periodText(p.claim.period)
                : periodText({ start: p.start ?? p.end!, end: p.end, granularity: null }),
          ),
          ': ',
          h('a', { href: `/?claim=${encodeURIComponent(p.claim.id)}`, 'data-link': true }, p.claim.text),
          statusBadge(p.claim.status),
          p.decreases ? h('strong', { class: 'warn' }, ' ▼ falls below an earlier running total of the same source') : null,
        ),
      ),
    ),
  );
  return box;
}

export function timelineChart(points: TimelinePoint[], title: string, focusId: string): HTMLElement {
  const dated = points.filter((p) => p.end && (p.value != null || (p.low != null && p.high != null)));
  const box = h('figure', { class: 'timeline', 'data-testid': 'timeline', 'data-point-count': dated.length });
  box.append(h('figcaption', {}, title));
  if (!dated.length) {
    box.append(h('p', {}, 'No dated figures on this measure here.'));
    return box;
  }
  dated.sort((a, b) => day(a.end!) - day(b.end!));
  // One chart per kind of number and unit: never one line or one y-axis through different kinds.
  const groups = new Map<string, TimelinePoint[]>();
  for (const p of dated) {
    const key = `${p.aggregation ?? 'NONE'}|${unitText(p)}`;
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  const width = Math.max(320, Math.min(900, (document.querySelector('main')?.clientWidth ?? 900) - 40));
  const order = Object.keys(KIND);
  for (const [key, group] of [...groups].sort((a, b) => order.indexOf(a[0].split('|')[0]) - order.indexOf(b[0].split('|')[0]))) box.append(kindChart(key.split('|')[0], group, width, focusId));
  return box;
}
