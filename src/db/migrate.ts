/**
 * Applies cypher/schema/. Every statement is idempotent (IF NOT EXISTS), so a second run changes
 * nothing and a newer release only adds what is missing. Some are data migrations that scan every
 * claim, so with a `marker` (a file inside the embedded store's data directory) they run once per
 * store and per set of statements: the marker holds a digest of what was applied, and a start
 * whose statements have that digest skips them (22 statements, and the scans, on every start
 * before). A Neo4j that claimgraph does not own gets them at every start, as another process may
 * have changed its schema.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from './database.js';
import { loadMigrations } from './queryFiles.js';

export interface MigrationResult {
  statements: number;
  /** True when the marker showed these statements already applied to this store. */
  skipped: boolean;
}

/**
 * The marker of an embedded store. Whatever replaces the store's database (the offline importer
 * overwrites it) removes the marker with it: what was applied went with the old database.
 */
export function migrationsMarker(storeDir: string): string {
  return path.join(storeDir, 'data', 'claimgraph-migrations.sha256');
}

export async function migrate(db: Database, marker?: string): Promise<MigrationResult> {
  const migrations = loadMigrations();
  const digest = createHash('sha256')
    .update(JSON.stringify(migrations.map((m) => m.statements)))
    .digest('hex');
  const count = migrations.reduce((n, m) => n + m.statements.length, 0);
  if (marker && readMarker(marker) === digest) return { statements: count, skipped: true };
  for (const { file, statements: list } of migrations) {
    for (const statement of list) {
      try {
        await db.runSchemaStatement(statement);
      } catch (err) {
        throw new Error(`Migration ${file} failed on: ${statement.split('\n')[0]}\n${(err as Error).message}`, { cause: err });
      }
    }
  }
  if (marker) {
    fs.mkdirSync(path.dirname(marker), { recursive: true });
    fs.writeFileSync(marker, digest + '\n');
  }
  return { statements: count, skipped: false };
}

function readMarker(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    return undefined;
  }
}
