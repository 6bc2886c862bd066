/**
 * The public contract documents itself: every type, field, input field and enum value has a
 * description, and fields that hold a fixed set of values are enums.
 */
import { buildSchema, getNamedType, isEnumType, isInputObjectType, isInterfaceType, isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadTypeDefs } from '../src/schema.js';

const schema = buildSchema(loadTypeDefs());

describe('schema', () => {
  it('describes every type, field, input field and enum value', () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) if (!field.description) missing.push(`${type.name}.${field.name}`);
      }
      if (isEnumType(type)) for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
    }
    expect(missing).toEqual([]);
  });

  it('types fixed value sets as enums', () => {
    const typeOf = (path: string) => {
      const [typeName, field, arg] = path.split('.');
      const type = schema.getType(typeName);
      if (!isObjectType(type)) throw new Error(`${typeName} is not an object type`);
      const f = type.getFields()[field];
      return getNamedType(arg ? f.args.find((a) => a.name === arg)!.type : f.type).name;
    };
    const notEnums = [
      'GraphEdge.type',
      'Query.graph.edgeTypes',
      'ProvenanceStep.relation',
      'ProvenanceStep.kind',
      'ProvenancePath.ending',
      'Comparison.allenRelation',
      'Comparison.verdict',
      'ClaimPair.allenRelation',
      'Source.publishedAtPrecision',
      'Source.kind',
      'GraphNode.kind',
      'Quantity.bound',
      'Quantity.aggregation',
      'Quantity.per',
    ].filter((p) => !isEnumType(schema.getType(typeOf(p))));
    expect(notEnums).toEqual([]);
  });

  it('makes by-id and provenance answers nullable, so an unknown id nulls its field only', () => {
    const query = schema.getQueryType()!.getFields();
    const nonNull = ['node', 'claim', 'source', 'organization', 'person', 'region', 'measure', 'sourceChain', 'corroboration', 'crossReference', 'timeline'].filter((f) =>
      query[f].type.toString().endsWith('!'),
    );
    expect(nonNull).toEqual([]);
  });
});
