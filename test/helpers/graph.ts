/** Graph fixtures for tests: empty the graph, load the seed, count what is there. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from '../../src/db/database.js';
import { deleteAll, graphCounts } from '../../src/services/admin/admin.js';
import { loadSeed, quotesText } from '../../src/services/admin/seed.js';

export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures');

export async function resetGraph(db: Database): Promise<void> {
  await deleteAll(db);
}

export async function seedGraph(db: Database): Promise<void> {
  await deleteAll(db);
  await loadSeed(db);
}

export { graphCounts };

/** The seed document itself, parsed, for tests that vary it. */
export function seedDocument(): Record<string, any> {
  return JSON.parse(fs.readFileSync(path.resolve(FIXTURES, '../../data/seed/express-2025-russian-surrenders.json'), 'utf8'));
}

export function fixture(name: string): Record<string, any> {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, name), 'utf8'));
}

/** The seed article's text as the repository holds it: its document's quotes (see quotesText). */
export function seedArticleText(): string {
  return quotesText(seedDocument() as { claims: { quote?: string }[] });
}
