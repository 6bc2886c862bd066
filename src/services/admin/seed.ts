/**
 * The seed graph: every document in data/seed/, ingested through the same service as the
 * mutation, and the demo corpus in data/demo/ (other outlets' and bodies' figures on the seed's
 * facts, so the explorer shows agreement, conflict and circular reporting out of the box).
 * `npm start` loads both into an empty graph; `claimgraph seed [--demo]` loads them on demand
 * (idempotent, so loading twice changes nothing).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Queries } from '../../db/queries.js';
import { graphCounts } from './admin.js';
import { ingest, type IngestOutcome } from '../ingest/ingest.js';

export const SEED_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../data/seed');
export const DEMO_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../data/demo');

export async function loadSeed(db: Queries, dir = SEED_DIR): Promise<IngestOutcome[]> {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  const outcomes: IngestOutcome[] = [];
  for (const file of files) {
    const doc = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as unknown;
    outcomes.push(await ingest(db, doc));
  }
  return outcomes;
}

/** The seed, then the demo corpus (which refers to the seed's entities). */
export async function loadSeedAndDemo(db: Queries): Promise<IngestOutcome[]> {
  return [...(await loadSeed(db)), ...(await loadSeed(db, DEMO_DIR))];
}

/** Loads the seed (and the demo corpus, unless `demo` is false) only when the graph holds nothing at all; returns whether it did. */
export async function seedIfEmpty(db: Queries, { demo = true }: { demo?: boolean } = {}): Promise<boolean> {
  const { nodes } = await graphCounts(db);
  if (nodes > 0) return false;
  await (demo ? loadSeedAndDemo(db) : loadSeed(db));
  return true;
}

/**
 * An article's text as its ingest document holds it: the verbatim quotes in claim order, each
 * once. The seed article's full text is not in the repository (it is copyrighted); its quotes,
 * kept in data/seed/, are what the draft tests and bench:draft read in its place.
 */
export function quotesText(document: { claims: { quote?: string | null }[] }): string {
  const quotes: string[] = [];
  for (const c of document.claims) {
    const q = c.quote?.trim();
    if (q && !quotes.some((x) => x.includes(q))) quotes.push(/[.!?]$/.test(q) ? q : `${q}.`);
  }
  return quotes.join('\n');
}
