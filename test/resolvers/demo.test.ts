/**
 * The demo corpus (data/demo/) on top of the seed: each effect the README promises a newcomer,
 * checked through the GraphQL layer — circular reporting, independent agreement, a conflict
 * between two officials, a share compared with an absolute area, a running total that grows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteAll } from '../../src/services/admin/admin.js';
import { loadSeedAndDemo, seedIfEmpty } from '../../src/services/admin/seed.js';
import { seedGraph } from '../helpers/graph.js';
import { createTestApp, type TestApp } from '../helpers/testApp.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await deleteAll(t.db);
  expect(await seedIfEmpty(t.db)).toBe(true);
});
// Leave the graph as the other files expect to find it: the seed alone.
afterAll(async () => {
  await seedGraph(t.db);
  await t.close();
});

const CORROBORATION = `query($id: ID!) { corroboration(claimId: $id) {
  independentAgreeingOrigins independentConflictingOrigins credibility credibilityReason
  comparisons { claim { id } verdict sameOrigin reason } } }`;

async function corroboration(id: string) {
  const res = await t.exec(CORROBORATION, { id });
  expect(res.errors).toBeUndefined();
  return res.data!.corroboration;
}

describe('the demo corpus', () => {
  it('loads with the seed into an empty graph, and loading it again changes nothing', async () => {
    const again = await loadSeedAndDemo(t.db);
    expect(again.length).toBeGreaterThanOrEqual(9);
    expect(again.reduce((n, o) => n + o.nodesCreated + o.relationshipsCreated, 0)).toBe(0);
    const res = await t.exec('{ claims(first: 1) { totalCount } }');
    expect(res.data!.claims.totalCount).toBeGreaterThan(24);
  });

  it("shows circular reporting: one outlet cites two that both go back to the project's data", async () => {
    const res = await t.exec(`{ sourceChain(claimId: "claim:morning-briefing-record-week-350") {
      circularReporting independentOriginCount paths { end { id } } explanation } }`);
    const chain = res.data!.sourceChain;
    expect(chain.circularReporting).toBe(true);
    expect(chain.independentOriginCount).toBe(1);
    expect(chain.paths.map((p: any) => p.end.id)).toEqual(['src:i-want-to-live-data', 'src:i-want-to-live-data']);
    expect(chain.explanation).toMatch(/copies, not confirmation/);
    // The seed's own 350: three outlets agree, all repeating its origin.
    const seed = await corroboration('claim:express-2025-record-week-350');
    expect(seed.comparisons.filter((c: any) => c.verdict === 'AGREES' && c.sameOrigin)).toHaveLength(3);
    expect(seed.independentAgreeingOrigins).toBe(0);
    expect(seed.credibility).toBe(3);
  });

  it("compares the seed's 0.8% of Ukraine with absolute areas: one agrees, the other official's conflicts", async () => {
    const c = await corroboration('claim:express-2025-territory-taken-0-8-percent-2025');
    const verdict = Object.fromEntries(c.comparisons.map((x: any) => [x.claim.id, x.verdict]));
    expect(verdict).toMatchObject({ 'claim:deepstate-territory-taken-2025': 'AGREES', 'claim:gerasimov-territory-taken-2025': 'CONFLICTS' });
    expect(c.comparisons.find((x: any) => x.claim.id === 'claim:deepstate-territory-taken-2025').reason).toMatch(/603,550 km2/);
    expect([c.independentAgreeingOrigins, c.independentConflictingOrigins]).toEqual([1, 1]);
    expect(c.credibilityReason).toBe('Doubtful: 1 independent origin agrees, 1 conflicts.');
    const xref = await t.exec(`{ crossReference(organizationIds: ["org:armed-forces-ua", "org:armed-forces-ru"]) { conflicts { a { id } b { id } } } }`);
    expect(xref.data!.crossReference.conflicts).toEqual([{ a: { id: 'claim:express-2025-territory-taken-0-8-percent-2025' }, b: { id: 'claim:gerasimov-territory-taken-2025' } }]);
  });

  it("has independent bodies agree on the General Staff's count of June 2025", async () => {
    const c = await corroboration('claim:general-staff-casualties-2025-06-16');
    const uk = c.comparisons.find((x: any) => x.claim.id === 'claim:uk-defence-intelligence-casualties-2025-06');
    expect(uk).toMatchObject({ verdict: 'AGREES', sameOrigin: false });
    expect(c.credibility).toBe(2);
  });

  it("gives the General Staff's running total a series that grows", async () => {
    const res = await t.exec(`{ timeline(measureId: "measure:russian-military-casualties", regionId: "region:ukraine") {
      claim { id quantity { aggregation } attributedTo { id } } value decreases } }`);
    const series = res.data!.timeline.filter((p: any) => p.claim.quantity.aggregation === 'CUMULATIVE' && p.claim.attributedTo.some((a: any) => a.id === 'org:general-staff-ua'));
    expect(series.length).toBeGreaterThanOrEqual(4);
    const values = series.map((p: any) => p.value);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    expect(series.some((p: any) => p.decreases)).toBe(false);
  });
});

describe('the cross-reference graph', () => {
  /** The nodes reachable from `from` over the view's edges, either way. */
  function reach(graph: { edges: { source: string; target: string }[] }, from: string): Set<string> {
    const seen = new Set([from]);
    for (let grew = true; grew;) {
      grew = false;
      for (const e of graph.edges) {
        if (seen.has(e.source) !== seen.has(e.target)) {
          seen.add(e.source);
          seen.add(e.target);
          grew = true;
        }
      }
    }
    return seen;
  }

  it.each([
    ['org:armed-forces-ua', 'org:armed-forces-ru'],
    ['org:general-staff-ua', 'org:uk-defence-intelligence'],
    ['org:general-staff-ua', 'org:i-want-to-live'],
  ])('connects %s and %s through their claims, measures, sources and the people who speak for them', async (a, b) => {
    const res = await t.exec(`query($ids: [ID!]!) { crossReference(organizationIds: $ids) { sharedMeasures { id } commonSources { id } graph { nodes { id } edges { source target type } } } }`, {
      ids: [a, b],
    });
    expect(res.errors).toBeUndefined();
    const x = res.data!.crossReference;
    const fromA = reach(x.graph, a);
    expect(fromA.has(b)).toBe(true);
    for (const m of x.sharedMeasures) expect(fromA.has(m.id)).toBe(true);
    for (const s of x.commonSources) expect(fromA.has(s.id)).toBe(true);
  });
});
