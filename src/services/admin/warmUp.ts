/**
 * Plans every named query once, in the background after start, so the first user request does
 * not pay for a cold planner (several seconds for the larger queries on a cold 2-core JVM).
 * EXPLAIN plans without running. Most of a cold start's planning cost is the JVM loading and
 * compiling Neo4j's planner, which any EXPLAIN pays once. The plan an EXPLAIN caches does not
 * serve later runs, though (measured on 5.26 with node/nodesByIds: a run after an EXPLAIN of the
 * same text took 43–57 ms, a first run 65–72 ms, a second 2–4 ms), so each query's first real
 * run still plans once. Neo4j caches a run's plan for the same text and parameter types, which is
 * why every query takes its variable inputs as one map (`$f` / `$p`) or an integer.
 */
import type { Database } from '../../db/database.js';
import { QUERY_MODES, type QueryName } from '../../db/queryRegistry.js';

export async function warmUp(db: Database): Promise<number> {
  const started = Date.now();
  for (const name of Object.keys(QUERY_MODES) as QueryName[]) {
    const params: Record<string, unknown> = {};
    for (const m of db.queryText(name).matchAll(/\$([A-Za-z_]\w*)/g)) params[m[1]] = db.isIntegerParam(m[1]) ? 1 : {};
    await db.explain(name, params);
  }
  return Date.now() - started;
}
