/** Query.node / Query.nodes and the Node interface's type resolution. */
import type { Resolvers } from '../generated/graphql.js';
import { found, unknownId } from './found.js';
import { prefetch } from './lookahead.js';
import * as lookups from '../services/entities/lookups.js';

export const nodeResolvers: Resolvers = {
  Query: {
    node: async (_, { id }, ctx, info) => found(await (await prefetch(ctx, info, [id])).load(id), 'node', id),
    // An unknown id's entry is null with a NOT_FOUND error at its index (graphql-js reports an
    // Error in a list as that item's error).
    nodes: async (_, { ids }, ctx) => (await lookups.nodes(ctx.entities, ids)).map((row, i) => row ?? (unknownId('node', ids[i]) as never)),
  },
  Node: {
    __resolveType: (row) => row.kind as never,
  },
};
