/**
 * What a root field's selection reads below it, in one walk: the outgoing relationships to
 * prefetch with its rows (one round trip instead of one per nesting level), and the partial-row
 * shape, which properties and edges of each kind of node the resolvers under it will read
 * (services/entities/partialRows.ts). Both come from what each field's resolver says it reads of
 * its parent's row (fieldReads.ts: stated next to the resolvers, carried on the schema's fields);
 * a selection reaching a field that says nothing gets whole rows (null shape), so a partial row
 * can never lack what a resolver reads. test/resolvers/partialRows.test.ts resolves every field
 * that states its reads both ways and compares.
 */
import { getNamedType, type FieldNode, type GraphQLObjectType, type GraphQLOutputType, type GraphQLResolveInfo, type GraphQLSchema, type SelectionSetNode } from 'graphql';
import { readingVariables } from './variableReads.js';
import type { RowShape } from '../services/entities/entities.js';
import { collectFields, objectTypesOf, subSelections, type Collecting } from './collectFields.js';
import { readsOf } from './fieldReads.js';
import { ENTITY_MODEL, type EntityLabel } from '../model/entityModel.js';

/**
 * The kind whose row a GraphQL type's resolvers read: each entity kind's own type (named as its
 * label), and the types read off a row of another (a Quantity off its claim). Exported for its test.
 */
export const ROW_KIND: Readonly<Record<string, EntityLabel>> = {
  ...(Object.fromEntries(Object.keys(ENTITY_MODEL).map((label) => [label, label])) as Record<EntityLabel, EntityLabel>),
  Quantity: 'Claim',
  ShareOf: 'Measure',
};

/** Hops prefetched at most (a three-hop source chain in one round trip). */
const MAX_PREFETCH_DEPTH = 3;

/** What a root field's selection reads below it: the prefetch's hops, and the partial rows' shape. */
export interface SelectionReads {
  /** Outgoing relationship types the selection follows within MAX_PREFETCH_DEPTH hops (prefetched with the rows). */
  readonly types: readonly string[];
  /** How many hops of those types it follows (1..MAX_PREFETCH_DEPTH). */
  readonly depth: number;
  /** What it reads of each row, or null when it reaches a field that does not state its reads (whole rows). */
  readonly shape: RowShape | null;
}

class ReadsBuilder {
  private readonly props = new Map<string, Set<string>>();
  private readonly out = new Map<string, Set<string>>();
  private readonly in = new Map<string, Set<string>>();
  private readonly edgeProps = new Set<string>();
  private readonly followed = new Set<string>();
  private depth = 0;
  /** Set when a field is not listed: its parent's rows must be whole. */
  private whole = false;

  private readonly collecting: Collecting;

  /** The variables the walk looked up (an `@include(if: $x)`): none means the reads are the document's alone. */
  readonly variablesRead = new Set<string>();

  constructor(
    private readonly schema: GraphQLSchema,
    info: GraphQLResolveInfo,
  ) {
    this.collecting = { schema, fragments: info.fragments, variables: readingVariables(info.variableValues, this.variablesRead) };
  }

  /** Adds what `sets`, selected on `types` at `hops` relationships below the root, reads (collectFields.ts). */
  walk(sets: readonly SelectionSetNode[], types: readonly GraphQLObjectType[], hops: number): void {
    if (!sets.length) return;
    for (const type of types) {
      for (const nodes of collectFields(this.collecting, type, sets).values()) {
        const name = nodes[0].name.value;
        if (name !== '__typename') this.field(type, name, subSelections(nodes), hops);
      }
    }
  }

  private field(type: GraphQLObjectType, name: string, sets: readonly SelectionSetNode[], hops: number): void {
    const reads = readsOf(type.getFields()[name]);
    if (!reads) {
      this.whole = true;
      return;
    }
    const kind = ROW_KIND[type.name];
    if (kind) {
      for (const p of reads.props ?? []) add(this.props, kind, p);
      for (const t of reads.out ?? []) add(this.out, kind, t);
      for (const t of reads.in ?? []) add(this.in, kind, t);
    } else if (reads.props || reads.out || reads.in) {
      throw new Error(`rowShape: ${type.name}.${name} reads a row, but ${type.name} has no row kind`);
    }
    for (const t of reads.edgeProps ?? []) this.edgeProps.add(t);
    // A field reached over an outgoing relationship is one hop further; a wrapper's node (a
    // Statement's source) is at its wrapper's hop.
    const next = reads.out ? hops + 1 : hops;
    if (reads.out && next <= MAX_PREFETCH_DEPTH) {
      for (const t of reads.out) this.followed.add(t);
      this.depth = Math.max(this.depth, next);
    }
    if (!reads.own) this.walk(sets, objectTypesOf(this.schema, getNamedType(type.getFields()[name].type)), next);
  }

  reads(): SelectionReads {
    const plain = (m: Map<string, Set<string>>) => Object.fromEntries([...m].map(([k, v]) => [k, [...v].sort()]));
    return {
      types: [...this.followed].sort(),
      depth: Math.max(1, this.depth),
      shape: this.whole ? null : { props: plain(this.props), out: plain(this.out), in: plain(this.in), edgeProps: [...this.edgeProps].sort() },
    };
  }
}

function add(map: Map<string, Set<string>>, kind: string, value: string): void {
  let set = map.get(kind);
  if (!set) map.set(kind, (set = new Set()));
  set.add(value);
}

/**
 * Reads that depend on the document alone (their walk looked up no variable), by the field's
 * first node. Apollo's document store hands every request of one query the same parsed nodes, so
 * one walk serves them all: a page of claims walked its selection on every request (about 25 µs
 * of W2's). The schema, return type and the whole group of nodes are checked on a hit; the reads
 * are frozen, since every request of the document shares them.
 */
const documentReads = new WeakMap<FieldNode, { schema: GraphQLSchema; returnType: GraphQLOutputType; nodes: readonly FieldNode[]; reads: SelectionReads }>();

/** What the resolved field's selection reads below it, in one walk of the selection (kept per document). */
export function selectionReads(info: GraphQLResolveInfo): SelectionReads {
  const first = info.fieldNodes[0];
  const known = documentReads.get(first);
  if (known && known.schema === info.schema && known.returnType === info.returnType && sameNodes(known.nodes, info.fieldNodes)) return known.reads;
  const builder = new ReadsBuilder(info.schema, info);
  builder.walk(subSelections(info.fieldNodes), objectTypesOf(info.schema, getNamedType(info.returnType)), 0);
  const reads = builder.reads();
  if (builder.variablesRead.size) return reads;
  const frozen = deepFreeze(reads);
  documentReads.set(first, { schema: info.schema, returnType: info.returnType, nodes: [...info.fieldNodes], reads: frozen });
  return frozen;
}

const sameNodes = (a: readonly FieldNode[], b: readonly FieldNode[]) => a.length === b.length && a.every((n, i) => n === b[i]);

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/**
 * What the resolved field's selection reads of every row below it, or null when it selects a
 * field that does not state its reads (then whole rows are read, as without a shape).
 */
export function rowShape(info: GraphQLResolveInfo): RowShape | null {
  return selectionReads(info).shape;
}
