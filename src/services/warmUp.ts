/**
 * Plans every named query once, in the background after start, so the first user request does
 * not pay Cypher planning (several seconds for the larger queries on a cold 2-core JVM).
 * EXPLAIN plans without running; Neo4j caches the plan for the same text and parameter types,
 * which is why every query takes its variable inputs as one map (`$f` / `$p`) or an integer.
 */
import type { Database } from '../db/database.js';
import { QUERY_MODES, type QueryName } from '../db/queryRegistry.js';

export async function warmUp(db: Database): Promise<number> {
  const started = Date.now();
  for (const name of Object.keys(QUERY_MODES) as QueryName[]) {
    const params: Record<string, unknown> = {};
    for (const m of db.queryText(name).matchAll(/\$([A-Za-z_]\w*)/g)) params[m[1]] = db.isIntegerParam(m[1]) ? 1 : {};
    await db.explain(name, params);
  }
  return Date.now() - started;
}
