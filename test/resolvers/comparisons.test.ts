/**
 * Comparisons a careful analyst would sign, on the seed and test/fixtures/comparisons.ndjson:
 * figures as precise as they are written, an unstated scope compared, units converted both ways,
 * a share made absolute with the base the graph holds, and units that do not convert.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDocuments } from '../../src/cli/readDocuments.js';
import { bulkImport } from '../../src/services/ingest/bulkImport.js';
import { FIXTURES, seedGraph } from '../helpers/graph.js';
import { createTestApp, type TestApp } from '../helpers/testApp.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedGraph(t.db);
  const stats = await bulkImport(t.db, readDocuments([path.join(FIXTURES, 'comparisons.ndjson')]));
  expect(stats.rejected).toEqual([]);
});
afterAll(() => t.close());

const SEED_ALMOST = 'claim:express-2025-casualties-2025-almost-420000';
const SEED_SHARE = 'claim:express-2025-territory-taken-0-8-percent-2025';

interface Compared {
  verdict: string;
  gap: number | null;
  scopeUnstated: boolean;
  reason: string;
}

async function comparisons(claimId: string): Promise<Record<string, Compared>> {
  const res = await t.exec(`query($id: ID!) { corroboration(claimId: $id) { comparisons { claim { id } verdict gap scopeUnstated reason } } }`, { id: claimId });
  expect(res.errors).toBeUndefined();
  return Object.fromEntries(res.data!.corroboration.comparisons.map((c: any) => [c.claim.id, c]));
}

describe('figures as precise as they are written', () => {
  it('"almost 420,000" conflicts with "about 455,000" (to the nearest 5,000), an unstated scope compared and said', async () => {
    const c = await comparisons(SEED_ALMOST);
    expect(c['claim:wire-casualties-2025-about-455000']).toMatchObject({ verdict: 'CONFLICTS', gap: 32_500, scopeUnstated: true });
    expect(c['claim:wire-casualties-2025-about-455000'].reason).toMatch(/\[410,000, 420,000\] and \[452,500, 457,500\].*scope is unstated: the other claim names no region/);
  });
});

describe('units', () => {
  it('converts thousands of persons to persons, and back from the other side', async () => {
    const fromSeed = (await comparisons(SEED_ALMOST))['claim:wire-casualties-2025-420-thousand'];
    expect(fromSeed).toMatchObject({ verdict: 'AGREES', scopeUnstated: false });
    // 420 is written to the nearest 10 (thousand): ± 5 thousand.
    expect(fromSeed.reason).toContain('[415, 425] thousand persons is [415,000, 425,000] persons (× 1,000)');
    const fromThousands = (await comparisons('claim:wire-casualties-2025-420-thousand'))[SEED_ALMOST];
    expect(fromThousands.verdict).toBe('AGREES');
    expect(fromThousands.reason).toContain('[410,000, 420,000] persons is [410, 420] thousand persons (× 0.001)');
  });

  it("converts square miles to square kilometres, and a conflict keeps its gap in the asking claim's unit", async () => {
    const c = (await comparisons('claim:wire-territory-2025-4800-km2'))['claim:blog-territory-2025-3600-mi2'];
    expect(c.verdict).toBe('CONFLICTS');
    expect(c.reason).toContain('[3,550, 3,650] sq mi is [9,194.457792, 9,453.456603] km2');
    expect(c.gap).toBeCloseTo(9194.457792 - 4850, 3);
    const back = (await comparisons('claim:blog-territory-2025-3600-mi2'))['claim:wire-territory-2025-4800-km2'];
    expect(back.verdict).toBe('CONFLICTS');
    expect(back.gap).toBeCloseTo(3550 - 4850 / 2.589988110336, 3);
  });

  it('leaves units of different dimensions NOT_COMPARABLE, with the reason (on a measure without a unit: one with a unit refuses them at ingest)', async () => {
    const c = (await comparisons('claim:wire-losses-2025-persons'))['claim:wire-casualties-2025-divisions'];
    expect(c).toMatchObject({ verdict: 'NOT_COMPARABLE', gap: null });
    expect(c.reason).toBe('units of different dimensions (persons vs divisions) do not convert');
  });
});

describe('a share of a base the graph holds', () => {
  it('makes 0.8% of Ukraine\'s 603,550 km² into 4,828.4 km², agreeing with "about 4,800 km²" and conflicting with 3,600 square miles', async () => {
    const c = await comparisons(SEED_SHARE);
    const km2 = c['claim:wire-territory-2025-4800-km2'];
    expect(km2.verdict).toBe('AGREES');
    expect(km2.reason).toContain('the share [0.8, 0.8] percent of Area of a country, Ukraine 603,550 km2 (claim:express-2025-ukraine-area-603550) is [4,828.4, 4,828.4] km2');
    expect(km2.reason).toContain('[4,828.4, 4,828.4] and [4,750, 4,850] overlap');
    const mi2 = c['claim:blog-territory-2025-3600-mi2'];
    expect(mi2).toMatchObject({ verdict: 'CONFLICTS', scopeUnstated: true });
    expect(mi2.gap).toBeCloseTo(9194.457792 - 4828.4, 3);
  });

  it("is found from the absolute figure's side too", async () => {
    const c = (await comparisons('claim:wire-territory-2025-4800-km2'))[SEED_SHARE];
    expect(c.verdict).toBe('AGREES');
    expect(c.reason).toContain('is [4,828.4, 4,828.4] km2');
  });

  it('stays NOT_COMPARABLE, saying why, when the graph holds no base for its region; shares of different wholes are not compared as percentages', async () => {
    const fromKm2 = (await comparisons('claim:wire-territory-2025-4800-km2'))['claim:wire-territory-donetsk-share-2025'];
    expect(fromKm2.verdict).toBe('NOT_COMPARABLE');
    expect(fromKm2.reason).toBe("the graph holds no Area of a country for Donetsk Oblast in the share's period, so the share cannot be made absolute");
    const fromShare = (await comparisons(SEED_SHARE))['claim:wire-territory-donetsk-share-2025'];
    expect(fromShare.verdict).toBe('NOT_COMPARABLE');
  });

  it("pairs in a cross-reference: Syrskyi's share against the wire's kilometres", async () => {
    const res = await t.exec(`{ crossReference(organizationIds: ["org:armed-forces-ua", "org:wire-x"]) { agreements { a { id } b { id } } conflicts { a { id } b { id } } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.crossReference.agreements).toContainEqual({ a: { id: SEED_SHARE }, b: { id: 'claim:wire-territory-2025-4800-km2' } });
  });

  it('says what a share measure is a share of', async () => {
    const res = await t.exec(`{ measure(id: "measure:ukrainian-territory-taken-share") { shareOf { base { id } part { id unit } } } }`);
    expect(res.data!.measure.shareOf).toEqual({ base: { id: 'measure:country-area' }, part: { id: 'measure:ukrainian-territory-taken-area', unit: 'km2' } });
  });
});
