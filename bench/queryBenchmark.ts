/**
 * Query benchmark: imports a generated graph (CLAIMS, default 100,000), starts the HTTP server
 * on a free port, and measures p50/p99 latency through HTTP of sourceChain, corroboration,
 * crossReference (two organizations) and graph(depth: 2, limit: 200), then the same views with
 * everything a richer client would select. Not a test: it prints numbers. Targets on a 2-core
 * machine: sourceChain and graph p99 < 50 ms, corroboration < 100 ms, crossReference < 200 ms.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { offlineImportCommand } from '../src/cli/offlineImportCommand.js';
import { graphCounts } from '../src/services/admin/admin.js';
import { bulkImport } from '../src/services/ingest/bulkImport.js';
import { createApp } from '../src/server/app.js';
import { benchDatabase, diskBytes } from './benchDatabase.js';
import { generatedItems, writeGeneratedNdjson } from './generator.js';
import { queryCases } from './queryCases.js';
import { median, percentile, residentBytes } from './stats.js';

const claims = Number(process.env.CLAIMS ?? 100_000);
const runs = Number(process.env.RUNS ?? 200);
/** LOAD=offline loads the graph with `import --offline` (the way to a million claims), else online. */
const offline = process.env.LOAD === 'offline';

/** Writes the generated documents as .ndjson and loads them offline into the store about to start. */
async function loadOffline(config: Parameters<typeof offlineImportCommand>[0]): Promise<void> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-gen-')), 'generated.ndjson');
  await writeGeneratedNdjson(file, { claims });
  const code = await offlineImportCommand(config, [file], pino({ level: 'warn' }));
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  if (code !== 0) throw new Error(`the offline import failed (exit ${code})`);
}

const started = Date.now();
const db = await benchDatabase(offline ? loadOffline : undefined);
try {
  if (!offline) {
    const stats = await bulkImport(db.db, generatedItems({ claims }));
    console.log(`graph: ${stats.claims} claims imported online in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } else {
    console.log(`graph: ${claims} claims loaded offline in ${((Date.now() - started) / 1000).toFixed(1)} s (with the server's start)`);
  }
  const counts = await graphCounts(db.db);
  console.log(
    `graph: ${counts.nodes.toLocaleString('en')} nodes, ${counts.relationships.toLocaleString('en')} relationships; store on disk ${(diskBytes(db.config.embedded.dataDir) / 2 ** 30).toFixed(2)} GiB`,
  );

  const app = await createApp({ db: db.db, logLevel: 'warn' });
  await app.http.listen({ port: 0, host: '127.0.0.1' });
  const address = app.http.server.address() as { port: number };
  const url = `http://127.0.0.1:${address.port}/graphql`;
  const post = async (query: string, variables: Record<string, unknown>) => {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
    const body = (await res.json()) as { data?: unknown; errors?: { message: string }[]; extensions?: { cost?: { requestedQueryCost: number; actualQueryCost: number } } };
    if (body.errors) throw new Error(body.errors[0].message);
    return { estimate: body.extensions?.cost?.requestedQueryCost ?? NaN, charged: body.extensions?.cost?.actualQueryCost ?? NaN, objects: objectsIn(body.data) };
  };
  /** The work an answer shows, counted apart from the cost model: every object in it. */
  const objectsIn = (v: unknown): number =>
    Array.isArray(v) ? v.reduce((n: number, x) => n + objectsIn(x), 0) : v && typeof v === 'object' ? 1 + Object.values(v).reduce((n: number, x) => n + objectsIn(x), 0) : 0;
  const costLines: string[] = [];

  const cases = queryCases(claims);
  for (const [name, query, vars] of cases) {
    // Warm plans, caches and the JVM's JIT (a cold JVM is several times slower).
    for (let i = 0; i < Number(process.env.WARMUP ?? 300); i++) await post(query, vars(i + 1000));
    const times: number[] = [];
    const costs: { estimate: number; charged: number; objects: number }[] = [];
    for (let i = 0; i < runs; i++) {
      const t = process.hrtime.bigint();
      costs.push(await post(query, vars(i)));
      times.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    const [e, c, o] = (['estimate', 'charged', 'objects'] as const).map((k) => median(costs.map((x) => x[k])));
    const ratios = costs.map((x) => x.estimate / Math.max(1, x.objects)).sort((a, b) => a - b);
    costLines.push(
      `${name.padEnd(42)} estimate ${String(e).padStart(5)}   charged ${String(c).padStart(5)}   objects returned ${String(o).padStart(5)}   estimate ÷ objects: median ${median(ratios).toFixed(2)}, range ${ratios[0].toFixed(2)}–${ratios.at(-1)!.toFixed(2)}`,
    );
    times.sort((a, b) => a - b);
    console.log(`${name.padEnd(42)} p50 ${percentile(times, 50).toFixed(1).padStart(7)} ms   p99 ${percentile(times, 99).toFixed(1).padStart(7)} ms   (${runs} requests)`);
  }
  console.log('cost (medians over the same requests):');
  for (const line of costLines) console.log(line);
  const mib = (b: number) => `${(b / 2 ** 20).toFixed(0)} MiB`;
  console.log(
    `memory after the run: server (this process) ${mib(process.memoryUsage().rss)} resident; Neo4j ${mib(residentBytes(db.embedded?.pid))} resident (heap ${db.config.embedded.heap}, page cache ${mib(db.config.embedded.pageCacheBytes)})`,
  );
  await app.http.close();
} finally {
  await db.cleanup();
}
