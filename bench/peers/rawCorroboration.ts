/**
 * W7's answer from the raw peer's rows (raw/w7.cypher): the verdicts are claimgraph's interval
 * rules (compareClaims, partWholeOutcome, credibilityGrade), applied here to the figures the one
 * raw query brings, so the equivalence check compares what the queries fetched, not two copies of
 * the rules. Not timed: the raw server only runs the query and sends its rows.
 */
import { compareClaims } from '../../src/services/provenance/compareClaims.js';
import { credibilityGrade } from '../../src/services/provenance/corroboration.js';
import { independentGroups, topsByAgent } from '../../src/services/provenance/institutions.js';
import { resolvePeriod } from '../../src/services/provenance/intervals.js';
import { partWholeOutcome, type RegionRelation } from '../../src/services/provenance/partWhole.js';
import type { ComparableClaim } from '../../src/services/provenance/comparable.js';
import type { CompactClaimRow } from '../../src/db/rows.js';

/** A claim's figure as cross-referencing reads it (CompactClaimRow), and what W7's raw query adds. */
export interface RawClaimRow extends Pick<CompactClaimRow, 'id' | 'value' | 'low' | 'high' | 'bound' | 'precision' | 'aggregation' | 'per' | 'unit' | 'periodStart' | 'periodEnd' | 'statedAt'> {
  isClaim: boolean;
  status: string;
  region: RegionRelation | 'SELF';
  origins: { id: string; institutions: string[] }[];
}

/** One comparison as a comparable line. */
export const comparisonLine = (c: { id: string; verdict: string; allenRelation: string; gap: number | null; sameOrigin: boolean; counted: boolean }) =>
  `${c.id} ${c.verdict} ${c.allenRelation} ${c.gap ?? '-'} ${c.sameOrigin ? 'same-origin' : 'independent'} ${c.counted ? 'counted' : 'not-counted'}`;

/**
 * Origins sharing a top institution are one independent origin: claimgraph's independentGroups,
 * with each origin's institutions standing as its agents (an agent without a top is its own).
 */
export function independentOriginCount(origins: { id: string; institutions: string[] }[]): number {
  const info = origins.map((o) => ({ sourceId: o.id, agentIds: o.institutions, publisherIds: [], authorIds: [] }));
  return independentGroups(
    info,
    topsByAgent(
      [],
      info.flatMap((o) => o.agentIds),
    ),
  ).length;
}

const figure = (r: RawClaimRow): ComparableClaim => ({
  value: r.value,
  low: r.low,
  high: r.high,
  bound: r.bound,
  precision: r.precision,
  aggregation: r.aggregation,
  per: r.per,
  unit: r.unit,
  period: resolvePeriod(r.periodStart, r.periodEnd, r.statedAt),
});

export function rawCorroboration(rows: RawClaimRow[]) {
  const me = rows.find((r) => r.isClaim)!;
  const own = new Set(me.origins.flatMap((o) => o.institutions));
  const comparisons = rows
    .filter((r) => !r.isClaim)
    .map((other) => {
      const outcome = partWholeOutcome(compareClaims(figure(me), figure(other)), other.region as RegionRelation, figure(me), figure(other));
      const counted = other.status === 'ACTIVE' || outcome.verdict === 'NOT_COMPARABLE';
      const sameOrigin = other.origins.some((o) => o.institutions.some((i) => own.has(i)));
      // The API's enum spelling of the relation (resolvers/provenance.ts): met-by → MET_BY.
      return { id: other.id, verdict: outcome.verdict, allenRelation: outcome.allenRelation.toUpperCase().replace(/-/g, '_'), gap: outcome.gap, sameOrigin, counted, origins: other.origins };
    });
  const independent = (verdict: string) => independentOriginCount(comparisons.filter((c) => c.verdict === verdict && !c.sameOrigin && c.counted).flatMap((c) => c.origins));
  const a = independent('AGREES');
  const c = independent('CONFLICTS');
  const compared = comparisons.filter((x) => x.verdict !== 'NOT_COMPARABLE' && x.counted).length;
  return { comparisons: comparisons.map(comparisonLine).sort(), a, c, credibility: credibilityGrade(compared, a, c).grade };
}
