/**
 * The seed graph: every document in data/seed/, ingested through the same service as the
 * mutation. `npm start` loads it into an empty graph; `claimgraph seed` loads it on demand
 * (idempotent, so loading twice changes nothing).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from '../db/database.js';
import { graphCounts } from './admin.js';
import { ingest, type IngestOutcome } from './ingest/ingest.js';

export const SEED_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../data/seed');

export async function loadSeed(db: Database, dir = SEED_DIR): Promise<IngestOutcome[]> {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  const outcomes: IngestOutcome[] = [];
  for (const file of files) {
    const doc = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as unknown;
    outcomes.push(await ingest(db, doc));
  }
  return outcomes;
}

/** Loads the seed only when the graph holds nothing at all; returns whether it did. */
export async function seedIfEmpty(db: Database): Promise<boolean> {
  const { nodes } = await graphCounts(db);
  if (nodes > 0) return false;
  await loadSeed(db);
  return true;
}

/**
 * An article's text as its ingest document holds it: the verbatim quotes in claim order, each
 * once. The seed article itself lives outside the repository (../shared/seed/); its quotes are
 * what the draft tests and bench:draft read when it is absent.
 */
export function quotesText(document: { claims: { quote?: string | null }[] }): string {
  const quotes: string[] = [];
  for (const c of document.claims) {
    const q = c.quote?.trim();
    if (q && !quotes.some((x) => x.includes(q))) quotes.push(/[.!?]$/.test(q) ? q : `${q}.`);
  }
  return quotes.join('\n');
}
