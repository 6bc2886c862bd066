/**
 * Whether a query selects a nested field, e.g. `nodes.properties` under `graph`, so a service can
 * skip loading what nobody asked for (a graph view's node properties cost more to fetch and decode
 * than the rest of the view). Follows inline fragments and named fragment spreads.
 */
import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql';

function selects(set: SelectionSetNode | undefined, path: readonly string[], info: GraphQLResolveInfo): boolean {
  if (!set) return false;
  const [head, ...rest] = path;
  for (const sel of set.selections) {
    if (sel.kind === 'Field') {
      if (sel.name.value === head && (rest.length === 0 || selects(sel.selectionSet, rest, info))) return true;
    } else if (sel.kind === 'InlineFragment') {
      if (selects(sel.selectionSet, path, info)) return true;
    } else {
      const fragment = info.fragments[sel.name.value];
      if (fragment && selects(fragment.selectionSet, path, info)) return true;
    }
  }
  return false;
}

/** Whether the resolved field's selection reaches `path` (field names, outermost first). */
export function selectsPath(info: GraphQLResolveInfo, path: readonly string[]): boolean {
  return info.fieldNodes.some((node) => selects(node.selectionSet, path, info));
}
