/**
 * The anchored claim queries (claims/anchoredPage, claims/anchoredPageRows, and for one anchor
 * taken alone claims/directAnchorPageRows) skip the per-candidate checks when the anchor alone
 * satisfies the filter; they must answer exactly as the full queries do for every such filter,
 * order and page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, seedGraph } from '../../helpers/graph.js';
import { createTestApp, type TestApp } from '../../helpers/testApp.js';
import { ingest } from '../../../src/services/ingest/ingest.js';
import { anchorSuffices, claimFilterParams, directAnchor, type ClaimFilterInput } from '../../../src/services/claims/claims.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedGraph(t.db);
  await ingest(t.db, fixture('minimal.json'));
  await ingest(t.db, MULTI_LINKED);
});

/** Claims in several regions of one country and of several agents of one ministry: counted once each. */
const MULTI_LINKED = {
  source: { id: 'src:fixture-multi', kind: 'ARTICLE', title: 'Multi-linked', publisher: 'org:fixture-news', publishedAt: '2025-07-01' },
  claims: [
    {
      id: 'claim:fixture-multi-1',
      text: 'Counted in both.',
      measure: 'measure:fixture-count',
      quantity: { value: 7, unit: 'persons', bound: 'EXACT', aggregation: 'PERIOD_TOTAL' },
      period: { start: '2025-06', granularity: 'MONTH' },
      regions: ['region:fixtureland', 'region:north-fixture'],
      attributedTo: ['org:fixture-agency', 'person:fixture-spokesperson', 'org:fixture-ministry'],
    },
    {
      id: 'claim:fixture-multi-2',
      text: 'Counted in the north.',
      measure: 'measure:fixture-count',
      quantity: { value: 8, unit: 'persons', bound: 'EXACT', aggregation: 'PERIOD_TOTAL' },
      period: { start: '2025-06', granularity: 'MONTH' },
      regions: ['region:north-fixture', 'region:ukraine'],
      attributedTo: ['org:fixture-agency', 'org:hur'],
    },
  ],
};
afterAll(() => t.close());

const ANCHOR_ONLY: ClaimFilterInput[] = [
  {},
  { attributedTo: ['org:armed-forces-ua'] },
  { attributedTo: ['org:armed-forces-ua'], includeSubsidiaries: true },
  { attributedTo: ['org:hur', 'org:general-staff-ua'], includeSubsidiaries: true },
  { regionIds: ['region:ukraine'] },
  { regionIds: ['region:ukraine'], includeSubregions: false },
  { measureIds: ['measure:russian-soldiers-surrendered', 'measure:russian-military-casualties'] },
  { sourceIds: ['src:express-2025-russian-surrenders', 'src:fixture-article'] },
  { regionIds: ['region:fixtureland'] },
  { regionIds: ['region:fixtureland', 'region:north-fixture'], includeSubregions: false },
  { regionIds: ['region:fixtureland', 'region:ukraine'] },
  { attributedTo: ['org:fixture-ministry'], includeSubsidiaries: true },
  { attributedTo: ['org:fixture-agency', 'person:fixture-spokesperson'] },
  { attributedTo: ['org:unknown'] },
  { measureIds: ['measure:fixture-count', 'measure:fixture-count'] },
];
const PAGE = 7;
const ORDERS = [
  { orderField: 'ID', direction: 1 },
  { orderField: 'STATED_AT', direction: -1 },
  { orderField: 'VALUE', direction: 1 },
  { orderField: 'PERIOD_START', direction: -1 },
];

describe('anchored claim queries', () => {
  it('answer as the full filter does: count, every page in order, and the rows', async () => {
    let compared = 0;
    for (const filter of ANCHOR_ONLY) {
      const params = claimFilterParams(filter);
      expect(anchorSuffices(params), JSON.stringify(filter)).toBe(true);
      for (const order of ORDERS) {
        let after = { afterKey: -1e18, afterId: '' };
        for (let pageNo = 0; pageNo < 50; pageNo++) {
          // Walks of 1 and 2 page lengths make broad anchors fall back to sorting now and then.
          const f = { ...params, ...order, ...after, walk: [400, 1, 2][pageNo % 3] };
          const [full] = await t.db.read<any>('claims/claimsPage', { f, limit: PAGE });
          const [anchored] = await t.db.read<any>('claims/anchoredPage', { f, limit: PAGE });
          expect(anchored, `${JSON.stringify(filter)} ${order.orderField} page ${pageNo}`).toEqual(full);
          const p = { types: ['STATED_IN', 'ABOUT'] };
          const [fullRows] = await t.db.read<any>('claims/claimsPageRows', { f, p, limit: PAGE });
          const [anchoredRows] = await t.db.read<any>('claims/anchoredPageRows', { f, p, limit: PAGE });
          const byId = (rows: any[]) => [...rows].sort((a, b) => (a[0] < b[0] ? -1 : 1));
          expect(anchoredRows.page).toEqual(fullRows.page);
          expect(anchoredRows.page.map(([id, key]: [string, number]) => ({ id, key }))).toEqual(full.page);
          expect(byId(anchoredRows.rows)).toEqual(byId(fullRows.rows));
          compared += 1;
          if (full.page.length < PAGE) break;
          // A full page's last key only tells that a next page exists (its claim has no row):
          // the next page starts at it, so every claim's row is compared once.
          const last = full.page[PAGE - 2];
          after = { afterKey: last.key, afterId: last.id };
        }
      }
    }
    expect(compared).toBeGreaterThan(ANCHOR_ONLY.length * ORDERS.length);
  });

  it('one anchor taken alone (directAnchorPageRows) pages as the full filter does, walked or sorted, whole or partial rows', async () => {
    const filters = [
      ...ANCHOR_ONLY,
      { regionIds: ['region:north-fixture'], includeSubregions: false },
      { measureIds: ['measure:fixture-count'] },
      { attributedTo: ['person:fixture-spokesperson'] },
      { regionIds: ['org:hur'], includeSubregions: false },
      { measureIds: ['org:hur'] },
    ];
    const shape = { props: { Claim: ['text', 'recordedAt'], Source: ['title'] }, out: { Claim: ['STATED_IN'] }, in: {}, edgeProps: ['STATED_IN'] };
    let compared = 0;
    for (const filter of filters) {
      const params = claimFilterParams(filter);
      const direct = anchorSuffices(params) ? directAnchor(params) : null;
      if (!direct) continue;
      // broadShare 0 never counts an anchor broad (the sort); 200 makes this small graph's anchors broad (the walk).
      for (const broadShare of [0, 200]) {
        for (const p of [{ types: ['STATED_IN', 'ABOUT'] }, { types: ['STATED_IN'], shape }]) {
          let after = { afterKey: -1e18, afterId: '' };
          for (let pageNo = 0; pageNo < 50; pageNo++) {
            const f = { ...params, orderField: 'ID', direction: 1, ...after, walk: [400, 1, 2][pageNo % 3] };
            const [full] = await t.db.read<any>('claims/claimsPageRows', { f, p, limit: PAGE });
            // As services/claims sends it: the keyset cut and the anchor, no other filter key.
            const [fast] = await t.db.read<any>('claims/directAnchorPageRows', { f: { afterKey: f.afterKey, afterId: f.afterId, walk: f.walk, ...direct, broadShare }, p, limit: PAGE });
            const byId = (rows: any[]) => [...rows].sort((a, b) => (a[0] < b[0] ? -1 : 1));
            const what = `${JSON.stringify(filter)} broadShare ${broadShare} page ${pageNo}`;
            expect(fast.page, what).toEqual(full.page);
            expect(byId(fast.rows), what).toEqual(byId(full.rows));
            compared += 1;
            if (full.page.length < PAGE) break;
            // The last key only tells that a next page exists: its claim's row is not read, and
            // the next page starts at it.
            expect(
              fast.rows.some((r: any[]) => r[0] === full.page[PAGE - 1][0]),
              what,
            ).toBe(false);
            const [lastId, lastKey] = full.page[PAGE - 2];
            after = { afterKey: lastKey, afterId: lastId };
          }
        }
      }
    }
    expect(compared).toBeGreaterThanOrEqual(24);
  });

  it('take the direct query only for one agent, measure or region alone', () => {
    const direct = (filter: ClaimFilterInput) => directAnchor(claimFilterParams(filter));
    expect(direct({ attributedTo: ['org:hur'] })).toEqual({ anchorId: 'org:hur', via: 'ATTRIBUTED_TO' });
    expect(direct({ measureIds: ['measure:x'] })).toEqual({ anchorId: 'measure:x', via: 'ABOUT' });
    expect(direct({ regionIds: ['region:ukraine'], includeSubregions: false })).toEqual({ anchorId: 'region:ukraine', via: 'IN_REGION' });
    expect(direct({ regionIds: ['region:ukraine'] })).toBeNull();
    expect(direct({ attributedTo: ['org:hur'], includeSubsidiaries: true })).toBeNull();
    expect(direct({ attributedTo: ['org:hur', 'org:general-staff-ua'] })).toBeNull();
    expect(direct({ sourceIds: ['src:x'] })).toBeNull();
    expect(direct({})).toBeNull();
  });

  it('count a claim linked to several of the regions or agents once, also after a correction unlinks it', async () => {
    const count = async (filter: ClaimFilterInput) => {
      const f = { ...claimFilterParams(filter), orderField: 'ID', direction: 1, afterKey: -1e18, afterId: '', walk: 400 };
      const [anchored] = await t.db.read<any>('claims/anchoredPage', { f, limit: 1 });
      const [full] = await t.db.read<any>('claims/claimsPage', { f, limit: 1 });
      expect(anchored.totalCount, JSON.stringify(filter)).toBe(full.totalCount);
      return anchored.totalCount as number;
    };
    expect(await count({ regionIds: ['region:fixtureland'] })).toBe(4);
    expect(await count({ attributedTo: ['org:fixture-ministry'], includeSubsidiaries: true })).toBe(4);
    const corrected = structuredClone(MULTI_LINKED);
    corrected.claims[0].regions = ['region:north-fixture'];
    corrected.claims[0].attributedTo = ['org:fixture-agency'];
    await ingest(t.db, corrected);
    expect(await count({ regionIds: ['region:fixtureland'] })).toBe(4);
    expect(await count({ regionIds: ['region:fixtureland'], includeSubregions: false })).toBe(1);
    expect(await count({ attributedTo: ['org:fixture-ministry'], includeSubsidiaries: true })).toBe(4);
  });

  it('are not used when another condition or a second anchor applies', () => {
    const not: ClaimFilterInput[] = [
      { attributedTo: ['org:hur'], regionIds: ['region:ukraine'] },
      { measureIds: ['measure:x'], text: 'soldiers' },
      { regionIds: ['region:ukraine'], period: { from: '2024-01-01' } },
      { asOf: '2025-01-01T00:00:00Z' },
      { status: ['ACTIVE'] },
      { minConfidence: 0.5 },
    ];
    for (const filter of not) expect(anchorSuffices(claimFilterParams(filter)), JSON.stringify(filter)).toBe(false);
  });
});
