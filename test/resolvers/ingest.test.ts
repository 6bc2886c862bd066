/**
 * Mutation.ingest through the GraphQL layer against the real database: idempotency, updates,
 * and malformed documents — each rejected whole, naming the JSON path, with the graph's node
 * and relationship counts exactly as they were.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fixture, graphCounts, resetGraph } from '../helpers/graph.js';
import { createTestApp, type TestApp } from '../helpers/testApp.js';

const INGEST = `mutation Ingest($doc: IngestDocument!) {
  ingest(document: $doc) { source { id title } claimCount nodesCreated relationshipsCreated relationshipsDeleted }
}`;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const base = () => fixture('minimal.json');

describe('ingest', () => {
  beforeEach(() => resetGraph(t.db));

  it('writes a document and reports what it created', async () => {
    const res = await t.exec(INGEST, { doc: base() });
    expect(res.errors).toBeUndefined();
    expect(res.data!.ingest).toMatchObject({ source: { id: 'src:fixture-article', title: 'Fixture article' }, claimCount: 2 });
    expect(res.data!.ingest.nodesCreated).toBeGreaterThan(10);
    const claim = await t.exec(`{ claim(id: "claim:fixture-2") { quantity { low high bound aggregation per } period { start end granularity } attributedTo { id } statedAt } }`);
    expect(claim.data!.claim).toEqual({
      quantity: { low: 50, high: 70, bound: 'RANGE', aggregation: 'RATE', per: 'WEEK' },
      period: { start: '2025-01-01', end: '2025-12-31', granularity: 'WEEK' },
      attributedTo: [{ id: 'person:fixture-spokesperson' }],
      statedAt: '2025-06-15T00:00:00.000Z',
    });
  });

  it('is idempotent: the same document twice leaves the same graph', async () => {
    await t.exec(INGEST, { doc: base() });
    const once = await graphCounts(t.db);
    const again = await t.exec(INGEST, { doc: base() });
    expect(again.data!.ingest).toMatchObject({ nodesCreated: 0, relationshipsCreated: 0, relationshipsDeleted: 0 });
    expect(await graphCounts(t.db)).toEqual(once);
  });

  it('a corrected document replaces what its claims say, and keeps shared entities whole', async () => {
    await t.exec(INGEST, { doc: base() });
    const doc = base();
    doc.claims[0].attributedTo = ['person:fixture-spokesperson'];
    doc.claims[0].regions = ['region:fixtureland'];
    delete doc.claims[0].quote;
    doc.organizations[1] = { id: 'org:fixture-agency', name: 'Fixture Agency', aliases: ['The Agency'] };
    const res = await t.exec(INGEST, { doc });
    expect(res.data!.ingest.relationshipsDeleted).toBe(2);
    const claim = await t.exec(`{ claim(id: "claim:fixture-1") { quote attributedTo { id } regions { id } } organization(id: "org:fixture-agency") { aliases partOf { id } } }`);
    expect(claim.data).toEqual({
      claim: { quote: null, attributedTo: [{ id: 'person:fixture-spokesperson' }], regions: [{ id: 'region:fixtureland' }] },
      organization: { aliases: ['FA', 'The Agency'], partOf: { id: 'org:fixture-ministry' } },
    });
  });

  it('stores Cypher-looking and Lucene-looking text as plain text', async () => {
    const doc = base();
    const evil = `'}) MATCH (n) DETACH DELETE n //" $x \`x\` {x: 1}; CALL db.clearQueryCaches() ~*?`;
    doc.claims[0].text = evil;
    doc.organizations[0].name = evil;
    expect((await t.exec(INGEST, { doc })).errors).toBeUndefined();
    const res = await t.exec(`{ claim(id: "claim:fixture-1") { text } organization(id: "org:fixture-news") { name } }`);
    expect(res.data).toEqual({ claim: { text: evil }, organization: { name: evil } });
    expect((await graphCounts(t.db)).nodes).toBeGreaterThan(10);
    const hits = await t.exec(`query($q: String!) { search(text: $q) { id } }`, { q: evil });
    expect(hits.errors).toBeUndefined();
  });

  it('answers only once search finds what it wrote (the full-text index is eventually consistent)', async () => {
    for (let i = 0; i < 5; i++) {
      const doc = base();
      const word = `zephyrine${i}x${Date.now().toString(36)}`;
      doc.claims[0].text = `${word} were counted`;
      doc.organizations[0].name = `Outlet ${word}`;
      expect((await t.exec(INGEST, { doc })).errors).toBeUndefined();
      const hits = await t.exec(`query($q: String!) { search(text: $q) { id } }`, { q: word });
      expect(hits.data!.search.map((h: { id: string }) => h.id).sort()).toEqual(['claim:fixture-1', 'org:fixture-news']);
    }
  });

  it('resolves references to entities already in the graph', async () => {
    await t.exec(INGEST, { doc: base() });
    const later = {
      source: { id: 'src:fixture-followup', kind: 'STATEMENT', publisher: 'org:fixture-agency', publishedAt: '2025-07' },
      claims: [
        {
          id: 'claim:fixture-3',
          text: 'Revised: 110 in June 2025.',
          measure: 'measure:fixture-count',
          quantity: { value: 110, bound: 'EXACT', aggregation: 'PERIOD_TOTAL' },
          period: { start: '2025-06' },
          attributedTo: ['org:fixture-agency'],
          supersedes: ['claim:fixture-1'],
        },
      ],
    };
    expect((await t.exec(INGEST, { doc: later })).errors).toBeUndefined();
    const res = await t.exec(`{ claim(id: "claim:fixture-1") { status supersededBy { id } } }`);
    expect(res.data!.claim).toEqual({ status: 'SUPERSEDED', supersededBy: [{ id: 'claim:fixture-3' }] });
  });
});

type Mutate = (doc: Record<string, any>) => void;

/** [what is wrong, how to break the fixture, the JSON path the error must name] */
const MALFORMED: [string, Mutate, string][] = [
  ['no source', (d) => delete d.source, 'source'],
  ['unknown source kind', (d) => (d.source.kind = 'PODCAST'), 'source.kind'],
  ['source id with the wrong prefix', (d) => (d.source.id = 'org:fixture-article'), 'source.id'],
  ['malformed id', (d) => (d.claims[0].id = 'claim:has space'), 'claims[0].id'],
  ['unknown bound', (d) => (d.claims[0].quantity.bound = 'ABOUT'), 'claims[0].quantity.bound'],
  ['value of the wrong JSON type', (d) => (d.claims[0].quantity.value = '100'), 'claims[0].quantity.value'],
  ['unknown field', (d) => (d.claims[0].atributedTo = ['org:fixture-agency']), 'atributedTo'],
  ['dangling measure', (d) => (d.claims[0].measure = 'measure:nowhere'), 'claims[0].measure'],
  ['dangling region', (d) => (d.claims[1].regions = ['region:atlantis']), 'claims[1].regions[0]'],
  ['dangling superseded claim', (d) => (d.claims[0].supersedes = ['claim:never-stated']), 'claims[0].supersedes[0]'],
  ['attributed to a measure', (d) => (d.claims[0].attributedTo = ['measure:fixture-count']), 'claims[0].attributedTo[0]'],
  ['low greater than high', (d) => Object.assign(d.claims[1].quantity, { low: 90, high: 70 }), 'claims[1].quantity.low'],
  ['RANGE without high', (d) => delete d.claims[1].quantity.high, 'claims[1].quantity.high'],
  ['EXACT without value', (d) => delete d.claims[0].quantity.value, 'claims[0].quantity.value'],
  ['RATE without per', (d) => delete d.claims[1].quantity.per, 'claims[1].quantity.per'],
  ['per on a period total', (d) => (d.claims[0].quantity.per = 'DAY'), 'claims[0].quantity.per'],
  ['percentage over 100', (d) => Object.assign(d.claims[0].quantity, { aggregation: 'SHARE', unit: 'percent', value: 150 }), 'claims[0].quantity.value'],
  ['30 February', (d) => (d.claims[0].period.start = '2025-02-30'), 'claims[0].period.start'],
  ['month 13', (d) => (d.claims[0].period.end = '2025-13'), 'claims[0].period.end'],
  ['period ending before it starts', (d) => Object.assign(d.claims[0].period, { start: '2025-06', end: '2025-01' }), 'claims[0].period.end'],
  ['publishedAt that is not a date', (d) => (d.source.publishedAt = 'yesterday'), 'source.publishedAt'],
  ['role ending before it starts', (d) => Object.assign(d.people[0].roles[0], { from: '2025', to: '2024' }), 'people[0].roles[0].to'],
  ['confidence above 1', (d) => (d.claims[0].confidence = 1.5), 'claims[0].confidence'],
  ['oversized claim text', (d) => (d.claims[0].text = 'x'.repeat(3000)), 'claims[0].text'],
  ['blank claim text', (d) => (d.claims[0].text = '   '), 'claims[0].text'],
  ['too many aliases', (d) => (d.organizations[0].aliases = Array.from({ length: 60 }, (_, i) => `alias ${i}`)), 'organizations[0].aliases'],
  ['same organization id with conflicting content', (d) => d.organizations.push({ id: 'org:fixture-news', name: 'Another Name' }), 'organizations[3].id'],
  ['same claim id twice, different content', (d) => d.claims.push({ ...d.claims[0], text: 'different' }), 'claims[2].id'],
  ['a person listed as an organization', (d) => d.organizations.push({ id: 'person:fixture-spokesperson', name: 'X' }), 'organizations[3].id'],
  ['basedOn a source the source does not draw on', (d) => (d.claims[1].basedOn = ['src:fixture-dataset', 'src:fixture-article']), 'claims[1].basedOn'],
  ['a source deriving from itself', (d) => d.source.derivedFrom.push({ source: 'src:fixture-article', kind: 'CITES' }), 'source.derivedFrom[1].source'],
  ['an organization part of itself', (d) => (d.organizations[0].partOf = 'org:fixture-news'), 'organizations[0].partOf'],
  ['a claim superseding itself', (d) => (d.claims[0].supersedes = ['claim:fixture-1']), 'claims[0].supersedes'],
  ['a URL that is not http(s)', (d) => (d.source.url = 'javascript:alert(1)'), 'source.url'],
  ['a region code that is not ISO 3166', (d) => (d.regions[0].code = 'Fixtureland'), 'regions[0].code'],
  ['a problem in the last claim only', (d) => (d.claims[1].period = { start: '2025-06-31' }), 'claims[1].period.start'],
];

describe('malformed documents are rejected whole', () => {
  beforeAll(async () => {
    await resetGraph(t.db);
    // Something in the graph already, so "unchanged" is not trivially "empty".
    const seed = base();
    seed.source.id = 'src:fixture-existing';
    seed.claims = [];
    await t.exec(INGEST, { doc: seed });
  });

  it(`has at least 25 cases (${MALFORMED.length})`, () => {
    expect(MALFORMED.length).toBeGreaterThanOrEqual(25);
  });

  for (const [what, mutate, path] of MALFORMED) {
    it(what, async () => {
      const before = await graphCounts(t.db);
      const doc = base();
      mutate(doc);
      const res = await t.exec(INGEST, { doc });
      expect(res.data?.ingest ?? null).toBeNull();
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors![0].message).toContain(path);
      expect(await graphCounts(t.db)).toEqual(before);
    });
  }
});
