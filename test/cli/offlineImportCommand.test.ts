/**
 * `claimgraph import --offline` against the real importer: the graph it builds in an empty store
 * equals what the online import of the same files builds (entity rows, the ndjson export and the
 * counts; only recordedAt and updatedAt, the times this graph learned things, differ), a rejected document loads nothing of itself, and a store that
 * holds data is refused.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseWebhookHosts } from '../../src/services/watches/hostPolicy.js';
import { createWatch, watches } from '../../src/services/watches/watchStore.js';
import { offlineImportCommand } from '../../src/cli/offlineImportCommand.js';
import { readDocuments } from '../../src/cli/readDocuments.js';
import { loadConfig, type Config } from '../../src/config.js';
import type { Database } from '../../src/db/database.js';
import { freePort } from '../../src/ports.js';
import { addKey, storedKeys } from '../../src/services/access/keyStore.js';
import { startRuntime } from '../../src/runtime.js';
import { search } from '../../src/services/catalog/search.js';
import { bulkImport } from '../../src/services/ingest/bulkImport.js';
import { allEntities, exportedDocuments, FIXTURES, graphCounts, resetGraph, SEED_FILE } from '../helpers/graph.js';
import { quietLog } from '../helpers/quietLog.js';
import { createTestApp, type TestApp } from '../helpers/testApp.js';

const FILES = [SEED_FILE, path.join(FIXTURES, 'minimal.json'), path.join(FIXTURES, 'provenance.ndjson'), path.join(FIXTURES, 'corrections.ndjson')];

let t: TestApp;
let dir: string;
let config: Config;
beforeAll(async () => {
  t = await createTestApp();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-offline-'));
  config = loadConfig({ ...process.env, CLAIMGRAPH_DATA: dir, EMBEDDED_NEO4J_PORT: String(await freePort()), NEO4J_URI: '' });
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/**
 * Drops recordedAt, and updatedAt (when this graph recorded a correction: the same clock),
 * wherever they appear: the two imports ran at different times.
 */
function withoutRecordedAt(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutRecordedAt);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => k !== 'recordedAt' && k !== 'updatedAt')
        .map(([k, v]) => [k, withoutRecordedAt(v)]),
    );
  }
  return value;
}

async function contents(db: Database) {
  const rows = await allEntities(db);
  const sortEdges = <T extends { type: string; id: string }>(edges: T[]) => [...edges].sort((a, b) => `${a.type} ${a.id}`.localeCompare(`${b.type} ${b.id}`));
  return {
    rows: withoutRecordedAt(rows.map((r) => ({ ...r, out: sortEdges(r.out), in: sortEdges(r.in) }))),
    exported: withoutRecordedAt(await exportedDocuments(db)),
    counts: await graphCounts(db),
  };
}

describe('import --offline', () => {
  it('builds the graph the online import builds from the same files', async () => {
    await resetGraph(t.db);
    const online = await bulkImport(t.db, readDocuments(FILES));
    expect(online.rejected).toEqual([]);
    const expected = await contents(t.db);

    expect(await offlineImportCommand(config, FILES, quietLog)).toBe(0);
    const runtime = await startRuntime(config, quietLog);
    try {
      const actual = await contents(runtime.db);
      expect(actual.counts).toEqual(expected.counts);
      expect(actual.rows).toEqual(expected.rows);
      expect(actual.exported).toEqual(expected.exported);
      // Every ingestion is numbered, once, for the event feed, which starts after the last.
      const feed = await runtime.db.read<{ seq: number }>('events/ingestionsAfter', { p: { after: 0, limit: 10_000 } });
      const seqs = feed.map((r) => r.seq);
      expect(seqs.length).toBe(actual.counts.ingestions);
      expect(new Set(seqs).size).toBe(seqs.length);
      const [{ seq: latest }] = await runtime.db.read<{ seq: number }>('events/latestSequence');
      expect(latest).toBe(Math.max(...seqs));
      // The constraints, indexes and full-text index are in place: search finds a claim.
      const hits = await search(runtime.db, { text: 'Syrskyi' });
      expect(hits.map((h) => h.id)).toContain('person:oleksandr-syrskyi');
    } finally {
      await runtime.stop();
    }
  }, 300_000);

  it('into a store that exists but is empty, still creates the schema on the imported database and keeps its keys and watches', async () => {
    // A started store records its migrations as applied; the importer replaces that database.
    const fresh = loadConfig({ ...process.env, CLAIMGRAPH_DATA: fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-offline-empty-')), EMBEDDED_NEO4J_PORT: String(await freePort()), NEO4J_URI: '' });
    try {
      // A key made before the import is the service's, not the graph's: it outlives the replaced database.
      const before = await startRuntime(fresh, quietLog);
      await addKey(before.db, 'before-import', 'write');
      const { watch } = await createWatch(before.db, { url: 'http://127.0.0.1:9/hook', measureId: 'measure:x' }, 'ops', parseWebhookHosts('127.0.0.1'));
      await before.stop();
      expect(await offlineImportCommand(fresh, FILES.slice(0, 1), quietLog)).toBe(0);
      const runtime = await startRuntime(fresh, quietLog);
      try {
        expect((await storedKeys(runtime.db)).map((k) => k.name)).toEqual(['before-import']);
        // Watches too, following on from the imported graph's last ingestion.
        const [{ seq: latest }] = await runtime.db.read<{ seq: number }>('events/latestSequence');
        expect(await watches(runtime.db)).toEqual([expect.objectContaining({ id: watch.id, url: watch.url, secret: watch.secret, seq: latest })]);
        const hits = await search(runtime.db, { text: 'Syrskyi' });
        expect(hits.map((h) => h.id)).toContain('person:oleksandr-syrskyi');
      } finally {
        await runtime.stop();
      }
    } finally {
      fs.rmSync(fresh.dataDir, { recursive: true, force: true });
    }
  }, 300_000);

  it('refuses a store that holds data, and says what to do', async () => {
    const lines: string[] = [];
    const error = console.error;
    console.error = (...args: unknown[]) => lines.push(args.join(' '));
    try {
      expect(await offlineImportCommand(config, FILES.slice(1, 2), quietLog)).toBe(1);
    } finally {
      console.error = error;
    }
    expect(lines.join('\n')).toMatch(/already holds .* nodes: an offline import only loads an empty store/);
  }, 120_000);
});
