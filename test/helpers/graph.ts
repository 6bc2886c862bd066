/** Graph fixtures for tests: empty the graph, load the seed, count what is there. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from '../../src/db/database.js';
import { deleteAll, graphCounts } from '../../src/services/admin/admin.js';
import { loadSeed, quotesText } from '../../src/services/admin/seed.js';
import { eachEntityPage, exportIngestDocuments, exportProv } from '../../src/services/admin/export.js';
import { createEntityLoader } from '../../src/services/entities/entities.js';
import type { EntityRow } from '../../src/db/rows.js';
import { DEFAULT_BASE_IRI } from '../../src/config.js';

export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures');

export async function resetGraph(db: Database): Promise<void> {
  await deleteAll(db);
}

export async function seedGraph(db: Database): Promise<void> {
  await deleteAll(db);
  await loadSeed(db);
}

export { graphCounts };

/** test/fixtures/comparisons.ndjson's documents, parsed: figures that agree and conflict with the seed's. */
export function comparisonDocuments(): Record<string, any>[] {
  return fs
    .readFileSync(path.join(FIXTURES, 'comparisons.ndjson'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
}

/** The seed document's file. */
export const SEED_FILE = path.resolve(FIXTURES, '../../data/seed/express-2025-russian-surrenders.json');

/** The seed document itself, parsed, for tests that vary it. */
export function seedDocument(): Record<string, any> {
  return JSON.parse(fs.readFileSync(SEED_FILE, 'utf8'));
}

export function fixture(name: string): Record<string, any> {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, name), 'utf8'));
}

/** The seed article's text as the repository holds it: its document's quotes (see quotesText). */
export function seedArticleText(): string {
  return quotesText(seedDocument() as { claims: { quote?: string }[] });
}

/** Every node of the graph, whole, in id order (what the export streams, held at once for a test). */
export async function allEntities(db: Database): Promise<EntityRow[]> {
  const rows: EntityRow[] = [];
  await eachEntityPage(db, createEntityLoader(db), (page) => void rows.push(...page));
  return rows;
}

/** The whole-graph export as text, `limit` ids a page (`claimgraph export` uses 1,000). */
export async function exportText(db: Database, format: 'ndjson' | 'prov-jsonld', limit?: number): Promise<string> {
  let text = '';
  const write = (chunk: string) => void (text += chunk);
  const loader = createEntityLoader(db);
  if (format === 'ndjson') await exportIngestDocuments(db, loader, write, limit);
  else await exportProv(db, loader, DEFAULT_BASE_IRI, write, limit);
  return text;
}

/** The whole-graph export as ingest documents, parsed. */
export async function exportedDocuments(db: Database): Promise<Record<string, any>[]> {
  return (await exportText(db, 'ndjson'))
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
}
