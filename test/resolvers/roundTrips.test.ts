/**
 * Database round trips per request for the common shapes (issue #10's W1–W4): a root field loads
 * its rows together with the neighbours its selection needs, so these counts must not grow.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDocuments } from '../../src/cli/readDocuments.js';
import { bulkImport } from '../../src/services/ingest/bulkImport.js';
import { createEntityLoader } from '../../src/services/entities/entities.js';
import { sourceChain } from '../../src/services/provenance/sourceChain.js';
import { FIXTURES, seedGraph } from '../helpers/graph.js';
import { createTestApp, type TestApp } from '../helpers/testApp.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedGraph(t.db);
});
afterAll(() => t.close());

async function trips(query: string): Promise<{ trips: number; data: any }> {
  const before = t.db.queryCount;
  const res = await t.exec(query);
  expect(res.errors).toBeUndefined();
  return { trips: t.db.queryCount - before, data: res.data };
}

const SHAPES = {
  W1: `{ claim(id: "claim:express-2025-record-week-350") { id text quantity { value } statedIn { source { id title } } attributedTo { id name } measure { id name } regions { id name } } }`,
  W2: `{ claims(first: 20, filter: { attributedTo: ["org:i-want-to-live"] }) { edges { node { id text statedIn { source { title } } measure { name } } } } }`,
  W3: `{ source(id: "src:express-2025-russian-surrenders") { title derivedFrom { kind derivedFrom { id title publisher { name } } } } }`,
  W4: `{ claims(first: 20, filter: { regionIds: ["region:ukraine"] }) { edges { node { id text measure { name } regions { name } } } } }`,
};

describe('round trips of the common shapes', () => {
  it('W1 a claim with its sources, agents, measure and regions: 1', async () => {
    const r = await trips(SHAPES.W1);
    expect(r.data.claim.measure.id).toBe('measure:russian-soldiers-surrendered');
    expect(r.data.claim.statedIn[0].source.title).toBeTruthy();
    expect(r.trips).toBe(1);
  });

  it("W2 an organization's claims with source titles and measures: 1 (the page with its rows and their neighbours)", async () => {
    const r = await trips(SHAPES.W2);
    expect(r.data.claims.edges.length).toBeGreaterThan(0);
    expect(r.trips).toBe(1);
  });

  it('W3 a source with what it derives from and their publishers: 1', async () => {
    const r = await trips(SHAPES.W3);
    expect(r.data.source.derivedFrom.length).toBe(4);
    expect(r.trips).toBe(1);
  });

  it("W4 a country's claims with subregions: 1", async () => {
    const r = await trips(SHAPES.W4);
    expect(r.data.claims.edges.length).toBeGreaterThan(5);
    expect(r.trips).toBe(1);
  });

  it('a list with totalCount counts every match (2 trips) and pages the same claims', async () => {
    const counted = await trips(`{ claims(first: 5, filter: { regionIds: ["region:ukraine"] }) { totalCount edges { cursor node { id measure { name } } } pageInfo { hasNextPage endCursor } } }`);
    const plain = await trips(`{ claims(first: 5, filter: { regionIds: ["region:ukraine"] }) { edges { cursor node { id measure { name } } } pageInfo { hasNextPage endCursor } } }`);
    expect(counted.trips).toBe(2);
    expect(counted.data.claims.totalCount).toBeGreaterThan(5);
    expect(plain.data.claims.edges).toEqual(counted.data.claims.edges);
    expect(plain.data.claims.pageInfo).toEqual(counted.data.claims.pageInfo);
    // The next page, through the cursor, without counting.
    const next = await trips(`{ claims(first: 5, after: "${plain.data.claims.pageInfo.endCursor}", filter: { regionIds: ["region:ukraine"] }) { edges { node { id } } } }`);
    const nextCounted = await trips(`{ claims(first: 5, after: "${plain.data.claims.pageInfo.endCursor}", filter: { regionIds: ["region:ukraine"] }) { totalCount edges { node { id } } } }`);
    expect(next.data.claims.edges).toEqual(nextCounted.data.claims.edges);
    const empty = await trips(`{ claims(first: 5, filter: { regionIds: ["region:none"] }) { edges { node { id } } pageInfo { hasNextPage } } }`);
    expect(empty.data.claims).toEqual({ edges: [], pageInfo: { hasNextPage: false } });
  });

  it('the answers equal those of the plain loads', async () => {
    // The same selections through node(id) fragments (another root) answer the same data.
    const viaNode = await t.exec(
      `{ node(id: "claim:express-2025-record-week-350") { ... on Claim { id text quantity { value } statedIn { source { id title } } attributedTo { id name } measure { id name } regions { id name } } } }`,
    );
    const direct = await t.exec(SHAPES.W1);
    expect(viaNode.data!.node).toEqual(direct.data!.claim);
  });
});

describe('round trips of the provenance answers', () => {
  const CLAIM = 'claim:express-2025-record-week-350';
  const PATHS = 'paths { steps { from { id } relation kind to { id title } } end { id title } ending }';
  const AGENTS = 'origins { source { id } agents { id name } institutions { id } } independentOriginCount institutions { id } circularReporting';

  it('sourceChain with its paths: 1 (the claim and its sources in one query)', async () => {
    const r = await trips(`{ sourceChain(claimId: "${CLAIM}") { ${PATHS} truncated cycles } }`);
    expect(r.data.sourceChain.paths.length).toBeGreaterThan(0);
    expect(r.trips).toBe(1);
  });

  it('sourceChain with origins, independence, explanation and graph: still 1; PROV adds its ingestions', async () => {
    const full = await trips(`{ sourceChain(claimId: "${CLAIM}") { ${PATHS} ${AGENTS} explanation graph { nodes { id } edges { id } } } }`);
    expect(full.trips).toBe(1);
    expect(full.data.sourceChain.independentOriginCount).toBeGreaterThan(0);
    const paths = await trips(`{ sourceChain(claimId: "${CLAIM}") { ${PATHS} } }`);
    expect(paths.data.sourceChain.paths).toEqual(full.data.sourceChain.paths);
    const prov = await trips(`{ sourceChain(claimId: "${CLAIM}") { prov } }`);
    expect(prov.trips).toBe(2);
  });

  it('corroboration with its comparisons, their claims and the grade, shares made absolute included: 1 (their neighbours: 2)', async () => {
    const stats = await bulkImport(t.db, readDocuments([path.join(FIXTURES, 'comparisons.ndjson')]));
    expect(stats.rejected).toEqual([]);
    for (const id of ['claim:express-2025-casualties-2025-almost-420000', 'claim:express-2025-territory-taken-0-8-percent-2025']) {
      const r = await trips(
        `{ corroboration(claimId: "${id}") { comparisons { claim { id text quantity { value } } verdict sameOrigin counted reason } independentAgreeingOrigins independentConflictingOrigins credibility credibilityReason } }`,
      );
      expect(r.data.corroboration.comparisons.length).toBeGreaterThan(0);
      expect(r.trips).toBe(1);
      // The compared claims' own neighbours are one more level: one batched trip, not one per claim.
      const nested = await trips(`{ corroboration(claimId: "${id}") { comparisons { claim { id measure { name } regions { name } } verdict } } }`);
      expect(nested.trips).toBe(2);
    }
  });

  it('timeline with its points, their claims, sources and agents: 1; an unknown measure or region is NOT_FOUND', async () => {
    const r = await trips(
      `{ timeline(measureId: "measure:russian-soldiers-surrendered") { start end value low high bound decreases claim { id text } source { id title } agents { id name } previous { id } } }`,
    );
    expect(r.data.timeline.length).toBeGreaterThan(0);
    expect(r.data.timeline.some((p: any) => p.source && p.agents.length)).toBe(true);
    expect(r.trips).toBe(1);
    const inRegion = await trips(`{ timeline(measureId: "measure:russian-soldiers-surrendered", regionId: "region:ukraine") { claim { id } } }`);
    expect(inRegion.trips).toBe(1);
    for (const args of ['measureId: "measure:none"', 'measureId: "measure:russian-soldiers-surrendered", regionId: "region:none"', 'measureId: "region:ukraine"']) {
      const res = await t.exec(`{ timeline(${args}) { claim { id } } }`);
      expect(res.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    }
  });

  it('graph at depth 1: 1 (the ring with its cards), narrowed too; the same view as the ring-by-ring path gives at depth 2 when nothing lies further', async () => {
    const view = `nodes { id kind label hiddenNeighbours properties } edges { id source target type properties } truncated`;
    const r = await trips(`{ graph(seeds: ["${CLAIM}", "org:none"], limit: 8) { ${view} } }`);
    expect(r.trips).toBe(1);
    expect(r.data.graph.nodes[0].id).toBe(CLAIM);
    expect(r.data.graph.nodes.length).toBeLessThanOrEqual(8);
    const narrowed = await trips(`{ graph(seeds: ["${CLAIM}"], edgeTypes: [STATED_IN], kinds: [SOURCE]) { ${view} } }`);
    expect(narrowed.trips).toBe(1);
    expect(narrowed.data.graph.edges.every((e: any) => e.type === 'STATED_IN')).toBe(true);
    // Two rings where the second adds nothing new within STATED_IN from a claim: the same view by the other path.
    const deeper = await t.exec(`{ graph(seeds: ["${CLAIM}"], depth: 2, edgeTypes: [STATED_IN], kinds: [SOURCE]) { ${view} } }`);
    expect(deeper.data!.graph).toEqual(narrowed.data.graph);
  });

  it('what the look-ahead did not foresee is loaded when read (one more trip), with the same answer', async () => {
    const read = async (agents: boolean) => {
      const before = t.db.queryCount;
      const c = await sourceChain(t.db, createEntityLoader(t.db), CLAIM, 6, { agents });
      const answer = { count: await c.independentOriginCount(), explanation: await c.explanation(), graph: await c.graph(), institutions: (await c.institutions()).map((a) => a.id) };
      return { answer, trips: t.db.queryCount - before };
    };
    const foreseen = await read(true);
    const late = await read(false);
    expect(late.answer).toEqual(foreseen.answer);
    expect(foreseen.trips).toBe(1);
    expect(late.trips).toBeGreaterThan(1);
  });
});
