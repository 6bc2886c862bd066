/**
 * `BASELINE=<checkout> npm run bench:ab`: this commit's claimgraph against another commit's, on
 * one embedded Neo4j holding the generated graph (CLAIMS, default 20,000), workload by workload
 * (W1–W4 of bench:peers, then the operations bench:queries times). Both servers run as `npm start` runs them; each workload is measured in
 * BLOCKS (default 12) alternating blocks of SEQUENTIAL (default 300) requests at concurrency 1, then
 * BLOCKS alternating blocks of SECONDS (default 2) at concurrency 16, so both see the same machine
 * moment for moment. It prints the median of the blocks' p50s and of their req/s, and the ratios.
 * The baseline checkout needs its node_modules and neo4j/target (link them from this one).
 * CASES=W5,W7,corroboration runs only those (a workload's or operation's first word).
 */
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bulkImport } from '../src/services/ingest/bulkImport.js';
import { freePort } from '../src/ports.js';
import { targetEnv } from '../src/db/target.js';
import { benchDatabase } from './benchDatabase.js';
import { generatedItems } from './generator.js';
import { AS_NPM_START, buildCheckout, startChild } from './peers/servers.js';
import { workloads } from './peers/workloads.js';
import { queryCases } from './queryCases.js';
import { loadLine, median, percentile } from './stats.js';

if (!process.env.BASELINE) throw new Error('BASELINE=<a checkout of claimgraph to compare with> is required');
const baseline = path.resolve(process.env.BASELINE);
const claims = Number(process.env.CLAIMS ?? 20_000);
const blocks = Number(process.env.BLOCKS ?? 12);
const sequential = Number(process.env.SEQUENTIAL ?? 300);
const seconds = Number(process.env.SECONDS ?? 2);
const here = path.dirname(fileURLToPath(import.meta.url));
// CASES=W5,W7,corroboration measures only those (by the name's first word).
const only = process.env.CASES?.split(',').map((c) => c.trim());

const db = await benchDatabase();
const children: ChildProcess[] = [];
try {
  await bulkImport(db.db, generatedItems({ claims }));
  const target = targetEnv(db.target);
  const sides = { this: path.join(here, '..'), baseline };
  const ports: Record<keyof typeof sides, number> = { this: await freePort(), baseline: await freePort() };
  for (const [side, dir] of Object.entries(sides) as [keyof typeof sides, string][]) {
    buildCheckout(dir);
    children.push(await startChild(path.join(dir, 'dist/main.js'), { ...target, PORT: String(ports[side]), ...AS_NPM_START }, ports[side]));
  }
  console.log(`graph: ${claims} claims; this: ${sides.this}, baseline: ${baseline}; ${loadLine()}`);
  console.log('\n| workload | p50 c=1 this / baseline | ratio | req/s c=16 this / baseline | ratio |');
  console.log('|---|---|---|---|---|');
  // Every workload as an operation and its variables for the i-th request.
  const cases = [
    ...workloads(claims).map((w) => ({ name: w.name, query: w.claimgraph.query, vars: (i: number) => w.claimgraph.vars(w.input(i)) })),
    ...queryCases(claims).map(([name, query, vars]) => ({ name, query, vars })),
  ].filter((c) => !only || only.includes(c.name.split(' ')[0]));
  for (const w of cases) {
    const send = (side: keyof typeof sides) => async (i: number) => {
      const res = await fetch(`http://127.0.0.1:${ports[side]}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: w.query, variables: w.vars(i) }),
      });
      const body = (await res.json()) as { errors?: { message: string }[] };
      if (body.errors) throw new Error(`${side}: ${body.errors[0].message}`);
    };
    for (const side of ['this', 'baseline'] as const) for (let i = 0; i < 300; i++) await send(side)(i + 5000);
    const p50: Record<string, number[]> = { this: [], baseline: [] };
    const rps: Record<string, number[]> = { this: [], baseline: [] };
    for (let b = 0; b < blocks; b++) {
      for (const side of b % 2 ? (['baseline', 'this'] as const) : (['this', 'baseline'] as const)) {
        const times: number[] = [];
        for (let i = 0; i < sequential; i++) {
          const t = process.hrtime.bigint();
          await send(side)(b * sequential + i);
          times.push(Number(process.hrtime.bigint() - t) / 1e6);
        }
        p50[side].push(
          percentile(
            times.sort((x, y) => x - y),
            50,
          ),
        );
      }
    }
    for (let b = 0; b < blocks; b++) {
      for (const side of b % 2 ? (['baseline', 'this'] as const) : (['this', 'baseline'] as const)) {
        const until = Date.now() + seconds * 1000;
        let done = 0;
        await Promise.all(
          Array.from({ length: 16 }, async (_, k) => {
            for (let i = k; Date.now() < until; i += 16, done++) await send(side)(i);
          }),
        );
        rps[side].push(done / seconds);
      }
    }
    const [pt, pb, rt, rb] = [median(p50.this), median(p50.baseline), median(rps.this), median(rps.baseline)];
    console.log(`| ${w.name} | ${pt.toFixed(2)} / ${pb.toFixed(2)} ms | ${(pt / pb).toFixed(2)}× | ${rt.toFixed(0)} / ${rb.toFixed(0)} | ${(rt / rb).toFixed(2)}× |`);
  }
  console.log(`\n${loadLine()}`);
} finally {
  for (const c of children) c.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 1000));
  await db.cleanup();
}
