/**
 * Operations of a type the schema has no root for (a `subscription` here: the schema defines
 * Query and Mutation only) are refused by validation, as graphql-js 17's KnownOperationTypesRule
 * does. graphql-js 16 lets such a document validate and fails it in execution with an uncoded
 * error ("Schema is not configured to execute subscription operation"), which became an HTTP 200
 * INTERNAL_SERVER_ERROR. Validation is the right stage and GRAPHQL_VALIDATION_FAILED the right
 * code: the document asks for something this schema does not define, like an unknown field, and
 * it is refused (HTTP 400) before any plugin prices or runs it. A rejected document is never put
 * in Apollo's document cache, so the rule sees every such request.
 */
import { GraphQLError, OperationTypeNode, type ASTVisitor, type ValidationContext } from 'graphql';

const OPERATION_TYPES = [OperationTypeNode.QUERY, OperationTypeNode.MUTATION, OperationTypeNode.SUBSCRIPTION];

export function knownOperationTypes(context: ValidationContext): ASTVisitor {
  const schema = context.getSchema();
  const has = (type: OperationTypeNode) => !!schema.getRootType(type);
  return {
    OperationDefinition(node) {
      if (node.operation === OperationTypeNode.SUBSCRIPTION && has(node.operation)) {
        context.reportError(new GraphQLError('Subscriptions are served at /graphql/stream (Server-Sent Events, the graphql-sse protocol), not here.', { nodes: node }));
      } else if (!has(node.operation)) {
        const supported = OPERATION_TYPES.filter(has).join(' and ');
        context.reportError(new GraphQLError(`The ${node.operation} operation is not supported: this schema has ${supported} operations only.`, { nodes: node }));
      }
      // Nothing inside an operation concerns this rule.
      return false;
    },
  };
}
