/**
 * schema/ingest.schema.json is the ingest format's one description (bin/ingestInputs.mjs generates the GraphQL
 * inputs from it): it matches the GraphQL input
 * IngestDocument field by field (names, required, lists, enums, scalars), every example in
 * data/examples/ and the seed conform to it, and a rejected document reports all its problems —
 * shape, meaning and references — in one round.
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, getNamedType, isEnumType, isInputObjectType, isListType, isNonNullType, type GraphQLInputType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDocuments } from '../../../src/cli/readDocuments.js';
import { loadTypeDefs } from '../../../src/schema.js';
import { bulkImport } from '../../../src/services/ingest/bulkImport.js';
import { checkShape, INGEST_SCHEMA_PATH } from '../../../src/services/ingest/documentSchema.js';
import { Problems } from '../../../src/services/ingest/problems.js';
import { validateDocument } from '../../../src/services/ingest/validateDocument.js';
import { FIXTURES, resetGraph, SEED_FILE } from '../../helpers/graph.js';
import { createTestApp, type TestApp } from '../../helpers/testApp.js';

type Json = Record<string, any>;
const jsonSchema = JSON.parse(fs.readFileSync(INGEST_SCHEMA_PATH, 'utf8')) as Json;
const gql = buildSchema(loadTypeDefs());
const EXAMPLES = path.resolve(FIXTURES, '../../data/examples');

/** A property's schema without its "or null" (optional fields accept null as absent). */
function nonNull(s: Json): Json {
  const ref = (x: Json) => (x.$ref ? jsonSchema.$defs[x.$ref.split('/').pop()] : x);
  if (s.anyOf) return ref(s.anyOf.find((x: Json) => x.type !== 'null'));
  const out = ref(s);
  return Array.isArray(out.type) ? { ...out, type: out.type.find((t: string) => t !== 'null') } : out;
}

/** Every object schema with a title, by title. */
function objectSchemas(): Map<string, Json> {
  const out = new Map<string, Json>();
  const walk = (s: unknown) => {
    if (!s || typeof s !== 'object') return;
    const o = s as Json;
    if (o.type === 'object' && o.title) out.set(o.title, o);
    Object.values(o).forEach(walk);
  };
  walk(jsonSchema);
  return out;
}

describe('schema/ingest.schema.json', () => {
  it('is JSON Schema 2020-12 and describes IngestDocument and every input it reaches, field by field', () => {
    expect(jsonSchema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    const objects = objectSchemas();
    const differences: string[] = [];
    const seen = new Set<string>();
    const compare = (typeName: string) => {
      if (seen.has(typeName)) return;
      seen.add(typeName);
      const type = gql.getType(typeName);
      const s = objects.get(typeName);
      if (!isInputObjectType(type) || !s) return void differences.push(`${typeName}: no object schema titled so`);
      const fields = type.getFields();
      if (Object.keys(fields).sort().join() !== Object.keys(s.properties).sort().join()) differences.push(`${typeName}: fields ${Object.keys(fields).sort()} vs ${Object.keys(s.properties).sort()}`);
      if (!s.description) differences.push(`${typeName}: no description`);
      for (const [name, field] of Object.entries(fields)) {
        const prop = s.properties[name];
        if (!prop) continue;
        if (isNonNullType(field.type) !== s.required.includes(name))
          differences.push(`${typeName}.${name}: required ${isNonNullType(field.type)} in GraphQL, ${s.required.includes(name)} in the schema`);
        const inner = (isNonNullType(field.type) ? field.type.ofType : field.type) as GraphQLInputType;
        const p = nonNull(prop);
        const isList = isListType(inner);
        if (isList !== (p.type === 'array')) differences.push(`${typeName}.${name}: list ${isList} vs ${p.type}`);
        const named = getNamedType(field.type);
        const item = isList ? nonNull(p.items) : p;
        if (isEnumType(named)) {
          const values = named.getValues().map((v) => v.name);
          if (JSON.stringify(item.enum) !== JSON.stringify(values)) differences.push(`${typeName}.${name}: enum ${values} vs ${item.enum}`);
        } else if (isInputObjectType(named)) {
          if (item.title !== named.name) differences.push(`${typeName}.${name}: object ${named.name} vs ${item.title}`);
          compare(named.name);
        } else {
          const scalar = { ID: 'string', String: 'string', Float: 'number', Int: 'integer', Boolean: 'boolean' }[named.name];
          if (scalar !== item.type) differences.push(`${typeName}.${name}: ${named.name} vs ${item.type}`);
        }
      }
    };
    expect(jsonSchema.title).toBe('IngestDocument');
    objects.set('IngestDocument', {
      ...jsonSchema,
      properties: Object.fromEntries(Object.entries(jsonSchema.properties).map(([k, v]) => [k, (v as Json).$ref ? { ...jsonSchema.$defs[(v as Json).$ref.split('/').pop()] } : v])),
    });
    compare('IngestDocument');
    expect(differences).toEqual([]);
    expect([...seen].sort()).toEqual([
      'IngestClaim',
      'IngestDerivation',
      'IngestDocument',
      'IngestMeasure',
      'IngestOrganization',
      'IngestPeriod',
      'IngestPerson',
      'IngestQuantity',
      'IngestRegion',
      'IngestRole',
      'IngestShareOf',
      'IngestSource',
    ]);
  });

  it('accepts every example in data/examples/ and the seed', () => {
    const files = fs.readdirSync(EXAMPLES).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const file of [...files.map((f) => path.join(EXAMPLES, f)), SEED_FILE]) {
      const problems = new Problems();
      checkShape(JSON.parse(fs.readFileSync(file, 'utf8')), problems);
      expect(problems.list, file).toEqual([]);
    }
  });

  it('accepts null as absent for optional fields, and refuses it where a field is required', () => {
    expect(() =>
      validateDocument({
        source: { id: 'src:nulls', kind: 'ARTICLE', title: null, derivedFrom: null },
        claims: [{ id: 'claim:nulls', text: 'x', quantity: null, period: { start: '2025', end: null } }],
      }),
    ).not.toThrow();
    const problems = new Problems();
    checkShape({ source: { id: 'src:nulls', kind: null } }, problems);
    expect(problems.list).toEqual([{ path: 'source.kind', message: 'must be a string, got null' }].map((p) => ({ ...p, message: expect.stringMatching(/null/) })));
  });
});

describe('documents in the graph', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await resetGraph(t.db);
  });
  afterAll(() => t.close());

  it('(the examples import in order, and answer as data/examples/README.md says)', async () => {
    const files = fs
      .readdirSync(EXAMPLES)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => path.join(EXAMPLES, f));
    const stats = await bulkImport(t.db, readDocuments(files));
    expect(stats.rejected).toEqual([]);
    const Q = `query($id: ID!) { corroboration(claimId: $id) { comparisons { claim { id } verdict sameOrigin reason } } }`;
    const flooded = (await t.exec(Q, { id: 'claim:example-flooded-share-2025' })).data!.corroboration.comparisons;
    expect(flooded).toEqual([expect.objectContaining({ claim: { id: 'claim:example-flooded-area-2025' }, verdict: 'AGREES' })]);
    expect(flooded[0].reason).toContain('is [2,875, 3,125] km2');
    expect(flooded[0].reason).toContain('[1,100, 1,200] sq mi is [2,848.986921, 3,107.985732] km2');
    const daily = (await t.exec(Q, { id: 'claim:example-daily-evacuated-june-2025' })).data!.corroboration.comparisons;
    expect(daily).toContainEqual(expect.objectContaining({ claim: { id: 'claim:example-evacuated-june-2025' }, verdict: 'AGREES', sameOrigin: true }));
    await resetGraph(t.db);
  });

  it('reports what the schema, the dates and the graph each find, in one round', async () => {
    const res = await t.exec(`mutation($d: IngestDocument!) { ingest(document: $d) { claimCount } }`, {
      d: {
        source: { id: 'src:one-round', kind: 'ARTICLE', url: 'not a url', publishedAt: '2025-02-30' },
        claims: [{ id: 'claim:one-round', text: 'One round.', measure: 'measure:unknown', period: { start: '2025-06', end: '2025-01' }, confidence: 3 }],
      },
    });
    expect(res.data!.ingest).toBeNull();
    const [error] = res.errors!;
    expect(error.extensions!.code).toBe('BAD_USER_INPUT');
    expect(error.extensions!.problems).toEqual([
      { path: 'source.url', message: '"not a url" is not an http(s) URL where it can be read' },
      { path: 'claims[0].confidence', message: 'must be at most 1, got 3' },
      { path: 'source.publishedAt', message: '"2025-02-30" has day 30, which 2025-02 does not have' },
      { path: 'claims[0].period.end', message: 'ends (2025-01-31) before it starts (2025-06-01)' },
      { path: 'claims[0].measure', message: '"measure:unknown" is neither defined in this document nor present in the graph' },
    ]);
  });
});
