/**
 * ClaimFilter semantics, keyset pagination, page limits and the round-trip budget, through the
 * GraphQL layer on the seed graph plus the fixture document.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, seedGraph } from '../helpers/graph.js';
import { createTestApp, type TestApp } from '../helpers/testApp.js';
import { ingest } from '../../src/services/ingest/ingest.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedGraph(t.db);
  await ingest(t.db, fixture('minimal.json'));
});
afterAll(() => t.close());

async function ids(filter: string, extra = ''): Promise<string[]> {
  const res = await t.exec(`{ claims(first: 100, filter: ${filter} ${extra}) { edges { node { id } } } }`);
  expect(res.errors).toBeUndefined();
  return res.data!.claims.edges.map((e: any) => e.node.id.replace('claim:express-2025-', ''));
}

describe('ClaimFilter', () => {
  it('period OVERLAPS, WITHIN and CONTAINS; open ends run to the date stated', async () => {
    const aug2024 = await ids('{ period: { from: "2024-08-01", to: "2024-08-31" } }');
    expect(aug2024).toContain('record-week-350');
    expect(aug2024).toContain('captures-outpace-ukrainian-since-june-2023');
    expect(aug2024).not.toContain('record-surrender-year-2025');
    const within = await ids('{ period: { from: "2024-01-01", to: "2024-12-31", relation: WITHIN } }');
    expect(within).toEqual(['record-week-350']);
    const contains = await ids('{ period: { from: "2024-08-10", to: "2024-08-12", relation: CONTAINS }, measureIds: ["measure:russian-soldiers-surrendered"] }');
    expect(contains).toEqual(['record-week-350']);
    // Stated December 2025, "since June 2023" runs to 2025-12-01: it does not reach 2026.
    expect(await ids('{ period: { from: "2026-01-01" } }')).toEqual([]);
  });

  it('attributedTo, with and without subsidiaries and the people in them', async () => {
    expect(await ids('{ attributedTo: ["org:armed-forces-ua"] }')).toEqual([]);
    expect(await ids('{ attributedTo: ["org:armed-forces-ua"], includeSubsidiaries: true }')).toEqual(['casualties-1213460', 'territory-taken-0-8-percent-2025', 'ukraine-area-603550']);
    expect((await ids('{ attributedTo: ["org:hur"], includeSubsidiaries: true }')).length).toBe(11);
  });

  it('measure, source, text, confidence and status', async () => {
    expect(await ids('{ measureIds: ["measure:russian-military-casualties"] }')).toEqual(['casualties-1213460', 'casualties-2025-almost-420000']);
    expect(await ids('{ sourceIds: ["src:fixture-article"] }')).toEqual(['claim:fixture-1', 'claim:fixture-2']);
    expect(await ids('{ text: "MERCENARIES" }')).toEqual(['mercenaries-40-countries', 'mercenaries-7-percent']);
    expect(await ids('{ minConfidence: 0.95, measureIds: ["measure:russian-soldiers-captured"] }')).toEqual([]);
    expect((await ids('{ status: [SUPERSEDED] }')).length).toBe(0);
  });

  it('asOf returns only what had been stated by then', async () => {
    expect(await ids('{ asOf: "2025-06-30T00:00:00Z" }')).toEqual(['claim:fixture-1', 'claim:fixture-2']);
    expect(await ids('{ asOf: "2025-06-01T00:00:00Z" }')).toEqual([]);
  });

  it('combined conditions keep exactly the claims every one of them keeps', async () => {
    const conditions = [
      'attributedTo: ["org:hur"], includeSubsidiaries: true',
      'measureIds: ["measure:russian-soldiers-surrendered", "measure:russian-military-casualties"]',
      'regionIds: ["region:ukraine"]',
      'sourceIds: ["src:express-2025-russian-surrenders"]',
      'period: { from: "2024-01-01", to: "2025-12-31" }',
    ];
    const alone = await Promise.all(conditions.map((c) => ids(`{ ${c} }`)));
    for (let i = 0; i < conditions.length; i++) {
      for (let j = i + 1; j < conditions.length; j++) {
        const both = await ids(`{ ${conditions[i]}, ${conditions[j]} }`);
        expect(both.sort(), `${conditions[i]} and ${conditions[j]}`).toEqual(alone[i].filter((id) => alone[j].includes(id)).sort());
      }
    }
    expect(alone.every((list) => list.length > 0)).toBe(true);
  });

  it('refuses an inverted period and a confidence outside 0..1', async () => {
    const res = await t.exec('{ claims(filter: { period: { from: "2025-02-01", to: "2025-01-01" } }) { totalCount } }');
    expect(res.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/period/) });
    expect((await t.exec('{ claims(filter: { minConfidence: 2 }) { totalCount } }')).errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  });
});

describe('pagination', () => {
  it('walks every claim exactly once with keyset cursors, in value order', async () => {
    const seen: { id: string; value: number | null }[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const res: any = await t.exec(
        `query($after: String) { claims(first: 7, after: $after, orderBy: { field: VALUE, direction: DESC }) {
          totalCount edges { node { id quantity { value low } } } pageInfo { hasNextPage hasPreviousPage endCursor } } }`,
        { after },
      );
      const c = res.data.claims;
      expect(c.totalCount).toBe(26);
      expect(c.pageInfo.hasPreviousPage).toBe(after !== null);
      seen.push(...c.edges.map((e: any) => ({ id: e.node.id, value: e.node.quantity?.value ?? e.node.quantity?.low ?? null })));
      pages += 1;
      if (!c.pageInfo.hasNextPage) break;
      after = c.pageInfo.endCursor;
    }
    expect(pages).toBe(4);
    expect(new Set(seen.map((s) => s.id)).size).toBe(26);
    const values = seen.map((s) => s.value ?? -Infinity);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(seen[0].id).toBe('claim:express-2025-casualties-1213460');
  });

  it('pages every claim in id order, unfiltered, as the filtered query orders them', async () => {
    const walk = async (filter: string) => {
      const seen: string[] = [];
      let after: string | null = null;
      for (;;) {
        const res: any = await t.exec(`query($after: String) { claims(first: 10, after: $after${filter}) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }`, { after });
        expect(res.data.claims.totalCount).toBe(26);
        seen.push(...res.data.claims.edges.map((e: any) => e.node.id));
        if (!res.data.claims.pageInfo.hasNextPage) return seen;
        after = res.data.claims.pageInfo.endCursor;
      }
    };
    const unfiltered = await walk('');
    expect(unfiltered).toEqual([...unfiltered].sort());
    expect(new Set(unfiltered).size).toBe(26);
    // minConfidence 0 keeps every claim but goes through the general query.
    expect(await walk(', filter: { minConfidence: 0 }')).toEqual(unfiltered);
  });

  it('limits first to 1..100 and refuses cursors it did not issue', async () => {
    for (const first of [0, 101, -5]) {
      const res = await t.exec(`{ claims(first: ${first}) { totalCount } }`);
      expect(res.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/between 1 and 100/) });
    }
    const res = await t.exec('{ claims(after: "not-a-cursor") { totalCount } }');
    expect(res.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('pages organizations, sources, regions and measures with totals', async () => {
    const res = await t.exec(`{
      organizations(first: 2, filter: { text: "general staff" }) { totalCount edges { node { id } } }
      sources(filter: { kinds: [DATASET] }) { totalCount edges { node { id } } }
      regions(filter: { parentId: "region:ukraine" }) { totalCount edges { node { id } } }
      measures(first: 1) { totalCount pageInfo { hasNextPage } }
    }`);
    expect(res.data).toEqual({
      organizations: { totalCount: 1, edges: [{ node: { id: 'org:general-staff-ua' } }] },
      sources: { totalCount: 2, edges: [{ node: { id: 'src:fixture-dataset' } }, { node: { id: 'src:i-want-to-live-data' } }] },
      regions: { totalCount: 2, edges: [{ node: { id: 'region:donetsk-oblast' } }, { node: { id: 'region:zaporizhzhia-oblast' } }] },
      measures: { totalCount: 21, pageInfo: { hasNextPage: true } },
    });
  });
});

describe('round trips', () => {
  it('nested fields of a list cost a bounded number of queries, whatever the list length', async () => {
    const query = (first: number) => `{ claims(first: ${first}) { edges { node {
      id attributedTo { id name } statedIn { quote source { id title publisher { name } } }
      regions { name parent { name } } period { start end } measure { name } } } } }`;
    const count = async (first: number) => {
      const before = t.db.queryCount;
      const res = await t.exec(query(first));
      expect(res.errors).toBeUndefined();
      expect(res.data!.claims.edges.length).toBe(first);
      return t.db.queryCount - before;
    };
    const few = await count(2);
    const many = await count(20);
    expect(many).toBe(few);
    expect(many).toBeLessThanOrEqual(5);
  });

  it('claim lists nested in a list each keep their own count and page', async () => {
    const res = await t.exec(`{ regions(first: 6) { edges { node { id claims(first: 2) { totalCount edges { node { id } } } } } } }`);
    expect(res.errors).toBeUndefined();
    const many = { regions: res.data!.regions.edges.map((e: any) => e.node) };
    expect(many.regions.length).toBeGreaterThan(1);
    // Each nested list answers as the same list asked for on its own.
    for (const region of many.regions) {
      const alone = (await t.exec(`{ claims(first: 2, filter: { regionIds: ["${region.id}"] }) { totalCount edges { node { id } } } }`)).data!.claims;
      expect(region.claims).toEqual(alone);
    }
  });
});
