/** Query.search: relevance-ranked hits with their nodes. */
import type { Resolvers } from '../generated/graphql.js';
import * as searchService from '../services/catalog/search.js';

export const searchResolvers: Resolvers = {
  Query: {
    search: (_, args, ctx) => searchService.search(ctx.db, args),
  },
  SearchHit: {
    kind: (h) => h.kind as never,
    node: async (h, _, ctx) => (await ctx.entities.load(h.id))!,
  },
};
