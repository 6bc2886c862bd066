/**
 * `claimgraph import --offline FILES…`: the first load of a large corpus into an EMPTY embedded
 * store through Neo4j's bulk importer. Documents are validated and applied in memory exactly as
 * the online path would write them (services/ingest/offline/), written as CSV, imported by
 * Neo4j's importer, and then the store is started once to create the constraints and indexes
 * (the migrations), fill in what CSV cannot express, and wait for the indexes to be populated.
 */
import { invokedAs } from './invokedAs.js';
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { readLivePid } from '../embedded/pidFile.js';
import { runOfflineImporter } from '../embedded/offlineImporter.js';
import { startRuntime } from '../runtime.js';
import { graphCounts, restoreSystemNodes, systemNodes, type SystemNodes } from '../services/admin/admin.js';
import { buildGraph } from '../services/ingest/offline/buildGraph.js';
import { ARRAY_DELIMITER, writeCsvFiles } from '../services/ingest/offline/csvFiles.js';
import { PhaseTimes } from './phaseTimes.js';
import { Progress } from './progress.js';
import { countDocuments, readDocumentTexts } from './readDocuments.js';
import { printRejections } from './rejections.js';

/** The phases that are Neo4j's work, not claimgraph's: together the floor of an offline import. */
const NEO4J_PHASES = ["Neo4j's importer (its JVM included)", 'start the store', 'create and populate constraints and indexes'] as const;

/** Why the store cannot take an offline import (`refused`), or the System nodes to put back after it. */
async function inspectStore(config: Config, log: Logger): Promise<{ refused: string } | { refused: null; system?: SystemNodes }> {
  if (config.external)
    return { refused: `NEO4J_URI is set (${config.external.uri}): an offline import writes only the embedded store. Use \`neo4j-admin database import\` on that server, or import online.` };
  const running = readLivePid(config.embedded.dataDir);
  if (running)
    return {
      refused: `the embedded Neo4j in ${config.embedded.dataDir} is running (pid ${running.pid}, port ${running.port}): stop the server or \`${invokedAs()} db stop\` first, since the importer needs the store to itself.`,
    };
  if (!fs.existsSync(path.join(config.embedded.dataDir, 'data', 'databases', config.database))) return { refused: null };
  // The database exists: it may be empty (after `claimgraph reset --yes`), or hold a graph.
  const runtime = await startRuntime(config, log);
  try {
    const counts = await graphCounts(runtime.db);
    if (counts.nodes > 0)
      return {
        refused: `the store in ${config.embedded.dataDir} already holds ${counts.nodes.toLocaleString('en')} nodes: an offline import only loads an empty store. Import online (without --offline), run \`${invokedAs()} reset --yes\` first, or set CLAIMGRAPH_DATA to a new directory.`,
      };
    // The importer replaces the database: the API keys are put back after.
    return { refused: null, system: await systemNodes(runtime.db) };
  } finally {
    await runtime.stop();
  }
}

export async function offlineImportCommand(config: Config, files: string[], log: Logger, maxProblems?: number, name?: string): Promise<number> {
  // Usage and missing files are program.ts's to refuse, before anything starts.
  const store = await inspectStore(config, log);
  if (store.refused !== null) {
    console.error(`Offline import refused: ${store.refused}`);
    return 1;
  }
  const started = Date.now();
  const phases = new PhaseTimes();
  let peakRss = process.memoryUsage().rss;
  const total = await countDocuments(files);
  const progress = new Progress(total, 'docs');
  const { model, stats } = await buildGraph(readDocumentTexts(files), {
    onProgress: (s) => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
      progress.update(s.documents, `${Math.round(s.claims / Math.max(progress.elapsedSeconds, 0.001)).toLocaleString('en')} claims/s validated`);
    },
  });
  progress.done();
  phases.end('read, validate and apply');
  printRejections(stats.rejected, 'loaded', maxProblems, name);
  const csvDir = path.join(config.dataDir, `offline-import-${process.pid}`);
  try {
    const csv = writeCsvFiles(model, csvDir);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    phases.end('write CSV');
    const nodeCount = model.nodes.size;
    model.clear();
    let lastStage = '';
    const result = await runOfflineImporter(
      {
        storeDir: config.embedded.dataDir,
        database: config.database,
        nodeFiles: csv.nodes,
        relationshipFiles: csv.relationships,
        arrayDelimiter: ARRAY_DELIMITER,
        multiline: csv.multiline,
        reportFile: path.join(csvDir, 'import.report'),
        onStage: (stage, percent) => {
          if (stage !== lastStage && process.stderr.isTTY) process.stderr.write(`\n`);
          lastStage = stage;
          if (process.stderr.isTTY) process.stderr.write(`\rNeo4j importer ${stage}: ${percent}%   `);
        },
      },
      { info: (m) => log.info(m), warn: (m) => log.warn(m) },
    );
    if (process.stderr.isTTY) process.stderr.write('\n');
    console.log(`Neo4j's importer: ${result.summary.join('; ')}`);
    phases.end(NEO4J_PHASES[0]);
    // Constraints, indexes and full-text indexes: the migrations, on the imported store.
    const runtime = await startRuntime(config, log, { onDatabaseReady: () => phases.end(NEO4J_PHASES[1]) });
    try {
      await runtime.db.write('admin/offlineFixups');
      if (store.system) await restoreSystemNodes(runtime.db, store.system);
      await runtime.db.read('admin/awaitIndexes', { p: { seconds: 3600 } });
      phases.end(NEO4J_PHASES[2]);
    } finally {
      await runtime.stop();
      phases.end('stop the store');
    }
    const secs = (Date.now() - started) / 1000;
    console.log(
      `Imported offline ${stats.accepted.toLocaleString('en')} of ${stats.documents.toLocaleString('en')} documents ` +
        `(${stats.claims.toLocaleString('en')} claims, ${nodeCount.toLocaleString('en')} nodes) in ${secs.toFixed(1)} s: ` +
        `${Math.round(stats.claims / secs).toLocaleString('en')} claims/s end to end, indexes included; ` +
        `peak memory of this process ${(peakRss / 2 ** 20).toFixed(0)} MiB.`,
    );
    console.log(`Phases: ${phases.summary()}`);
    // Neo4j's own share, the floor this machine sets: its importer, its start, its index population.
    const floor = NEO4J_PHASES.reduce((sum, name) => sum + phases.seconds(name), 0);
    console.log(
      `Neo4j's share (its importer, start and index population): ${floor.toFixed(1)} s, ${Math.round(stats.claims / floor).toLocaleString('en')} claims/s; ` +
        `end to end is ${((100 * floor) / secs).toFixed(0)}% of that rate.`,
    );
  } finally {
    fs.rmSync(csvDir, { recursive: true, force: true });
  }
  return stats.rejected.length ? 1 : 0;
}
