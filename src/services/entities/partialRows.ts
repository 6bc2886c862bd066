/**
 * Partial rows: a node with only the properties and edges one query's selection reads. A page
 * of 20 claims with their sources' titles read whole is 26 KB from Neo4j; partial, 7 KB, and
 * Neo4j builds, and Node decodes, a quarter of it. They are safe only where the selection that
 * shaped them is resolved, so they never enter the request's loader: they live in a PartialRows,
 * which the rows carry as their `scope`, and an id outside it is loaded whole.
 */
import type { EdgeRef, EntityRow, RowSource } from '../../db/rows.js';
import { reviveNamed, reviveProps } from '../../db/wireTemporals.js';

/**
 * What a selection reads of each kind of node (resolvers/rowShape.ts): property names, and the
 * outgoing and incoming relationship types, per kind; relationship types whose properties are
 * read. Sent as `$p.shape` to cypher/include/entityWire.cypherpart.
 *
 * Read-only: one shape is shared by every request of a document (resolvers/rowShape.ts keeps it frozen).
 */
export interface RowShape {
  readonly props: Readonly<Record<string, readonly string[]>>;
  readonly out: Readonly<Record<string, readonly string[]>>;
  readonly in: Readonly<Record<string, readonly string[]>>;
  readonly edgeProps: readonly string[];
}

/**
 * A service's own reads added to every selection's shape (a source chain reads each source's
 * derivations to find its paths, whatever the client selected). A selection's shape is kept per
 * document unless its walk read a variable (resolvers/rowShape.ts), so the union is made once per
 * such document, else per request; it is shared, so frozen through. Null (whole rows) stays null.
 */
export function withOwnReads(own: RowShape): (shape: RowShape | null) => RowShape | null {
  const made = new WeakMap<RowShape, RowShape>();
  const union = (a: Readonly<Record<string, readonly string[]>>, b: Readonly<Record<string, readonly string[]>>) => {
    const out: Record<string, readonly string[]> = {};
    for (const kind of new Set([...Object.keys(a), ...Object.keys(b)])) out[kind] = Object.freeze([...new Set([...(a[kind] ?? []), ...(b[kind] ?? [])])].sort());
    return Object.freeze(out);
  };
  return (shape) => {
    if (!shape) return null;
    let merged = made.get(shape);
    if (!merged) {
      merged = Object.freeze({
        props: union(shape.props, own.props),
        out: union(shape.out, own.out),
        in: union(shape.in, own.in),
        edgeProps: Object.freeze([...new Set([...shape.edgeProps, ...own.edgeProps])].sort()),
      });
      made.set(shape, merged);
    }
    return merged;
  };
}

type EdgeWire = [type: string, id: string, props: Record<string, unknown> | null];

/**
 * entityWire's row, as a tuple: Bolt sends, and the driver decodes, every key of every map, and a
 * page brings dozens of rows. Edges are tuples and temporals plain values for the same reason.
 * `props` is a map for a whole row; for a partial row, values in the order of the shape's names.
 */
export type EntityWire = [id: string, kind: string, props: Record<string, unknown> | unknown[], out: EdgeWire[], inbound: EdgeWire[]];

const edgeFromWire = ([type, id, props]: EdgeWire): EdgeRef => ({ type, id, props: props ? reviveProps(props) : {} });

const edgesFromWire = (edges: EdgeWire[]): EdgeRef[] => (edges.length ? edges.map(edgeFromWire) : []);

/** A whole wire row (its props a map) as the row resolvers read. */
export function entityFromWire([id, kind, props, out, inbound]: EntityWire): EntityRow {
  return { id, kind, props: reviveProps(props as Record<string, unknown>), out: edgesFromWire(out), in: edgesFromWire(inbound) };
}

/**
 * A partial row, carrying its scope in a private field: rows are serialized in places (JSON
 * scalars, logs) and spread, and none of those sees it. (A non-enumerable property defined on
 * each row cost a per-row defineProperty and a slower object shape.)
 */
class PartialRow implements EntityRow {
  readonly id: string;
  readonly kind: string;
  readonly props: Record<string, unknown>;
  readonly out: EdgeRef[];
  readonly in: EdgeRef[];
  readonly #scope: RowSource;

  constructor([id, kind, props, out, inbound]: EntityWire, shape: RowShape, scope: RowSource) {
    this.id = id;
    this.kind = kind;
    // With a shape, entityWire sends a kind's values in the order of the shape's names.
    this.props = reviveNamed(shape.props[kind] ?? [], props as unknown[]);
    this.out = edgesFromWire(out);
    this.in = edgesFromWire(inbound);
    this.#scope = scope;
  }

  get scope(): RowSource {
    return this.#scope;
  }
}

/** The partial rows of one query, with the request's loader behind them for any other id. */
export class PartialRows implements RowSource {
  private readonly rows = new Map<string, EntityRow | null>();

  /** `asked`: ids that answer null when the query did not find them (unknown ids). */
  constructor(
    private readonly whole: RowSource,
    shape: RowShape,
    wire: readonly EntityWire[],
    asked: readonly string[],
  ) {
    for (const id of asked) this.rows.set(id, null);
    for (const r of wire) this.rows.set(r[0], new PartialRow(r, shape, this));
  }

  peek(id: string): EntityRow | null | undefined {
    return this.rows.get(id);
  }

  load(id: string): Promise<EntityRow | null> {
    return this.rows.has(id) ? Promise.resolve(this.rows.get(id)!) : this.whole.load(id);
  }

  loadMany(ids: readonly string[]): Promise<Array<EntityRow | null | Error>> {
    return Promise.all(ids.map((id) => this.load(id).catch((err: Error) => err)));
  }
}
