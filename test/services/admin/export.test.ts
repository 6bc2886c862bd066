/**
 * The whole-graph export: ingest documents that re-import into the same graph, and PROV-O.
 */
import path from 'node:path';
import jsonld from 'jsonld';
import { provViolations } from '../../helpers/provOntology.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDocuments } from '../../../src/cli/readDocuments.js';
import type { Database } from '../../../src/db/database.js';
import { createEntityLoader } from '../../../src/services/entities/entities.js';
import { DEFAULT_BASE_IRI } from '../../../src/config.js';
import { loadAllEntities, toIngestDocuments, toProvDocument } from '../../../src/services/admin/export.js';
import { bulkImport } from '../../../src/services/ingest/bulkImport.js';
import { FIXTURES, graphCounts, resetGraph, seedGraph } from '../../helpers/graph.js';
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
  const rows = await loadAllEntities(db, createEntityLoader(db));
  return rows.map(({ props: { recordedAt: _r, ...props }, out, id, kind }) => ({
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
    const docs = toIngestDocuments(await loadAllEntities(t.db, createEntityLoader(t.db)));
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
    const rows = await loadAllEntities(t.db, createEntityLoader(t.db));
    const expanded = (await jsonld.expand(toProvDocument(rows, DEFAULT_BASE_IRI) as never)) as Record<string, any>[];
    expect(expanded.length).toBe(rows.length);
    expect(provViolations(expanded)).toEqual([]);
  });
});
