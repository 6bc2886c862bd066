/**
 * Partial rows (resolvers/rowShape.ts, services/entities/partialRows.ts): a root field reads only
 * what its selection's resolvers read. Every field that states its reads is resolved here both ways,
 * from partial rows (claim, source, organization, person, region, node and the claim lists) and
 * from whole rows (`nodes`, which loads through the request's loader), and the answers must be
 * equal: a field whose listed reads fall short of what its resolver reads shows up as a difference.
 * The provenance answers' partial rows are compared in provenancePartialRows.test.ts.
 */
import { buildSchema, execute, parse, print, type GraphQLResolveInfo } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGENT, CLAIM, idsOf, KINDS, ok, partialRowsApp, SOURCE, whole } from '../helpers/partialRows.js';
import type { TestApp } from '../helpers/testApp.js';
import { rowShape, selectionReads } from '../../src/resolvers/rowShape.js';
import { fieldReadsOf } from '../../src/resolvers/fieldReads.js';
import { executableSchema } from '../../src/resolvers/schema.js';
import { walkSchema } from '../helpers/schema.js';
import { loadTypeDefs } from '../../src/schema.js';

let t: TestApp;
beforeAll(async () => {
  t = await partialRowsApp();
});
afterAll(() => t.close());

describe('partial rows', () => {
  it('answer every listed field as whole rows do, from each by-id root field', async () => {
    let compared = 0;
    for (const [kind, { root, fields }] of Object.entries(KINDS)) {
      const ids = await idsOf(t, kind);
      expect(ids.length, kind).toBeGreaterThan(0);
      const expected = await whole(t, kind, ids);
      for (const id of ids) {
        const byRoot = await ok(t, `query($id: ID!) { ${root}(id: $id) { ${fields} } }`, { id });
        expect(byRoot[root], `${root}(${id})`).toEqual(expected.get(id));
        const byNode = await ok(t, `query($id: ID!) { node(id: $id) { ... on ${kind} { ${fields} } } }`, { id });
        expect(byNode.node, `node(${id})`).toEqual(expected.get(id));
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(30);
  });

  it('answer as whole rows do in claim lists: one anchor alone, the general anchored query, any filter, and with totalCount', async () => {
    const expected = await whole(t, 'Claim', await idsOf(t, 'Claim'));
    const filters = [
      '{ attributedTo: ["org:i-want-to-live"] }',
      '{ attributedTo: ["org:armed-forces-ua"], includeSubsidiaries: true }',
      '{ attributedTo: ["org:fixture-agency"] }',
      '{ regionIds: ["region:ukraine"] }',
      '{ measureIds: ["measure:fixture-count"] }',
      '{ text: "soldiers" }',
      '{}',
    ];
    let compared = 0;
    for (const filter of filters) {
      for (const count of ['', 'totalCount']) {
        const data = await ok(t, `{ claims(first: 100, filter: ${filter}) { ${count} edges { node { ${CLAIM} } } } }`);
        expect(data.claims.edges.length, filter).toBeGreaterThan(0);
        for (const { node } of data.claims.edges) {
          expect(node, `${filter} ${count} ${node.id}`).toEqual(expected.get(node.id));
          compared += 1;
        }
      }
    }
    // Nested lists under a node: the organization's claims and a source's claims.
    const nested = await ok(t, `{ organization(id: "org:armed-forces-ua") { name claims(first: 50) { edges { node { ${CLAIM} } } } } }`);
    for (const { node } of nested.organization.claims.edges) expect(node).toEqual(expected.get(node.id));
    expect(compared).toBeGreaterThan(20);
  });

  it('never lend a partial row to another field of the same request', async () => {
    // The same claim and source, partial under `claim` (text, titles) and whole under `nodes`.
    const wholeOnly = `nodes(ids: ["claim:express-2025-record-week-350"]) { ... on Claim { quote confidence period { start } statedIn { source { kind publishedAt publisher { name kind } } } } }`;
    const alone = await ok(t, `{ ${wholeOnly} }`);
    const together = await ok(t, `{ claim(id: "claim:express-2025-record-week-350") { text period { label } statedIn { source { title } } } ${wholeOnly} }`);
    expect(together.claim.text).toBeTruthy();
    expect(alone.nodes[0].statedIn[0].source.publisher.name).toBeTruthy();
    expect(together.nodes).toEqual(alone.nodes);
  });
});

describe('rowShape', () => {
  const schemaSdl = loadTypeDefs();
  function readsOf(query: string, sdl = schemaSdl, of: (info: GraphQLResolveInfo) => unknown = selectionReads): any {
    let reads: unknown;
    execute({
      schema: walkSchema(sdl),
      document: parse(query),
      fieldResolver: (_src, _args, _ctx, info: GraphQLResolveInfo) => {
        if (info.parentType.name === 'Query') reads = of(info);
        return null;
      },
    });
    return reads;
  }
  const shapeOf = (query: string, sdl = schemaSdl) => readsOf(query, sdl, rowShape);

  it('lists what W2 reads: claim text, the source titles and measure names, and the two edge types', () => {
    expect(shapeOf('{ claims(first: 20) { edges { node { id text statedIn { source { title } } measure { name } } } } }')).toEqual({
      props: { Claim: ['text'], Source: ['title'], Measure: ['name'] },
      out: { Claim: ['ABOUT', 'STATED_IN'] },
      in: {},
      edgeProps: [],
    });
  });

  it('follows fragments by type condition, and reads edge properties only when selected', () => {
    const shape = shapeOf(`{ claim(id: "x") { ...C attributedTo { ... on Person { name } ... on Agent { aliases } } } }
      fragment C on Claim { statedIn { quote source { id } } status }`) as any;
    expect(shape.props).toEqual({ Claim: ['status'], Person: ['aliases', 'name'], Organization: ['aliases'] });
    expect(shape.out).toEqual({ Claim: ['ATTRIBUTED_TO', 'STATED_IN'] });
    expect(shape.in).toEqual({ Claim: ['SUPERSEDES'] });
    expect(shape.edgeProps).toEqual(['STATED_IN']);
  });

  it('covers the fragments the comparison above uses (so it compares partial rows, not whole ones)', () => {
    for (const { root, fields } of Object.values(KINDS)) expect(shapeOf(`{ ${root}(id: "x") { ${fields} } }`), root).not.toBeNull();
    expect(shapeOf(`{ claims(first: 5) { totalCount edges { node { ${CLAIM} } } } }`)).not.toBeNull();
  });

  it("reads a source chain's nodes as its selection does, and the chain's own edges whatever it selects", () => {
    const w5 = 'sourceChain(claimId: "x") { paths { steps { from { id } relation kind to { id title } } end { id title } ending } }';
    expect(shapeOf(`{ ${w5} }`)).toEqual({ props: { Source: ['title'] }, out: {}, in: {}, edgeProps: [] });
    // Independence, institutions and circular reporting come from the chain's own reads.
    expect(shapeOf('{ sourceChain(claimId: "x") { paths { ending } independentOriginCount institutions { id name } circularReporting } }')?.props).toEqual({
      Organization: ['name'],
      Person: ['name'],
    });
    // The explanation, graph and PROV read whole rows.
    for (const field of ['explanation', 'graph { nodes { id } }', 'prov']) {
      expect(shapeOf(`{ sourceChain(claimId: "x") { paths { ending } ${field} } }`), field).toBeNull();
    }
  });

  it('covers the provenance selections the comparisons above use (partial rows, not whole ones)', () => {
    const node = `__typename ... on Claim { ${CLAIM} } ... on Source { ${SOURCE} }`;
    const paths = `paths { steps { from { ${node} } relation kind to { ${SOURCE} } } end { ${SOURCE} } ending } cycles truncated`;
    const origins = `claim { ${CLAIM} } origins { source { ${SOURCE} } agents { __typename id name ... on Organization { partOf { id } } } institutions { id name } } independentOriginCount institutions { ${AGENT} } circularReporting`;
    for (const s of [paths, `${paths} ${origins}`]) expect(shapeOf(`{ sourceChain(claimId: "x") { ${s} } }`)).not.toBeNull();
    const verdicts = 'allenRelation verdict gap sameOrigin scopeUnstated counted reason';
    expect(shapeOf(`{ corroboration(claimId: "x") { claim { ${CLAIM} } comparisons { claim { ${CLAIM} } ${verdicts} } credibility credibilityReason } }`)).not.toBeNull();
    expect(shapeOf(`{ timeline(measureId: "x") { claim { ${CLAIM} } source { ${SOURCE} } agents { ${AGENT} } previous { ${CLAIM} } } }`)).not.toBeNull();
  });

  it("reads a corroboration's claims as its selection does", () => {
    expect(shapeOf('{ corroboration(claimId: "x") { comparisons { claim { id text } verdict } credibility } }')).toEqual({ props: { Claim: ['text'] }, out: {}, in: {}, edgeProps: [] });
  });

  it("reads a timeline's claims, sources and agents as its selection does", () => {
    expect(shapeOf('{ timeline(measureId: "x") { claim { id text } value source { title } agents { name } decreases } }')).toEqual({
      props: { Claim: ['text'], Source: ['title'], Organization: ['name'], Person: ['name'] },
      out: {},
      in: {},
      edgeProps: [],
    });
  });

  it('gives the hops to prefetch in the same walk: wrappers stay at their hop, three hops at most, whole rows or not', () => {
    const w3 = readsOf('{ source(id: "x") { derivedFrom { derivedFrom { derivedFrom { derivedFrom { derivedFrom { derivedFrom { derivedFrom { derivedFrom { id } } } } } } } } } }');
    expect([w3.types, w3.depth]).toEqual([['DERIVED_FROM'], 3]);
    const w1 = readsOf('{ claim(id: "x") { statedIn { source { publisher { name } } } measure { name } } }');
    expect([w1.types, w1.depth]).toEqual([['ABOUT', 'PUBLISHED_BY', 'STATED_IN'], 2]);
    const unlisted = readsOf('{ claim(id: "x") { extra measure { name } } }', `${schemaSdl}\nextend type Claim { extra: String }`);
    expect([unlisted.types, unlisted.shape]).toEqual([['ABOUT'], null]);
    expect(readsOf('{ claim(id: "x") { text } }').types).toEqual([]);
  });

  /** The root field's reads for one execution of an already parsed document (as Apollo's store hands it back). */
  function readsFor(schema: ReturnType<typeof walkSchema>, document: ReturnType<typeof parse>, variableValues: Record<string, unknown>): any {
    let reads: unknown;
    execute({
      schema,
      document,
      variableValues,
      fieldResolver: (_src, _args, _ctx, info: GraphQLResolveInfo) => {
        if (info.parentType.name === 'Query') reads = selectionReads(info);
        return null;
      },
    });
    return reads;
  }

  it('walks a parsed document once: later requests of it share its (frozen) reads, whatever ids they send', () => {
    const schema = walkSchema(schemaSdl);
    const document = parse('query($o: ID!) { claims(first: 20, filter: { attributedTo: [$o] }) { edges { node { text measure { name } } } } }');
    const first = readsFor(schema, document, { o: 'org:a' });
    expect(readsFor(schema, document, { o: 'org:b' })).toBe(first);
    expect(Object.isFrozen(first.shape.props.Claim)).toBe(true);
    expect(first.shape.props).toEqual({ Claim: ['text'], Measure: ['name'] });
    // The same text parsed again (another document) or another schema is walked afresh.
    expect(readsFor(schema, parse(print(document)), { o: 'org:a' })).not.toBe(first);
    expect(readsFor(walkSchema(schemaSdl), document, { o: 'org:a' })).not.toBe(first);
  });

  it('walks again on every request when a directive reads a variable, so each gets its own reads', () => {
    const schema = walkSchema(schemaSdl);
    const document = parse('query($s: Boolean!) { claim(id: "x") { text statedIn @include(if: $s) { source { title } } } }');
    const withSources = readsFor(schema, document, { s: true });
    const without = readsFor(schema, document, { s: false });
    expect([withSources.types, without.types]).toEqual([['STATED_IN'], []]);
    expect(readsFor(schema, document, { s: true })).not.toBe(withSources);
    expect(readsFor(schema, document, { s: true })).toEqual(withSources);
  });

  it('is null (whole rows) for a selection reaching a field it does not list', () => {
    expect(shapeOf('{ claim(id: "x") { id extra } }', `${schemaSdl}\nextend type Claim { extra: String }`)).toBeNull();
    expect(shapeOf('{ claim(id: "x") { measure { name } } }', `${schemaSdl}\nextend type Claim { extra: String }`)).not.toBeNull();
  });

  it('lists only fields the schema has', () => {
    const schema = buildSchema(schemaSdl);
    for (const [type, fields] of Object.entries(fieldReadsOf(executableSchema()))) {
      const t = schema.getType(type) as any;
      expect(t?.getFields, type).toBeTruthy();
      for (const field of Object.keys(fields)) expect(t.getFields()[field], `${type}.${field}`).toBeTruthy();
    }
  });
});
