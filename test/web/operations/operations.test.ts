/**
 * The explorer's operations are checked against the schema when they are compiled: the named
 * documents in web/src/operations/ generate against schema/ as it is, and a schema with a field
 * renamed that one of them reads fails generation, naming the field (so CI's codegen and the
 * explorer's typecheck fail too).
 */
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import { loadTypeDefs } from '../../../src/schema.js';

const compile = (schema: string) =>
  generate({ schema, documents: 'web/src/operations/*.graphql', silent: true, generates: { 'operations.ts': { plugins: ['typescript', 'typescript-operations'] } } }, false);

describe("the explorer's operations", () => {
  it('compile against the schema', async () => {
    const [out] = await compile(loadTypeDefs());
    expect(out.content).toContain('export type NeighbourhoodQuery');
  });

  it('no longer compile when a field they read is renamed', async () => {
    const renamed = loadTypeDefs().replace('hiddenNeighbours: Int!', 'hiddenNeighbourCount: Int!');
    await expect(compile(renamed)).rejects.toThrow(/hiddenNeighbours/);
  });
});
