/**
 * One field collector for the walks that read a selection without executing it (the row shape
 * and look-ahead in rowShape.ts, selectsPath in selection.ts), with graphql-js's collectFields
 * semantics: the fields a selection selects on one object type, by response key, through inline
 * fragments and fragment spreads whose type condition the type satisfies, each named fragment
 * once per collection, and nothing `@skip`/`@include` drops. (graphql-js's own is internal API.)
 */
import {
  isAbstractType,
  isObjectType,
  Kind,
  typeFromAST,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type NamedTypeNode,
  type SelectionSetNode,
} from 'graphql';
import { isIncluded } from './included.js';

/** What a collection reads besides the selection: the schema, the document's fragments, the variables. */
export interface Collecting {
  schema: GraphQLSchema;
  fragments: Readonly<Record<string, FragmentDefinitionNode>>;
  variables: Readonly<Record<string, unknown>>;
}

/** Whether a fragment with this type condition applies to a value of `type`. */
function applies(c: Collecting, condition: NamedTypeNode | undefined, type: GraphQLObjectType): boolean {
  if (!condition) return true;
  const on = typeFromAST(c.schema, condition);
  if (on === type) return true;
  return !!on && isAbstractType(on) && c.schema.isSubType(on, type);
}

/** The fields `sets` select on a value of `type`, grouped by response key, in selection order. */
export function collectFields(c: Collecting, type: GraphQLObjectType, sets: readonly SelectionSetNode[]): Map<string, FieldNode[]> {
  const fields = new Map<string, FieldNode[]>();
  const visited = new Set<string>();
  const visit = (set: SelectionSetNode) => {
    for (const sel of set.selections) {
      if (!isIncluded(sel, c.variables)) continue;
      if (sel.kind === Kind.FIELD) {
        const key = sel.alias?.value ?? sel.name.value;
        const group = fields.get(key);
        if (group) group.push(sel);
        else fields.set(key, [sel]);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        if (applies(c, sel.typeCondition, type)) visit(sel.selectionSet);
      } else {
        const name = sel.name.value;
        if (visited.has(name)) continue;
        visited.add(name);
        const fragment = c.fragments[name];
        if (fragment && applies(c, fragment.typeCondition, type)) visit(fragment.selectionSet);
      }
    }
  };
  for (const set of sets) visit(set);
  return fields;
}

/** The selection sets under a group of field nodes (what graphql-js's collectSubfields reads). */
export const subSelections = (nodes: readonly FieldNode[]): SelectionSetNode[] => nodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : []));

/** The object types a value of `type` can have. */
export function objectTypesOf(schema: GraphQLSchema, type: GraphQLNamedType): GraphQLObjectType[] {
  if (isObjectType(type)) return [type];
  return isAbstractType(type) ? [...schema.getPossibleTypes(type)] : [];
}
