/**
 * Two running totals as of different dates are not two answers to one question, but they are one
 * series: the later must not be below the earlier, and the growth between them is a rate a reader
 * can weigh ("+1,800 in 28 days, about 64 a day"). Says so instead of a bare "not comparable".
 */
import { showNumber } from './units.js';

/** A figure as an interval in one unit, and the date its running total is as of. */
export interface SeriesPoint {
  interval: Interval | null;
  end: string;
}

interface Interval {
  lo: number;
  hi: number;
}

const DAY_MS = 86_400_000;
const mid = (i: Interval) => (Number.isFinite(i.hi) ? (i.lo + i.hi) / 2 : i.lo);

/** Words on whether two running totals (in one unit, as of different dates) stay one consistent series. */
export function runningTotalsReason(a: SeriesPoint, b: SeriesPoint): string {
  const base = `running totals as of different dates (${a.end} vs ${b.end})`;
  if (!a.interval || !b.interval) return base;
  const [early, late, from, to] = a.end < b.end ? [a.interval, b.interval, a.end, b.end] : [b.interval, a.interval, b.end, a.end];
  if (late.hi < early.lo)
    return `${base}: the later total (${showNumber(mid(late))} on ${to}) is below the earlier (${showNumber(mid(early))} on ${from}), which a running total cannot be — they count differently, or one is wrong`;
  const days = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
  const growth = mid(late) - mid(early);
  const rate = days > 0 && growth > 0 ? `, about ${showNumber(Math.round((growth / days) * 10) / 10)} a day` : '';
  return `${base}: one consistent series, from ${showNumber(mid(early))} on ${from} to ${showNumber(mid(late))} on ${to} (${growth >= 0 ? '+' : ''}${showNumber(growth)} in ${days} days${rate})`;
}
