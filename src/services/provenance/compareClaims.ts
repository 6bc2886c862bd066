/**
 * Whether two claims on one measure agree: their figures as intervals in one unit, over periods
 * that can be compared, shares made absolute where their measure declares a base.
 */
import type { ComparableClaim, ComparisonOutcome } from './comparable.js';
import { allenRelation, gapBetween, showInterval, toInterval, type Interval } from './intervals.js';
import { runningTotalsReason } from './series.js';
import { shareAsAbsolute, shareMode } from './shares.js';
import { showNumber, unitConversion } from './units.js';

const DISJOINT = new Set(['before', 'after', 'meets', 'met-by']);

/** An interval in another unit. */
function scaled(i: Interval, factor: number): Interval {
  return factor === 1 ? i : { lo: i.lo * factor, hi: i.hi * factor };
}

/**
 * Whether two claims on one measure can be compared, and if so whether their figures agree.
 * Totals over a period compare only over the same period; running totals only at the same
 * end date; rates, shares and plain facts whenever their periods overlap.
 */
export function compareClaims(a: ComparableClaim, b: ComparableClaim): ComparisonOutcome {
  const relation = a.period && b.period ? allenRelation(a.period, b.period) : 'unknown';
  const not = (reason: string): ComparisonOutcome => ({ allenRelation: relation, verdict: 'NOT_COMPARABLE', gap: null, reason });
  // A share against an absolute figure, or against a share of another whole: each share made
  // absolute with its base, then compared as the other claim's aggregation.
  const mode = shareMode(a, b);
  if (mode !== 'direct') {
    if (mode !== 'absolute') return not(mode);
    const absolute = (x: ComparableClaim, other: ComparableClaim) =>
      x.aggregation === 'SHARE' && x.share?.base ? shareAsAbsolute(x, x.share.base, other.aggregation === 'SHARE' ? 'NONE' : other.aggregation) : x;
    const xa = absolute(a, b);
    const xb = absolute(b, a);
    if (!xa || !xb) return not('one of them states no figure');
    return compareClaims(xa, xb);
  }
  // No stated aggregation counts as NONE (as provenance/corroboration.cypher matches them).
  if ((a.aggregation ?? 'NONE') !== (b.aggregation ?? 'NONE')) return not(`one is ${a.aggregation ?? 'NONE'}, the other ${b.aggregation ?? 'NONE'}`);
  const conversion = unitConversion(b.unit, a.unit);
  if (!conversion) return not(`units of different dimensions (${a.unit} vs ${b.unit}) do not convert`);
  if (a.aggregation === 'RATE' && a.per !== b.per) return not(`rates per different units of time (${a.per} vs ${b.per})`);
  if (a.period && b.period) {
    if (a.aggregation === 'PERIOD_TOTAL' && relation !== 'equals') return not(`totals over different periods (${relation})`);
    if (a.aggregation === 'CUMULATIVE' && a.period.end !== b.period.end)
      return lazyReason({ allenRelation: relation, verdict: 'NOT_COMPARABLE', gap: null }, () => {
        const other = toInterval(b);
        return runningTotalsReason({ interval: toInterval(a), end: a.period!.end }, { interval: other && scaled(other, conversion.factor), end: b.period!.end });
      });
    if (DISJOINT.has(relation)) return not(`the periods do not overlap (${relation})`);
  }
  const ia = toInterval(a);
  const own = toInterval(b);
  if (!ia || !own) return not('one of them states no figure');
  const ib = scaled(own, conversion.factor);
  const gap = gapBetween(ia, ib);
  // The reason is words for a reader: built when read, since a cross-reference makes up to
  // 250,000 comparisons and reads none of their reasons (formatting them was 83% of its time).
  const reason = () => {
    // What was converted comes first, so the intervals read in one unit.
    const notes = [
      a.derivation?.(),
      b.derivation?.(),
      conversion.factor === 1 ? null : `${showInterval(own)} ${conversion.from} is ${showInterval(ib)} ${conversion.to} (× ${showNumber(conversion.factor)})`,
    ].filter(Boolean);
    const lead = notes.length ? `${notes.join('; ')}; ` : '';
    const both = `${showInterval(ia)} and ${showInterval(ib)}`;
    return gap === 0 ? `${lead}their value intervals ${both} overlap` : `${lead}their value intervals ${both} are ${showNumber(gap)} apart`;
  };
  return gap === 0 ? lazyReason({ allenRelation: relation, verdict: 'AGREES', gap: null }, reason) : lazyReason({ allenRelation: relation, verdict: 'CONFLICTS', gap }, reason);
}

/** An outcome whose `reason` is computed on first read (and kept), an ordinary property after. */
function lazyReason(outcome: Omit<ComparisonOutcome, 'reason'>, reason: () => string): ComparisonOutcome {
  let text: string | undefined;
  return Object.defineProperty(outcome, 'reason', { enumerable: true, get: () => (text ??= reason()) }) as ComparisonOutcome;
}
