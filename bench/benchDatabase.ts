/**
 * The database a benchmark runs against: NEO4J_URI when set, else a fresh embedded Neo4j in a
 * temporary directory on a free port (removed afterwards). `prepare` runs before Neo4j starts,
 * on the configuration the store will have (an offline import loads it there).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { loadConfig, type Config } from '../src/config.js';
import { freePort } from '../src/ports.js';
import { startRuntime, type Runtime } from '../src/runtime.js';

export interface BenchDatabase extends Runtime {
  config: Config;
  cleanup(): Promise<void>;
}

export async function benchDatabase(prepare?: (config: Config) => Promise<void>): Promise<BenchDatabase> {
  const log = pino({ level: process.env.LOG_LEVEL ?? 'warn' });
  if (process.env.NEO4J_URI) {
    if (prepare) throw new Error('an offline load needs the embedded store: unset NEO4J_URI');
    const config = loadConfig();
    const runtime = await startRuntime(config, log);
    return { ...runtime, config, cleanup: () => runtime.stop() };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-bench-'));
  const config = loadConfig({ ...process.env, CLAIMGRAPH_DATA: dir, EMBEDDED_NEO4J_PORT: String(await freePort()) });
  await prepare?.(config);
  const runtime = await startRuntime(config, log);
  return {
    ...runtime,
    config,
    async cleanup() {
      await runtime.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Bytes a directory holds on disk (the store's size). */
export function diskBytes(dir: string): number {
  let total = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) total += diskBytes(p);
    else if (e.isFile()) total += fs.statSync(p).blocks * 512;
  }
  return total;
}
