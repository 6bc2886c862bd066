/**
 * Root fields look ahead at their selection (rowShape.ts, one walk) so they load their node(s)
 * and the neighbours the selection needs in one round trip (services/entities/entities.ts,
 * prefetchWithNeighbours) instead of one trip per nesting level, reading only what it reads.
 */
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context.js';
import type { RowSource } from '../db/rows.js';
import { prefetchWithNeighbours } from '../services/entities/entities.js';
import { selectionReads } from './rowShape.js';
import { selectedFields } from './selection.js';

/**
 * Loads `ids` with the neighbours the selection needs (one round trip, as partial rows of what it
 * reads when rowShape can tell) before the field resolves; returns where the field finds them.
 */
export async function prefetch(ctx: Context, info: GraphQLResolveInfo, ids: readonly string[]): Promise<RowSource> {
  const reads = selectionReads(info);
  if (!reads.types.length) return ctx.entities;
  return prefetchWithNeighbours(ctx.db, ctx.entities, ids, reads.types, reads.depth, reads.shape);
}

/**
 * What a connection's query selects: its nodes' neighbours (`edges { node { … } }`), whether
 * totalCount, and what of the rows (partial rows' shape).
 */
export function pageNeighbours(info: GraphQLResolveInfo) {
  const reads = selectionReads(info);
  return { neighbourTypes: reads.types, withCount: selectedFields(info, []).has('totalCount'), shape: reads.shape };
}
