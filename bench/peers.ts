/**
 * `npm run bench:peers`: claimgraph beside the generic library (@neo4j/graphql 7) and a raw
 * neo4j-driver server, on ONE embedded Neo4j holding the generated graph (CLAIMS, default
 * 100,000). Each server runs in its own process. First it checks that the three return
 * equivalent data for W1–W4; then, in ROUNDS (default 3) interleaved rounds, it measures each
 * workload on each server: p50/p99 at concurrency 1 (SEQUENTIAL requests, default 300), and req/s
 * and p99 at concurrency 16 (for SECONDS, default 5). It prints medians over the rounds and the
 * ratios, with the machine's load. claimgraph runs as `npm start` does (the compiled build), with LOG_LEVEL=warn (the
 * peers log nothing) and rate limiting off (CLAIMGRAPH_RATE_POINTS=0: one client sends it all).
 *
 * BASELINE=<a checkout of claimgraph> adds that checkout's build as a fourth server, measured in the
 * same interleaved rounds on the same database (an A/B of two commits: `git worktree add /tmp/base
 * <commit>`, its node_modules and neo4j/target linked from this one), and prints its ratios.
 *
 * W1 a claim by id with its sources, agents, measure and regions; W2 an organization's first 20
 * claims with source titles and measure; W3 a source with three hops of what it derives from;
 * W4 a region's first 20 claims, its subregions included.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bulkImport } from '../src/services/ingest/bulkImport.js';
import { freePort } from '../src/ports.js';
import { benchDatabase } from './benchDatabase.js';
import { generateDocuments } from './generator.js';
import { loadLine, percentile } from './stats.js';

const claims = Number(process.env.CLAIMS ?? 100_000);
const rounds = Number(process.env.ROUNDS ?? 3);
const sequential = Number(process.env.SEQUENTIAL ?? 300);
const seconds = Number(process.env.SECONDS ?? 5);
const CONCURRENCY = 16;
const here = path.dirname(fileURLToPath(import.meta.url));

type Server = 'claimgraph' | '@neo4j/graphql' | 'raw driver' | 'baseline';
const baseline = process.env.BASELINE ? path.resolve(process.env.BASELINE) : undefined;
const SERVERS: Server[] = ['claimgraph', '@neo4j/graphql', 'raw driver', ...(baseline ? (['baseline'] as const) : [])];

interface Workload {
  name: string;
  input(i: number): string;
  /** The request each server gets, and its answer reduced to a comparable shape. */
  claimgraph: { query: string; vars(input: string): Record<string, unknown>; norm(data: any): unknown };
  library: { query: string; vars(input: string): Record<string, unknown>; norm(data: any): unknown };
  raw: { path: string; norm(rows: any[]): unknown };
}

const sortBy = <T>(list: T[], key: (x: T) => string) => [...list].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
const ids = (list: { id: string }[]) => list.map((x) => x.id).sort();
const chain = (d: any): any => ({ id: d.id, title: d.title ?? null, from: sortBy((d.derivedFrom ?? []).map(chain), (x: any) => x.id) });

const claimIdOf = (i: number) => `claim:gen-${(i * 37) % Math.floor(claims / 100)}-${(i * 13) % 100}`;
const WORKLOADS: Workload[] = [
  {
    name: 'W1 claim by id + sources, agents, measure, regions',
    input: claimIdOf,
    claimgraph: {
      query: 'query($id: ID!) { claim(id: $id) { id text statedIn { source { id title } } attributedTo { id name } measure { id name } regions { id name } } }',
      vars: (id) => ({ id }),
      norm: (d) => ({
        id: d.claim.id,
        text: d.claim.text,
        sources: ids(d.claim.statedIn.map((s: any) => s.source)),
        agents: ids(d.claim.attributedTo),
        measure: d.claim.measure?.id ?? null,
        regions: ids(d.claim.regions),
      }),
    },
    library: {
      query:
        'query($id: ID!) { claims(where: { id: { eq: $id } }) { id text statedIn { id title } attributedTo { ... on Organization { id name } ... on Person { id name } } measure { id name } regions { id name } } }',
      vars: (id) => ({ id }),
      norm: (d) => ({
        id: d.claims[0].id,
        text: d.claims[0].text,
        sources: ids(d.claims[0].statedIn),
        agents: ids(d.claims[0].attributedTo),
        measure: d.claims[0].measure[0]?.id ?? null,
        regions: ids(d.claims[0].regions),
      }),
    },
    raw: { path: 'w1', norm: (r) => ({ id: r[0].id, text: r[0].text, sources: ids(r[0].sources), agents: ids(r[0].agents), measure: r[0].measure?.id ?? null, regions: ids(r[0].regions) }) },
  },
  {
    name: "W2 an organization's claims, first 20",
    input: (i) => `org:gen-inst-${i % 20}-${i % 4}`,
    claimgraph: {
      query: 'query($o: ID!) { claims(first: 20, filter: { attributedTo: [$o] }) { edges { node { id text statedIn { source { title } } measure { name } } } } }',
      vars: (o) => ({ o }),
      norm: (d) => d.claims.edges.map((e: any) => ({ id: e.node.id, titles: e.node.statedIn.map((s: any) => s.source.title).sort(), measure: e.node.measure?.name ?? null })),
    },
    library: {
      query: 'query($o: ID!) { organizations(where: { id: { eq: $o } }) { claims(limit: 20, sort: [{ id: ASC }]) { id text statedIn { title } measure { name } } } }',
      vars: (o) => ({ o }),
      norm: (d) => d.organizations[0].claims.map((c: any) => ({ id: c.id, titles: c.statedIn.map((s: any) => s.title).sort(), measure: c.measure[0]?.name ?? null })),
    },
    raw: { path: 'w2', norm: (r) => r.map((c: any) => ({ id: c.id, titles: [...c.sourceTitles].sort(), measure: c.measure ?? null })) },
  },
  {
    name: 'W3 three-hop source chain',
    input: (i) => `src:gen-${Math.floor(claims / 100) - 1 - (i % Math.max(1, Math.floor(claims / 200)))}`,
    claimgraph: {
      query: 'query($id: ID!) { source(id: $id) { id title derivedFrom { derivedFrom { id title derivedFrom { derivedFrom { id title derivedFrom { derivedFrom { id title } } } } } } } }',
      vars: (id) => ({ id }),
      norm: (d) => {
        const walk = (s: any): any => ({ id: s.id, title: s.title ?? null, derivedFrom: (s.derivedFrom ?? []).map((x: any) => walk(x.derivedFrom)) });
        return chain(walk(d.source));
      },
    },
    library: {
      query: 'query($id: ID!) { sources(where: { id: { eq: $id } }) { id title derivedFrom { id title derivedFrom { id title derivedFrom { id title } } } } }',
      vars: (id) => ({ id }),
      norm: (d) => chain(d.sources[0]),
    },
    raw: { path: 'w3', norm: (r) => chain(r[0]) },
  },
  {
    name: "W4 a region's claims with subregions, first 20",
    input: (i) => `region:gen-${i % 5}-${i % 20}`,
    claimgraph: {
      query: 'query($r: ID!) { claims(first: 20, filter: { regionIds: [$r] }) { edges { node { id text } } } }',
      vars: (r) => ({ r }),
      norm: (d) => d.claims.edges.map((e: any) => e.node.id),
    },
    library: {
      query: 'query($r: ID!) { claims(where: { regions: { some: { OR: [{ id: { eq: $r } }, { partOf: { some: { id: { eq: $r } } } }] } } }, limit: 20, sort: [{ id: ASC }]) { id text } }',
      vars: (r) => ({ r }),
      norm: (d) => d.claims.map((c: any) => c.id),
    },
    raw: { path: 'w4', norm: (r) => r.map((c: any) => c.id) },
  },
];

/** The Node flags `npm start` gives claimgraph (package.json's start script), so it runs here as it does there. */
const START_FLAGS = (() => {
  const start = String(JSON.parse(readFileSync(path.join(here, '../package.json'), 'utf8')).scripts.start);
  const flags = /^node ((?:--\S+ )*)dist\/main\.js$/.exec(start);
  if (!flags) throw new Error(`package.json's start script is not "node [--flags] dist/main.js": ${start}`);
  return flags[1].trim().split(' ').filter(Boolean);
})();

/** Starts a server process and resolves once its port answers HTTP (any status). */
async function startChild(script: string, env: Record<string, string>, port: number): Promise<ChildProcess> {
  const args = script.endsWith('.js') ? [...START_FLAGS, script] : ['--import', 'tsx', script];
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-4000)));
  child.stderr!.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-4000)));
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${script} exited (${child.exitCode}):\n${out}`);
    const answered = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(1000) }).then(
      () => true,
      () => false,
    );
    if (answered) return child;
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGKILL');
  throw new Error(`${script} did not answer on port ${port} within 180 s:\n${out}`);
}

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
  const stats = await bulkImport(
    db.db,
    (function* () {
      let i = 0;
      for (const raw of generateDocuments({ claims })) yield { ref: `generated ${i++}`, raw };
    })(),
  );
  console.log(`graph: ${stats.claims} claims`);
  const target = { NEO4J_URI: db.target.uri, NEO4J_USER: db.target.user ?? 'neo4j', NEO4J_PASSWORD: db.target.password ?? '', NEO4J_DATABASE: db.target.database };
  const ports: Record<Server, number> = { claimgraph: await freePort(), '@neo4j/graphql': await freePort(), 'raw driver': await freePort(), baseline: await freePort() };
  // claimgraph as `npm start` runs it: the compiled build.
  const built = spawnSync(process.execPath, [path.join(here, '../bin/build.mjs')], { stdio: 'inherit' });
  if (built.status !== 0) throw new Error('the build failed');
  children.push(
    await startChild(path.join(here, '../dist/main.js'), { ...target, PORT: String(ports.claimgraph), CLAIMGRAPH_SEED: 'false', LOG_LEVEL: 'warn', CLAIMGRAPH_RATE_POINTS: '0' }, ports.claimgraph),
  );
  if (baseline) {
    const builtThere = spawnSync(process.execPath, [path.join(baseline, 'bin/build.mjs')], { stdio: 'inherit', cwd: baseline });
    if (builtThere.status !== 0) throw new Error(`the baseline's build failed (${baseline})`);
    children.push(
      await startChild(path.join(baseline, 'dist/main.js'), { ...target, PORT: String(ports.baseline), CLAIMGRAPH_SEED: 'false', LOG_LEVEL: 'warn', CLAIMGRAPH_RATE_POINTS: '0' }, ports.baseline),
    );
  }
  children.push(await startChild(path.join(here, 'peers/libraryServer.ts'), { ...target, PORT: String(ports['@neo4j/graphql']) }, ports['@neo4j/graphql']));
  children.push(await startChild(path.join(here, 'peers/rawServer.ts'), { ...target, PORT: String(ports['raw driver']) }, ports['raw driver']));

  // Equivalence: the same inputs give the same data on every server.
  for (const w of WORKLOADS) {
    for (let i = 0; i < 20; i++) {
      const input = w.input(i);
      const answers = await Promise.all(SERVERS.map((s) => requester(s, w, ports[s])(input)));
      for (let k = 1; k < answers.length; k++) {
        if (JSON.stringify(answers[k]) !== JSON.stringify(answers[0])) {
          throw new Error(`${w.name}, input ${input}: ${SERVERS[k]} answers ${JSON.stringify(answers[k]).slice(0, 400)}\nbut claimgraph ${JSON.stringify(answers[0]).slice(0, 400)}`);
        }
      }
    }
  }
  console.log(`equivalence: W1–W4 return the same data on all ${SERVERS.length} servers (20 inputs each)`);

  // Warm every server on every workload (plans, JIT), then interleaved rounds.
  for (const w of WORKLOADS) for (const s of SERVERS) for (let i = 0; i < 200; i++) await requester(s, w, ports[s])(w.input(i + 5000));
  type Figures = { p50: number; p99: number; rps: number; p99c: number };
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
        conc.sort((a, b) => a - b);
        const key = `${w.name}|${s}`;
        results.set(key, [...(results.get(key) ?? []), { p50: percentile(times, 50), p99: percentile(times, 99), rps: conc.length / elapsed, p99c: percentile(conc, 99) }]);
      }
    }
    console.log(`round ${round + 1} of ${rounds} done; ${loadLine()}`);
  }

  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const med = (key: string, f: keyof Figures) => median(results.get(key)!.map((r) => r[f]));
  console.log(`\nmedians of ${rounds} rounds; c=1: ${sequential} sequential requests; c=16: ${seconds} s\n`);
  console.log('| workload | server | p50 c=1 | p99 c=1 | req/s c=16 | p99 c=16 |');
  console.log('|---|---|---|---|---|---|');
  for (const w of WORKLOADS) {
    for (const s of SERVERS) {
      const k = `${w.name}|${s}`;
      console.log(`| ${w.name} | ${s} | ${med(k, 'p50').toFixed(2)} ms | ${med(k, 'p99').toFixed(2)} ms | ${med(k, 'rps').toFixed(0)} | ${med(k, 'p99c').toFixed(1)} ms |`);
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
