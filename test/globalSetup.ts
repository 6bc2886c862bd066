/**
 * Starts ONE real Neo4j for the whole run: the embedded launcher on a free port with a temporary
 * data directory, or the database named by TEST_NEO4J_URI. Migrations are applied before any
 * test file runs; files receive the URI through vitest's provide/inject.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { Database } from '../src/db/database.js';
import { migrate } from '../src/db/migrate.js';
import { EmbeddedNeo4j } from '../src/embedded/embeddedNeo4j.js';
import { freePort } from '../src/ports.js';
import { buildExplorer } from './helpers/browser.js';
import { embeddedTestLog } from './helpers/quietLog.js';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
    neo4jDatabase: string;
    neo4jUser: string;
    neo4jPassword: string;
  }
}

export default async function setup(project: TestProject) {
  // The explorer's bundle, when its sources changed: the server serves it at / in every test.
  buildExplorer();
  let embedded: EmbeddedNeo4j | undefined;
  let dataDir: string | undefined;
  let uri = process.env.TEST_NEO4J_URI;
  let password = process.env.TEST_NEO4J_PASSWORD;
  if (!uri) {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-test-'));
    const port = await freePort();
    embedded = new EmbeddedNeo4j({ dataDir, port, heap: '2g', pageCacheBytes: 512 * 1024 * 1024 }, embeddedTestLog);
    await embedded.start();
    uri = embedded.uri;
    password = embedded.credentials.password;
  }
  const target = {
    uri,
    database: process.env.TEST_NEO4J_DATABASE ?? 'neo4j',
    user: process.env.TEST_NEO4J_USER ?? 'neo4j',
    password,
  };
  const db = Database.connect(target);
  await migrate(db);
  await db.close();
  project.provide('neo4jUri', target.uri);
  project.provide('neo4jDatabase', target.database);
  project.provide('neo4jUser', target.user);
  project.provide('neo4jPassword', target.password ?? '');

  return async () => {
    await embedded?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
