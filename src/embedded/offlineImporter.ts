/**
 * Runs Neo4j's bulk importer (neo4j/…/OfflineImport.java, the machinery of `neo4j-admin database
 * import full`) on the embedded store, from the CSV files of an offline import. The JVM comes from
 * the same launcher build as the embedded server; nothing is downloaded here.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import readline from 'node:readline';
import { migrationsMarker } from '../db/migrate.js';
import { ensureLauncherBuilt, launcherClasspath, type LauncherLog } from './launcherBuild.js';

export interface ImporterRun {
  /** The embedded store directory (EmbeddedNeo4j's home). */
  storeDir: string;
  database: string;
  nodeFiles: string[];
  relationshipFiles: string[];
  arrayDelimiter: string;
  multiline: boolean;
  /** Where the importer writes its report of bad entries (by default it would write to the working directory). */
  reportFile: string;
  /** Each stage the importer enters and its progress in percent. */
  onStage?: (stage: string, percent: number) => void;
}

export interface ImporterResult {
  /** The importer's summary lines (nodes, relationships, properties, peak memory). */
  summary: string[];
}

export async function runOfflineImporter(run: ImporterRun, log: LauncherLog): Promise<ImporterResult> {
  await ensureLauncherBuilt(log);
  // The database is replaced: the schema recorded as applied to the old one must be applied again.
  fs.rmSync(migrationsMarker(run.storeDir), { force: true });
  const args = [
    '-XX:+UseG1GC',
    '-XX:+ExitOnOutOfMemoryError',
    '-cp',
    launcherClasspath(),
    'claimgraph.OfflineImport',
    run.storeDir,
    ...run.nodeFiles.map((f) => `--nodes=${f}`),
    ...run.relationshipFiles.map((f) => `--relationships=${f}`),
    `--array-delimiter=${run.arrayDelimiter}`,
    `--multiline-fields=${run.multiline}`,
    `--report-file=${run.reportFile}`,
    // The caller has checked that the store holds no data (an empty database may exist).
    '--overwrite-destination=true',
    run.database,
  ];
  const child = spawn('java', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const recent: string[] = [];
  const summary: string[] = [];
  let stage = '';
  let inSummary = false;
  const onLine = (line: string) => {
    recent.push(line);
    if (recent.length > 40) recent.shift();
    const stageLine = /^\((\d+)\/(\d+)\) (.+)$/.exec(line.trim());
    if (stageLine) {
      stage = `${stageLine[1]}/${stageLine[2]} ${stageLine[3]}`;
      run.onStage?.(stage, 0);
    }
    const percent = /\s(\d{1,3})% ∆/.exec(line);
    if (percent && stage) run.onStage?.(stage, Number(percent[1]));
    if (/^IMPORT DONE/.test(line.trim())) inSummary = true;
    if (inSummary && line.trim()) summary.push(line.trim());
  };
  readline.createInterface({ input: child.stdout! }).on('line', onLine);
  readline.createInterface({ input: child.stderr! }).on('line', onLine);
  const code = await new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (c, signal) => resolve(c ?? (signal ? 128 : 1)));
  });
  if (code !== 0) throw new Error(`Neo4j's importer failed (exit ${code}):\n${recent.join('\n')}`);
  return { summary };
}
