/**
 * A figure for a city and one for its province are not two sources saying the same thing: the
 * part can only be consistent with the whole — at most it, for a count, a total or a size — and
 * says nothing of the whole's share or rate. Turns a comparison across nested regions into that
 * verdict, in words.
 */
import type { ComparableClaim, ComparisonOutcome } from './comparable.js';
import { toInterval } from './intervals.js';
import { showNumber } from './units.js';

/** Where the other claim's region lies against this claim's (provenance/corroboration.cypher). */
export type RegionRelation = 'SAME' | 'PART' | 'WHOLE' | 'UNSTATED';

/** Aggregations whose figure for a part is at most the figure for its whole. */
const ADDITIVE = new Set(['CUMULATIVE', 'PERIOD_TOTAL', 'NONE']);

export function partWholeOutcome(outcome: ComparisonOutcome, relation: RegionRelation, me: ComparableClaim, other: ComparableClaim): ComparisonOutcome {
  if ((relation !== 'PART' && relation !== 'WHOLE') || outcome.verdict === 'NOT_COMPARABLE') return outcome;
  const [part, whole] = relation === 'PART' ? [other, me] : [me, other];
  const which = relation === 'PART' ? 'the other claim is about a part of this claim’s region' : 'this claim is about a part of the other claim’s region';
  const not = (reason: string): ComparisonOutcome => ({ allenRelation: outcome.allenRelation, verdict: 'NOT_COMPARABLE', gap: null, reason });
  if (!ADDITIVE.has(me.aggregation ?? 'NONE') || me.unit === 'percent')
    return not(`${which}: a part’s ${(me.aggregation ?? 'figure').toLowerCase().replace('_', ' ')} says nothing of its whole’s, so this is neither agreement nor conflict`);
  const p = toInterval(part);
  const w = toInterval(whole);
  if (!p || !w) return not(`${which}; one of them states no figure`);
  // The part exceeds the whole even at its lowest and the whole's highest: that cannot both be true.
  if (p.lo > w.hi)
    return {
      allenRelation: outcome.allenRelation,
      verdict: 'CONFLICTS',
      gap: p.lo - w.hi,
      reason: `${which}, and the part (at least ${showNumber(p.lo)}) exceeds the whole (at most ${showNumber(w.hi)})`,
    };
  return not(
    `${which}: consistent, since the part (${showNumber(p.lo)}${p.hi !== p.lo ? `–${showNumber(p.hi)}` : ''}) can be at most the whole (${showNumber(w.lo)}${w.hi !== w.lo ? `–${showNumber(w.hi)}` : ''}) — but a part is not agreement`,
  );
}
