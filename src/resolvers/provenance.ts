/** Provenance answers: source chains, corroboration, cross-references, timelines, graph views. */
import type { Resolvers } from '../generated/graphql.js';
import { graphNeighbourhood } from '../services/graphNeighbourhood.js';
import { corroboration } from '../services/provenance/corroboration.js';
import { crossReference } from '../services/provenance/crossReference.js';
import { sourceChain } from '../services/provenance/sourceChain.js';
import { timeline } from '../services/provenance/timeline.js';
import { selectsPath } from './selection.js';

export const provenanceResolvers: Resolvers = {
  Query: {
    sourceChain: (_, { claimId, maxDepth }, ctx) => sourceChain(ctx.db, ctx.entities, claimId, maxDepth),
    corroboration: (_, { claimId }, ctx) => corroboration(ctx.db, ctx.entities, claimId),
    crossReference: (_, { organizationIds, filter }, ctx) => crossReference(ctx.db, ctx.entities, organizationIds, filter),
    timeline: (_, args, ctx) => timeline(ctx.db, ctx.entities, args),
    graph: (_, args, ctx, info) => graphNeighbourhood(ctx.db, args, { withProperties: selectsPath(info, ['nodes', 'properties']) }),
  },
  CrossReference: {
    graph: (x) => x.graph(),
  },
  GraphNode: {
    kind: (n) => n.kind as never,
  },
  ProvenanceStep: {
    kind: (s) => s.kind as never,
  },
  TimelinePoint: {
    bound: (p) => p.bound as never,
  },
};
