/**
 * Concurrent writers never see internal errors: 8 writers × 250 documents through the GraphQL
 * layer, all naming the same organizations, regions and upstream sources (the contention that
 * used to deadlock). Every acknowledged document must be present and whole.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, resetGraph } from '../../helpers/graph.js';
import { createTestApp, type TestApp } from '../../helpers/testApp.js';

const WRITERS = 8;
const DOCUMENTS = 250;
const INGEST = 'mutation($doc: IngestDocument!) { ingest(document: $doc) { claimCount } }';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await resetGraph(t.db);
  const base = fixture('minimal.json');
  expect((await t.exec(INGEST, { doc: base })).errors).toBeUndefined();
});
afterAll(() => t.close());

/** Writer w's document j: its own source and claims, shared everything else (restated unchanged). */
function document(w: number, j: number) {
  const base = fixture('minimal.json');
  const shared = (j + w) % 3;
  return {
    source: {
      id: `src:w${w}-d${j}`,
      kind: 'ARTICLE',
      title: `Writer ${w} document ${j}`,
      publisher: 'org:fixture-news',
      derivedFrom: [
        { source: 'src:fixture-dataset', kind: 'CITES' },
        { source: `src:shared-${shared}`, kind: 'QUOTES' },
      ],
    },
    sources: [{ id: `src:shared-${shared}`, kind: 'REPORT', title: `Shared report ${shared}`, publisher: 'org:fixture-agency' }],
    organizations: base.organizations,
    regions: base.regions,
    measures: base.measures,
    claims: [0, 1].map((k) => ({
      id: `claim:w${w}-d${j}-${k}`,
      text: `Writer ${w} counted ${j * 10 + k}.`,
      measure: 'measure:fixture-count',
      quantity: { value: j * 10 + k, unit: 'persons', bound: 'EXACT', aggregation: 'PERIOD_TOTAL' },
      period: { start: '2025-06', granularity: 'MONTH' },
      regions: [k ? 'region:fixtureland' : 'region:north-fixture'],
      attributedTo: ['org:fixture-agency'],
      basedOn: [`src:shared-${shared}`],
    })),
  };
}

describe('8 concurrent writers', () => {
  it('all documents acknowledged, none with an error, every one present and whole', async () => {
    const errors: unknown[] = [];
    await Promise.all(
      Array.from({ length: WRITERS }, async (_, w) => {
        for (let j = 0; j < DOCUMENTS; j++) {
          const res = await t.exec(INGEST, { doc: document(w, j) });
          if (res.errors) errors.push(res.errors);
          else expect(res.data!.ingest.claimCount).toBe(2);
        }
      }),
    );
    expect(errors).toEqual([]);
    console.info(`8 writers: ${WRITERS * DOCUMENTS} documents, ${t.db.writeRetries} transactions retried after losing a race`);
    const claims = await t.exec('{ claims(first: 1, filter: { measureIds: ["measure:fixture-count"] }) { totalCount } }');
    expect(claims.data!.claims.totalCount).toBe(2 + WRITERS * DOCUMENTS * 2);
    // Each acknowledged document whole: its claims with every link, its source with its derivations.
    for (const [w, j] of [
      [0, 0],
      [3, 124],
      [7, 249],
    ]) {
      const res = await t.exec(
        `{ source(id: "src:w${w}-d${j}") { publisher { id } derivedFrom { derivedFrom { id } } } claim(id: "claim:w${w}-d${j}-1") { quantity { value } measure { id } regions { id } attributedTo { id } statedIn { source { id } } } }`,
      );
      expect(res.data!.source.publisher.id).toBe('org:fixture-news');
      expect(res.data!.source.derivedFrom).toHaveLength(2);
      expect(res.data!.claim).toEqual({
        quantity: { value: j * 10 + 1 },
        measure: { id: 'measure:fixture-count' },
        regions: [{ id: 'region:fixtureland' }],
        attributedTo: [{ id: 'org:fixture-agency' }],
        statedIn: [{ source: { id: `src:w${w}-d${j}` } }],
      });
    }
    const ingestions = await t.exec('{ ingestions(first: 1) { totalCount } }');
    expect(ingestions.data!.ingestions.totalCount).toBe(1 + WRITERS * DOCUMENTS);
  }, 300_000);
});
