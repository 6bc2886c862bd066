/**
 * PART_OF cycles are refused at ingest: within one document, or closed against the edges the graph
 * already holds, as BAD_USER_INPUT at the closing entry's partOf, naming the cycle in order, with
 * nothing written. The same documents through `claimgraph import` (bulkImport) and the offline
 * importer's in-memory graph are refused the same way.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bulkImport } from '../../../src/services/ingest/bulkImport.js';
import { buildGraph } from '../../../src/services/ingest/offline/buildGraph.js';
import { graphCounts, resetGraph } from '../../helpers/graph.js';
import { createTestApp, type TestApp } from '../../helpers/testApp.js';

const INGEST = `mutation Ingest($doc: IngestDocument!) { ingest(document: $doc) { source { id } } }`;
const PARENTS = `query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Organization { partOf { id } } ... on Region { parent { id } } } }`;

type Entity = { id: string; name: string; partOf?: string };
const doc = (sourceId: string, organizations: Entity[] = [], regions: Entity[] = []) => ({
  source: { id: sourceId, kind: 'ARTICLE', title: `Article ${sourceId}`, publishedAt: '2025-01' },
  organizations,
  regions,
  claims: [],
});
const org = (slug: string, partOf?: string): Entity => ({ id: `org:${slug}`, name: `Org ${slug}`, ...(partOf ? { partOf: `org:${partOf}` } : {}) });
const region = (slug: string, partOf?: string): Entity => ({ id: `region:${slug}`, name: `Region ${slug}`, ...(partOf ? { partOf: `region:${partOf}` } : {}) });

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());
beforeEach(() => resetGraph(t.db));

/** Ingests a document that must be refused; returns its error after checking the graph is as it was. */
async function refused(document: unknown, path: string, cycle: string) {
  const before = await graphCounts(t.db);
  const res = await t.exec(INGEST, { doc: document });
  expect(res.data?.ingest ?? null).toBeNull();
  const [err] = res.errors!;
  expect(err.extensions?.code).toBe('BAD_USER_INPUT');
  expect(err.extensions?.jsonPath).toBe(path);
  expect(err.message).toContain(`${path}: `);
  expect(err.message).toContain(cycle);
  expect(await graphCounts(t.db)).toEqual(before);
  return err;
}

const parents = async (ids: string[]) => Object.fromEntries(((await t.exec(PARENTS, { ids })).data!.nodes as any[]).filter(Boolean).map((n) => [n.id, (n.partOf ?? n.parent)?.id ?? null]));

describe('PART_OF cycles', () => {
  it('refuses a 2-cycle of organizations within one document', async () => {
    await refused(doc('src:one', [org('a', 'b'), org('b', 'a')]), 'organizations[1].partOf', 'org:a → org:b → org:a');
    expect(await parents(['org:a', 'org:b', 'src:one'])).toEqual({});
  });

  it('refuses a document closing a cycle with the stored edges, and leaves those as they were', async () => {
    expect((await t.exec(INGEST, { doc: doc('src:one', [org('a', 'b'), org('b')]) })).errors).toBeUndefined();
    // Another source may fill in org:b's parent nobody stated yet, but not one that closes a cycle.
    await refused(doc('src:two', [org('b', 'a'), org('c')]), 'organizations[0].partOf', 'org:a → org:b → org:a');
    expect(await parents(['org:a', 'org:b', 'org:c', 'src:two'])).toEqual({ 'org:a': 'org:b', 'org:b': null });
  });

  it('refuses a 3-cycle of regions, closed through a stored chain', async () => {
    await refused(doc('src:one', [], [region('r1', 'r2'), region('r2', 'r3'), region('r3', 'r1')]), 'regions[2].partOf', 'region:r1 → region:r2 → region:r3 → region:r1');
    expect(await parents(['region:r1', 'region:r2', 'region:r3'])).toEqual({});
    expect((await t.exec(INGEST, { doc: doc('src:one', [], [region('r1', 'r2'), region('r2', 'r3'), region('r3')]) })).errors).toBeUndefined();
    await refused(doc('src:two', [], [region('r3', 'r1')]), 'regions[0].partOf', 'region:r1 → region:r2 → region:r3 → region:r1');
    expect(await parents(['region:r1', 'region:r2', 'region:r3'])).toEqual({ 'region:r1': 'region:r2', 'region:r2': 'region:r3', 'region:r3': null });
  });

  it('does not count a stored edge the document replaces', async () => {
    expect((await t.exec(INGEST, { doc: doc('src:one', [org('a', 'b'), org('b')]) })).errors).toBeUndefined();
    // The owner moves org:a under org:c: its stored edge to org:b goes, so org:b under org:a is no cycle.
    const res = await t.exec(INGEST, { doc: doc('src:one', [org('a', 'c'), org('b', 'a'), org('c')]) });
    expect(res.errors).toBeUndefined();
    expect(await parents(['org:a', 'org:b', 'org:c'])).toEqual({ 'org:a': 'org:c', 'org:b': 'org:a', 'org:c': null });
  });

  it('claimgraph import refuses the closing document of a batch and loads the rest', async () => {
    const items = [doc('src:one', [org('a', 'b'), org('b')]), doc('src:two', [org('b', 'a')])].map((raw, i) => ({ ref: `docs.ndjson:${i + 1}`, raw }));
    const stats = await bulkImport(t.db, items);
    expect(stats.accepted).toBe(1);
    expect(stats.rejected).toEqual([expect.objectContaining({ ref: 'docs.ndjson:2', problems: [{ path: 'organizations[0].partOf', message: expect.stringContaining('org:a → org:b → org:a') }] })]);
    expect(await parents(['org:a', 'org:b', 'src:two'])).toEqual({ 'org:a': 'org:b', 'org:b': null });
  });

  it('the offline importer refuses it the same way', async () => {
    const items = [doc('src:one', [org('a', 'b'), org('b')]), doc('src:two', [org('b', 'a')]), doc('src:three', [org('x', 'y'), org('y', 'x')])].map((raw, i) => ({
      ref: `docs.ndjson:${i + 1}`,
      raw,
    }));
    const { model, stats } = await buildGraph(items);
    expect(stats.rejected.map((r) => [r.ref, r.problems.map((p) => `${p.path}: ${p.message}`)])).toEqual([
      ['docs.ndjson:2', [expect.stringMatching(/^organizations\[0\]\.partOf: .*org:a → org:b → org:a$/)]],
      ['docs.ndjson:3', [expect.stringMatching(/^organizations\[1\]\.partOf: .*org:x → org:y → org:x$/)]],
    ]);
    expect(model.targets(model.get('org:b')!, 'PART_OF')).toEqual([]);
    expect(model.get('src:two')).toBeUndefined();
  });
});
