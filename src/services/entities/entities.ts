/**
 * Loading nodes by id. All by-id lookups of one request go through one DataLoader, so a list of
 * 20 claims asking for their sources, agents and regions costs one round trip per nesting level,
 * not one per claim.
 */
import DataLoader from 'dataloader';
import type { Queries } from '../../db/queries.js';
import type { ClaimRow, EntityRow, RowSource, Scoped } from '../../db/rows.js';
import { entityFromWire, PartialRows, type EntityWire, type RowShape } from './partialRows.js';

export type { EntityWire, RowShape } from './partialRows.js';
export { withOwnReads } from './partialRows.js';
export type EntityLoader = DataLoader<string, EntityRow | null>;

/** node/nodesByIds: whole rows of these ids, streamed a record per node (the loader's batches of up to 250). */
async function nodesByIds(db: Queries, ids: string[]): Promise<EntityWire[]> {
  return (await db.read<{ row: EntityWire }>('node/nodesByIds', { p: { ids, types: [], depth: 1 } })).map((r) => r.row);
}

/**
 * node/nodesWithNeighbours: the rows of these ids and of the neighbours `types` reach, `depth`
 * hops out, in one record (a selection's few dozen cards: one Bolt message instead of one each).
 */
async function nodesWithNeighbours(db: Queries, p: { ids: string[]; types: string[]; depth: number; shape: RowShape | null }): Promise<EntityWire[]> {
  const [answer] = await db.read<{ rows: EntityWire[] }>('node/nodesWithNeighbours', { p });
  return answer?.rows ?? [];
}

export function createEntityLoader(db: Queries): EntityLoader {
  return new DataLoader<string, EntityRow | null>(
    async (ids) => {
      const rows = await nodesByIds(db, [...ids]);
      const byId = new Map(rows.map((row) => [row[0], entityFromWire(row)]));
      return ids.map((id) => byId.get(id) ?? null);
    },
    // Hundreds of ids (a cross-reference's paired claims) go as several batches at once, which
    // Neo4j answers on separate threads; a page of a list still fits in one.
    { maxBatchSize: 250 },
  );
}

/** Where the rows a parent's fields lead to are found: its partial rows' scope, else the loader. */
export const rowsOf = (parent: Scoped, loader: EntityLoader): RowSource => parent.scope ?? loader;

/**
 * A claim row that carries nothing but its id, for answers whose query selects nothing else of
 * the claim (a resolver asks first: see resolvers/selection.ts). Any other Claim field would read
 * empty props, so it must never reach one.
 */
export function claimIdOnly(id: string): ClaimRow {
  return { id, kind: 'Claim', props: {}, out: [], in: [] };
}

/** A value now, or the promise of it: resolvers may return either. */
export type MaybePromise<T> = T | Promise<T>;

/**
 * A row the graph guarantees (a statement's source, a derivation's ends): typed non-null as the
 * schema declares it; a broken graph's null reaches graphql-js, which reports it on the field.
 */
export const present = <T>(row: MaybePromise<T | null>): MaybePromise<T> => row as MaybePromise<T>;

const ofKind = <T extends EntityRow>(row: EntityRow | null | undefined, kind: string): T | null => (row && row.kind === kind ? (row as T) : null);

/**
 * The node with this id if it has the expected kind, else null (an org id asked as a person).
 * Synchronous when the source already holds the row (partial rows), so graphql-js completes the
 * field without a promise.
 */
export function loadOfKind<T extends EntityRow>(rows: RowSource, id: string, kind: string): MaybePromise<T | null> {
  const held = rows.peek?.(id);
  if (held !== undefined) return ofKind<T>(held, kind);
  return rows.load(id).then((row) => ofKind<T>(row, kind));
}

/** Several nodes in the order given, dropping unknown ids and nodes of other kinds (synchronous when all are held). */
export function loadMany<T extends EntityRow>(rows: RowSource, ids: readonly string[], kinds: readonly T['kind'][]): MaybePromise<T[]> {
  const keep = (found: Array<EntityRow | null | undefined | Error>) => found.filter((r): r is T => r != null && !(r instanceof Error) && kinds.includes(r.kind as T['kind']));
  if (rows.peek) {
    const held = ids.map((id) => rows.peek!(id));
    if (!held.includes(undefined)) return keep(held);
  }
  return rows.loadMany(ids).then(keep);
}

/** The ids at the other end of a row's outgoing (or incoming) edges of one type. */
export function edgeIds(row: EntityRow, type: string, direction: 'out' | 'in' = 'out'): string[] {
  return row[direction].filter((e) => e.type === type).map((e) => e.id);
}

/**
 * Loads nodes together with the neighbours their outgoing `types` relationships lead to, in ONE
 * round trip, and returns where the fields below find them. With a `shape` (what the selection
 * reads, resolvers/rowShape.ts) the rows are partial and stay in their own PartialRows, out of
 * the request's loader, so no other field ever reads a trimmed row; without one, whole rows
 * prime the loader. Without types, nothing is read here: the loader batches the plain lookups.
 */
export async function prefetchWithNeighbours(db: Queries, loader: EntityLoader, ids: readonly string[], types: readonly string[], depth = 1, shape: RowShape | null = null): Promise<RowSource> {
  const wanted = [...new Set(ids.filter((id) => id))];
  if (!types.length || !wanted.length) return loader;
  const rows = await nodesWithNeighbours(db, { ids: wanted, types: [...types], depth, shape });
  if (shape) return new PartialRows(loader, shape, rows, wanted);
  const found = new Set(primeRows(loader, rows));
  // Unknown ids answer null without another round trip.
  for (const id of wanted) if (!found.has(id)) loader.clear(id).prime(id, null);
  return loader;
}

/** Primes the loader with whole rows read elsewhere (a page query that brings its rows); returns their ids. */
export function primeRows(loader: EntityLoader, rows: EntityWire[]): string[] {
  return [...primedRows(loader, rows).keys()];
}

/** Primes the loader with whole rows read elsewhere and returns them by id, each decoded once. */
export function primedRows(loader: EntityLoader, wires: EntityWire[]): Map<string, EntityRow> {
  const rows = new Map<string, EntityRow>();
  for (const w of wires) {
    const row = entityFromWire(w);
    loader.clear(w[0]).prime(w[0], row);
    rows.set(w[0], row);
  }
  return rows;
}

/** The rows a page query brought: partial in their own scope when it read a shape, else primed. */
export function pageRows(loader: EntityLoader, rows: EntityWire[], shape: RowShape | null | undefined): RowSource {
  if (shape) return new PartialRows(loader, shape, rows, []);
  primeRows(loader, rows);
  return loader;
}

/**
 * The rows a provenance query brought with its answer (a source chain's nodes, a corroboration's
 * claims), by id, as pageRows keeps them: partial ones in their own scope, never in the request's
 * loader (so no other field of the request is lent one), whole ones primed into it.
 */
export function answerRows(loader: EntityLoader, wires: EntityWire[], shape: RowShape | null): Map<string, EntityRow> {
  if (!shape) return primedRows(loader, wires);
  const scope = new PartialRows(loader, shape, wires, []);
  return new Map(wires.map((w) => [w[0], scope.peek(w[0])!]));
}
