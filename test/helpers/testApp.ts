/**
 * The app under test, wired exactly as in production (schema, resolvers, services, named Cypher)
 * against the run's real Neo4j. `exec` goes through Apollo's executeOperation.
 */
import { inject } from 'vitest';
import type { Neo4jTarget } from '../../src/config.js';
import { Database } from '../../src/db/database.js';
import { createApp, type App, type AppOptions } from '../../src/server/app.js';

export interface TestApp {
  app: App;
  db: Database;
  /** Runs an operation; returns data and errors as a client would see them. */
  exec<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<{ data?: T; errors?: { message: string; extensions?: Record<string, any>; path?: unknown }[] }>;
  close(): Promise<void>;
}

export function testTarget(): Neo4jTarget {
  return {
    uri: inject('neo4jUri'),
    database: inject('neo4jDatabase'),
    user: inject('neo4jUser'),
    password: inject('neo4jPassword') || undefined,
  };
}

export async function createTestApp(db = Database.connect(testTarget()), options: Partial<AppOptions> = {}): Promise<TestApp> {
  const app = await createApp({ db, logLevel: process.env.TEST_LOG_LEVEL ?? 'warn', ...options });
  return {
    app,
    db,
    async exec(query, variables) {
      const res = await app.apollo.executeOperation({ query, variables }, { contextValue: app.context() });
      if (res.body.kind !== 'single') throw new Error('incremental delivery is not expected');
      return res.body.singleResult as never;
    },
    async close() {
      await app.http.close();
      await db.close();
    },
  };
}
