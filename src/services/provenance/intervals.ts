/**
 * The parts figures are compared with: a stated value with its bound becomes an interval, a period
 * becomes a day range (open ends resolved to the date stated), and two periods get their Allen
 * relation. The comparison itself is compareClaims.ts.
 */
import { showNumber } from './units.js';

/**
 * The rounding unit of a stated figure: the given precision, else inferred from how it is written —
 * an integer's trailing zeros (350,000 → 10,000; 1,213,460 → 10; 7 → 1) or a decimal's places
 * (0.8 → 0.1; 2.25 → 0.01).
 */
export function roundingUnit(value: number, precision: number | null = null): number {
  if (precision != null && precision > 0) return precision;
  if (!Number.isFinite(value) || value === 0) return 1;
  if (Number.isInteger(value)) {
    let unit = 1;
    while (Math.abs(value) % (unit * 10) === 0) unit *= 10;
    return unit;
  }
  const decimals = (String(value).split('e')[0].split('.')[1] ?? '').length;
  return 10 ** -decimals;
}

export interface Figure {
  value: number | null;
  low: number | null;
  high: number | null;
  bound: string | null;
  /** The stated rounding unit, when given (else inferred: roundingUnit). */
  precision?: number | null;
}

export interface Interval {
  lo: number;
  hi: number;
}

/**
 * EXACT v → [v, v]; APPROX v → v ± half its rounding unit ("about 455,000" → [450,000, 460,000]);
 * ALMOST v → [v − unit, v] ("almost 420,000" → [410,000, 420,000]); AT_LEAST v → [v, ∞);
 * AT_MOST v → (−∞, v]; RANGE → [low, high].
 */
export function toInterval(f: Figure): Interval | null {
  const v = f.value;
  switch (f.bound) {
    case 'EXACT':
      return v == null ? null : { lo: v, hi: v };
    case 'APPROX': {
      if (v == null) return null;
      const half = roundingUnit(v, f.precision) / 2;
      return { lo: v - half, hi: v + half };
    }
    case 'ALMOST':
      return v == null ? null : { lo: v - roundingUnit(v, f.precision), hi: v };
    case 'AT_LEAST':
      return v == null ? null : { lo: v, hi: Infinity };
    case 'AT_MOST':
      return v == null ? null : { lo: -Infinity, hi: v };
    case 'RANGE':
      return f.low == null || f.high == null ? null : { lo: f.low, hi: f.high };
    default:
      return null;
  }
}

/** An interval as a reader writes it: [410,000, 420,000], [6,000, ∞). */
export function showInterval(i: Interval): string {
  const n = (x: number) => (Number.isFinite(x) ? showNumber(x) : x > 0 ? '∞' : '−∞');
  return `${Number.isFinite(i.lo) ? '[' : '('}${n(i.lo)}, ${n(i.hi)}${Number.isFinite(i.hi) ? ']' : ')'}`;
}

/** 0 when the intervals overlap, else the distance between them. */
export function gapBetween(a: Interval, b: Interval): number {
  if (a.hi < b.lo) return b.lo - a.hi;
  if (b.hi < a.lo) return a.lo - b.hi;
  return 0;
}

export interface DayRange {
  start: string;
  end: string;
}

/**
 * A claim's period as days. An open end runs to the date the claim was stated ("since June 2023",
 * said in December 2025, covers June 2023 to December 2025), or to today if that is unknown.
 */
export function resolvePeriod(start: string | null, end: string | null, statedAt: string | null): DayRange | null {
  if (!start) return null;
  return { start, end: end ?? (statedAt ? statedAt.slice(0, 10) : new Date().toISOString().slice(0, 10)) };
}

/**
 * Allen's interval relation of `b` relative to `a`, on whole days (each range inclusive):
 * equals, before, after, meets, met-by, overlaps, overlapped-by, during, contains, starts,
 * started-by, finishes, finished-by.
 */
export function allenRelation(a: DayRange, b: DayRange): string {
  const next = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  if (b.start === a.start && b.end === a.end) return 'equals';
  if (b.end < a.start) return next(b.end) === a.start ? 'meets' : 'before';
  if (b.start > a.end) return next(a.end) === b.start ? 'met-by' : 'after';
  if (b.start === a.start) return b.end < a.end ? 'starts' : 'started-by';
  if (b.end === a.end) return b.start > a.start ? 'finishes' : 'finished-by';
  if (b.start > a.start && b.end < a.end) return 'during';
  if (b.start < a.start && b.end > a.end) return 'contains';
  return b.start < a.start ? 'overlaps' : 'overlapped-by';
}
