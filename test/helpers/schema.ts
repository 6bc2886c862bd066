/** Schemas for tests of the selection walks, without a database. */
import type { GraphQLSchema } from 'graphql';
import { executableSchema } from '../../src/resolvers/schema.js';

/**
 * The served schema (each field with what it reads), but with root fields that answer through
 * the test's rootValue or fieldResolver: the walks under test run from a root field's info.
 */
export function walkSchema(typeDefs?: string): GraphQLSchema {
  const schema = executableSchema(typeDefs);
  for (const field of Object.values(schema.getQueryType()!.getFields())) field.resolve = undefined;
  return schema;
}
