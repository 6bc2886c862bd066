/**
 * Shape limits, checked while the document is parsed and validated, before any resolver or
 * database work: tokens (graphql-js's parser), depth, aliases and directives (graphql-armor). Its
 * depth rule measures each fragment once, so a fragment fan-out validates in linear time. Each
 * rejection carries a code and, in `extensions.limit`, which limit and its maximum.
 */
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type ValidationContext } from 'graphql';
import type { Metrics } from '../metrics.js';

export const SHAPE_LIMITS = {
  /** Nesting of fields (claims → sources → claims …), fragments counted where they are spread. */
  depth: 12,
  /** Aliased fields per operation: each alias runs its field again. */
  aliases: 15,
  /** Lexical tokens per document. */
  tokens: 5_000,
  /** Directives per operation. */
  directives: 50,
};

/** Reports a rejection through the validation context (a 400 with our extensions), not a throw (a 500). */
function reporter(kind: keyof typeof SHAPE_LIMITS, metrics: Metrics | undefined) {
  return (ctx: ValidationContext | null, error: GraphQLError) => {
    metrics?.rejections.inc({ kind });
    ctx?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: { kind, max: SHAPE_LIMITS[kind] } } }));
  };
}

export function armor(metrics?: Metrics) {
  const common = (kind: keyof typeof SHAPE_LIMITS) => ({ n: SHAPE_LIMITS[kind], exposeLimits: true, propagateOnRejection: false, onReject: [reporter(kind, metrics)] });
  return new ApolloArmor({
    maxDepth: { ...common('depth'), ignoreIntrospection: true, flattenFragments: false },
    maxAliases: { ...common('aliases'), allowList: [] },
    maxDirectives: common('directives'),
    // Tokens are limited by graphql-js's own parser (Apollo's parseOptions.maxTokens): armor's token
    // plugin throws from a plugin hook, which turns every syntax error into an HTTP 500.
    maxTokens: { enabled: false },
    // Cost is priced by this API's own model (costModel.ts), with arguments bound.
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  }).protect();
}
