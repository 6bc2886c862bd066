/**
 * Which neighbours a query will ask for under a node, read from its selection, so the root field
 * can load the node and those neighbours in one round trip (services/entities.ts,
 * prefetchWithNeighbours) instead of one trip per nesting level.
 */
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context.js';
import { prefetchWithNeighbours } from '../services/entities.js';
import { selectedFields } from './selection.js';

/** Selected field → the outgoing relationship type that leads to what it returns. */
const OUT_EDGE_OF_FIELD: Record<string, string> = {
  // Claim
  measure: 'ABOUT',
  period: 'COVERS',
  regions: 'IN_REGION',
  attributedTo: 'ATTRIBUTED_TO',
  statedIn: 'STATED_IN',
  basedOn: 'BASED_ON',
  supersedes: 'SUPERSEDES',
  // Source
  publisher: 'PUBLISHED_BY',
  authors: 'AUTHORED_BY',
  derivedFrom: 'DERIVED_FROM',
  // Organization, Region
  partOf: 'PART_OF',
  parent: 'PART_OF',
  // Person
  roles: 'ROLE',
};

/** The relationship types to follow for the node(s) at `path` under the resolved field. */
export function neighbourTypes(info: GraphQLResolveInfo, path: readonly string[] = []): string[] {
  const types = new Set<string>();
  for (const field of selectedFields(info, path)) {
    const type = OUT_EDGE_OF_FIELD[field];
    if (type) types.add(type);
  }
  return [...types].sort();
}

/** Loads `ids` with the neighbours the selection needs (one round trip) before the field resolves. */
export async function prefetch(ctx: Context, info: GraphQLResolveInfo, ids: readonly string[]): Promise<void> {
  await prefetchWithNeighbours(ctx.db, ctx.entities, ids, neighbourTypes(info));
}

/** What a connection's query selects: its nodes' neighbours (`edges { node { … } }`) and whether totalCount. */
export const pageNeighbours = (info: GraphQLResolveInfo) => ({ neighbourTypes: neighbourTypes(info, ['edges', 'node']), withCount: selectedFields(info, []).has('totalCount') });
