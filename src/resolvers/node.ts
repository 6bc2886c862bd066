/** Query.node / Query.nodes and the Node interface's type resolution. */
import type { Resolvers } from '../generated/graphql.js';

export const nodeResolvers: Resolvers = {
  Query: {
    node: (_, { id }, ctx) => ctx.entities.load(id),
    nodes: (_, { ids }, ctx) => Promise.all(ids.map((id) => ctx.entities.load(id))),
  },
  Node: {
    __resolveType: (row) => row.kind as never,
  },
};
