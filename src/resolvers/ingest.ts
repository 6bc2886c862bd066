/** Mutation.ingest: one document, one transaction, for a caller with a `write` key; Query.validate: its dry run. */
import type { Resolvers } from '../generated/graphql.js';
import { dryRun } from '../services/ingest/dryRun.js';
import { ingest } from '../services/ingest/ingest.js';
import * as lookups from '../services/entities/lookups.js';

export const ingestResolvers: Resolvers = {
  Query: {
    // Reads only: the caller's read access, and its key's role for what it could override.
    validate: (_, { document }, ctx) => dryRun(ctx.db, document, { keyName: ctx.principal.name, mayOverride: ctx.principal.role === 'admin' }),
  },
  Mutation: {
    ingest: async (_, { document }, ctx) => {
      ctx.access.require(ctx.principal, 'write', 'ingest');
      const outcome = await ingest(ctx.db, document, { keyName: ctx.principal.name, mayOverride: ctx.principal.role === 'admin' });
      const source = await lookups.source(ctx.entities, outcome.sourceId);
      const ingestion = outcome.ingestionId ? await ctx.history.ingestion.load(outcome.ingestionId) : null;
      return { ...outcome, source: source!, ingestion };
    },
  },
};
