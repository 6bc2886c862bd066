/**
 * Which neighbours a query will ask for under a node, read from its selection, so the root field
 * can load the node and those neighbours in one round trip (services/entities.ts,
 * prefetchWithNeighbours) instead of one trip per nesting level.
 */
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context.js';
import type { RowSource } from '../db/rows.js';
import { prefetchWithNeighbours } from '../services/entities/entities.js';
import { rowShape } from './rowShape.js';
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

/**
 * Fields whose objects wrap the hop (a Statement, a SourceDerivation, a RoleAssignment): the node
 * reached is under this inner field, at the same depth.
 */
const INNER_NODE_OF_FIELD: Record<string, string> = { statedIn: 'source', derivedFrom: 'derivedFrom', roles: 'organization' };

/** Hops prefetched at most (a three-hop source chain in one round trip). */
export const MAX_PREFETCH_DEPTH = 3;

export interface Neighbours {
  types: string[];
  /** How many hops of those types the selection follows (1..MAX_PREFETCH_DEPTH). */
  depth: number;
}

/** The relationship types, and how deep, to follow for the node(s) at `path` under the resolved field. */
export function neighbours(info: GraphQLResolveInfo, path: readonly string[] = []): Neighbours {
  const types = new Set<string>();
  let depth = 0;
  const walk = (at: readonly string[], level: number) => {
    if (level >= MAX_PREFETCH_DEPTH) return;
    for (const field of selectedFields(info, at)) {
      const type = OUT_EDGE_OF_FIELD[field];
      if (!type) continue;
      types.add(type);
      depth = Math.max(depth, level + 1);
      const inner = INNER_NODE_OF_FIELD[field];
      walk(inner ? [...at, field, inner] : [...at, field], level + 1);
    }
  };
  walk(path, 0);
  return { types: [...types].sort(), depth: Math.max(1, depth) };
}

/** The relationship types to follow one hop from the node(s) at `path`. */
export function neighbourTypes(info: GraphQLResolveInfo, path: readonly string[] = []): string[] {
  return neighbours(info, path).types;
}

/**
 * Loads `ids` with the neighbours the selection needs (one round trip, as partial rows of what it
 * reads when rowShape can tell) before the field resolves; returns where the field finds them.
 */
export async function prefetch(ctx: Context, info: GraphQLResolveInfo, ids: readonly string[]): Promise<RowSource> {
  const n = neighbours(info);
  if (!n.types.length) return ctx.entities;
  return prefetchWithNeighbours(ctx.db, ctx.entities, ids, n.types, n.depth, rowShape(info));
}

/**
 * What a connection's query selects: its nodes' neighbours (`edges { node { … } }`), whether
 * totalCount, and what of the rows (partial rows' shape).
 */
export const pageNeighbours = (info: GraphQLResolveInfo) => ({
  neighbourTypes: neighbourTypes(info, ['edges', 'node']),
  withCount: selectedFields(info, []).has('totalCount'),
  shape: rowShape(info),
});
