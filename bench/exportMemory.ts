/**
 * Export memory benchmark: for each size in SIZES (default 30,000 and 300,000 claims), loads a
 * generated corpus into a fresh embedded store (`import --offline`), then runs `claimgraph export`
 * (ndjson, then PROV-O) to a file and prints this process's peak heap and resident memory above
 * what it held before: flat when the export streams. For contrast, the same graph's rows held
 * whole (what the export did before it streamed). Not a test: it prints numbers.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { exportCommand, type ExportFormat } from '../src/cli/exportCommand.js';
import { offlineImportCommand } from '../src/cli/offlineImportCommand.js';
import { eachEntityPage } from '../src/services/admin/export.js';
import { createEntityLoader } from '../src/services/entities/entities.js';
import type { EntityRow } from '../src/db/rows.js';
import type { Database } from '../src/db/database.js';
import { benchDatabase } from './benchDatabase.js';
import { writeGeneratedNdjson } from './generator.js';

const sizes = (process.env.SIZES ?? '30000,300000').split(',').map(Number);
const MiB = 2 ** 20;
const gc = (globalThis as { gc?: () => void }).gc;

/**
 * Runs `work`, sampling memory every 100 ms; the peaks above the level before it started. The heap
 * is sampled right after a full collection (node --expose-gc): what the work holds, not the
 * garbage V8 has yet to collect, which grows with a run's length whatever is held.
 */
async function peakOf<T>(work: () => Promise<T>): Promise<{ value: T; heap: number; rss: number; secs: number }> {
  gc?.();
  const before = process.memoryUsage();
  let heap = before.heapUsed;
  let rss = before.rss;
  const sample = () => {
    rss = Math.max(rss, process.memoryUsage().rss);
    gc?.();
    heap = Math.max(heap, process.memoryUsage().heapUsed);
  };
  const timer = setInterval(sample, 100);
  const started = process.hrtime.bigint();
  try {
    const value = await work();
    sample();
    return { value, heap: (heap - before.heapUsed) / MiB, rss: (rss - before.rss) / MiB, secs: Number(process.hrtime.bigint() - started) / 1e9 };
  } finally {
    clearInterval(timer);
  }
}

/** Every row of the graph in one array: the in-memory export's working set. */
async function holdWhole(db: Database): Promise<number> {
  const rows: EntityRow[] = [];
  await eachEntityPage(db, createEntityLoader(db), (page) => void rows.push(...page));
  return rows.length;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-export-'));
if (!gc) console.log('(without node --expose-gc the heap figures include uncollected garbage: npm run bench:export passes it)');
console.log(
  `load ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
try {
  for (const claims of sizes) {
    const input = path.join(dir, `gen-${claims}.ndjson`);
    await writeGeneratedNdjson(input, { claims });
    const store = await benchDatabase(async (config) => {
      const code = await offlineImportCommand(config, [input], pino({ level: 'warn' }));
      if (code !== 0) throw new Error(`the offline import failed (exit ${code})`);
    });
    try {
      for (const format of ['ndjson', 'prov-jsonld'] as ExportFormat[]) {
        const out = path.join(dir, `export-${claims}.${format}`);
        const r = await peakOf(() => exportCommand(store.db, { format, out, baseIri: 'https://claimgraph.example.org/id/' }));
        const mb = fs.statSync(out).size / 1e6;
        console.log(`${claims} claims, export ${format}: ${mb.toFixed(0)} MB in ${r.secs.toFixed(1)} s; peak live heap +${r.heap.toFixed(0)} MiB, peak RSS +${r.rss.toFixed(0)} MiB`);
        fs.rmSync(out);
      }
      const whole = await peakOf(() => holdWhole(store.db));
      console.log(`${claims} claims, every row held whole (${whole.value} nodes, the export before it streamed): peak live heap +${whole.heap.toFixed(0)} MiB, peak RSS +${whole.rss.toFixed(0)} MiB`);
    } finally {
      await store.cleanup();
    }
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
console.log(
  `load ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
