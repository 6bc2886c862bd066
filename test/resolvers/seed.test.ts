/**
 * The seed article as a graph, checked through the GraphQL layer against what the article says.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedGraph } from '../helpers/graph.js';
import { ingest } from '../../src/services/ingest/ingest.js';
import { createTestApp, type TestApp } from '../helpers/testApp.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedGraph(t.db);
});
afterAll(() => t.close());

describe('the seed graph', () => {
  it('counts every figure and finding of the article', async () => {
    const res = await t.exec('{ claims(first: 100) { totalCount edges { node { id quote } } } }');
    expect(res.data!.claims.totalCount).toBe(24);
    for (const { node } of res.data!.claims.edges) expect(node.quote, node.id).toBeTruthy();
  });

  it('places the 350 surrenders in a week of August 2024, from the "I Want to Live" project', async () => {
    const res = await t.exec(`{ claim(id: "claim:express-2025-record-week-350") {
      quantity { value bound aggregation } period { start end granularity label }
      attributedTo { id name } basedOn { id publisher { id } } statedIn { source { id publisher { name } } } } }`);
    const c = res.data!.claim;
    expect(c.quantity).toEqual({ value: 350, bound: 'EXACT', aggregation: 'PERIOD_TOTAL' });
    expect(c.period).toEqual({ start: '2024-08-01', end: '2024-08-31', granularity: 'WEEK', label: 'a week in August 2024' });
    expect(c.attributedTo).toEqual([{ id: 'org:i-want-to-live', name: '“I Want to Live” project' }]);
    expect(c.basedOn).toEqual([{ id: 'src:i-want-to-live-data', publisher: { id: 'org:i-want-to-live' } }]);
    expect(c.statedIn).toEqual([{ source: { id: 'src:express-2025-russian-surrenders', publisher: { name: 'Express' } } }]);
  });

  it('attributes 1,213,460 casualties to the General Staff, part of the Armed Forces', async () => {
    const res = await t.exec(`{ claim(id: "claim:express-2025-casualties-1213460") {
      quantity { value bound aggregation } period { start end }
      attributedTo { ... on Organization { id partOf { id } } } } }`);
    expect(res.data!.claim).toEqual({
      quantity: { value: 1213460, bound: 'APPROX', aggregation: 'CUMULATIVE' },
      period: { start: '2022-02-24', end: null },
      attributedTo: [{ id: 'org:general-staff-ua', partOf: { id: 'org:armed-forces-ua' } }],
    });
  });

  it('reads bounds as the article words them', async () => {
    const res = await t.exec(`{ nodes(ids: ["claim:express-2025-pows-returned-over-6000", "claim:express-2025-weekly-surrenders-60-90", "claim:express-2025-casualties-2025-almost-420000"]) {
      ... on Claim { quantity { value low high bound per } } } }`);
    expect(res.data!.nodes.map((n: any) => n.quantity)).toEqual([
      { value: 6000, low: null, high: null, bound: 'AT_LEAST', per: null },
      { value: null, low: 60, high: 90, bound: 'RANGE', per: 'WEEK' },
      { value: 420000, low: null, high: null, bound: 'ALMOST', per: null },
    ]);
  });

  it('includes Donetsk and Zaporizhzhia claims when filtering on Ukraine, and not Kursk', async () => {
    const ids = async (filter: string) => (await t.exec(`{ claims(first: 100, filter: ${filter}) { edges { node { id } } } }`)).data!.claims.edges.map((e: any) => e.node.id);
    const ukraine = await ids('{ regionIds: ["region:ukraine"] }');
    expect(ukraine).toEqual(expect.arrayContaining(['claim:express-2025-majority-captured-in-donetsk', 'claim:express-2025-captured-in-zaporizhzhia']));
    expect(ukraine).not.toContain('claim:express-2025-captured-in-kursk');
    const only = await ids('{ regionIds: ["region:ukraine"], includeSubregions: false }');
    expect(only).not.toContain('claim:express-2025-majority-captured-in-donetsk');
    expect(await ids('{ regionIds: ["region:russia"] }')).toEqual(['claim:express-2025-captured-in-kursk']);
  });

  it('finds the army chief by the spelling the article uses', async () => {
    const res = await t.exec('{ search(text: "Syrskii") { kind id label node { ... on Person { roles { title organization { id } } } } } }');
    expect(res.data!.search[0]).toEqual({
      kind: 'PERSON',
      id: 'person:oleksandr-syrskyi',
      label: 'Oleksandr Syrskyi',
      node: { roles: [{ title: 'Commander-in-Chief', organization: { id: 'org:armed-forces-ua' } }] },
    });
  });

  it('finds organizations by alias, narrowed by kind', async () => {
    const res = await t.exec(`{ search(text: "Ukraine's General Staff", kinds: [ORGANIZATION], first: 3) { id kind } }`);
    expect(res.data!.search[0]).toEqual({ id: 'org:general-staff-ua', kind: 'ORGANIZATION' });
    expect(res.data!.search.every((h: any) => h.kind === 'ORGANIZATION')).toBe(true);
  });
});

describe('approximations as precise as the figure', () => {
  it('"almost 420,000" (the seed, 2025) conflicts with "about 455,000" for the same year, and agrees with "about 415,000"', async () => {
    await ingest(t.db, {
      source: { id: 'src:precision-wire', kind: 'ARTICLE', title: 'Precision wire', publisher: 'org:express', publishedAt: '2026-01-05' },
      claims: [
        {
          id: 'claim:precision-about-455000',
          text: 'About 455,000 Russian casualties in 2025.',
          measure: 'measure:russian-military-casualties',
          quantity: { value: 455000, unit: 'persons', bound: 'APPROX', aggregation: 'PERIOD_TOTAL' },
          period: { start: '2025', granularity: 'YEAR' },
          regions: ['region:ukraine'],
        },
        {
          id: 'claim:precision-about-415000',
          text: 'About 415,000 Russian casualties in 2025.',
          measure: 'measure:russian-military-casualties',
          quantity: { value: 415000, unit: 'persons', bound: 'APPROX', aggregation: 'PERIOD_TOTAL' },
          period: { start: '2025', granularity: 'YEAR' },
          regions: ['region:ukraine'],
        },
      ],
    });
    const res = await t.exec(
      `{ corroboration(claimId: "claim:express-2025-casualties-2025-almost-420000") { comparisons { claim { id quantity { bound precision effectivePrecision } } verdict gap reason } } }`,
    );
    expect(res.errors).toBeUndefined();
    const byId = Object.fromEntries(res.data!.corroboration.comparisons.map((c: any) => [c.claim.id, c]));
    expect(byId['claim:precision-about-455000']).toMatchObject({ verdict: 'CONFLICTS', gap: 34500, reason: 'their value intervals [410,000, 420,000] and [454,500, 455,500] are 34,500 apart' });
    expect(byId['claim:precision-about-455000'].claim.quantity).toEqual({ bound: 'APPROX', precision: null, effectivePrecision: 1000 });
    expect(byId['claim:precision-about-415000']).toMatchObject({ verdict: 'AGREES', gap: null });
  });

  it('takes a stated precision, and refuses one that is not a positive rounding unit', async () => {
    const doc = (precision: unknown) => ({
      source: { id: 'src:precision-stated', kind: 'ARTICLE', publisher: 'org:express', publishedAt: '2026-01-06' },
      claims: [
        {
          id: 'claim:precision-stated',
          text: 'Some 455,000, to the nearest 5,000.',
          measure: 'measure:russian-military-casualties',
          quantity: { value: 455000, unit: 'persons', bound: 'APPROX', precision, aggregation: 'PERIOD_TOTAL' },
          period: { start: '2025', granularity: 'YEAR' },
          regions: ['region:ukraine'],
        },
      ],
    });
    await expect(ingest(t.db, doc(0))).rejects.toThrow(/claims\[0\]\.quantity\.precision: .*must be greater than 0, got 0/);
    await ingest(t.db, doc(5000));
    const res = await t.exec(`{ claim(id: "claim:precision-stated") { quantity { precision effectivePrecision } } }`);
    expect(res.data!.claim.quantity).toEqual({ precision: 5000, effectivePrecision: 5000 });
  });
});
