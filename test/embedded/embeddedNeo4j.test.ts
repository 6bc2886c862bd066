/**
 * The embedded database as `npm start` runs it (its own instance here, on a free port and a
 * temporary directory): SIGKILL makes readiness 503 and queries fail fast with
 * SERVICE_UNAVAILABLE; the supervisor restarts Neo4j and the same server answers again with
 * the committed data; a clean stop and start keeps the data too.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { startRuntime, type Runtime } from '../../src/runtime.js';
import { createApp, type App } from '../../src/server/app.js';
import { loadSeed } from '../../src/services/admin/seed.js';
import { freePort } from '../../src/ports.js';
import { quietLog } from '../helpers/quietLog.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-embedded-'));
let runtime: Runtime;
let app: App;

async function config() {
  return loadConfig({ CLAIMGRAPH_DATA: dataDir, EMBEDDED_NEO4J_PORT: String(await freePort()), EMBEDDED_NEO4J_HEAP: '1g', EMBEDDED_NEO4J_PAGECACHE: '128m' });
}

async function gql(query: string) {
  const res = await app.http.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json' }, payload: { query } });
  return res.json();
}

const CLAIM_QUERY = '{ claim(id: "claim:express-2025-record-week-350") { id quantity { value } } }';

beforeAll(async () => {
  runtime = await startRuntime(await config(), quietLog);
  app = await createApp({ db: runtime.db, logLevel: 'warn' });
  await loadSeed(runtime.db);
});

afterAll(async () => {
  await app?.http.close();
  await runtime?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('embedded Neo4j under supervision', () => {
  it('serves committed data', async () => {
    expect((await gql(CLAIM_QUERY)).data).toEqual({ claim: { id: 'claim:express-2025-record-week-350', quantity: { value: 350 } } });
  });

  it('after SIGKILL: 503 and fast SERVICE_UNAVAILABLE, then recovery with the data intact', async () => {
    const embedded = runtime.embedded!;
    const pid = embedded.pid!;
    const restarted = new Promise((resolve) => embedded.once('restarted', resolve));
    process.kill(pid, 'SIGKILL');
    await new Promise((r) => embedded.once('exit', r));

    let started = Date.now();
    const ready = await app.http.inject({ method: 'GET', url: '/health/ready' });
    const readyMs = Date.now() - started;
    expect(ready.statusCode).toBe(503);
    expect(ready.json().reason).toMatch(/does not answer/);
    expect(readyMs).toBeLessThan(5_000);

    started = Date.now();
    const failed = await gql(CLAIM_QUERY);
    const failMs = Date.now() - started;
    expect(failed.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
    expect(failMs).toBeLessThan(5_000);

    await restarted;
    expect(embedded.pid).not.toBe(pid);
    expect((await app.http.inject({ method: 'GET', url: '/health/ready' })).statusCode).toBe(200);
    expect((await gql(CLAIM_QUERY)).data).toEqual({ claim: { id: 'claim:express-2025-record-week-350', quantity: { value: 350 } } });
  }, 180_000);

  it('keeps the data across a clean stop and start of the database', async () => {
    await app.http.close();
    await runtime.stop();
    runtime = await startRuntime(await config(), quietLog);
    app = await createApp({ db: runtime.db, logLevel: 'warn' });
    expect((await gql('{ claims(first: 100) { totalCount } }')).data).toEqual({ claims: { totalCount: 24 } });
  }, 180_000);

  it('starts from the class-data archive, and applies migrations and the password once per store', async () => {
    // The JVM runs with the archive recorded after the launcher's build (classDataArchive.ts).
    const cmdline = fs.readFileSync(`/proc/${runtime.embedded!.pid}/cmdline`, 'utf8').split('\0');
    expect(cmdline.some((a) => /^-XX:SharedArchiveFile=.*claimgraph-neo4j\.jsa$/.test(a))).toBe(true);
    const store = path.join(dataDir, 'neo4j', 'data');
    expect(fs.existsSync(path.join(store, 'claimgraph-migrations.sha256'))).toBe(true);
    expect(fs.existsSync(path.join(store, 'claimgraph-password-applied.sha256'))).toBe(true);
    // A changed password file is taken up at the next start (its digest differs from the one applied).
    await app.http.close();
    await runtime.stop();
    fs.writeFileSync(path.join(dataDir, 'neo4j', 'claimgraph-neo4j.password'), 'a-changed-password-for-this-test\n', { mode: 0o600 });
    runtime = await startRuntime(await config(), quietLog);
    app = await createApp({ db: runtime.db, logLevel: 'warn' });
    expect(runtime.target.password).toBe('a-changed-password-for-this-test');
    expect((await gql('{ claims(first: 100) { totalCount } }')).data).toEqual({ claims: { totalCount: 24 } });
  }, 180_000);
});
