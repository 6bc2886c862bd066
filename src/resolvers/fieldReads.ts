/**
 * What a field's resolver reads of its parent's row, stated next to the resolver (each domain
 * file's `…Reads` table, as the neo4j/graphql library keeps a field's projection on the field)
 * and carried on the schema's field as `extensions.reads` (schema.ts puts it there): the row-shape
 * walk (rowShape.ts) reads it off the field it reaches. A field that states nothing gets whole rows.
 */
import type { GraphQLField, GraphQLSchema } from 'graphql';
import { isObjectType } from 'graphql';

/** What one field's resolver reads of its parent's row (or of the edge its wrapper came from). */
export interface Reads {
  props?: string[];
  out?: string[];
  in?: string[];
  /** Relationship types whose properties it reads. */
  edgeProps?: string[];
  /** It runs its own query from the parent's id: its selection is not part of this shape. */
  own?: true;
}

/** Per GraphQL type, per field: what its resolver reads. */
export type FieldReadsTable = Record<string, Record<string, Reads>>;

export const props = (...names: string[]): Reads => ({ props: names });
export const none: Reads = {};
export const own: Reads = { own: true };
export const out = (...types: string[]): Reads => ({ out: types });
export const inbound = (...types: string[]): Reads => ({ in: types });
export const edgeProps = (...types: string[]): Reads => ({ edgeProps: types });

/** What a schema field's resolver reads, if it says. */
export const readsOf = (field: GraphQLField<unknown, unknown> | undefined): Reads | undefined => field?.extensions?.reads as Reads | undefined;

/** Every field's reads in a schema, as one table (for tests and for reading it all at once). */
export function fieldReadsOf(schema: GraphQLSchema): FieldReadsTable {
  const table: FieldReadsTable = {};
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const [name, field] of Object.entries(type.getFields())) {
      const reads = readsOf(field);
      if (reads) (table[type.name] ??= {})[name] = reads;
    }
  }
  return table;
}
