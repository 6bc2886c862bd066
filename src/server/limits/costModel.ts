/**
 * What a request costs, before it runs: graphql-query-complexity walks the operation with the
 * variables bound, and these estimators price each field. One point is roughly one millisecond
 * of database work on the 100,000-claim benchmark graph (README, "Limits"):
 * - a field returning objects costs 1 (its node is loaded, batched with its siblings);
 * - a list with `first` / `limit` costs that many times what one item costs, plus 2 for the page;
 * - other lists (a claim's regions, a source's derivations) count as 5 items;
 * - the provenance answers cost what they measured: sourceChain 20, corroboration 25,
 *   crossReference 40 per organization, timeline 20, graph 10 + limit × depth / 20;
 * - search costs 5 plus its `first`; nodes(ids) one per id; ingest 10 plus one per 20 claims.
 * Scalars are free: the row they come from is already paid for.
 */
import {
  getArgumentValues,
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

interface EstimatorArgs {
  type: GraphQLNamedType;
  field: GraphQLField<unknown, unknown>;
  args: Record<string, any>;
  childComplexity: number;
}

/** Fixed weights of the root fields whose work does not follow their selection. */
export const ROOT_WEIGHTS: Record<string, (args: Record<string, any>) => number> = {
  sourceChain: (a) => 20 + 2 * Math.max(0, (a.maxDepth ?? 6) - 6),
  corroboration: () => 25,
  crossReference: (a) => 40 * Math.max(2, Array.isArray(a.organizationIds) ? a.organizationIds.length : 2),
  timeline: () => 20,
  graph: (a) => 10 + Math.ceil(((a.limit ?? 200) * (a.depth ?? 1)) / 20) + (Array.isArray(a.seeds) ? a.seeds.length : 1),
  search: (a) => 5 + (a.first ?? 10),
  nodes: (a) => (Array.isArray(a.ids) ? a.ids.length : 1),
  ingest: (a) => 10 + Math.ceil((Array.isArray(a.document?.claims) ? a.document.claims.length : 0) / 20),
};

/** A list field without a page size is assumed to hold this many items. */
const UNPAGED_LIST_ITEMS = 5;

const estimator = ({ type, field, args, childComplexity }: EstimatorArgs): number => {
  // A connection's edges are its page: the connection field already multiplied by `first`.
  if (field.name === 'edges' && type.name.endsWith('Connection')) return childComplexity;
  const own = (type.name === 'Query' || type.name === 'Mutation') && ROOT_WEIGHTS[field.name] ? ROOT_WEIGHTS[field.name](args) : 0;
  const returns = getNullableType(field.type);
  const composite = isCompositeType(getNamedType(field.type));
  const pageSize = typeof args.first === 'number' ? args.first : typeof args.limit === 'number' ? args.limit : undefined;
  if (pageSize !== undefined && field.name !== 'graph' && field.name !== 'search') {
    // A connection or a paged list: each item costs what its selection costs.
    return own + 2 + Math.max(1, pageSize) * Math.max(1, childComplexity);
  }
  if (isListType(returns) && composite) return own + UNPAGED_LIST_ITEMS * Math.max(1, childComplexity);
  return own + (composite ? 1 : 0) + childComplexity;
};

/**
 * The estimate of one operation: fields are priced bottom-up; each named fragment is priced once
 * per type it is spread on and reused, so a fragment fan-out costs linear time to price (and is
 * priced at its full, exponential weight: it is refused, not run).
 */
export function requestCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | undefined, operationName: string | undefined): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  let operation: OperationDefinitionNode | undefined;
  for (const def of document.definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
    else if (def.kind === Kind.OPERATION_DEFINITION && (!operationName || def.name?.value === operationName)) operation ??= def;
  }
  if (!operation) return 0;
  const memo = new Map<string, number>();
  const vars = variables ?? {};

  const priceSet = (set: SelectionSetNode, parent: GraphQLNamedType): number => {
    let total = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.INLINE_FRAGMENT) {
        const on = sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : parent;
        total += on ? priceSet(sel.selectionSet, on) : 0;
      } else if (sel.kind === Kind.FRAGMENT_SPREAD) {
        const frag = fragments.get(sel.name.value);
        const on = frag && schema.getType(frag.typeCondition.name.value);
        if (!frag || !on) continue;
        const key = `${frag.name.value}@${on.name}`;
        let price = memo.get(key);
        if (price === undefined) memo.set(key, (price = priceSet(frag.selectionSet, on)));
        total += price;
      } else {
        if (sel.name.value.startsWith('__')) {
          total += sel.selectionSet ? 1 : 0; // introspection: served from memory
          continue;
        }
        const field = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[sel.name.value] : undefined;
        if (!field) continue;
        let args: Record<string, any> = {};
        try {
          args = getArgumentValues(field, sel, vars);
        } catch {
          // invalid arguments fail in execution with their own error; price with the defaults
        }
        const childComplexity = sel.selectionSet ? priceSet(sel.selectionSet, getNamedType(field.type)) : 0;
        total += estimator({ type: parent, field: field as GraphQLField<unknown, unknown>, args, childComplexity });
      }
    }
    return total;
  };
  const root = operation.operation === 'mutation' ? schema.getMutationType() : operation.operation === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType();
  return root ? priceSet(operation.selectionSet, root) : 0;
}

/**
 * What a request actually cost, from its answer: one point per object returned (each was loaded)
 * plus the fixed weight of each provenance root field that answered. Never above the estimate.
 */
export function actualCost(data: unknown, rootArgs: Map<string, Record<string, any>>, requested: number): number {
  let objects = 0;
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      objects += 1;
      for (const x of Object.values(v)) if (x && typeof x === 'object') walk(x);
    }
  };
  let fixed = 0;
  if (data && typeof data === 'object') {
    for (const [key, value] of Object.entries(data)) {
      const field = rootArgs.get(key);
      if (value !== null && field && ROOT_WEIGHTS[field.name]) fixed += ROOT_WEIGHTS[field.name](field.args);
      walk(value);
    }
  }
  return Math.min(requested, fixed + objects);
}
