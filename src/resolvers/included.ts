/**
 * Whether a selection takes part in execution: `@skip(if: true)` and `@include(if: false)` drop it,
 * with variables, exactly as graphql-js decides (its own getDirectiveValues). The cost model, the
 * look-ahead and the row shape walk selections without executing them; a skipped field must cost
 * nothing and prefetch nothing there too, or a client pays for (and the database reads) what the
 * answer does not hold.
 */
import { getDirectiveValues, GraphQLIncludeDirective, GraphQLSkipDirective, type FieldNode, type FragmentSpreadNode, type InlineFragmentNode } from 'graphql';

export function isIncluded(node: FieldNode | FragmentSpreadNode | InlineFragmentNode, variables: Record<string, unknown> | undefined): boolean {
  if (!node.directives?.length) return true;
  try {
    if (getDirectiveValues(GraphQLSkipDirective, node, variables)?.if === true) return false;
    if (getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if === false) return false;
  } catch {
    // A directive whose argument cannot be coerced fails validation or execution with its own error.
  }
  return true;
}
