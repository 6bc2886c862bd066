/**
 * Every place that depends on the entity model (src/model/entityModel.ts), per kind, and whether
 * it agrees. Derived from the model, and so agreeing by construction: LABEL_OF_KIND (search,
 * graph views), ID_PREFIX (ingest ids), DOCUMENT_LISTS (ingest references), TEMPORAL_PROPS
 * (the offline importer), DATETIME_KEYS (wire temporals), RELATIONSHIP_TYPES (graph views),
 * ROW_KIND (row shapes), found.ts's kinds. Checked here, where deriving is not possible: the SDL,
 * the codegen mappers, what each resolver says it reads, every Cypher file that writes or projects a temporal, the
 * whole-row projection and its tuple order, the ingest JSON Schema, the explorer's legend.
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, getNamedType, isEnumType, type GraphQLEnumType, isListType, isNonNullType, isObjectType, isScalarType, type GraphQLOutputType, type GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import codegen from '../../codegen.js';
import { BOOKKEEPING_TEMPORALS, COMMON_PROPS, COMPUTED_RELATIONSHIPS, ENTITY_MODEL, type EntityLabel, type PropType } from '../../src/model/entityModel.js';
import { DOCUMENT_LISTS, ID_PREFIX, inboundOf, propsOf, RELATIONSHIP_TYPES } from '../../src/model/derived.js';
import { ROW_KIND } from '../../src/resolvers/rowShape.js';
import { fieldReadsOf } from '../../src/resolvers/fieldReads.js';
import { executableSchema } from '../../src/resolvers/schema.js';
import { loadTypeDefs, SCHEMA_DIR } from '../../src/schema.js';
import { EDGE_TYPES, KINDS } from '../../web/src/graph/style.js';

const ROOT = path.resolve(SCHEMA_DIR, '..');
const labels = Object.keys(ENTITY_MODEL) as EntityLabel[];
const schema: GraphQLSchema = buildSchema(loadTypeDefs());
const sorted = (xs: Iterable<string>) => [...xs].sort();

/** The GraphQL types that carry a relationship's properties. */
const RELATIONSHIP_TYPES_IN_SDL: Record<string, string> = { Statement: 'STATED_IN', RoleAssignment: 'ROLE', SourceDerivation: 'DERIVED_FROM' };

/** Whether a GraphQL output type can carry a property of this type. */
function fits(type: GraphQLOutputType, prop: PropType): boolean {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (prop === 'strings') return isListType(inner) && getNamedType(inner).name === 'String';
  if (isListType(inner)) return false;
  const named = getNamedType(inner);
  if (prop === 'string') return named.name === 'String' || named.name === 'ID' || isEnumType(named);
  if (prop === 'number') return named.name === 'Float' || named.name === 'Int';
  if (prop === 'date') return named.name === 'Date';
  return isScalarType(named) && named.name === 'DateTime';
}

/** The temporal properties a property set holds, by name. */
const temporals = (props: Readonly<Record<string, PropType>>) => Object.fromEntries(Object.entries(props).filter(([, t]) => t === 'date' || t === 'datetime'));
const allProps: Record<string, PropType>[] = [
  COMMON_PROPS,
  ...labels.map((l) => ENTITY_MODEL[l].props),
  ...labels.flatMap((l) => Object.values(ENTITY_MODEL[l].out).map((r) => ('props' in r ? r.props : {}) as Record<string, PropType>)),
  ...Object.values(BOOKKEEPING_TEMPORALS),
];
const typeOfKey = (key: string): Set<PropType> => new Set(allProps.flatMap((p) => (key in p ? [p[key]] : [])));

function cypherFiles(dir = path.join(ROOT, 'cypher')): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? cypherFiles(path.join(dir, e.name)) : /\.cypher(part)?$/.test(e.name) ? [path.join(dir, e.name)] : []));
}
const cypher = Object.fromEntries(cypherFiles().map((f) => [path.relative(path.join(ROOT, 'cypher'), f), fs.readFileSync(f, 'utf8')]));

/** The keys a Cypher map projection sends as temporals: `key: x.key.epochMillis` and `key: toString(x.key)`. */
const projectedTemporals = (text: string) => sorted([...text.matchAll(/`?(\w+)`?: (?:\w+\.`?\w+`?\.epochMillis|toString\(\w+\.`?\w+`?\))/g)].map((m) => m[1]));

describe('the entity model, kind by kind', () => {
  it('is the SDL: EntityKind and RelationshipType hold exactly its kinds and relationships', () => {
    const values = (name: string) => sorted((schema.getType(name) as GraphQLEnumType).getValues().map((v) => v.name));
    expect(values('EntityKind')).toEqual(sorted(labels.map((l) => ENTITY_MODEL[l].kind)));
    expect(values('RelationshipType')).toEqual(sorted([...RELATIONSHIP_TYPES, ...COMPUTED_RELATIONSHIPS]));
  });

  it.each(labels)('is the SDL: %s has its type, and each field named as a property has the property’s type', (label) => {
    const type = schema.getType(label);
    expect(isObjectType(type)).toBe(true);
    const props = propsOf(label);
    // Its own type and those read off its row (Quantity off a claim).
    for (const typeName of Object.keys(ROW_KIND).filter((t) => ROW_KIND[t] === label)) {
      const fields = (schema.getType(typeName) as { getFields(): Record<string, { type: GraphQLOutputType }> }).getFields();
      for (const [name, field] of Object.entries(fields)) if (name in props) expect(fits(field.type, props[name]), `${typeName}.${name} as ${props[name]}`).toBe(true);
    }
  });

  it('is the SDL: the types carrying a relationship’s properties have them with their types', () => {
    for (const [typeName, rel] of Object.entries(RELATIONSHIP_TYPES_IN_SDL)) {
      const owner = labels.find((l) => rel in ENTITY_MODEL[l].out)!;
      const props = ((ENTITY_MODEL[owner].out as Record<string, { props?: Record<string, PropType> }>)[rel].props ?? {}) as Record<string, PropType>;
      const fields = (schema.getType(typeName) as { getFields(): Record<string, { type: GraphQLOutputType }> }).getFields();
      for (const [name, prop] of Object.entries(props)) expect(fields[name] && fits(fields[name].type, prop), `${typeName}.${name} as ${prop}`).toBe(true);
    }
  });

  it.each(labels)('is the codegen mappers: %s resolvers are typed on its row type', (label) => {
    const mappers = (codegen.generates['src/generated/graphql.ts'] as { config: { mappers: Record<string, string> } }).config.mappers;
    expect(mappers[label]).toBe(`../db/rows.js#${label}Row`);
  });

  it('is what each resolver says it reads (fieldReads): every property and relationship is one its kind has', () => {
    for (const [typeName, fields] of Object.entries(fieldReadsOf(executableSchema()))) {
      const label = ROW_KIND[typeName];
      for (const [field, reads] of Object.entries(fields)) {
        const at = `${typeName}.${field}`;
        if (label) {
          for (const p of reads.props ?? []) expect(propsOf(label), `${at} reads ${p}`).toHaveProperty(p);
          for (const t of reads.out ?? []) expect(Object.keys(ENTITY_MODEL[label].out), `${at} reads out ${t}`).toContain(t);
          for (const t of reads.in ?? []) expect(inboundOf(label), `${at} reads in ${t}`).toContain(t);
        }
        for (const t of reads.edgeProps ?? []) expect(RELATIONSHIP_TYPES, `${at} reads the props of ${t}`).toContain(t);
      }
    }
  });

  it('is every Cypher file: a property written or projected as a date or an instant is one the model declares so', () => {
    const wrong: string[] = [];
    for (const [file, text] of Object.entries(cypher)) {
      for (const m of text.matchAll(/`?(\w+)`?\s*[:=]\s*(?:CASE WHEN [^\n]*? ELSE )?(datetime|date)\(/g)) if (!typeOfKey(m[1]).has(m[2] as PropType)) wrong.push(`${file}: ${m[1]} written as ${m[2]}`);
      for (const m of text.matchAll(/\w+\.`?(\w+)`?\.epochMillis/g)) if (!typeOfKey(m[1]).has('datetime')) wrong.push(`${file}: ${m[1]} sent as millis`);
      for (const m of text.matchAll(/toString\(\w+\.`?(\w+)`?\)/g)) if (!['date', 'datetime'].some((t) => typeOfKey(m[1]).has(t as PropType))) wrong.push(`${file}: ${m[1]} sent as a date`);
    }
    expect(wrong).toEqual([]);
  });

  it.each(labels)('is the whole-row projection (entityWire): %s sends every temporal of its own as a plain value', (label) => {
    const text = cypher['include/entityWire.cypherpart'];
    const branch = new RegExp(`WHEN n:${label} THEN n \\{([^}]*)\\}`).exec(text)?.[1] ?? /ELSE n \{([^}]*)\}/.exec(text)![1];
    // updatedAt is on corrected nodes only, left to the driver's decoding.
    const { updatedAt: _u, ...expected } = { ...temporals(COMMON_PROPS), ...temporals(ENTITY_MODEL[label].props) };
    expect(projectedTemporals(branch)).toEqual(sorted(Object.keys(expected)));
  });

  it('is the whole-row projection: each relationship sends the temporals it has, and the row is the tuple entityFromWire reads', () => {
    const text = cypher['include/entityWire.cypherpart'];
    for (const label of labels) {
      for (const [type, rel] of Object.entries(ENTITY_MODEL[label].out) as [string, { props?: Record<string, PropType> }][]) {
        const expected = sorted(Object.keys(temporals(rel.props ?? {})));
        const projected = [...text.matchAll(new RegExp(`WHEN type\\(r\\) = '${type}' THEN r \\{([^}]*)\\}`, 'g'))].map((m) => projectedTemporals(m[1]));
        if (expected.length) expect(projected.length, type).toBeGreaterThan(0);
        for (const p of projected) expect(p, type).toEqual(expected);
      }
    }
    // EntityWire is [id, kind, props, out, in] (services/entities/partialRows.ts), edges [type, id, props].
    for (const q of ['node/nodesByIds.cypher', 'node/nodesWithNeighbours.cypher']) expect(cypher[q]).toMatch(/\[id, kind, props, out, `in`\]/);
    expect(text.match(/RETURN \[type\(r\), m\.id, /g)?.length).toBe(2);
  });

  it.each(labels.filter((l) => ENTITY_MODEL[l].document))('is the ingest JSON Schema: %s has its document list and its id prefix', (label) => {
    const json = JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, 'ingest.schema.json'), 'utf8'));
    const list = DOCUMENT_LISTS.find(([, l]) => l === label)![0];
    expect(json.properties[list].items.$ref).toBe(`#/$defs/${label}`);
    expect(json.$defs[label].properties.id.pattern).toMatch(new RegExp(`^\\^${ID_PREFIX[label as keyof typeof ID_PREFIX]}:`));
  });

  it("is the explorer's legend: one entry per kind, and every relationship a view draws", () => {
    expect(sorted(KINDS.map((k) => k.kind))).toEqual(sorted(labels.map((l) => ENTITY_MODEL[l].kind)));
    expect(sorted(EDGE_TYPES)).toEqual(sorted([...RELATIONSHIP_TYPES, ...COMPUTED_RELATIONSHIPS]));
  });
});
