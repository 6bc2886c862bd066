/**
 * Relay connections over keyset pages. Cursors are opaque (base64url JSON of the sort key and
 * id), so clients cannot depend on their content and pages stay stable while data is added.
 */
import { badUserInput } from '../../errors.js';
import type { EntityRow, RowSource } from '../../db/rows.js';
import type { Queries } from '../../db/queries.js';
import { loadMany, prefetchWithNeighbours, type EntityLoader, type RowShape } from '../entities/entities.js';

export const MAX_PAGE = 100;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface Cursor {
  key: number;
  id: string;
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.key, c.id])).toString('base64url');
}

export function decodeCursor(after: string | null | undefined): Cursor | null {
  if (after == null) return null;
  try {
    const [key, id] = JSON.parse(Buffer.from(after, 'base64url').toString('utf8')) as [unknown, unknown];
    if (typeof key === 'number' && typeof id === 'string') return { key, id };
  } catch {
    // fall through to the error below
  }
  throw badUserInput('`after` is not a cursor this service issued; pass an endCursor from a previous page', 'after');
}

/** `first` must lie in 1..100: a clear error rather than a silent clamp. */
export function checkFirst(first: number | null | undefined, fallback: number): number {
  const n = first ?? fallback;
  if (!Number.isInteger(n) || n < 1 || n > MAX_PAGE) {
    throw badUserInput(`\`first\` must be between 1 and ${MAX_PAGE}, got ${n}`, 'first');
  }
  return n;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number;
}

/**
 * Builds a connection from a page query's result: `page` holds up to first+1 keys (the extra
 * one only tells that a next page exists); the nodes come from `rows` (the request's entity loader,
 * or the partial rows the page query brought).
 */
export async function toConnection<T extends EntityRow>(
  rows: RowSource,
  result: { totalCount: number; page: { id: string; key: number }[] },
  first: number,
  hadCursor: boolean,
  kind: T['kind'],
  /** Load the page's rows with the neighbours these relationship types reach, in one trip (partial with a shape). */
  neighbours?: { db: Queries; loader: EntityLoader; types: readonly string[]; shape?: RowShape | null },
): Promise<Connection<T>> {
  const keys = result.page.slice(0, first);
  const source = neighbours
    ? await prefetchWithNeighbours(
        neighbours.db,
        neighbours.loader,
        keys.map((k) => k.id),
        neighbours.types,
        1,
        neighbours.shape,
      )
    : rows;
  const nodes = await loadMany<T>(
    source,
    keys.map((k) => k.id),
    [kind],
  );
  const byId = new Map(nodes.map((r) => [r.id, r]));
  const edges = keys.filter((k) => byId.has(k.id)).map((k) => ({ cursor: encodeCursor(k), node: byId.get(k.id)! }));
  return {
    edges,
    totalCount: result.totalCount,
    pageInfo: {
      hasNextPage: result.page.length > first,
      hasPreviousPage: hadCursor,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
