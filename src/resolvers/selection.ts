/**
 * Whether a query selects a nested field, e.g. `nodes.properties` under `graph`, so a service can
 * skip loading what nobody asked for (a graph view's node properties cost more to fetch and decode
 * than the rest of the view). Reads the selection as graphql-js would execute it (collectFields.ts):
 * fragments by their type conditions, and nothing `@skip`/`@include` drop.
 */
import { getNamedType, type GraphQLObjectType, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import { collectFields, objectTypesOf, subSelections, type Collecting } from './collectFields.js';

/** Whether the resolved field's selection reaches `path` (field names, outermost first). */
export function selectsPath(info: GraphQLResolveInfo, path: readonly string[]): boolean {
  return selectedFields(info, path.slice(0, -1)).has(path[path.length - 1]);
}

/** The field names selected at `path` under the resolved field, across every occurrence and fragment. */
export function selectedFields(info: GraphQLResolveInfo, path: readonly string[]): Set<string> {
  const c: Collecting = { schema: info.schema, fragments: info.fragments, variables: info.variableValues };
  let level: { type: GraphQLObjectType; sets: SelectionSetNode[] }[] = objectTypesOf(info.schema, getNamedType(info.returnType)).map((type) => ({ type, sets: subSelections(info.fieldNodes) }));
  for (const name of path) {
    level = level.flatMap(({ type, sets }) => {
      const nodes = [...collectFields(c, type, sets).values()].flat().filter((n) => n.name.value === name);
      const field = type.getFields()[name];
      if (!nodes.length || !field) return [];
      return objectTypesOf(info.schema, getNamedType(field.type)).map((t) => ({ type: t, sets: subSelections(nodes) }));
    });
  }
  const out = new Set<string>();
  for (const { type, sets } of level) for (const nodes of collectFields(c, type, sets).values()) out.add(nodes[0].name.value);
  return out;
}
