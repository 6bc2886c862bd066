/**
 * `npm run bench:peers`: claimgraph beside the generic library (@neo4j/graphql 7) and a raw
 * neo4j-driver server, on ONE embedded Neo4j holding the generated graph (CLAIMS, default
 * 100,000). Each server runs in its own process. First it checks that the three return
 * equivalent data for every workload (@neo4j/graphql's nearest query, where it has no equivalent,
 * is only timed); then, in ROUNDS (default 3) interleaved rounds, it measures each
 * workload on each server: p50/p99 at concurrency 1 (SEQUENTIAL requests, default 300), and req/s
 * and p99 at concurrency 16 (for SECONDS, default 5), with the CPU each request cost the server's
 * process, Neo4j's JVM (n/a when NEO4J_URI names another) and this client at c=16. It prints medians over the rounds and the
 * ratios, with the machine's load. claimgraph runs as `npm start` does (the compiled build), with LOG_LEVEL=warn (the
 * peers log nothing) and rate limiting off (CLAIMGRAPH_RATE_POINTS=0: one client sends it all).
 *
 * BASELINE=<a checkout of claimgraph> adds that checkout's build as a fourth server, measured in the
 * same interleaved rounds on the same database (an A/B of two commits: `git worktree add /tmp/base
 * <commit>`, its node_modules and neo4j/target linked from this one), and prints its ratios.
 *
 * W1 a claim by id with its sources, agents, measure and regions; W2 an organization's first 20
 * claims with source titles and measure; W3 a source with three hops of what it derives from;
 * W4 a region's first 20 claims, its subregions included; W5 a claim's source chain, its paths
 * only; W6 the same with its origins, their agents and institutions, and the independent origins;
 * W7 a claim's corroboration (every comparable claim's verdict, independent origins, the grade).
 * WORKLOADS=W5,W6 runs only those.
 */
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bulkImport } from '../src/services/ingest/bulkImport.js';
import { freePort } from '../src/ports.js';
import { targetEnv } from '../src/db/target.js';
import { benchDatabase } from './benchDatabase.js';
import { generatedItems } from './generator.js';
import { cpuMillis, loadLine, median, percentile } from './stats.js';
import { AS_NPM_START, buildCheckout, startChild } from './peers/servers.js';
import { workloads, type Workload } from './peers/workloads.js';

const claims = Number(process.env.CLAIMS ?? 100_000);
const rounds = Number(process.env.ROUNDS ?? 3);
const sequential = Number(process.env.SEQUENTIAL ?? 300);
const seconds = Number(process.env.SECONDS ?? 5);
const CONCURRENCY = 16;
const here = path.dirname(fileURLToPath(import.meta.url));
// WORKLOADS=W5,W6 measures only those (by the name's first word).
const only = process.env.WORKLOADS?.split(',').map((w) => w.trim());
const WORKLOADS = workloads(claims).filter((w) => !only || only.includes(w.name.split(' ')[0]));

type Server = 'claimgraph' | '@neo4j/graphql' | 'raw driver' | 'baseline';
const baseline = process.env.BASELINE ? path.resolve(process.env.BASELINE) : undefined;
const SERVERS: Server[] = ['claimgraph', '@neo4j/graphql', 'raw driver', ...(baseline ? (['baseline'] as const) : [])];

/** One request to one server for one workload; resolves to the comparable answer. */
function requester(server: Server, w: Workload, port: number) {
  const base = `http://127.0.0.1:${port}`;
  if (server === 'raw driver') {
    return async (input: string) => {
      const res = await fetch(`${base}/${w.raw.path}?id=${encodeURIComponent(input)}`);
      return w.raw.norm((await res.json()) as any[]);
    };
  }
  const ours = server === 'claimgraph' || server === 'baseline';
  const spec = ours ? w.claimgraph : w.library;
  const url = ours ? `${base}/graphql` : `${base}/`;
  return async (input: string) => {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: spec.query, variables: spec.vars(input) }) });
    const body = (await res.json()) as { data?: unknown; errors?: { message: string }[] };
    if (body.errors) throw new Error(`${server}: ${body.errors[0].message}`);
    return spec.norm(body.data);
  };
}

const db = await benchDatabase();
const children: ChildProcess[] = [];
try {
  const stats = await bulkImport(db.db, generatedItems({ claims }));
  console.log(`graph: ${stats.claims} claims`);
  const target = targetEnv(db.target);
  const ports: Record<Server, number> = { claimgraph: await freePort(), '@neo4j/graphql': await freePort(), 'raw driver': await freePort(), baseline: await freePort() };
  // claimgraph as `npm start` runs it: the compiled build.
  buildCheckout(path.join(here, '..'));
  // Each server's process, for its CPU figures.
  const pids = {} as Record<Server, number | undefined>;
  const start = async (server: Server, script: string, env: Record<string, string>) => {
    const child = await startChild(script, { ...target, PORT: String(ports[server]), ...env }, ports[server]);
    children.push(child);
    pids[server] = child.pid;
  };
  await start('claimgraph', path.join(here, '../dist/main.js'), AS_NPM_START);
  if (baseline) {
    buildCheckout(baseline);
    await start('baseline', path.join(baseline, 'dist/main.js'), AS_NPM_START);
  }
  await start('@neo4j/graphql', path.join(here, 'peers/libraryServer.ts'), {});
  await start('raw driver', path.join(here, 'peers/rawServer.ts'), {});
  const neo4jPid = db.embedded?.pid;

  // Equivalence: the same inputs give the same data on every server.
  for (const w of WORKLOADS) {
    for (let i = 0; i < 20; i++) {
      const input = w.input(i);
      const answers = await Promise.all(SERVERS.map((s) => requester(s, w, ports[s])(input)));
      for (let k = 1; k < answers.length; k++) {
        if (SERVERS[k] === '@neo4j/graphql' && w.library.nearest) continue;
        if (JSON.stringify(answers[k]) !== JSON.stringify(answers[0])) {
          throw new Error(`${w.name}, input ${input}: ${SERVERS[k]} answers ${JSON.stringify(answers[k]).slice(0, 400)}\nbut claimgraph ${JSON.stringify(answers[0]).slice(0, 400)}`);
        }
      }
    }
  }
  const nearest = WORKLOADS.filter((w) => w.library.nearest).map((w) => w.name.split(' ')[0]);
  console.log(
    `equivalence: every workload returns the same data on all ${SERVERS.length} servers (20 inputs each)${nearest.length ? `; ${nearest.join(', ')}: @neo4j/graphql runs its nearest query (not the same answer), only timed` : ''}`,
  );

  // Warm every server on every workload (plans, JIT), then interleaved rounds.
  for (const w of WORKLOADS) for (const s of SERVERS) for (let i = 0; i < 200; i++) await requester(s, w, ports[s])(w.input(i + 5000));
  // CPU per request at c=16 (ms): the server's process, Neo4j's JVM and this client's.
  type Figures = { p50: number; p99: number; rps: number; p99c: number; cpuServer: number; cpuNeo4j: number; cpuClient: number };
  const results = new Map<string, Figures[]>();
  for (let round = 0; round < rounds; round++) {
    for (const w of WORKLOADS) {
      const order = round % 2 ? [...SERVERS].reverse() : SERVERS;
      for (const s of order) {
        const send = requester(s, w, ports[s]);
        const times: number[] = [];
        for (let i = 0; i < sequential; i++) {
          const t = process.hrtime.bigint();
          await send(w.input(i + round * 1000));
          times.push(Number(process.hrtime.bigint() - t) / 1e6);
        }
        times.sort((a, b) => a - b);
        const until = Date.now() + seconds * 1000;
        const conc: number[] = [];
        const cpuBefore = { server: cpuMillis(pids[s]), neo4j: cpuMillis(neo4jPid), client: process.cpuUsage() };
        const started = Date.now();
        await Promise.all(
          Array.from({ length: CONCURRENCY }, async (_, k) => {
            let i = k;
            while (Date.now() < until) {
              const t = process.hrtime.bigint();
              await send(w.input(i));
              conc.push(Number(process.hrtime.bigint() - t) / 1e6);
              i += CONCURRENCY;
            }
          }),
        );
        const elapsed = (Date.now() - started) / 1000;
        const clientCpu = process.cpuUsage(cpuBefore.client);
        const perRequest = (ms: number) => (conc.length ? ms / conc.length : NaN);
        const cpu = {
          cpuServer: perRequest(cpuMillis(pids[s]) - cpuBefore.server),
          cpuNeo4j: perRequest(cpuMillis(neo4jPid) - cpuBefore.neo4j),
          cpuClient: perRequest((clientCpu.user + clientCpu.system) / 1000),
        };
        conc.sort((a, b) => a - b);
        const key = `${w.name}|${s}`;
        results.set(key, [...(results.get(key) ?? []), { p50: percentile(times, 50), p99: percentile(times, 99), rps: conc.length / elapsed, p99c: percentile(conc, 99), ...cpu }]);
      }
    }
    console.log(`round ${round + 1} of ${rounds} done; ${loadLine()}`);
  }

  const med = (key: string, f: keyof Figures) => median(results.get(key)!.map((r) => r[f]));
  console.log(`\nmedians of ${rounds} rounds; c=1: ${sequential} sequential requests; c=16: ${seconds} s\n`);
  console.log('| workload | server | p50 c=1 | p99 c=1 | req/s c=16 | p99 c=16 | CPU per request at c=16: server / Neo4j / client |');
  console.log('|---|---|---|---|---|---|---|');
  for (const w of WORKLOADS) {
    for (const s of SERVERS) {
      const k = `${w.name}|${s}`;
      const ms = (f: keyof Figures) => (Number.isFinite(med(k, f)) ? med(k, f).toFixed(2) : 'n/a');
      const cpu = `${ms('cpuServer')} / ${ms('cpuNeo4j')} / ${ms('cpuClient')} ms`;
      console.log(`| ${w.name} | ${s} | ${med(k, 'p50').toFixed(2)} ms | ${med(k, 'p99').toFixed(2)} ms | ${med(k, 'rps').toFixed(0)} | ${med(k, 'p99c').toFixed(1)} ms | ${cpu} |`);
    }
  }
  console.log('\n| workload | claimgraph p50 ÷ raw p50 | claimgraph req/s ÷ @neo4j/graphql req/s | claimgraph req/s ÷ raw req/s |');
  console.log('|---|---|---|---|');
  for (const w of WORKLOADS) {
    const c = `${w.name}|claimgraph`;
    const l = `${w.name}|@neo4j/graphql`;
    const r = `${w.name}|raw driver`;
    console.log(`| ${w.name} | ${(med(c, 'p50') / med(r, 'p50')).toFixed(2)}× | ${(med(c, 'rps') / med(l, 'rps')).toFixed(2)}× | ${(med(c, 'rps') / med(r, 'rps')).toFixed(2)}× |`);
  }
  if (baseline) {
    console.log(`\n| workload | claimgraph p50 ÷ baseline p50 | claimgraph req/s ÷ baseline req/s |  (baseline: ${baseline})`);
    console.log('|---|---|---|');
    for (const w of WORKLOADS) {
      const c = `${w.name}|claimgraph`;
      const b = `${w.name}|baseline`;
      console.log(`| ${w.name} | ${(med(c, 'p50') / med(b, 'p50')).toFixed(2)}× | ${(med(c, 'rps') / med(b, 'rps')).toFixed(2)}× |`);
    }
  }
  console.log(`\n${loadLine()}`);
} finally {
  for (const c of children) c.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 1000));
  await db.cleanup();
}
