/**
 * Query.timeline: the claims on one measure in period order, with their intervals, sources and
 * agents; for running totals (CUMULATIVE), a figure that falls below an earlier figure of the
 * same agent is flagged, since a running total cannot go down. One round trip (provenance/timeline
 * brings the claims' rows with their sources' and agents').
 */
import type { Queries } from '../../db/queries.js';
import type { AgentRow, ClaimRow, SourceRow } from '../../db/rows.js';
import { notFound } from '../../errors.js';
import { answerRows, edgeIds, withOwnReads, type EntityLoader, type EntityWire, type RowShape } from '../entities/entities.js';
import { comparable, FIGURE_PROPS } from './corroboration.js';
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

/**
 * What the timeline itself reads of each claim's row, whatever the selection: its figure and
 * period (comparable), and its source and agents (the points' `source` and `agents`, and the
 * running totals kept per agent).
 */
const timelineShape = withOwnReads({
  props: { Claim: FIGURE_PROPS },
  out: { Claim: ['ATTRIBUTED_TO', 'STATED_IN'] },
  in: {},
  edgeProps: [],
});

/**
 * `selection`: what the query reads of the claims, sources and agents below (resolvers/rowShape.ts),
 * or null for whole rows.
 */
export async function timeline(
  db: Queries,
  loader: EntityLoader,
  args: { measureId: string; regionId?: string | null; asOf?: string | null },
  selection: RowShape | null = null,
): Promise<TimelinePointOut[]> {
  const shape = timelineShape(selection);
  const [answer] = await db.read<{ measureFound: boolean; regionFound: boolean; ids: string[]; rows: EntityWire[] }>('provenance/timeline', {
    p: { measureId: args.measureId, regionId: args.regionId ?? '', asOf: args.asOf ?? '', shape },
  });
  if (!answer?.measureFound) throw notFound(`No measure with id "${args.measureId}"`);
  if (args.regionId && !answer.regionFound) throw notFound(`No region with id "${args.regionId}"`);
  // The rows serve the fields below (the points' claims, sources and agents): partial ones in
  // their own scope, whole ones from the request's loader.
  const byId = answerRows(loader, answer.rows, shape);
  const claims = answer.ids.map((id) => byId.get(id)).filter((c): c is ClaimRow => c?.kind === 'Claim');
  const related = (id: string, kinds: string[]) => {
    const row = byId.get(id);
    return row && kinds.includes(row.kind) ? row : undefined;
  };

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
      source: (sourceId ? (related(sourceId, ['Source']) as SourceRow | undefined) : undefined) ?? null,
      agents: agentIds.map((a) => related(a, ['Organization', 'Person'])).filter((a): a is AgentRow => !!a),
      decreases: previous !== null,
      previous,
    };
  });
}
