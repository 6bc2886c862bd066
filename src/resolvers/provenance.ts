/** Provenance answers: source chains, corroboration, cross-references, timelines, graph views. */
import type { GraphQLResolveInfo } from 'graphql';
import type { MeasureRow, PeriodRow, RegionRow, SourceRow } from '../db/rows.js';
import type { Resolvers } from '../generated/graphql.js';
import { loadMany } from '../services/entities/entities.js';
import { graphNeighbourhood } from '../services/graph/graphNeighbourhood.js';
import { claimReview } from '../services/provenance/claimReview.js';
import { corroboration } from '../services/provenance/corroboration.js';
import { crossReference } from '../services/provenance/crossReference.js';
import { sourceChain } from '../services/provenance/sourceChain.js';
import { timeline } from '../services/provenance/timeline.js';
import { none, type FieldReadsTable } from './fieldReads.js';
import { rowShape } from './rowShape.js';
import { selectedFields, selectsPath } from './selection.js';

const PAIR_CLAIMS = [
  ['agreements', 'a'],
  ['agreements', 'b'],
  ['conflicts', 'a'],
  ['conflicts', 'b'],
];

/** The SourceChain fields that read the origins' agents: selected, the chain's one query brings them too. */
// Any origins field: `origins` itself awaits the agents' part, so even `origins { source }` wants it.
const CHAIN_AGENT_PATHS = [['origins'], ['independentOriginCount'], ['institutions'], ['circularReporting'], ['explanation'], ['graph'], ['prov']];

/** Whether any of the paths selects a field other than id (and __typename). */
function selectsBeyondIds(info: GraphQLResolveInfo, paths: string[][]): boolean {
  return paths.some((path) => [...selectedFields(info, path)].some((f) => f !== 'id' && f !== '__typename'));
}

/** intervals.ts names Allen relations as Allen wrote them (`met-by`); the API's enum says MET_BY. */
const allenRelation = (relation: string) => relation.toUpperCase().replace(/-/g, '_') as never;

/**
 * What the source chain's, corroboration's and timeline's wrappers read of a row (fieldReads.ts):
 * nothing, so a selection of their paths, origins, comparisons and points reads only what the
 * nodes' own fields do (and what the service itself reads, which it adds). Independence,
 * institutions and circular reporting come from the chain's own reads (its edges and agents).
 * The explanation, graph and PROV state nothing: they read whole rows.
 */
export const provenanceReads: FieldReadsTable = {
  SourceChain: { claim: none, paths: none, origins: none, independentOriginCount: none, institutions: none, circularReporting: none, cycles: none, truncated: none },
  ProvenancePath: { steps: none, end: none, ending: none },
  ProvenanceStep: { from: none, relation: none, kind: none, to: none },
  Origin: { source: none, agents: none, institutions: none },
  Corroboration: {
    claim: none,
    comparisons: none,
    independentAgreeingOrigins: none,
    independentConflictingOrigins: none,
    credibility: none,
    credibilityReason: none,
  },
  Comparison: { claim: none, allenRelation: none, verdict: none, gap: none, sameOrigin: none, scopeUnstated: none, counted: none, reason: none },
  TimelinePoint: { claim: none, start: none, end: none, value: none, low: none, high: none, bound: none, source: none, agents: none, decreases: none, previous: none },
};

export const provenanceResolvers: Resolvers = {
  Query: {
    sourceChain: (_, { claimId, maxDepth }, ctx, info) => sourceChain(ctx.db, ctx.entities, claimId, maxDepth, { agents: CHAIN_AGENT_PATHS.some((p) => selectsPath(info, p)), shape: rowShape(info) }),
    corroboration: (_, { claimId }, ctx, info) => corroboration(ctx.db, ctx.entities, claimId, rowShape(info)),
    crossReference: (_, { organizationIds, filter }, ctx, info) =>
      crossReference(ctx.db, ctx.entities, organizationIds, filter, { pairClaimDetails: selectsBeyondIds(info, PAIR_CLAIMS), work: ctx.work }),
    timeline: (_, args, ctx, info) => timeline(ctx.db, ctx.entities, args, rowShape(info)),
    claimReview: (_, { claimId }, ctx) => claimReview(ctx.db, ctx.entities, claimId, ctx.baseIri),
    graph: (_, args, ctx, info) => graphNeighbourhood(ctx.db, args, { withProperties: selectsPath(info, ['nodes', 'properties']) }),
  },
  SourceChain: {
    origins: (c) => c.origins(),
    independentOriginCount: (c) => c.independentOriginCount(),
    institutions: (c) => c.institutions(),
    circularReporting: (c) => c.circularReporting(),
    explanation: (c) => c.explanation(),
    graph: (c) => c.graph(),
    prov: (c, _, ctx) => c.prov(ctx.baseIri, ctx.history),
  },
  CrossReference: {
    // Loaded only when selected; selected together, they share one round trip (DataLoader).
    sharedMeasures: (x, _, ctx) => loadMany<MeasureRow>(ctx.entities, x.sharedMeasureIds, ['Measure']),
    sharedRegions: (x, _, ctx) => loadMany<RegionRow>(ctx.entities, x.sharedRegionIds, ['Region']),
    sharedPeriods: (x, _, ctx) => loadMany<PeriodRow>(ctx.entities, x.sharedPeriodIds, ['Period']),
    commonSources: (x, _, ctx) => loadMany<SourceRow>(ctx.entities, x.commonSourceIds, ['Source']),
    graph: (x) => x.graph(),
  },
  GraphNode: {
    kind: (n) => n.kind as never,
  },
  ProvenanceStep: {
    kind: (s) => s.kind as never,
  },
  Comparison: {
    allenRelation: (c) => allenRelation(c.allenRelation),
  },
  ClaimPair: {
    allenRelation: (p) => allenRelation(p.allenRelation),
  },
  TimelinePoint: {
    bound: (p) => p.bound as never,
  },
};
