/**
 * What a request cost, from its answer (the estimate's counterpart in costModel.ts): the charge
 * the limits plugin settles after execution, refunding what the estimate over-asked.
 */
import { getArgumentValues, getNamedType, Kind, type DocumentNode, type FieldNode, type GraphQLField, type GraphQLNamedType, type GraphQLSchema, type SelectionSetNode } from 'graphql';
import { isIncluded } from '../../resolvers/included.js';
import { fieldOf, INTROSPECTION_OBJECTS_PER_POINT, isRoot, operationOf, pageSize, ROOT_WEIGHTS, rootType, type Args } from './costModel.js';

/** What a field's selection node means in the walk: the same for every item of a list. */
interface FieldFacts {
  field: GraphQLField<unknown, unknown>;
  args: Args;
  type: GraphQLNamedType;
  paged: boolean;
  edgesOfPage: boolean;
}

/** Every object in a value (an introspection answer, counted as it is). */
function objectsIn(v: unknown): number {
  if (Array.isArray(v)) return v.reduce((n: number, x) => n + objectsIn(x), 0);
  if (!v || typeof v !== 'object') return 0;
  let n = 1;
  for (const x of Object.values(v)) n += objectsIn(x);
  return n;
}

/**
 * What a request cost, from its answer: the same walk as the estimate over the data it returned,
 * each list at its real length (objects counted once each, a page's 2 points, the fixed weights of
 * provenance answers that answered), so a list that held more than its estimate is charged for it.
 */
export function actualCost(schema: GraphQLSchema, document: DocumentNode, variables: Args, operationName: string | undefined, data: unknown): number {
  const { operation, fragments } = operationOf(document, operationName);
  if (!operation || !data || typeof data !== 'object') return 0;

  // What a field's selection means does not change from one item of a list to the next: its
  // definition, arguments and type are worked out once per selection node, not once per item
  // (a page of 20 claims read each nested field's arguments 20 times). Keyed by the node alone:
  // the walk passes each selection set the type its document declares (a field's named type, a
  // fragment's condition), never an item's runtime type, so a node's parent is always the same.
  const facts = new Map<FieldNode, FieldFacts | null>();
  const factsOf = (sel: FieldNode, parent: GraphQLNamedType): FieldFacts | null => {
    let known = facts.get(sel);
    if (known !== undefined) return known;
    const field = fieldOf(parent, sel.name.value);
    known = null;
    if (field) {
      let args: Args = {};
      try {
        args = getArgumentValues(field, sel, variables);
      } catch {
        // as in the estimate
      }
      // A connection's edges are part of its page; any other list's items are objects of the answer.
      known = { field, args, type: getNamedType(field.type), paged: pageSize(field, args) !== undefined, edgesOfPage: field.name === 'edges' && parent.name.endsWith('Connection') };
    }
    facts.set(sel, known);
    return known;
  };

  // `keys`: the response keys of this object already counted (a field selected both directly and
  // in a fragment is one value in the answer). Fragments cannot cycle: validation refuses that.
  const walkSet = (set: SelectionSetNode, parent: GraphQLNamedType, value: Record<string, unknown>, keys: Set<string>): number => {
    let total = 0;
    for (const sel of set.selections) {
      if (!isIncluded(sel, variables)) continue;
      if (sel.kind === Kind.INLINE_FRAGMENT) {
        const on = sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : parent;
        if (on) total += walkSet(sel.selectionSet, on, value, keys);
      } else if (sel.kind === Kind.FRAGMENT_SPREAD) {
        const frag = fragments.get(sel.name.value);
        const on = frag && schema.getType(frag.typeCondition.name.value);
        if (frag && on) total += walkSet(frag.selectionSet, on, value, keys);
      } else {
        const key = sel.alias?.value ?? sel.name.value;
        if (!Object.hasOwn(value, key) || keys.has(key)) continue;
        keys.add(key);
        const v = value[key];
        if (sel.name.value === '__schema' || sel.name.value === '__type') {
          if (v) total += 1 + Math.ceil(objectsIn(v) / INTROSPECTION_OBJECTS_PER_POINT);
          continue;
        }
        const f = factsOf(sel, parent);
        if (!f || v == null) continue;
        if (isRoot(parent) && Object.hasOwn(ROOT_WEIGHTS, f.field.name)) total += ROOT_WEIGHTS[f.field.name](f.args);
        if (!sel.selectionSet) continue;
        if (f.paged) total += 2;
        else if (!Array.isArray(v) && !f.edgesOfPage) total += 1;
        for (const item of Array.isArray(v) ? v : [v]) {
          if (!item || typeof item !== 'object') continue;
          if (Array.isArray(v) && !f.edgesOfPage) total += 1;
          total += walkSet(sel.selectionSet, f.type, item as Record<string, unknown>, new Set());
        }
      }
    }
    return total;
  };
  const root = rootType(schema, operation);
  return root ? walkSet(operation.selectionSet, root, data as Record<string, unknown>, new Set()) : 0;
}
