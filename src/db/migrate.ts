/**
 * Applies cypher/schema/ at every start. Every statement is idempotent (IF NOT EXISTS), so a
 * second start changes nothing and a newer release only adds what is missing.
 */
import type { Database } from './database.js';
import { loadMigrations } from './queryFiles.js';

export async function migrate(db: Database): Promise<{ statements: number }> {
  let statements = 0;
  for (const { file, statements: list } of loadMigrations()) {
    for (const statement of list) {
      try {
        await db.runSchemaStatement(statement);
      } catch (err) {
        throw new Error(`Migration ${file} failed on: ${statement.split('\n')[0]}\n${(err as Error).message}`, { cause: err });
      }
      statements += 1;
    }
  }
  return { statements };
}
