/**
 * `npm run bench:start`: how long `npm start` takes to answer, as a developer restarts it. One
 * first start on an empty data directory (the store is created and seeded), then ROUNDS (default
 * 5) warm starts on that store, each stopped with SIGTERM before the next. For each it prints the
 * time to the first GraphQL answer and the phases the server logs (the embedded Neo4j's own start,
 * migrations, listening), with the machine's load; then the median of the warm starts.
 *
 * Each start is `npm start` itself (npm, the build check, then the server), on its own ports and
 * data directory, so a running development server is not disturbed. The launcher's Maven build
 * and its class-data archive are not part of it (they exist already, as on any start but the
 * very first).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, portIsFree } from '../src/ports.js';
import { buildCheckout } from './peers/servers.js';
import { loadLine, percentile } from './stats.js';

const rounds = Number(process.env.ROUNDS ?? 5);
const here = path.dirname(fileURLToPath(import.meta.url));
/** CHECKOUT=<another checkout of claimgraph> times its `npm start` instead (an A/B of two commits). */
const checkout = path.resolve(process.env.CHECKOUT ?? path.join(here, '..'));

interface StartTimes {
  answeredMs: number;
  /** Each logged message's first appearance, in ms since spawn. */
  phases: Map<string, number>;
}

/** The log messages worth a column, by what they start with. */
const PHASES: [string, RegExp][] = [
  ['neo4j ready', /^Embedded Neo4j ready/],
  ['migrated', /^Schema migrations/],
  ['listening', /^claimgraph ready/],
  ['warmed', /^Query plans warmed up/],
];

async function startOnce(dataDir: string): Promise<StartTimes> {
  const port = await freePort();
  const boltPort = await freePort();
  const started = performance.now();
  // Its own process group, so the stop reaches npm and the server it runs alike.
  const child = spawn('npm', ['start', '--silent'], {
    cwd: checkout,
    env: { ...process.env, CLAIMGRAPH_DATA: dataDir, PORT: String(port), EMBEDDED_NEO4J_PORT: String(boltPort), LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const phases = new Map<string, number>();
  let tail = '';
  const onData = (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-8000);
    for (const line of chunk.toString().split('\n')) {
      const msg = /"msg":"([^"]*)"/.exec(line)?.[1];
      if (!msg) continue;
      for (const [name, re] of PHASES) if (re.test(msg) && !phases.has(name)) phases.set(name, performance.now() - started);
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 240_000;
  let answeredMs = NaN;
  while (Date.now() < deadline && child.exitCode === null) {
    const ok = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ claims(first: 1) { edges { node { id } } } }' }),
      signal: AbortSignal.timeout(2000),
    }).then(
      async (r) => r.ok && !((await r.json()) as { errors?: unknown }).errors,
      () => false,
    );
    if (ok) {
      answeredMs = performance.now() - started;
      break;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  // Wait for the warm-up line a moment, so its column is filled when it comes soon after.
  for (let i = 0; i < 100 && !phases.has('warmed') && child.exitCode === null; i++) await new Promise((r) => setTimeout(r, 100));
  try {
    process.kill(-child.pid!, 'SIGTERM');
  } catch {
    // The group is gone already (the server stopped by itself).
  }
  await exited;
  // npm may exit before the server and its Neo4j have stopped: the next start needs the store's lock.
  const stopped = performance.now();
  const running = () => spawnSync('pgrep', ['-f', dataDir]).status === 0;
  while (running() || !(await portIsFree(boltPort)) || !(await portIsFree(port))) {
    if (performance.now() - stopped > 120_000) throw new Error('the server did not stop within 120 s');
    await new Promise((r) => setTimeout(r, 100));
  }
  if (Number.isNaN(answeredMs)) throw new Error(`the server did not answer:\n${tail}`);
  return { answeredMs, phases };
}

buildCheckout(checkout);
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'claimgraph-start-'));
const fmt = (ms: number | undefined) => (ms === undefined || Number.isNaN(ms) ? '—' : `${(ms / 1000).toFixed(2)} s`);
const line = (label: string, t: StartTimes) =>
  console.log(`${label.padEnd(12)} answered ${fmt(t.answeredMs).padStart(8)}   ${PHASES.map(([n]) => `${n} ${fmt(t.phases.get(n))}`).join('   ')}   (${loadLine()})`);
try {
  console.log(`bench:start — ${rounds} warm starts of \`npm start\` in ${checkout} after one first start, data in ${dataDir}`);
  line('first start', await startOnce(dataDir));
  const warm: StartTimes[] = [];
  for (let i = 0; i < rounds; i++) {
    const t = await startOnce(dataDir);
    warm.push(t);
    line(`warm ${i + 1}`, t);
  }
  const median = (xs: number[]) =>
    percentile(
      [...xs].sort((a, b) => a - b),
      50,
    );
  const phaseMedians = PHASES.map(([n]) => `${n} ${fmt(median(warm.map((t) => t.phases.get(n) ?? NaN).filter((x) => !Number.isNaN(x))))}`);
  console.log(`median warm start: answered ${fmt(median(warm.map((t) => t.answeredMs)))}   ${phaseMedians.join('   ')}`);
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
