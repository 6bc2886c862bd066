/** Query.node / Query.nodes and the Node interface's type resolution. */
import type { Resolvers } from '../generated/graphql.js';
import { prefetch } from './lookahead.js';
import * as lookups from '../services/lookups.js';

export const nodeResolvers: Resolvers = {
  Query: {
    node: async (_, { id }, ctx, info) => (await prefetch(ctx, info, [id]), ctx.entities.load(id)),
    nodes: (_, { ids }, ctx) => lookups.nodes(ctx.entities, ids),
  },
  Node: {
    __resolveType: (row) => row.kind as never,
  },
};
