/**
 * Loading nodes by id. All by-id lookups of one request go through one DataLoader, so a list of
 * 20 claims asking for their sources, agents and regions costs one round trip per nesting level,
 * not one per claim.
 */
import DataLoader from 'dataloader';
import type { Database } from '../db/database.js';
import type { ClaimRow, EdgeRef, EntityRow } from '../db/rows.js';
import { reviveProps } from '../db/wireTemporals.js';

export type EntityLoader = DataLoader<string, EntityRow | null>;

type EdgeWire = [type: string, id: string, props: Record<string, unknown>];

/** node/nodesByIds' row: edges as tuples and temporals as plain values, cheaper to decode than maps. */
export interface EntityWire {
  id: string;
  kind: string;
  props: Record<string, unknown>;
  out: EdgeWire[];
  in: EdgeWire[];
}

const edgeFromWire = ([type, id, props]: EdgeWire): EdgeRef => ({ type, id, props: reviveProps(props) });

function entityFromWire(r: EntityWire): EntityRow {
  return { id: r.id, kind: r.kind, props: reviveProps(r.props), out: r.out.map(edgeFromWire), in: r.in.map(edgeFromWire) };
}

export function createEntityLoader(db: Database): EntityLoader {
  return new DataLoader<string, EntityRow | null>(
    async (ids) => {
      const rows = await db.read<EntityWire>('node/nodesByIds', { p: { ids: [...ids], types: [], depth: 1 } });
      const byId = new Map(rows.map((r) => [r.id, entityFromWire(r)]));
      return ids.map((id) => byId.get(id) ?? null);
    },
    // Hundreds of ids (a cross-reference's paired claims) go as several batches at once, which
    // Neo4j answers on separate threads; a page of a list still fits in one.
    { maxBatchSize: 250 },
  );
}

/**
 * A claim row that carries nothing but its id, for answers whose query selects nothing else of
 * the claim (a resolver asks first: see resolvers/selection.ts). Any other Claim field would read
 * empty props, so it must never reach one.
 */
export function claimIdOnly(id: string): ClaimRow {
  return { id, kind: 'Claim', props: {}, out: [], in: [] };
}

/** The node with this id if it has the expected kind, else null (an org id asked as a person). */
export async function loadOfKind<T extends EntityRow>(loader: EntityLoader, id: string, kind: string): Promise<T | null> {
  const row = await loader.load(id);
  return row && row.kind === kind ? (row as T) : null;
}

/** Several nodes in the order given, dropping unknown ids and nodes of other kinds. */
export async function loadMany<T extends EntityRow>(loader: EntityLoader, ids: readonly string[], kinds: readonly T['kind'][]): Promise<T[]> {
  const rows = await loader.loadMany(ids);
  return rows.filter((r): r is T => r !== null && !(r instanceof Error) && kinds.includes(r.kind as T['kind']));
}

/** The ids at the other end of a row's outgoing (or incoming) edges of one type. */
export function edgeIds(row: EntityRow, type: string, direction: 'out' | 'in' = 'out'): string[] {
  return row[direction].filter((e) => e.type === type).map((e) => e.id);
}

/**
 * Loads nodes together with the neighbours their outgoing `types` relationships lead to, in ONE
 * round trip, and primes the loader with all of them: the nested resolvers that follow (a claim's
 * measure, regions, sources) then find their rows cached instead of asking again. Without types,
 * the plain batched load.
 */
export async function prefetchWithNeighbours(db: Database, loader: EntityLoader, ids: readonly string[], types: readonly string[], depth = 1): Promise<void> {
  const missing = ids.filter((id) => id);
  if (!types.length || !missing.length) return;
  const rows = await db.read<EntityWire>('node/nodesByIds', { p: { ids: [...new Set(missing)], types: [...types], depth } });
  const found = new Set(primeRows(loader, rows));
  // Unknown ids answer null without another round trip.
  for (const id of missing) if (!found.has(id)) loader.clear(id).prime(id, null);
}

/** Primes the loader with rows read elsewhere (a page query that brings its rows); returns their ids. */
export function primeRows(loader: EntityLoader, rows: EntityWire[]): string[] {
  for (const r of rows) loader.clear(r.id).prime(r.id, entityFromWire(r));
  return rows.map((r) => r.id);
}
