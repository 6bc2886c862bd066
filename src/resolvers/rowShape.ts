/**
 * What a root field's selection reads below it, in one walk: the outgoing relationships to
 * prefetch with its rows (one round trip instead of one per nesting level), and the partial-row
 * shape, which properties and edges of each kind of node the resolvers under it will read
 * (services/entities/partialRows.ts). Both come from
 * FIELD_READS, which states what each field's resolver reads of its parent's row; a selection
 * reaching any field not listed there gets whole rows (null shape), so a partial row can never
 * lack what a resolver reads. test/resolvers/partialRows.test.ts resolves every listed field
 * both ways and compares.
 */
import { getNamedType, isAbstractType, isObjectType, type GraphQLNamedType, type GraphQLObjectType, type GraphQLResolveInfo, type GraphQLSchema, type SelectionSetNode } from 'graphql';
import type { RowShape } from '../services/entities/entities.js';
import { isIncluded } from './included.js';

/** What one field's resolver reads of its parent's row (or of the edge its wrapper came from). */
interface Reads {
  props?: string[];
  out?: string[];
  in?: string[];
  /** Relationship types whose properties it reads. */
  edgeProps?: string[];
  /** It runs its own query from the parent's id: its selection is not part of this shape. */
  own?: true;
}

const props = (...names: string[]): Reads => ({ props: names });
const none: Reads = {};
const own: Reads = { own: true };

/** The row kind whose row a GraphQL type's resolvers read: Quantity is read off its claim. */
const ROW_KIND: Record<string, string> = {
  Claim: 'Claim',
  Quantity: 'Claim',
  Source: 'Source',
  Organization: 'Organization',
  Person: 'Person',
  Region: 'Region',
  Measure: 'Measure',
  ShareOf: 'Measure',
  Period: 'Period',
};

/** Per GraphQL type, per field: what its resolver reads (src/resolvers/*.ts); keep in step with them. Exported for its test. */
export const FIELD_READS: Record<string, Record<string, Reads>> = {
  Claim: {
    id: none,
    text: props('text'),
    quote: props('quote'),
    quantity: props('bound'),
    measure: { out: ['ABOUT'] },
    period: { out: ['COVERS'] },
    regions: { out: ['IN_REGION'] },
    attributedTo: { out: ['ATTRIBUTED_TO'] },
    statedIn: { out: ['STATED_IN'] },
    basedOn: { out: ['BASED_ON'] },
    confidence: props('confidence'),
    status: { props: ['status'], in: ['SUPERSEDES'] },
    supersedes: { out: ['SUPERSEDES'] },
    supersededBy: { in: ['SUPERSEDES'] },
    statedAt: props('statedAt'),
    recordedAt: props('recordedAt'),
    revisions: own,
    ingestions: own,
  },
  Quantity: {
    value: props('value'),
    low: props('low'),
    high: props('high'),
    unit: props('unit'),
    bound: props('bound'),
    precision: props('precision'),
    effectivePrecision: props('value', 'precision'),
    aggregation: props('aggregation'),
    per: props('per'),
  },
  Statement: { source: none, quote: { edgeProps: ['STATED_IN'] }, statedAt: { edgeProps: ['STATED_IN'] } },
  Source: {
    id: none,
    kind: props('kind'),
    title: props('title'),
    url: props('url'),
    publishedAt: props('publishedAt'),
    publishedAtPrecision: props('publishedAtPrecision'),
    retrievedAt: props('retrievedAt'),
    language: props('language'),
    reliability: props('reliability'),
    publisher: { out: ['PUBLISHED_BY'] },
    authors: { out: ['AUTHORED_BY'] },
    derivedFrom: { out: ['DERIVED_FROM'] },
    derivations: { in: ['DERIVED_FROM'] },
    claims: own,
    ingestions: own,
  },
  SourceDerivation: { source: none, derivedFrom: none, kind: { edgeProps: ['DERIVED_FROM'] } },
  Organization: {
    id: none,
    name: props('name'),
    aliases: props('aliases'),
    kind: props('kind'),
    reliability: props('reliability'),
    partOf: { out: ['PART_OF'] },
    subsidiaries: { in: ['PART_OF'] },
    people: { in: ['ROLE'], edgeProps: ['ROLE'] },
    claims: own,
    publishedSources: own,
  },
  Person: { id: none, name: props('name'), aliases: props('aliases'), roles: { out: ['ROLE'], edgeProps: ['ROLE'] }, claims: own },
  RoleAssignment: { person: none, organization: none, title: { edgeProps: ['ROLE'] }, from: { edgeProps: ['ROLE'] }, to: { edgeProps: ['ROLE'] } },
  Region: {
    id: none,
    name: props('name'),
    aliases: props('aliases'),
    kind: props('kind'),
    code: props('code'),
    areaKm2: props('areaKm2'),
    parent: { out: ['PART_OF'] },
    children: { in: ['PART_OF'] },
    claims: own,
  },
  Measure: { id: none, name: props('name'), unit: props('unit'), description: props('description'), shareOf: props('shareBase'), claims: own },
  ShareOf: { base: props('shareBase'), part: props('sharePart') },
  Period: { id: none, label: props('label'), start: props('start'), end: props('end'), granularity: props('granularity') },
  ClaimConnection: { edges: none, pageInfo: none, totalCount: none },
  ClaimEdge: { cursor: none, node: none },
  PageInfo: { hasNextPage: none, hasPreviousPage: none, startCursor: none, endCursor: none },
};

/** Hops prefetched at most (a three-hop source chain in one round trip). */
const MAX_PREFETCH_DEPTH = 3;

/** What a root field's selection reads below it: the prefetch's hops, and the partial rows' shape. */
export interface SelectionReads {
  /** Outgoing relationship types the selection follows within MAX_PREFETCH_DEPTH hops (prefetched with the rows). */
  types: string[];
  /** How many hops of those types it follows (1..MAX_PREFETCH_DEPTH). */
  depth: number;
  /** What it reads of each row, or null when it reaches a field FIELD_READS does not list (whole rows). */
  shape: RowShape | null;
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

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly info: GraphQLResolveInfo,
  ) {}

  /** Adds what `set`, selected on `types` at `hops` relationships below the root, reads. */
  walk(set: SelectionSetNode | undefined, types: readonly GraphQLObjectType[], hops: number): void {
    if (!set) return;
    for (const sel of set.selections) {
      // A skipped field reads nothing: no prefetch, no property in the shape.
      if (!isIncluded(sel, this.info.variableValues)) continue;
      if (sel.kind === 'Field') {
        if (sel.name.value === '__typename') continue;
        for (const type of types) this.field(type, sel.name.value, sel.selectionSet, hops);
      } else {
        const condition = sel.kind === 'InlineFragment' ? sel.typeCondition?.name.value : this.info.fragments[sel.name.value]?.typeCondition.name.value;
        const inner = sel.kind === 'InlineFragment' ? sel.selectionSet : this.info.fragments[sel.name.value]?.selectionSet;
        const narrowed = condition ? types.filter((t) => this.objectTypes(this.schema.getType(condition)!).includes(t)) : types;
        this.walk(inner, narrowed, hops);
      }
    }
  }

  private field(type: GraphQLObjectType, name: string, set: SelectionSetNode | undefined, hops: number): void {
    const reads = FIELD_READS[type.name]?.[name];
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
    if (set && !reads.own) this.walk(set, this.objectTypes(getNamedType(type.getFields()[name].type)), next);
  }

  /** The object types a value of `type` can have. */
  objectTypes(type: GraphQLNamedType): GraphQLObjectType[] {
    if (isObjectType(type)) return [type];
    return isAbstractType(type) ? [...this.schema.getPossibleTypes(type)] : [];
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

/** What the resolved field's selection reads below it, in one walk of the selection. */
export function selectionReads(info: GraphQLResolveInfo): SelectionReads {
  const builder = new ReadsBuilder(info.schema, info);
  const types = builder.objectTypes(getNamedType(info.returnType));
  for (const node of info.fieldNodes) builder.walk(node.selectionSet, types, 0);
  return builder.reads();
}

/**
 * What the resolved field's selection reads of every row below it, or null when it selects a
 * field FIELD_READS does not list (then whole rows are read, as without a shape).
 */
export function rowShape(info: GraphQLResolveInfo): RowShape | null {
  return selectionReads(info).shape;
}
