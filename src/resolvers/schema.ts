/**
 * The executable schema: the SDL (schema/), the resolvers, and on each field what its resolver
 * reads of its row (fieldReads.ts) for the row-shape walk. A field of an entity kind's type that is
 * named as one of the kind's properties (entity model) and has no resolver of its own resolves to
 * that property, typed as the model stores it, and reads just it: a property added to the model
 * and the SDL answers without a resolver. `id` is the row's own.
 */
import { makeExecutableSchema } from '@graphql-tools/schema';
import { buildSchema, isObjectType, type GraphQLSchema } from 'graphql';
import type { Resolvers } from '../generated/graphql.js';
import { propsOf } from '../model/derived.js';
import type { PropType } from '../model/entityModel.js';
import type { EntityRow } from '../db/rows.js';
import { list, num, str } from '../services/entities/props.js';
import { loadTypeDefs } from '../schema.js';
import { agentReads } from './agent.js';
import { claimReads } from './claim.js';
import { none, props, type FieldReadsTable, type Reads } from './fieldReads.js';
import { historyReads } from './history.js';
import { resolvers } from './index.js';
import { placeReads } from './place.js';
import { provenanceReads } from './provenance.js';
import { ROW_KIND } from './rowShape.js';
import { sourceReads } from './source.js';

type FieldResolver = (row: EntityRow) => unknown;

/** A property as the model types it: a list of strings is never null, the rest null when absent. */
const PROPERTY: Record<PropType, (name: string) => FieldResolver> = {
  string: (name) => (row) => str(row, name),
  date: (name) => (row) => str(row, name),
  datetime: (name) => (row) => str(row, name),
  number: (name) => (row) => num(row, name),
  strings: (name) => (row) => list(row, name),
};

function mergeReads(...tables: FieldReadsTable[]): FieldReadsTable {
  const out: FieldReadsTable = {};
  for (const table of tables) for (const [type, fields] of Object.entries(table)) out[type] = { ...out[type], ...fields };
  return out;
}

/** The resolvers with each field's reads on it, and the property fields' defaults. */
export function withFieldReads(typeDefs: string, given: Resolvers, reads: FieldReadsTable): Record<string, unknown> {
  const out: Record<string, Record<string, unknown>> = { ...(given as Record<string, Record<string, unknown>>) };
  for (const type of Object.values(buildSchema(typeDefs).getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const kind = ROW_KIND[type.name];
    const model = kind ? propsOf(kind) : {};
    const resolvers: Record<string, unknown> = { ...(out[type.name] as Record<string, unknown>) };
    let changed = false;
    for (const name of Object.keys(type.getFields())) {
      let resolve = resolvers[name] as FieldResolver | undefined;
      let fieldReads: Reads | undefined = reads[type.name]?.[name];
      if (kind && !resolve && name === 'id') fieldReads ??= none;
      else if (kind && !resolve && name in model) {
        resolve = PROPERTY[model[name]](name);
        fieldReads ??= props(name);
      }
      if (!fieldReads && resolve === resolvers[name]) continue;
      if (fieldReads && typeof resolve === 'object') throw new Error(`${type.name}.${name}: a resolver object cannot also state its reads here`);
      resolvers[name] = fieldReads ? { ...(resolve ? { resolve } : {}), extensions: { reads: fieldReads } } : resolve;
      changed = true;
    }
    if (changed) out[type.name] = resolvers;
  }
  return out;
}

export const FIELD_READS_TABLES = mergeReads(claimReads, sourceReads, agentReads, placeReads, historyReads, provenanceReads);

/** The schema Apollo serves (and tests execute against; `typeDefs` may extend the SDL). */
export function executableSchema(typeDefs: string = loadTypeDefs()): GraphQLSchema {
  return makeExecutableSchema({ typeDefs, resolvers: withFieldReads(typeDefs, resolvers, FIELD_READS_TABLES) as never });
}
