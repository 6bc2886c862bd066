/**
 * What a request costs: estimated before it runs (the operation walked with its variables coerced
 * as graphql-js coerces them, defaults included), and measured after (actualCost.ts: the same
 * walk over the answer, each list at its real length). A point is one object in the answer (each was loaded or
 * computed), or the fixed weight of a provenance answer (roughly a millisecond of database work
 * each on the 100,000-claim benchmark graph; README, "Limits"):
 * - a field returning an object costs 1; a connection or a list with `first` / `limit` costs that
 *   many times one item, plus 2 for the page (`first: null` is the page it serves: its default);
 * - other lists cost their real bound where one exists (`nodes(ids)`: the ids; `search`: `first`;
 *   a graph view's nodes and edges: its `limit`), else the size they typically hold (LIST_ITEMS);
 * - introspection is served from memory: one point per INTROSPECTION_OBJECTS_PER_POINT objects;
 * - the provenance answers cost what they measured (ROOT_WEIGHTS), and crossReference also what
 *   its comparisons cost once their number is known (RequestWork, charged after).
 * Scalars are free: the row they come from is already paid for.
 */
import {
  getArgumentValues,
  getNamedType,
  getNullableType,
  getVariableValues,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isListType,
  isObjectType,
  isInterfaceType,
  isUnionType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLError,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { collectFields, objectTypesOf, subSelections, type Collecting } from '../../resolvers/collectFields.js';
import { readingArgs, readingVariables, variablesIn } from '../../resolvers/variableReads.js';

/** Arguments and variables as graphql-js coerces them: their types are the schema's, not TypeScript's. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Args = Record<string, any>;

/** Fixed weights of the root fields whose work does not follow their selection. */
export const ROOT_WEIGHTS: Record<string, (args: Args) => number> = {
  sourceChain: (a) => 20 + 2 * Math.max(0, (a.maxDepth ?? 6) - 6),
  corroboration: () => 25,
  crossReference: (a) => 40 * Math.max(2, Array.isArray(a.organizationIds) ? a.organizationIds.length : 2),
  timeline: () => 20,
  // A source chain to depth 10 and a corroboration.
  claimReview: () => 28 + 25,
  graph: (a) => 10 + Math.ceil(((a.limit ?? 200) * (a.depth ?? 1)) / 20) + (Array.isArray(a.seeds) ? a.seeds.length : 1),
  search: () => 5,
  nodes: () => 0,
  ingest: (a) => 10 + Math.ceil((Array.isArray(a.document?.claims) ? a.document.claims.length : 0) / 25),
  // Reading an article: about 2 points per 1,000 characters of CPU in a worker, plus its dry run.
  draft: (a) => 20 + 2 * Math.ceil((typeof a.input?.text === 'string' ? a.input.text.length : 0) / 1000),
  // The same reads and checks as ingest, without the writes.
  validate: (a) => 10 + Math.ceil((Array.isArray(a.document?.claims) ? a.document.claims.length : 0) / 25),
};

/**
 * Items assumed for a list without a page size or a bound in its arguments: what such lists
 * hold on real data (a claim names one to three regions; a timeline of one measure in one region
 * holds tens of points, at most 1,000). A request whose lists hold more is charged what they held.
 */
const LIST_ITEMS: Record<string, number> = {
  'Query.timeline': 50,
  'Corroboration.comparisons': 10,
  'CrossReference.agreements': 25,
  'CrossReference.conflicts': 25,
  'SourceChain.paths': 3,
};
const DEFAULT_LIST_ITEMS = 3;
/** A graph view without a `limit` of its own (a chain's, a cross-reference's) holds about this many nodes. */
const NESTED_GRAPH_ITEMS = 10;

/** Introspection answers come from the schema in memory: this many of their objects make a point. */
export const INTROSPECTION_OBJECTS_PER_POINT = 50;

/** Bounds that hold for the fields below one list: a graph view's `limit`. */
interface Scope {
  graphLimit?: number;
}

/** A numeric argument as the service reads it: `null` and absent are the schema's default. */
function sizeArg(field: GraphQLField<unknown, unknown>, args: Args, name: string): number | undefined {
  const v = args[name] ?? field.args.find((a) => a.name === name)?.defaultValue;
  return typeof v === 'number' && Number.isFinite(v) ? Math.max(0, v) : undefined;
}

/** Page size of a paged field (connection or `limit` list); graph's limit prices its view instead. */
export function pageSize(field: GraphQLField<unknown, unknown>, args: Args): number | undefined {
  if (field.name === 'graph' || field.name === 'search') return undefined;
  return sizeArg(field, args, 'first') ?? sizeArg(field, args, 'limit');
}

/** Items a list field is priced at, before it runs. */
function listItems(parent: GraphQLNamedType, field: GraphQLField<unknown, unknown>, args: Args, scope: Scope): number {
  if (parent.name === 'Query' && field.name === 'nodes') return Array.isArray(args.ids) ? args.ids.length : 1;
  if (parent.name === 'Query' && field.name === 'search') return sizeArg(field, args, 'first') ?? 10;
  if (parent.name === 'GraphView') return scope.graphLimit ?? NESTED_GRAPH_ITEMS;
  return LIST_ITEMS[`${parent.name}.${field.name}`] ?? DEFAULT_LIST_ITEMS;
}

/** Variables coerced as graphql-js will (defaults applied, types checked), or the errors it will raise. */
export function coerceVariables(schema: GraphQLSchema, operation: OperationDefinitionNode, raw: Record<string, unknown> | undefined): { coerced: Args } | { errors: readonly GraphQLError[] } {
  return getVariableValues(schema, operation.variableDefinitions ?? [], raw ?? {}, { maxErrors: 5 });
}

/** The operation a request runs, and its named fragments. */
export function operationOf(document: DocumentNode, operationName: string | undefined): { operation?: OperationDefinitionNode; fragments: Map<string, FragmentDefinitionNode> } {
  const fragments = new Map<string, FragmentDefinitionNode>();
  let operation: OperationDefinitionNode | undefined;
  for (const def of document.definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
    else if (def.kind === Kind.OPERATION_DEFINITION && (!operationName || def.name?.value === operationName)) operation ??= def;
  }
  return { operation, fragments };
}

export function rootType(schema: GraphQLSchema, operation: OperationDefinitionNode) {
  return operation.operation === 'mutation' ? schema.getMutationType() : operation.operation === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType();
}

export function fieldOf(parent: GraphQLNamedType, name: string): GraphQLField<unknown, unknown> | undefined {
  return isObjectType(parent) || isInterfaceType(parent) ? (parent.getFields()[name] as GraphQLField<unknown, unknown> | undefined) : undefined;
}

/**
 * The estimate of one operation, with coerced variables: fields are priced bottom-up, as
 * graphql-js will execute them (collectFields.ts: fragments by type condition, a response key
 * once, nothing `@skip`/`@include` drops); a value of an abstract type costs what its dearest
 * object type's selection costs. Each selection is priced once per type and scope it appears in
 * and reused, so a fragment fan-out costs linear time to price (and is priced at its full,
 * exponential weight: it is refused, not run).
 */
export function requestCost(schema: GraphQLSchema, document: DocumentNode, variables: Args, operationName: string | undefined, reads?: Set<string>): number {
  const { operation, fragments } = operationOf(document, operationName);
  if (!operation) return 0;
  // `reads` collects the variables the figure depends on (resolvers/variableReads.ts, for costCache.ts).
  const collecting: Collecting = { schema, fragments: Object.fromEntries(fragments), variables: reads ? readingVariables(variables, reads) : variables };
  const introspection = introspectionSizes(schema);
  const memo = new Map<string, number>();
  // Selections priced are named by their AST nodes: a fragment's are the same wherever it is spread.
  const setIds = new Map<SelectionSetNode, number>();
  const idOf = (set: SelectionSetNode) => {
    let id = setIds.get(set);
    if (id === undefined) setIds.set(set, (id = setIds.size));
    return id;
  };

  const priceFields = (sets: readonly SelectionSetNode[], parent: GraphQLObjectType, scope: Scope): number => {
    let total = 0;
    for (const nodes of collectFields(collecting, parent, sets).values()) {
      const node = nodes[0];
      const name = node.name.value;
      if (name === '__schema' || name === '__type') {
        total += 1 + Math.ceil(introspectionObjects(node.selectionSet, introspection, fragments) / INTROSPECTION_OBJECTS_PER_POINT);
        continue;
      }
      const field = fieldOf(parent, name);
      if (!field) continue;
      let args: Args = {};
      try {
        args = getArgumentValues(field, node, variables);
        if (reads) args = readingArgs(args, node, reads);
      } catch {
        // invalid arguments fail in execution with their own error; price with the defaults. The
        // figure then depends on every variable the arguments name (a null for a list of ids).
        if (reads) for (const arg of node.arguments ?? []) variablesIn(arg.value, reads);
      }
      const inner: Scope = field.name === 'graph' && parent.name === 'Query' ? { graphLimit: sizeArg(field, args, 'limit') } : scope;
      const below = subSelections(nodes);
      const child = below.length ? priceValue(below, getNamedType(field.type), inner) : 0;
      total += fieldPrice(parent, field, args, child, scope);
    }
    return total;
  };
  const priceValue = (sets: readonly SelectionSetNode[], type: GraphQLNamedType, scope: Scope): number => {
    const key = `${type.name}|${scope.graphLimit ?? ''}|${sets.map(idOf).join(',')}`;
    let price = memo.get(key);
    if (price === undefined) {
      price = 0;
      for (const object of objectTypesOf(schema, type)) price = Math.max(price, priceFields(sets, object, scope));
      memo.set(key, price);
    }
    return price;
  };
  const root = rootType(schema, operation);
  return root ? priceFields([operation.selectionSet], root, {}) : 0;
}

/** One field's estimate, given what one of its items' selection costs. */
function fieldPrice(parent: GraphQLNamedType, field: GraphQLField<unknown, unknown>, args: Args, child: number, scope: Scope): number {
  // A connection's edges are its page: the connection field already multiplied by `first`.
  if (field.name === 'edges' && parent.name.endsWith('Connection')) return child;
  const own = isRoot(parent) && Object.hasOwn(ROOT_WEIGHTS, field.name) ? ROOT_WEIGHTS[field.name](args) : 0;
  const composite = isCompositeType(getNamedType(field.type));
  const page = pageSize(field, args);
  if (page !== undefined) return own + 2 + Math.max(1, page) * Math.max(1, child);
  if (isListType(getNullableType(field.type)) && composite) return own + listItems(parent, field, args, scope) * Math.max(1, child);
  return own + (composite ? 1 : 0) + child;
}

export const isRoot = (t: GraphQLNamedType) => t.name === 'Query' || t.name === 'Mutation';

/** How many objects each introspection list holds on average in this schema. */
interface IntrospectionSizes {
  types: number;
  perList: Record<string, number>;
}

/**
 * A type reference's `ofType` chain is selected eight deep by GraphiQL but ends after one or two
 * wrappers (`[Claim!]!`): each level is priced as this likely to hold an object.
 */
const OF_TYPE_ODDS = 0.45;

const sizesOf = new WeakMap<GraphQLSchema, IntrospectionSizes>();

function introspectionSizes(schema: GraphQLSchema): IntrospectionSizes {
  let s = sizesOf.get(schema);
  if (s) return s;
  const types = Object.values(schema.getTypeMap());
  let fields = 0;
  let args = 0;
  let enumValues = 0;
  let inputFields = 0;
  let interfaces = 0;
  let possible = 0;
  for (const t of types) {
    if (isObjectType(t) || isInterfaceType(t)) {
      const fs = Object.values(t.getFields());
      fields += fs.length;
      args += fs.reduce((n, f) => n + f.args.length, 0);
      interfaces += t.getInterfaces().length;
    }
    if (isInterfaceType(t) || isUnionType(t)) possible += schema.getPossibleTypes(t).length;
    if (isEnumType(t)) enumValues += t.getValues().length;
    if (isInputObjectType(t)) inputFields += Object.keys(t.getFields()).length;
  }
  const per = (n: number) => Math.max(1, Math.ceil(n / types.length));
  s = {
    types: types.length,
    perList: {
      fields: per(fields),
      args: Math.max(1, Math.ceil(args / Math.max(1, fields))),
      enumValues: per(enumValues),
      inputFields: per(inputFields),
      interfaces: per(interfaces),
      possibleTypes: per(possible),
      directives: schema.getDirectives().length,
      locations: 3,
      ofType: OF_TYPE_ODDS,
    },
  };
  sizesOf.set(schema, s);
  return s;
}

/** Objects an introspection selection answers with (every list at its average size in this schema). */
function introspectionObjects(set: SelectionSetNode | undefined, sizes: IntrospectionSizes, fragments: Map<string, FragmentDefinitionNode>, seen = new Set<string>()): number {
  if (!set) return 0;
  let total = 0;
  for (const sel of set.selections) {
    if (sel.kind === Kind.INLINE_FRAGMENT) total += introspectionObjects(sel.selectionSet, sizes, fragments, seen);
    else if (sel.kind === Kind.FRAGMENT_SPREAD) {
      const frag = fragments.get(sel.name.value);
      if (frag && !seen.has(frag.name.value)) total += introspectionObjects(frag.selectionSet, sizes, fragments, new Set([...seen, frag.name.value]));
    } else if (sel.selectionSet) {
      const name = sel.name.value;
      const items = name === 'types' ? sizes.types : (sizes.perList[name] ?? 1);
      total += items * (1 + introspectionObjects(sel.selectionSet, sizes, fragments, seen));
    }
  }
  return total;
}
