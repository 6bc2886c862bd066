/**
 * Query.timeline: the claims on one measure in period order, with their intervals, sources and
 * agents; for running totals (CUMULATIVE), a figure that falls below an earlier figure of the
 * same agent is flagged, since a running total cannot go down.
 */
import type { Queries } from '../../db/queries.js';
import type { AgentRow, ClaimRow, SourceRow } from '../../db/rows.js';
import { notFound } from '../../errors.js';
import { edgeIds, loadMany, type EntityLoader } from '../entities/entities.js';
import { comparable } from './corroboration.js';
import { toInterval } from './intervals.js';

export interface TimelinePointOut {
  claim: ClaimRow;
  start: string | null;
  end: string | null;
  value: number | null;
  low: number | null;
  high: number | null;
  bound: string | null;
  source: SourceRow | null;
  agents: AgentRow[];
  decreases: boolean;
  previous: ClaimRow | null;
}

export async function timeline(db: Queries, loader: EntityLoader, args: { measureId: string; regionId?: string | null; asOf?: string | null }): Promise<TimelinePointOut[]> {
  const [measure, region] = await Promise.all([loader.load(args.measureId), args.regionId ? loader.load(args.regionId) : null]);
  if (!measure || measure.kind !== 'Measure') throw notFound(`No measure with id "${args.measureId}"`);
  if (args.regionId && (!region || region.kind !== 'Region')) throw notFound(`No region with id "${args.regionId}"`);
  const ids = await db.read<{ id: string }>('provenance/timeline', { p: { measureId: args.measureId, regionId: args.regionId ?? '', asOf: args.asOf ?? '' } });
  const claims = await loadMany<ClaimRow>(
    loader,
    ids.map((r) => r.id),
    ['Claim'],
  );
  const related = await loadMany(loader, [...new Set(claims.flatMap((c) => [...edgeIds(c, 'STATED_IN'), ...edgeIds(c, 'ATTRIBUTED_TO')]))], ['Source', 'Organization', 'Person']);
  const byId = new Map(related.map((r) => [r.id, r]));

  // Highest earlier running total per agent, to flag a later, lower one.
  const best = new Map<string, { claim: ClaimRow; lo: number }>();
  return claims.map((claim) => {
    const figure = comparable(claim);
    const interval = toInterval(figure);
    const agentIds = edgeIds(claim, 'ATTRIBUTED_TO');
    let previous: ClaimRow | null = null;
    if (figure.aggregation === 'CUMULATIVE' && interval) {
      for (const agent of agentIds) {
        const earlier = best.get(agent);
        // Only a figure certainly lower (its whole interval below the earlier one's) counts.
        if (earlier && interval.hi < earlier.lo) previous = earlier.claim;
        if (!earlier || interval.lo > earlier.lo) best.set(agent, { claim, lo: interval.lo });
      }
    }
    const [sourceId] = edgeIds(claim, 'STATED_IN');
    return {
      claim,
      start: figure.period?.start ?? null,
      end: figure.period?.end ?? null,
      value: figure.value,
      low: interval && Number.isFinite(interval.lo) ? interval.lo : null,
      high: interval && Number.isFinite(interval.hi) ? interval.hi : null,
      bound: figure.bound,
      source: (sourceId ? (byId.get(sourceId) as SourceRow | undefined) : undefined) ?? null,
      agents: agentIds.map((a) => byId.get(a)).filter((a): a is AgentRow => !!a),
      decreases: previous !== null,
      previous,
    };
  });
}
