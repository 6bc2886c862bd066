/** Mutation.ingest: one document, one transaction. */
import type { Resolvers } from '../generated/graphql.js';
import { ingest } from '../services/ingest/ingest.js';
import * as lookups from '../services/lookups.js';

export const ingestResolvers: Resolvers = {
  Mutation: {
    ingest: async (_, { document }, ctx) => {
      const outcome = await ingest(ctx.db, document);
      const source = await lookups.source(ctx.entities, outcome.sourceId);
      return { ...outcome, source: source! };
    },
  },
};
