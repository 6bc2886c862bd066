/** Query.draft: an article's text in, an ingest document to review out (writes nothing). */
import type { Resolvers } from '../generated/graphql.js';
import { draft } from '../services/draft/draft.js';

export const draftResolvers: Resolvers = {
  Query: {
    draft: (_, { input }, ctx) => draft(ctx.db, input, { keyName: ctx.principal.name, mayOverride: ctx.principal.role === 'admin' }),
  },
};
