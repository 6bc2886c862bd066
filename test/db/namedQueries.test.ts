/**
 * Every .cypher file is checked against the migrated schema of the real database: named queries
 * are EXPLAINed (planned, not run), migrations are re-applied to prove they are idempotent.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Database } from '../../src/db/database.js';
import { migrate } from '../../src/db/migrate.js';
import { CYPHER_DIR, loadMigrations, loadNamedQueries } from '../../src/db/queryFiles.js';
import { QUERY_MODES, type QueryName } from '../../src/db/queryRegistry.js';
import { testTarget } from '../helpers/testApp.js';

const db = Database.connect(testTarget());
afterAll(() => db.close());

/** Every $parameter a query mentions, bound to null: EXPLAIN needs them declared, not meaningful. */
function nullParams(text: string): Record<string, null> {
  return Object.fromEntries([...text.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => [m[1], null]));
}

describe('named Cypher queries', () => {
  const queries = loadNamedQueries();

  it('match the registry one to one', () => {
    expect([...queries.keys()].sort()).toEqual(Object.keys(QUERY_MODES).sort());
  });

  it('each start with a one-line header comment', () => {
    for (const q of queries.values()) expect(fs.readFileSync(q.file, 'utf8').split('\n')[0]).toMatch(/^\/\/ \S.+/);
  });

  it('go to Neo4j without comments or indentation, named by their first line', () => {
    for (const [name, q] of queries) {
      const [first, ...rest] = q.text.split('\n');
      expect(first).toBe(`// ${name}`);
      for (const line of rest) expect(line, name).toMatch(/^(?!\/\/)\S(.*\S)?$/);
    }
  });

  // Unknown names (UNRECOGNIZED) depend on the data a graph holds yet; deprecated syntax and
  // performance hints are the query's own, and run-time sessions never see them (notifications off).
  for (const name of Object.keys(QUERY_MODES) as QueryName[]) {
    it(`EXPLAIN ${name}: plans, with no deprecated syntax or performance hint`, async () => {
      const notices = await db.explain(name, nullParams(queries.get(name)!.text));
      expect(notices.filter((n) => n.classification === 'DEPRECATION' || n.classification === 'PERFORMANCE')).toEqual([]);
    });
  }

  it('a file without a registry entry stops the loader', () => {
    const dir = fs.mkdtempSync(path.join(CYPHER_DIR, '..', '.tmp-cypher-'));
    try {
      fs.mkdirSync(path.join(dir, 'stray'));
      fs.writeFileSync(path.join(dir, 'stray', 'unlisted.cypher'), '// A query nobody registered.\nRETURN 1');
      expect(() => loadNamedQueries(dir)).toThrow(/stray\/unlisted\.cypher has no entry/);
      expect(() => loadNamedQueries(dir)).toThrow(/health\/ping" but cypher\/health\/ping\.cypher does not exist/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('schema migrations', () => {
  it('are idempotent: applying them again changes nothing and fails nothing', async () => {
    const statements = loadMigrations().reduce((n, m) => n + m.statements.length, 0);
    await expect(migrate(db)).resolves.toEqual({ statements, skipped: false });
  });

  it('run once per store with a marker: skipped while it records these statements, run again when it does not', async () => {
    const statements = loadMigrations().reduce((n, m) => n + m.statements.length, 0);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-migrations-'));
    const marker = path.join(dir, 'data', 'migrations.sha256');
    try {
      await expect(migrate(db, marker)).resolves.toEqual({ statements, skipped: false });
      await expect(migrate(db, marker)).resolves.toEqual({ statements, skipped: true });
      // A marker from another set of statements (an older release) runs them all again.
      fs.writeFileSync(marker, 'an older digest\n');
      await expect(migrate(db, marker)).resolves.toEqual({ statements, skipped: false });
      await expect(migrate(db, marker)).resolves.toEqual({ statements, skipped: true });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
