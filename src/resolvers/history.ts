/** Ingestions and revisions: who wrote what, and what corrections replaced. */
import type { Resolvers } from '../generated/graphql.js';
import * as history from '../services/history/history.js';
import * as lookups from '../services/entities/lookups.js';
import { own, type FieldReadsTable } from './fieldReads.js';

export const historyResolvers: Resolvers = {
  Query: {
    ingestions: (_, args, ctx) => history.ingestions(ctx.db, args),
  },
  Ingestion: {
    source: (i, _, ctx) => lookups.source(ctx.entities, i.sourceId),
  },
  Revision: {
    content: (r) => JSON.parse(r.content) as unknown,
    replacedBy: (r, _, ctx) => ctx.history.ingestion.load(r.ingestionId),
  },
  Claim: {
    revisions: (c, _, ctx) => ctx.history.revisionsOf.load(c.id),
    ingestions: (c, _, ctx) => ctx.history.ingestionsOf.load(c.id),
  },
  Source: {
    ingestions: (s, _, ctx) => ctx.history.ingestionsOf.load(s.id),
  },
};

/** Histories are their own queries, from the row's id (fieldReads.ts). */
export const historyReads: FieldReadsTable = {
  Claim: { revisions: own, ingestions: own },
  Source: { ingestions: own },
};
