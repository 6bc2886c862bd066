/**
 * Fail fast while the database recovers: the real runtime (its own supervised embedded Neo4j on a
 * free port, seeded) loses Neo4j to SIGKILL; from then until requests succeed again, every request
 * answers SERVICE_UNAVAILABLE within 5 s and /health/ready says 503, including the stretch where the
 * restarted Neo4j's Bolt port accepts connections while its store is still being recovered.
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

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-failfast-'));
let runtime: Runtime;
let app: App;

const QUERY = '{ claims(first: 1) { totalCount } }';
/** The bar: a failing request answers within this. */
const FAIL_WITHIN_MS = 5_000;

interface Outcome {
  worker: string;
  at: number;
  ms: number;
  ok: boolean;
  code?: string;
  message?: string;
}

async function gql(): Promise<{ ok: boolean; code?: string; message?: string }> {
  const res = await app.http.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json' }, payload: { query: QUERY } });
  const body = res.json();
  if (body.data?.claims?.totalCount === 24 && !body.errors) return { ok: true };
  return { ok: false, code: body.errors?.[0]?.extensions?.code, message: body.errors?.[0]?.message };
}

beforeAll(async () => {
  const config = loadConfig({ CLAIMGRAPH_DATA: dataDir, EMBEDDED_NEO4J_PORT: String(await freePort()), EMBEDDED_NEO4J_HEAP: '1g', EMBEDDED_NEO4J_PAGECACHE: '128m' });
  runtime = await startRuntime(config, quietLog);
  app = await createApp({ db: runtime.db, logLevel: 'warn', limits: { timeoutMs: config.queryTimeoutMs } });
  await loadSeed(runtime.db);
}, 240_000);

afterAll(async () => {
  await app?.http.close();
  await runtime?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}, 120_000);

describe('fail fast while the embedded Neo4j restarts and recovers', () => {
  it('every request fails with SERVICE_UNAVAILABLE within 5 s, readiness is 503, then requests succeed', async () => {
    expect((await gql()).ok).toBe(true);
    const embedded = runtime.embedded!;
    const pid = embedded.pid!;
    let restartedAt = 0;
    embedded.once('restarted', () => (restartedAt = Date.now()));
    process.kill(pid, 'SIGKILL');
    const killedAt = Date.now();

    const outcomes: Outcome[] = [];
    const readiness: { at: number; ms: number; status: number }[] = [];
    let recovered = false;
    const until = killedAt + 90_000;

    const worker = async (name: string) => {
      let streak = 0;
      while (Date.now() < until && !recovered) {
        const t0 = Date.now();
        const r = await gql();
        outcomes.push({ worker: name, at: t0 - killedAt, ms: Date.now() - t0, ...r });
        // Recovered once every worker has seen a few successes in a row.
        streak = r.ok ? streak + 1 : 0;
        if (streak >= 5) return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    const prober = async () => {
      while (Date.now() < until && !recovered) {
        const t0 = Date.now();
        const res = await app.http.inject({ method: 'GET', url: '/health/ready' });
        readiness.push({ at: t0 - killedAt, ms: Date.now() - t0, status: res.statusCode });
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    const probing = prober();
    await Promise.all(['a', 'b', 'c', 'd'].map(worker));
    recovered = true;
    await probing;

    const failures = outcomes.filter((o) => !o.ok);
    const maxFailMs = Math.max(0, ...failures.map((o) => o.ms));
    console.log(`restarted @${restartedAt - killedAt} ms; ${outcomes.length} requests, ${failures.length} failed, max failure latency ${maxFailMs} ms`);
    // The kill was seen: some requests failed, and each failure was fast and coded.
    expect(failures.length).toBeGreaterThan(0);
    for (const f of failures) {
      expect(f.code, `${f.worker} @${f.at}: ${f.message}`).toBe('SERVICE_UNAVAILABLE');
      expect(f.ms).toBeLessThanOrEqual(FAIL_WITHIN_MS);
    }
    // Readiness answered within the bar too, and said 503 while requests were failing.
    for (const r of readiness) expect(r.ms).toBeLessThanOrEqual(FAIL_WITHIN_MS);
    const firstFail = failures[0]!.at;
    const lastFail = failures[failures.length - 1]!.at;
    const whileFailing = readiness.filter((r) => r.at >= firstFail && r.at + r.ms <= lastFail);
    expect(whileFailing.length).toBeGreaterThan(0);
    expect(whileFailing.every((r) => r.status === 503)).toBe(true);
    // And it came back: the last request of every worker succeeded, and readiness is 200 again.
    for (const name of ['a', 'b', 'c', 'd']) expect(outcomes.filter((o) => o.worker === name).at(-1)!.ok).toBe(true);
    expect((await app.http.inject({ method: 'GET', url: '/health/ready' })).statusCode).toBe(200);
  }, 240_000);
});
