/**
 * Import benchmark: generates CLAIMS (default 100,000) synthetic claims as .ndjson, imports them
 * through the same path as `claimgraph import` (read, validate, reference-check, batched write),
 * and prints claims/s. Not a test: it prints numbers.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readDocuments } from '../src/cli/readDocuments.js';
import { graphCounts } from '../src/services/admin.js';
import { bulkImport } from '../src/services/ingest/bulkImport.js';
import { benchDatabase } from './benchDatabase.js';
import { generateDocuments } from './generator.js';

const claims = Number(process.env.CLAIMS ?? 100_000);
const perDoc = Number(process.env.CLAIMS_PER_DOCUMENT ?? 100);

const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-gen-')), 'generated.ndjson');
const out = fs.createWriteStream(file);
let docs = 0;
for (const doc of generateDocuments({ claims, claimsPerDocument: perDoc })) {
  out.write(`${JSON.stringify(doc)}\n`);
  docs += 1;
}
await new Promise((r) => out.end(r));
console.log(`generated ${docs} documents, ${claims} claims (${(fs.statSync(file).size / 1e6).toFixed(1)} MB) in ${file}`);

const db = await benchDatabase();
try {
  const started = process.hrtime.bigint();
  const stats = await bulkImport(db.db, readDocuments([file]));
  const secs = Number(process.hrtime.bigint() - started) / 1e9;
  const counts = await graphCounts(db.db);
  console.log(`imported ${stats.accepted}/${stats.documents} documents, ${stats.claims} claims in ${secs.toFixed(1)} s`);
  console.log(`claims/s: ${Math.round(stats.claims / secs)}`);
  console.log(`graph: ${counts.nodes} nodes, ${counts.relationships} relationships; rejected: ${stats.rejected.length}`);
  if (stats.rejected.length) console.log(stats.rejected.slice(0, 5));
} finally {
  await db.cleanup();
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
}
