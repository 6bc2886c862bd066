/**
 * README "Limits": every filter id list ≤ 100 entries and filter text ≤ 500 characters, refused
 * before any query as BAD_USER_INPUT naming the argument; a request within them still answers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, resetGraph } from '../../helpers/graph.js';
import { createTestApp, type TestApp } from '../../helpers/testApp.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await resetGraph(t.db);
  expect((await t.exec(`mutation($doc: IngestDocument!) { ingest(document: $doc) { claimCount } }`, { doc: fixture('minimal.json') })).errors).toBeUndefined();
});
afterAll(() => t.close());

const many = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i));

/** [what, query, variables, the argument path refused] */
const OVER: [string, string, Record<string, unknown>, string][] = [
  ['organizations: 10,000 characters of text', 'query($v: String!) { organizations(filter: { text: $v }) { totalCount } }', { v: 'x'.repeat(10_000) }, 'filter.text'],
  ['sources: 10,000 publisher ids', 'query($v: [ID!]!) { sources(filter: { publisherIds: $v }) { totalCount } }', { v: many(10_000, (i) => `org:p${i}`) }, 'filter.publisherIds'],
  ['regions: 10,000 kinds', 'query($v: [String!]!) { regions(filter: { kinds: $v }) { totalCount } }', { v: many(10_000, (i) => `KIND${i}`) }, 'filter.kinds'],
  ['sources: 101 kinds', 'query($v: [SourceKind!]!) { sources(filter: { kinds: $v }) { totalCount } }', { v: many(101, () => 'ARTICLE') }, 'filter.kinds'],
  ['claims: 101 statuses', 'query($v: [ClaimStatus!]!) { claims(filter: { status: $v }) { totalCount } }', { v: many(101, () => 'ACTIVE') }, 'filter.status'],
];

describe('filter limits', () => {
  for (const [what, query, variables, path] of OVER) {
    it(`refuses ${what}`, async () => {
      const before = t.db.queryCount;
      const res = await t.exec(query, variables);
      expect(res.data ?? null).toBeNull();
      expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', jsonPath: path });
      expect(res.errors![0].message).toMatch(new RegExp(`^${path.replace('.', '\\.')}: .*at most (100|500)`));
      expect(t.db.queryCount).toBe(before);
    });
  }

  it('answers a request at the limits', async () => {
    const res = await t.exec(
      `query($ids: [ID!]!, $text: String!) {
        sources(filter: { publisherIds: $ids }) { totalCount }
        organizations(filter: { text: $text }) { totalCount }
        regions(filter: { kinds: ["COUNTRY"], text: "fixture" }) { edges { node { id } } }
      }`,
      { ids: ['org:fixture-agency', ...many(99, (i) => `org:p${i}`)], text: 'x'.repeat(500) },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ sources: { totalCount: 1 }, organizations: { totalCount: 0 }, regions: { edges: [{ node: { id: 'region:fixtureland' } }] } });
  });
});
