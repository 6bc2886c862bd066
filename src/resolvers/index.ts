/** All resolvers, merged per type from the domain files. */
import { GraphQLScalarType } from 'graphql';
import type { Resolvers } from '../generated/graphql.js';
import { agentResolvers } from './agent.js';
import { claimResolvers } from './claim.js';
import { draftResolvers } from './draft.js';
import { historyResolvers } from './history.js';
import { ingestResolvers } from './ingest.js';
import { placeResolvers } from './place.js';
import { provenanceResolvers } from './provenance.js';
import { searchResolvers } from './search.js';
import { sourceResolvers } from './source.js';
import { nodeResolvers } from './node.js';
import { liveResolvers } from './live.js';
import { watchResolvers } from './watch.js';
import { DateScalar, DateTimeScalar, JSONScalar } from './scalars.js';

function merge(...parts: Resolvers[]): Resolvers {
  const out: Record<string, Record<string, unknown>> = {};
  for (const part of parts) {
    for (const [type, fields] of Object.entries(part)) {
      // Scalars are class instances: keep them whole, a spread would drop their prototype.
      if (fields instanceof GraphQLScalarType) out[type] = fields as never;
      else out[type] = { ...(out[type] ?? {}), ...(fields as Record<string, unknown>) };
    }
  }
  return out as Resolvers;
}

export const resolvers: Resolvers = merge(
  { Date: DateScalar, DateTime: DateTimeScalar, JSON: JSONScalar },
  nodeResolvers,
  liveResolvers,
  watchResolvers,
  agentResolvers,
  claimResolvers,
  sourceResolvers,
  placeResolvers,
  searchResolvers,
  ingestResolvers,
  draftResolvers,
  historyResolvers,
  provenanceResolvers,
);
