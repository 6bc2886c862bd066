/**
 * The whole-graph export: ingest documents that re-import into the same graph, and PROV-O; both
 * streamed a page at a time, and the same whatever the page size.
 */
import path from 'node:path';
import jsonld from 'jsonld';
import { provViolations } from '../../helpers/provOntology.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDocuments } from '../../../src/cli/readDocuments.js';
import type { Database } from '../../../src/db/database.js';
import { bulkImport } from '../../../src/services/ingest/bulkImport.js';
import { allEntities, exportedDocuments, exportText, FIXTURES, graphCounts, resetGraph, seedGraph } from '../../helpers/graph.js';
import { createTestApp, type TestApp } from '../../helpers/testApp.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedGraph(t.db);
  await bulkImport(t.db, readDocuments([path.join(FIXTURES, 'provenance.ndjson')]));
});
afterAll(() => t.close());

/** The graph's content without the time this graph learned it (recordedAt). */
async function snapshot(db: Database) {
  return (await allEntities(db)).map(({ props: { recordedAt: _r, ...props }, out, id, kind }) => ({
    id,
    kind,
    props,
    out: [...out].sort((a, b) => `${a.type}${a.id}`.localeCompare(`${b.type}${b.id}`)),
  }));
}

async function domainCounts(db: Database) {
  const { nodes, relationships, ingestions, bookkeepingRelationships } = await graphCounts(db);
  const { revisions } = await graphCounts(db);
  return { nodes: nodes - ingestions - revisions, relationships: relationships - bookkeepingRelationships };
}

describe('export', () => {
  it('as ingest documents re-imports to the same graph', async () => {
    const before = await snapshot(t.db);
    const counts = await domainCounts(t.db);
    const docs = await exportedDocuments(t.db);
    await resetGraph(t.db);
    const stats = await bulkImport(
      t.db,
      docs.map((raw, i) => ({ ref: `doc ${i}`, raw })),
    );
    expect(stats.rejected).toEqual([]);
    // Ingestions (bookkeeping: who wrote what, when) differ by design: one per exported document.
    expect(await domainCounts(t.db)).toEqual(counts);
    expect(await snapshot(t.db)).toEqual(before);
  });

  it('as PROV-O JSON-LD parses and holds every node', async () => {
    const rows = await allEntities(t.db);
    const text = await exportText(t.db, 'prov-jsonld');
    // Streamed, it is still the document JSON.stringify(…, null, 2) prints.
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    const expanded = (await jsonld.expand(JSON.parse(text))) as Record<string, any>[];
    expect(expanded.length).toBe(rows.length);
    expect(provViolations(expanded)).toEqual([]);
  });

  it('is the same text whatever the page size (pages of 3 ids against 1,000)', async () => {
    for (const format of ['ndjson', 'prov-jsonld'] as const) {
      const whole = await exportText(t.db, format);
      expect(whole.length).toBeGreaterThan(1000);
      expect(await exportText(t.db, format, 3)).toBe(whole);
    }
  });

  it('of an empty graph is no documents, and a PROV-O document with an empty @graph', async () => {
    await resetGraph(t.db);
    expect(await exportText(t.db, 'ndjson')).toBe('');
    const prov = await exportText(t.db, 'prov-jsonld');
    expect(JSON.parse(prov)['@graph']).toEqual([]);
    expect(prov).toBe(`${JSON.stringify(JSON.parse(prov), null, 2)}\n`);
  });
});
