/**
 * Whether a query selects a nested field, e.g. `nodes.properties` under `graph`, so a service can
 * skip loading what nobody asked for (a graph view's node properties cost more to fetch and decode
 * than the rest of the view). Follows inline fragments and named fragment spreads, and leaves out
 * what `@skip`/`@include` drop.
 */
import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import { isIncluded } from './included.js';

/** Whether the resolved field's selection reaches `path` (field names, outermost first). */
export function selectsPath(info: GraphQLResolveInfo, path: readonly string[]): boolean {
  return selectedFields(info, path.slice(0, -1)).has(path[path.length - 1]);
}

function collect(set: SelectionSetNode | undefined, path: readonly string[], info: GraphQLResolveInfo, out: Set<string>): void {
  if (!set) return;
  for (const sel of set.selections) {
    if (!isIncluded(sel, info.variableValues)) continue;
    if (sel.kind === 'Field') {
      if (path.length === 0) out.add(sel.name.value);
      else if (sel.name.value === path[0]) collect(sel.selectionSet, path.slice(1), info, out);
    } else if (sel.kind === 'InlineFragment') {
      collect(sel.selectionSet, path, info, out);
    } else {
      const fragment = info.fragments[sel.name.value];
      if (fragment) collect(fragment.selectionSet, path, info, out);
    }
  }
}

/** The field names selected at `path` under the resolved field, across every occurrence and fragment. */
export function selectedFields(info: GraphQLResolveInfo, path: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const node of info.fieldNodes) collect(node.selectionSet, path, info, out);
  return out;
}
