/**
 * A class-data sharing archive (AppCDS) for the embedded Neo4j's JVM: the classes a start loads,
 * recorded once after the launcher is built, then mapped in at every start instead of being read
 * from ~200 jars and verified again. Measured here it takes the launcher's own start from about
 * 4 s to about 2.5 s (`npm run bench:start`).
 *
 * Java 17 writes a dynamic archive only when the JVM exits normally, so the recording is its own
 * short run (CLAIMGRAPH_NEO4J_TRAINING=1: start a throwaway store, stop, exit). The archive is
 * bound to the JVM and the classpath: a different Java, or a rebuilt launcher, and the JVM simply
 * starts without it (-Xshare:auto) until it is recorded again; nothing fails for want of it.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../ports.js';
import { LAUNCHER_DIR, LAUNCHER_JAR, launcherClasspath, type LauncherLog } from './launcherBuild.js';

const ARCHIVE = path.join(LAUNCHER_DIR, 'target/claimgraph-neo4j.jsa');
/** Left when a recording failed, so starts do not try again until the launcher is rebuilt. */
const FAILED = `${ARCHIVE}.failed`;
const RECORD_TIMEOUT_MS = 180_000;

/** Whether this file exists and was written after the launcher jar was built. */
function newerThanLauncher(file: string): boolean {
  try {
    return fs.statSync(file).mtimeMs >= fs.statSync(LAUNCHER_JAR).mtimeMs;
  } catch {
    return false;
  }
}

const archiveIsCurrent = () => newerThanLauncher(ARCHIVE);

/** The JVM flags that map the archive in, or none while there is no current one. */
export function classDataFlags(): string[] {
  return archiveIsCurrent() ? [`-XX:SharedArchiveFile=${ARCHIVE}`, '-Xshare:auto'] : [];
}

/**
 * Records the archive if there is no current one: the launcher started on a throwaway store with
 * the same JVM flags and settings as a real start, so it loads the classes a real start does.
 * A failure is logged and costs only the speed-up.
 */
export async function ensureClassDataArchive(jvmFlags: string[], settings: string[], log: LauncherLog): Promise<void> {
  if (archiveIsCurrent() || newerThanLauncher(FAILED)) return;
  const started = Date.now();
  const store = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-cds-'));
  const partial = `${ARCHIVE}.partial`;
  fs.rmSync(partial, { force: true });
  log.info('Recording the embedded Neo4j’s class-data archive (once per launcher build, about 10 s): later starts are faster');
  try {
    const port = await freePort();
    const args = [...jvmFlags, `-XX:ArchiveClassesAtExit=${partial}`, '-cp', launcherClasspath(), 'claimgraph.EmbeddedNeo4j', store, String(port), String(64 * 1024 * 1024), ...settings];
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn('java', args, { stdio: 'ignore', env: { ...process.env, CLAIMGRAPH_NEO4J_TRAINING: '1', CLAIMGRAPH_NEO4J_PASSWORD: 'recording-only' } });
      const timer = setTimeout(() => child.kill('SIGKILL'), RECORD_TIMEOUT_MS);
      child.on('error', reject);
      child.on('exit', (c) => {
        clearTimeout(timer);
        resolve(c);
      });
    });
    if (code !== 0 || !fs.existsSync(partial)) throw new Error(`the recording run exited with ${code}`);
    fs.renameSync(partial, ARCHIVE);
    log.info(`Class-data archive recorded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (err) {
    fs.writeFileSync(FAILED, `${new Date().toISOString()} ${(err as Error).message}\n`);
    log.warn(`No class-data archive (the embedded Neo4j starts without it, only slower; not tried again until the launcher is rebuilt): ${(err as Error).message}`);
  } finally {
    fs.rmSync(partial, { force: true });
    fs.rmSync(store, { recursive: true, force: true });
  }
}
