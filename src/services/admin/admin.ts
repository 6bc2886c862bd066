/** Whole-graph housekeeping: counts, and emptying the graph (CLI `reset`, tests). */
import type { Queries } from '../../db/queries.js';

export interface GraphCounts {
  nodes: number;
  relationships: number;
  /** Of the nodes: ingestion records and revisions (who wrote what, what corrections replaced). */
  ingestions: number;
  revisions: number;
  /** Of the relationships: those linking ingestions and revisions. */
  bookkeepingRelationships: number;
}

export async function graphCounts(db: Queries): Promise<GraphCounts> {
  const [row] = await db.read<GraphCounts>('admin/graphCounts');
  return row;
}

/** Deletes everything in batches, so a large graph never needs one huge transaction. */
export async function deleteAll(db: Queries, batch = 10_000): Promise<number> {
  let total = 0;
  for (;;) {
    const [{ deleted }] = await db.write<{ deleted: number }>('admin/deleteBatch', { batch });
    total += deleted;
    if (deleted < batch) return total;
  }
}

/** The service's own nodes: the API keys and the watches (admin/systemNodes). */
export interface SystemNodes {
  keys: Record<string, unknown>[];
  watches: Record<string, unknown>[];
}

export async function systemNodes(db: Queries): Promise<SystemNodes> {
  const [row] = await db.read<SystemNodes>('admin/systemNodes');
  return row;
}

/** Puts System nodes back after something replaced the database (the offline import). */
export async function restoreSystemNodes(db: Queries, nodes: SystemNodes): Promise<void> {
  await db.write('admin/restoreSystemNodes', { p: nodes });
}
