/**
 * The database a benchmark runs against: NEO4J_URI when set, else a fresh embedded Neo4j in a
 * temporary directory on a free port (removed afterwards).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { loadConfig } from '../src/config.js';
import { freePort } from '../src/ports.js';
import { startRuntime, type Runtime } from '../src/runtime.js';

export async function benchDatabase(): Promise<Runtime & { cleanup(): Promise<void> }> {
  const log = pino({ level: process.env.LOG_LEVEL ?? 'warn' });
  if (process.env.NEO4J_URI) {
    const runtime = await startRuntime(loadConfig(), log);
    return { ...runtime, cleanup: () => runtime.stop() };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-bench-'));
  const runtime = await startRuntime(loadConfig({ ...process.env, CLAIMGRAPH_DATA: dir, EMBEDDED_NEO4J_PORT: String(await freePort()) }), log);
  return {
    ...runtime,
    async cleanup() {
      await runtime.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
