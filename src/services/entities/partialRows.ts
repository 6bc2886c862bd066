/**
 * Partial rows: a node with only the properties and edges one query's selection reads. A page
 * of 20 claims with their sources' titles read whole is 26 KB from Neo4j; partial, 7 KB, and
 * Neo4j builds, and Node decodes, a quarter of it. They are safe only where the selection that
 * shaped them is resolved, so they never enter the request's loader: they live in a PartialRows,
 * which the rows carry as their `scope`, and an id outside it is loaded whole.
 */
import type { EdgeRef, EntityRow, RowSource } from '../../db/rows.js';
import { reviveProps } from '../../db/wireTemporals.js';

/**
 * What a selection reads of each kind of node (resolvers/rowShape.ts): property names, and the
 * outgoing and incoming relationship types, per kind; relationship types whose properties are
 * read. Sent as `$p.shape` to cypher/include/entityWire.cypherpart.
 */
export interface RowShape {
  props: Record<string, string[]>;
  out: Record<string, string[]>;
  in: Record<string, string[]>;
  edgeProps: string[];
}

type EdgeWire = [type: string, id: string, props: Record<string, unknown> | null];

/** entityWire's row: edges as tuples and temporals as plain values, cheaper to decode than maps. */
export interface EntityWire {
  id: string;
  kind: string;
  /** A map for a whole row; for a partial row, values in the order of the shape's names. */
  props: Record<string, unknown> | unknown[];
  out: EdgeWire[];
  in: EdgeWire[];
}

const edgeFromWire = ([type, id, props]: EdgeWire): EdgeRef => ({ type, id, props: props ? reviveProps(props) : {} });

/** A wire row as the row resolvers read; a partial row's values are named by the shape. */
export function entityFromWire(r: EntityWire, shape?: RowShape): EntityRow {
  let props = r.props;
  if (Array.isArray(props)) {
    const names = shape?.props[r.kind] ?? [];
    const named: Record<string, unknown> = {};
    for (let i = 0; i < names.length; i++) named[names[i]] = props[i];
    props = named;
  }
  return { id: r.id, kind: r.kind, props: reviveProps(props), out: r.out.map(edgeFromWire), in: r.in.map(edgeFromWire) };
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
    for (const r of wire) {
      const row = entityFromWire(r, shape);
      // Not enumerable: rows are serialized in places (JSON scalars, logs), and the scope holds them.
      Object.defineProperty(row, 'scope', { value: this, enumerable: false });
      this.rows.set(row.id, row);
    }
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
