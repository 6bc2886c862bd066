/**
 * Import benchmark: generates CLAIMS (default 100,000) synthetic claims as .ndjson, imports them
 * through the same path as `claimgraph import` (read, validate, reference-check, batched write),
 * and prints claims/s. Then, unless WARM_PASS=0, imports a second series of as many claims into
 * the same graph: the first pass runs on a freshly started JVM (JIT compilation competes for the
 * two cores), the second shows a long-running server's rate. First, unless OFFLINE=0, the same
 * first file through `import --offline` into an empty store (its phases, and Neo4j's share of them,
 * printed by the command). ONLINE=0 skips the online passes (at a million claims they take
 * minutes). Not a test: it prints numbers.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readDocuments } from '../src/cli/readDocuments.js';
import { graphCounts } from '../src/services/admin/admin.js';
import { bulkImport } from '../src/services/ingest/bulkImport.js';
import pino from 'pino';
import { offlineImportCommand } from '../src/cli/offlineImportCommand.js';
import { benchDatabase, diskBytes } from './benchDatabase.js';
import { writeGeneratedNdjson } from './generator.js';

const claims = Number(process.env.CLAIMS ?? 100_000);
const perDoc = Number(process.env.CLAIMS_PER_DOCUMENT ?? 100);
const warmPass = process.env.WARM_PASS !== '0';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-gen-'));

async function generate(series: string): Promise<string> {
  const file = path.join(dir, `${series}.ndjson`);
  const docs = await writeGeneratedNdjson(file, { claims, claimsPerDocument: perDoc, series });
  console.log(`generated ${docs} documents, ${claims} claims (${(fs.statSync(file).size / 1e6).toFixed(1)} MB) in ${file}`);
  return file;
}

const files = [await generate('gen'), ...(warmPass && process.env.ONLINE !== '0' ? [await generate('gen2')] : [])];

// The offline path (`import --offline`) into an empty store first: the same first file.
if (process.env.OFFLINE !== '0') {
  const started = process.hrtime.bigint();
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 200);
  const offline = await benchDatabase(async (config) => {
    const code = await offlineImportCommand(config, [files[0]], pino({ level: 'warn' }));
    if (code !== 0) throw new Error(`the offline import failed (exit ${code})`);
  });
  clearInterval(sampler);
  const secs = Number(process.hrtime.bigint() - started) / 1e9;
  const counts = await graphCounts(offline.db);
  console.log(`offline (import --offline into an empty store, then the server's start): ${claims} claims in ${secs.toFixed(1)} s`);
  console.log(`claims/s: ${Math.round(claims / secs)}; peak memory of this process ${(peak / 2 ** 20).toFixed(0)} MiB (the importer's JVM reports its own above)`);
  console.log(`graph: ${counts.nodes} nodes, ${counts.relationships} relationships; store on disk ${(diskBytes(offline.config.embedded.dataDir) / 2 ** 30).toFixed(2)} GiB`);
  await offline.cleanup();
}

const db = await benchDatabase();
try {
  for (const [i, file] of process.env.ONLINE === '0' ? [] : files.entries()) {
    const started = process.hrtime.bigint();
    const stats = await bulkImport(db.db, readDocuments([file]));
    const secs = Number(process.hrtime.bigint() - started) / 1e9;
    const counts = await graphCounts(db.db);
    const pass = i === 0 ? 'first pass (fresh JVM)' : 'second pass (warm JVM, into the same graph)';
    console.log(`${pass}: imported ${stats.accepted}/${stats.documents} documents, ${stats.claims} claims in ${secs.toFixed(1)} s`);
    console.log(`claims/s: ${Math.round(stats.claims / secs)}`);
    console.log(`graph: ${counts.nodes} nodes, ${counts.relationships} relationships; rejected: ${stats.rejected.length}`);
    if (stats.rejected.length) console.log(stats.rejected.slice(0, 5));
  }
} finally {
  await db.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
}
