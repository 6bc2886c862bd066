/**
 * Provenance answers through the GraphQL layer: source chains, corroboration, cross-references,
 * timelines and graph views, on the seed article and on fixtures built to exercise agreement,
 * conflict, circular reporting, independent corroboration, nested regions, open-ended periods,
 * supersession, a citation cycle and a running total that goes down.
 */
import path from 'node:path';
import jsonld from 'jsonld';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDocuments } from '../../src/cli/readDocuments.js';
import { bulkImport } from '../../src/services/ingest/bulkImport.js';
import { ingest } from '../../src/services/ingest/ingest.js';
import { exportText, FIXTURES, seedGraph } from '../helpers/graph.js';
import { createTestApp, type TestApp } from '../helpers/testApp.js';
import { provViolations } from '../helpers/provOntology.js';
import { DEFAULT_BASE_IRI } from '../../src/config.js';
import { nodeIri } from '../../src/services/provenance/prov.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedGraph(t.db);
  const stats = await bulkImport(t.db, readDocuments([path.join(FIXTURES, 'provenance.ndjson')]));
  expect(stats.rejected).toEqual([]);
});
afterAll(() => t.close());

const CHAIN = `query($id: ID!, $depth: Int) { sourceChain(claimId: $id, maxDepth: $depth) {
  paths { steps { from { id } relation kind to { id } } end { id } ending }
  origins { source { id } agents { id } institutions { id } }
  independentOriginCount institutions { id } circularReporting cycles truncated explanation
  graph { nodes { id kind } edges { id source target type } truncated } prov } }`;

async function chain(id: string, depth?: number) {
  const res = await t.exec(CHAIN, { id, depth });
  expect(res.errors).toBeUndefined();
  return res.data!.sourceChain;
}

describe('sourceChain on the seed article', () => {
  it('runs from the 350-surrenders claim through the article to the "I Want to Live" data', async () => {
    const c = await chain('claim:express-2025-record-week-350');
    expect(c.paths).toEqual([
      {
        steps: [
          { from: { id: 'claim:express-2025-record-week-350' }, relation: 'STATED_IN', kind: null, to: { id: 'src:express-2025-russian-surrenders' } },
          { from: { id: 'src:express-2025-russian-surrenders' }, relation: 'DERIVED_FROM', kind: 'CITES', to: { id: 'src:i-want-to-live-data' } },
        ],
        end: { id: 'src:i-want-to-live-data' },
        ending: 'ORIGIN',
      },
    ]);
    expect(c.origins).toEqual([{ source: { id: 'src:i-want-to-live-data' }, agents: [{ id: 'org:i-want-to-live' }], institutions: [{ id: 'org:hur' }] }]);
    expect(c.independentOriginCount).toBe(1);
    expect(c.circularReporting).toBe(false);
    expect(c.explanation).toMatch(/I Want to Live/);
    expect(c.graph.nodes.map((n: any) => n.id)).toEqual(
      expect.arrayContaining(['claim:express-2025-record-week-350', 'src:express-2025-russian-surrenders', 'src:i-want-to-live-data', 'org:i-want-to-live', 'org:hur']),
    );
  });

  it("collapses the General Staff's and Syrskyi's claims to the Armed Forces of Ukraine", async () => {
    const staff = await chain('claim:express-2025-casualties-1213460');
    const syrskyi = await chain('claim:express-2025-territory-taken-0-8-percent-2025');
    expect(staff.institutions).toEqual([{ id: 'org:armed-forces-ua' }]);
    expect(syrskyi.institutions).toEqual([{ id: 'org:armed-forces-ua' }]);
    expect(syrskyi.origins[0].agents.map((a: any) => a.id).sort()).toEqual(['org:armed-forces-ua', 'person:oleksandr-syrskyi']);
  });

  it('exports the chain as PROV-O JSON-LD that parses and names every source and agent', async () => {
    const res = await t.app.http.inject({ method: 'GET', url: '/export/prov.jsonld?claim=claim:express-2025-casualties-1213460' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/ld\+json/);
    const expanded = (await jsonld.expand(res.json())) as Record<string, any>[];
    expect(provViolations(expanded)).toEqual([]);
    const iri = (id: string) => nodeIri(DEFAULT_BASE_IRI, id);
    const ids = expanded.map((n) => n['@id']);
    expect(ids).toEqual(
      expect.arrayContaining(
        ['claim:express-2025-casualties-1213460', 'src:express-2025-russian-surrenders', 'src:general-staff-casualty-estimate', 'org:general-staff-ua', 'org:armed-forces-ua'].map(iri),
      ),
    );
    expect(iri('claim:express-2025-casualties-1213460')).toBe('https://claimgraph.example.org/id/claim/express-2025-casualties-1213460');
    const estimate = expanded.find((n) => n['@id'] === iri('src:general-staff-casualty-estimate'))!;
    expect(estimate['@type']).toContain('http://www.w3.org/ns/prov#Entity');
    expect(estimate['http://www.w3.org/ns/prov#wasAttributedTo']).toEqual([{ '@id': iri('org:general-staff-ua') }]);
    const staff = expanded.find((n) => n['@id'] === iri('org:general-staff-ua'))!;
    expect(staff['http://www.w3.org/ns/prov#actedOnBehalfOf']).toEqual([{ '@id': iri('org:armed-forces-ua') }]);
    // Who wrote it: the ingestion as a prov:Activity associated with the key's agent.
    const claim = expanded.find((n) => n['@id'] === iri('claim:express-2025-casualties-1213460'))!;
    expect(claim['https://claimgraph.dev/ns#id']).toEqual([{ '@value': 'claim:express-2025-casualties-1213460' }]);
    const [{ '@id': activityId }] = claim['http://www.w3.org/ns/prov#wasGeneratedBy'];
    const activity = expanded.find((n) => n['@id'] === activityId)!;
    expect(activity['@type']).toEqual(['http://www.w3.org/ns/prov#Activity']);
    expect(activity['http://www.w3.org/ns/prov#wasAssociatedWith']).toEqual([{ '@id': iri('key:local') }]);
    expect(expanded.find((n) => n['@id'] === iri('key:local'))!['@type']).toContain('http://www.w3.org/ns/prov#Agent');
    expect((await t.app.http.inject({ method: 'GET', url: '/export/prov.jsonld?claim=claim:none' })).statusCode).toBe(404);
  });

  it('gives regions as locations, dates with their precision, and IRIs under CLAIMGRAPH_BASE_IRI', async () => {
    const other = await createTestApp(undefined, { baseIri: 'https://data.example.net/cg/' });
    try {
      // The territory claim: in a region, over the year 2025, stated in a source published in a month.
      const res = await other.exec(`{ sourceChain(claimId: "claim:express-2025-territory-taken-0-8-percent-2025") { prov } }`);
      const expanded = (await jsonld.expand(res.data!.sourceChain.prov)) as Record<string, any>[];
      expect(provViolations(expanded)).toEqual([]);
      const claim = expanded.find((n) => n['@id'] === 'https://data.example.net/cg/claim/express-2025-territory-taken-0-8-percent-2025')!;
      expect(claim['https://claimgraph.dev/ns#periodStart']).toEqual([{ '@value': '2025', '@type': 'http://www.w3.org/2001/XMLSchema#gYear' }]);
      const regionIds = expanded.filter((n) => (n['@type'] ?? []).includes('http://www.w3.org/ns/prov#Location')).map((n) => n['@id']);
      for (const n of expanded) expect(n['http://www.w3.org/ns/prov#actedOnBehalfOf']?.map((x: any) => x['@id']).filter((id: string) => regionIds.includes(id)) ?? []).toEqual([]);
    } finally {
      await other.close();
    }
    // A source published "2025-12" is a month, not the instant 2025-12-01T00:00:00Z.
    await ingest(t.db, { source: { id: 'src:month-only', kind: 'ARTICLE', title: 'A December article', publishedAt: '2025-12' }, claims: [] });
    const res = await t.exec(`{ sourceChain(claimId: "claim:express-2025-territory-taken-0-8-percent-2025") { prov } }`);
    expect(res.errors).toBeUndefined();
    const whole = (await jsonld.expand(JSON.parse(await exportText(t.db, 'prov-jsonld')))) as Record<string, any>[];
    expect(provViolations(whole)).toEqual([]);
    const month = whole.find((n) => n['@id'] === nodeIri(DEFAULT_BASE_IRI, 'src:month-only'))!;
    expect(month['http://purl.org/dc/terms/issued']).toEqual([{ '@value': '2025-12', '@type': 'http://www.w3.org/2001/XMLSchema#gYearMonth' }]);
    const ukraine = whole.find((n) => n['@id'] === nodeIri(DEFAULT_BASE_IRI, 'region:ukraine'))!;
    expect(ukraine['@type']).toContain('http://www.w3.org/ns/prov#Location');
    const donetsk = whole.find((n) => n['@id'] === nodeIri(DEFAULT_BASE_IRI, 'region:donetsk-oblast'))!;
    expect(donetsk['https://schema.org/containedInPlace']).toEqual([{ '@id': nodeIri(DEFAULT_BASE_IRI, 'region:ukraine') }]);
  });

  it('bounds maxDepth to 1..10', async () => {
    for (const depth of [0, 11]) {
      const res = await t.exec(CHAIN, { id: 'claim:express-2025-record-week-350', depth });
      expect(res.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    }
    expect((await t.exec(CHAIN, { id: 'claim:nope' })).errors![0].extensions!.code).toBe('NOT_FOUND');
  });
});

describe('sourceChain on the fixtures', () => {
  it('calls several appearances with one origin circular reporting', async () => {
    const c = await chain('claim:wire-displaced');
    expect(c.paths.map((p: any) => p.steps.map((s: any) => s.to.id))).toEqual([
      ['src:wire-w-story', 'src:agency-a-report'],
      ['src:paper-q-article', 'src:wire-w-story', 'src:agency-a-report'],
    ]);
    expect(c.origins.map((o: any) => o.source.id)).toEqual(['src:agency-a-report']);
    expect(c.independentOriginCount).toBe(1);
    expect(c.circularReporting).toBe(true);
    expect(c.explanation).toMatch(/circular reporting/);
  });

  it('follows a republication chain to its origin, and cuts it at maxDepth when asked', async () => {
    const full = await chain('claim:paper-p-displaced');
    expect(full.paths[0].steps.map((s: any) => `${s.relation}:${s.kind ?? ''}`)).toEqual(['STATED_IN:', 'DERIVED_FROM:REPUBLISHES', 'DERIVED_FROM:CITES']);
    expect(full.institutions).toEqual([{ id: 'org:ministry-a' }]);
    const cut = await chain('claim:paper-p-displaced', 1);
    expect(cut.truncated).toBe(true);
    expect(cut.paths[0]).toMatchObject({ ending: 'MAX_DEPTH', end: { id: 'src:wire-w-story' } });
  });

  it('terminates on a citation cycle and reports it', async () => {
    const c = await chain('claim:blog-rumour');
    expect(c.cycles).toEqual([['src:blog-r-post', 'src:blog-s-post', 'src:blog-r-post']]);
    expect(c.paths.every((p: any) => p.ending === 'CYCLE')).toBe(true);
    expect(c.explanation).toMatch(/cycle/);
  });
});

const CORROBORATION = `query($id: ID!) { corroboration(claimId: $id) {
  comparisons { claim { id } allenRelation verdict gap sameOrigin reason }
  independentAgreeingOrigins independentConflictingOrigins credibility credibilityReason } }`;

describe('corroboration', () => {
  it('separates echoes of the same origin from independent agreement; the whole country’s figure is consistent, not agreement', async () => {
    const res = await t.exec(CORROBORATION, { id: 'claim:agency-displaced' });
    const c = res.data!.corroboration;
    const byId = Object.fromEntries(c.comparisons.map((x: any) => [x.claim.id, x]));
    expect(byId['claim:wire-displaced']).toMatchObject({ verdict: 'AGREES', sameOrigin: true, allenRelation: 'EQUALS' });
    expect(byId['claim:paper-p-displaced']).toMatchObject({ verdict: 'AGREES', sameOrigin: true });
    expect(byId['claim:spokes-displaced']).toMatchObject({ verdict: 'AGREES', sameOrigin: true });
    expect(byId['claim:ngo-displaced']).toMatchObject({ verdict: 'AGREES', sameOrigin: false });
    expect(byId['claim:institute-displaced']).toMatchObject({ verdict: 'NOT_COMPARABLE', sameOrigin: false });
    expect(byId['claim:institute-displaced'].reason).toMatch(/^this claim is about a part of the other claim’s region: consistent/);
    expect(c.independentAgreeingOrigins).toBe(1);
    expect(c.credibility).toBe(2);
  });

  it('finds the conflict of running totals stated the same day, and leaves other dates not comparable', async () => {
    const c = (await t.exec(CORROBORATION, { id: 'claim:cas-feb' })).data!.corroboration;
    const byId = Object.fromEntries(c.comparisons.map((x: any) => [x.claim.id, x]));
    expect(byId['claim:ngo-cas-feb']).toMatchObject({ verdict: 'CONFLICTS', gap: 1800, sameOrigin: false, allenRelation: 'EQUALS' });
    expect(byId['claim:cas-jan']).toMatchObject({ verdict: 'NOT_COMPARABLE', allenRelation: 'STARTS' });
    expect(byId['claim:cas-mar'].verdict).toBe('NOT_COMPARABLE');
    // Not comparable, but one series: whether it stays consistent, and how fast it grows.
    expect(byId['claim:cas-jan'].reason).toBe(
      'running totals as of different dates (2025-02-15 vs 2025-01-15): the later total (4,200 on 2025-02-15) is below the earlier (5,000 on 2025-01-15), which a running total cannot be — they count differently, or one is wrong',
    );
    expect(byId['claim:cas-mar'].reason).toMatch(
      /^running totals as of different dates \(2025-02-15 vs 2025-03-\d\d\): one consistent series, from 4,200 on 2025-02-15 to 5,600 on 2025-03-\d\d \(\+1,400 in \d+ days, about \d+(\.\d)? a day\)$/,
    );
    expect(c.independentConflictingOrigins).toBe(1);
    expect(c.credibility).toBe(5);
  });

  it('leaves out figures for periods that share no day with the claim', async () => {
    const feb = (await t.exec(CORROBORATION, { id: 'claim:agency-displaced' })).data!.corroboration;
    expect(feb.comparisons.map((x: any) => x.claim.id)).not.toContain('claim:agency-displaced-march');
    const march = (await t.exec(CORROBORATION, { id: 'claim:agency-displaced-march' })).data!.corroboration;
    expect(march).toMatchObject({ comparisons: [], credibility: 6 });
  });

  it('cannot judge a claim nothing else speaks to', async () => {
    const c = (await t.exec(CORROBORATION, { id: 'claim:blog-rumour' })).data!.corroboration;
    expect(c).toMatchObject({ comparisons: [], credibility: 6 });
  });
});

describe('crossReference', () => {
  it('shows where two bodies agree and conflict', async () => {
    const res = await t.exec(`{ crossReference(organizationIds: ["org:ministry-a", "org:ngo-b"]) {
      organizations { id } sharedMeasures { id } sharedRegions { id }
      agreements { a { id } b { id } } conflicts { a { id } b { id } gap } truncated graph { nodes { id } edges { id } } } }`);
    expect(res.errors).toBeUndefined();
    const x = res.data!.crossReference;
    expect(x.sharedMeasures.map((m: any) => m.id).sort()).toEqual(['measure:casualties', 'measure:displaced']);
    expect(x.sharedRegions.map((r: any) => r.id).sort()).toEqual(['region:landia', 'region:north']);
    expect(x.agreements).toContainEqual({ a: { id: 'claim:agency-displaced' }, b: { id: 'claim:ngo-displaced' } });
    expect(x.conflicts).toEqual([{ a: { id: 'claim:cas-feb' }, b: { id: 'claim:ngo-cas-feb' }, gap: 1800 }]);
    expect(x.truncated).toBe(false);
    expect(x.graph.nodes.map((n: any) => n.id)).toEqual(expect.arrayContaining(['org:ministry-a', 'org:ngo-b', 'claim:cas-feb']));
    // The pairs carried ids only, yet the picture still has the claims' own edges.
    expect(x.graph.edges.map((e: any) => e.id)).toContain('claim:cas-feb|ATTRIBUTED_TO|org:ministry-a');
  });

  it('loads the paired claims when more than their ids is selected, through fragments too', async () => {
    const ids = (await t.exec(`{ crossReference(organizationIds: ["org:ministry-a", "org:ngo-b"]) { conflicts { a { id } b { id } } } }`)).data!.crossReference;
    const full = (
      await t.exec(`{ crossReference(organizationIds: ["org:ministry-a", "org:ngo-b"]) { conflicts { a { id } b { ...Detail } } } }
        fragment Detail on Claim { id text attributedTo { id } }`)
    ).data!.crossReference;
    expect(full.conflicts.map((p: any) => [p.a.id, p.b.id])).toEqual(ids.conflicts.map((p: any) => [p.a.id, p.b.id]));
    expect(full.conflicts[0].b).toEqual({ id: 'claim:ngo-cas-feb', text: 'At least 6,000 casualties since January 2024.', attributedTo: [{ id: 'org:ngo-b' }] });
  });

  it("finds one body's sources derived from another's", async () => {
    const res = await t.exec(`{ crossReference(organizationIds: ["org:ministry-a", "org:wire-w"]) { derivations { source { id } derivedFrom { id } kind } commonSources { id } } }`);
    expect(res.data!.crossReference.derivations).toEqual([{ source: { id: 'src:wire-w-story' }, derivedFrom: { id: 'src:agency-a-report' }, kind: 'CITES' }]);
  });

  it('narrows by ClaimFilter and refuses fewer than two organizations', async () => {
    const res = await t.exec(`{ crossReference(organizationIds: ["org:ministry-a", "org:ngo-b"], filter: { measureIds: ["measure:casualties"] }) { agreements { a { id } } sharedMeasures { id } } }`);
    expect(res.data!.crossReference.sharedMeasures).toEqual([{ id: 'measure:casualties' }]);
    expect((await t.exec('{ crossReference(organizationIds: ["org:ngo-b"]) { truncated } }')).errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  });
});

describe('timeline', () => {
  it('orders a running total by period and flags the figure that went down', async () => {
    const res = await t.exec(`{ timeline(measureId: "measure:casualties", regionId: "region:landia") { claim { id } end value low high decreases previous { id } agents { id } source { id } } }`);
    const points = res.data!.timeline;
    expect(points.map((p: any) => p.claim.id)).toEqual(['claim:cas-jan', 'claim:cas-feb', 'claim:ngo-cas-feb', 'claim:cas-mar']);
    expect(points[1]).toMatchObject({ decreases: true, previous: { id: 'claim:cas-jan' }, end: '2025-02-15', value: 4200 });
    expect(points.filter((p: any) => p.decreases).length).toBe(1);
    expect(points[2]).toMatchObject({ low: 6000, high: null });
  });

  it('answers as of a date', async () => {
    const res = await t.exec(`{ timeline(measureId: "measure:casualties", asOf: "2025-02-01T00:00:00Z") { claim { id } } }`);
    expect(res.data!.timeline).toEqual([{ claim: { id: 'claim:cas-jan' } }]);
  });
});

describe('graph views', () => {
  const GRAPH = `query($seeds: [ID!]!, $depth: Int, $limit: Int, $types: [RelationshipType!], $kinds: [EntityKind!]) {
    graph(seeds: $seeds, depth: $depth, limit: $limit, edgeTypes: $types, kinds: $kinds) {
      nodes { id kind label hiddenNeighbours } edges { id source target type directed } truncated } }`;

  it('returns stable ids, only edges between shown nodes, and what expand would add', async () => {
    const once = (await t.exec(GRAPH, { seeds: ['org:agency-a'], depth: 1 })).data!.graph;
    const twice = (await t.exec(GRAPH, { seeds: ['org:agency-a'], depth: 1 })).data!.graph;
    expect(twice).toEqual(once);
    const ids = new Set(once.nodes.map((n: any) => n.id));
    expect(ids.has('org:ministry-a')).toBe(true);
    expect(ids.has('person:spokes-a')).toBe(true);
    for (const e of once.edges) expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
    expect(once.edges).toContainEqual({ id: 'org:agency-a|PART_OF|org:ministry-a', source: 'org:agency-a', target: 'org:ministry-a', type: 'PART_OF', directed: true });
    expect(once.nodes.find((n: any) => n.id === 'org:ministry-a').hiddenNeighbours).toBeGreaterThan(0);
  });

  it('draws properties only when selected (fragments too), with the same values the entity queries give', async () => {
    const claim = (await t.exec('{ claim(id: "claim:agency-displaced") { statedAt recordedAt period { start end } statedIn { statedAt } } }')).data!.claim;
    const query = `query($seeds: [ID!]!) { graph(seeds: $seeds, depth: 1) { ...View } }
      fragment View on GraphView { nodes { id label ... on GraphNode { properties } } edges { type properties } }`;
    const view = (await t.exec(query, { seeds: ['claim:agency-displaced', 'claim:no-such-claim'] })).data!.graph;
    const node = view.nodes.find((n: any) => n.id === 'claim:agency-displaced');
    expect(node.properties).toMatchObject({ statedAt: claim.statedAt, recordedAt: claim.recordedAt, periodStart: claim.period.start, periodEnd: claim.period.end, value: 12000 });
    expect(node.label).toBe('12,000 people were displaced in North Province in February 2025.');
    expect(view.nodes.map((n: any) => n.id)).not.toContain('claim:no-such-claim');
    const period = view.nodes.find((n: any) => n.id.startsWith('period:'));
    expect(period.properties).toMatchObject({ start: claim.period.start, end: claim.period.end });
    const statedIn = view.edges.find((e: any) => e.type === 'STATED_IN');
    expect(statedIn.properties.statedAt ?? null).toBe(claim.statedIn[0].statedAt);

    const bare = (await t.exec(GRAPH, { seeds: ['claim:agency-displaced'], depth: 1 })).data!.graph;
    expect(bare.nodes.find((n: any) => n.id === 'claim:agency-displaced').label).toBe(node.label);
  });

  it('cuts at the limit and says so; narrows by kinds and edge types', async () => {
    const cut = (await t.exec(GRAPH, { seeds: ['org:agency-a'], depth: 2, limit: 3 })).data!.graph;
    expect(cut.nodes.length).toBe(3);
    expect(cut.truncated).toBe(true);
    const narrowed = (await t.exec(GRAPH, { seeds: ['org:agency-a'], depth: 1, types: ['PART_OF'] })).data!.graph;
    expect(narrowed.nodes.map((n: any) => n.id).sort()).toEqual(['org:agency-a', 'org:ministry-a']);
    const bad = await t.exec(GRAPH, { seeds: ['org:agency-a'], types: ['DETACH DELETE'] });
    expect(bad.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    // A cross-reference's verdict edges are computed, not stored: no neighbourhood walks them.
    const computed = await t.exec(GRAPH, { seeds: ['org:agency-a'], types: ['AGREES_WITH'] });
    expect(computed.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(computed.errors![0].message).toMatch(/unknown edge type "AGREES_WITH"/);
  });
});

describe('an unstated scope', () => {
  it('is compared with claims in any region and said to be unstated, in corroboration and crossReference', async () => {
    // An outlet's figure for the same measure and month that names no region (the seed's new
    // reporting often does not): it must still meet, and here conflict with, the regional figures.
    await ingest(t.db, {
      source: { id: 'src:unplaced-wire', kind: 'ARTICLE', title: 'Unplaced wire', publisher: 'org:wire-w', publishedAt: '2025-03-02' },
      claims: [
        {
          id: 'claim:unplaced-displaced',
          text: '30,000 people were displaced in February 2025.',
          measure: 'measure:displaced',
          quantity: { value: 30000, unit: 'persons', bound: 'EXACT', aggregation: 'PERIOD_TOTAL' },
          period: { start: '2025-02', granularity: 'MONTH' },
          attributedTo: ['org:blog-s'],
        },
      ],
    });
    const Q = `query($id: ID!) { corroboration(claimId: $id) { comparisons { claim { id } verdict scopeUnstated reason } } }`;
    const from = async (id: string) => Object.fromEntries((await t.exec(Q, { id })).data!.corroboration.comparisons.map((x: any) => [x.claim.id, x]));
    const regional = await from('claim:agency-displaced');
    expect(regional['claim:unplaced-displaced']).toMatchObject({ verdict: 'CONFLICTS', scopeUnstated: true });
    expect(regional['claim:unplaced-displaced'].reason).toMatch(/scope is unstated: the other claim names no region/);
    expect(regional['claim:ngo-displaced']).toMatchObject({ verdict: 'AGREES', scopeUnstated: false });
    const unplaced = await from('claim:unplaced-displaced');
    expect(unplaced['claim:agency-displaced']).toMatchObject({ verdict: 'CONFLICTS', scopeUnstated: true });
    expect(unplaced['claim:agency-displaced'].reason).toMatch(/this claim names no region/);

    const x = (await t.exec(`{ crossReference(organizationIds: ["org:agency-a", "org:blog-s"]) { conflicts { a { id } b { id } scopeUnstated } } }`)).data!.crossReference;
    expect(x.conflicts).toContainEqual({ a: { id: 'claim:agency-displaced' }, b: { id: 'claim:unplaced-displaced' }, scopeUnstated: true });
  });
});

describe('a part and its whole, and retired figures', () => {
  it('says a city’s figure is consistent with its province’s, not agreement, and a part above the whole conflicts', async () => {
    const claim = (id: string, value: number, region: string, by: string, extra: object = {}) => ({
      id,
      text: `${value} people were displaced in February 2025.`,
      measure: 'measure:displaced',
      quantity: { value, unit: 'persons', bound: 'EXACT', aggregation: 'PERIOD_TOTAL' },
      period: { start: '2025-02', granularity: 'MONTH' },
      regions: [region],
      attributedTo: [by],
      ...extra,
    });
    await ingest(t.db, {
      source: { id: 'src:city-hall-feb', kind: 'STATEMENT', title: 'City hall, February', publisher: 'org:blog-s', publishedAt: '2025-03-03' },
      claims: [
        claim('claim:city-displaced', 3000, 'region:north-city', 'org:blog-s'),
        claim('claim:city-displaced-high', 20000, 'region:north-city', 'org:blog-s'),
        claim('claim:north-displaced-old', 12500, 'region:north', 'org:blog-s', { quantity: { value: 12500, unit: 'persons', bound: 'APPROX', aggregation: 'PERIOD_TOTAL' } }),
        // Replacing a figure makes it SUPERSEDED without anyone restating its status.
        claim('claim:north-displaced-revised', 12000, 'region:north', 'org:blog-s', { supersedes: ['claim:north-displaced-old'] }),
      ],
    });
    const Q = `query($id: ID!) { corroboration(claimId: $id) { comparisons { claim { id status } verdict counted reason } credibility credibilityReason } }`;
    const of = async (id: string) => (await t.exec(Q, { id })).data!.corroboration;
    const province = await of('claim:agency-displaced');
    const byId = Object.fromEntries(province.comparisons.map((x: any) => [x.claim.id, x]));
    expect(byId['claim:city-displaced']).toMatchObject({ verdict: 'NOT_COMPARABLE', counted: true });
    expect(byId['claim:city-displaced'].reason).toMatch(/part of this claim’s region: consistent, since the part \(3,000\) can be at most the whole \(12,000\)/);
    expect(byId['claim:city-displaced-high']).toMatchObject({ verdict: 'CONFLICTS', counted: true });
    expect(byId['claim:city-displaced-high'].reason).toMatch(/exceeds the whole/);
    // The replaced figure keeps its verdict (a conflict here), says why it does not count, and the grade says so too.
    expect(byId['claim:north-displaced-old']).toMatchObject({ verdict: 'CONFLICTS', counted: false, claim: { status: 'SUPERSEDED' } });
    expect(byId['claim:north-displaced-old'].reason).toMatch(/it is SUPERSEDED, so it is shown but not counted/);
    expect(province.credibilityReason).toMatch(/One superseded or retracted figure is not counted\.$/);
    // From the city's side the province is the whole.
    const city = Object.fromEntries((await of('claim:city-displaced')).comparisons.map((x: any) => [x.claim.id, x]));
    expect(city['claim:agency-displaced'].reason).toMatch(/this claim is about a part of the other claim’s region: consistent/);
    // A cross-reference reads nesting the same way: the city's 3,000 is no agreement with the province's 12,000.
    const x = (await t.exec(`{ crossReference(organizationIds: ["org:agency-a", "org:blog-s"]) { agreements { a { id } b { id } } conflicts { a { id } b { id } } } }`)).data!.crossReference;
    expect(x.agreements.map((p: any) => p.b.id)).not.toContain('claim:city-displaced');
    expect(x.conflicts.map((p: any) => p.b.id)).toContain('claim:city-displaced-high');
  });
});
