/**
 * Supervision survives crashes: the real server process (`src/main.ts`, as `npm start` runs it) is
 * SIGKILLed, leaving its embedded Neo4j orphaned; the next server restarts that Neo4j under its
 * own supervision, so when Neo4j is then SIGKILLed too it comes back, ready within 60 s.
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readLivePid } from '../../src/embedded/pidFile.js';
import { freePort } from '../../src/ports.js';
import { startServerProcess } from '../helpers/serverProcess.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-supervision-'));
const children: ChildProcess[] = [];

const startServer = (env: Record<string, string>) => startServerProcess(env, children);

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

afterAll(async () => {
  for (const c of children)
    if (c.exitCode === null && c.signalCode === null) {
      c.kill('SIGTERM');
      await new Promise((r) => c.once('exit', r));
    }
  const rec = readLivePid(path.join(dataDir, 'neo4j'));
  if (rec) process.kill(rec.pid, 'SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
}, 120_000);

describe('supervision after crashes', () => {
  it('SIGKILL of the server, then of Neo4j: ready again within 60 s', async () => {
    const port = await freePort();
    const env = {
      CLAIMGRAPH_DATA: dataDir,
      PORT: String(port),
      EMBEDDED_NEO4J_PORT: String(await freePort()),
      EMBEDDED_NEO4J_HEAP: '512m',
      EMBEDDED_NEO4J_PAGECACHE: '64m',
      CLAIMGRAPH_SEED: 'false',
      LOG_LEVEL: 'info',
    };
    const first = await startServer(env);
    const orphan = readLivePid(path.join(dataDir, 'neo4j'))!;
    expect(orphan.supervisorPid).toBe(first.child.pid);
    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));
    expect(alive(orphan.pid)).toBe(true);

    const second = await startServer(env);
    expect(second.log.join('')).toMatch(/lost its supervisor/);
    const supervised = readLivePid(path.join(dataDir, 'neo4j'))!;
    expect(supervised.supervisorPid).toBe(second.child.pid);
    expect(alive(orphan.pid)).toBe(false);

    process.kill(supervised.pid, 'SIGKILL');
    const killedAt = Date.now();
    let ready = false;
    while (!ready && Date.now() - killedAt < 60_000) {
      await new Promise((r) => setTimeout(r, 500));
      const res = await fetch(`http://127.0.0.1:${port}/health/ready`).catch(() => undefined);
      ready = res?.status === 200 && Date.now() - killedAt > 100;
    }
    expect(ready).toBe(true);
    const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ claims(first: 1) { totalCount } }' }),
    });
    expect((await res.json()).data).toEqual({ claims: { totalCount: 0 } });
  }, 400_000);
});
