/**
 * Builds the Java launcher in neo4j/ with Maven when it is missing or older than its sources.
 * The first build downloads Neo4j's jars from Maven Central (~120 MB), so it reports progress
 * instead of sitting silent for a minute.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const LAUNCHER_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../neo4j');
/** The launcher's own classes, as a jar: class-data sharing maps classes from jars, not directories. */
export const LAUNCHER_JAR = path.join(LAUNCHER_DIR, 'target/claimgraph-neo4j-1.0.0.jar');
const LIB_DIR = path.join(LAUNCHER_DIR, 'target/lib');

export interface LauncherLog {
  info(msg: string): void;
  warn(msg: string): void;
}

/** The classpath the JVM is started with. */
export function launcherClasspath(): string {
  return `${LAUNCHER_JAR}${path.delimiter}${path.join(LIB_DIR, '*')}`;
}

function newestSourceMtime(): number {
  const files = [path.join(LAUNCHER_DIR, 'pom.xml')];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else files.push(p);
    }
  };
  walk(path.join(LAUNCHER_DIR, 'src'));
  return Math.max(...files.map((f) => fs.statSync(f).mtimeMs));
}

export function launcherIsCurrent(): boolean {
  if (!fs.existsSync(LAUNCHER_JAR) || !fs.existsSync(LIB_DIR)) return false;
  return fs.statSync(LAUNCHER_JAR).mtimeMs >= newestSourceMtime();
}

/** Java 17+ must be on PATH; says so plainly (and names NEO4J_URI) when it is not. */
export function checkJava(): void {
  const r = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) {
    throw new Error(
      'Java 17 or newer is needed for the embedded Neo4j, and `java` was not found on PATH. ' +
        'Install a JDK 17+ (e.g. `apt-get install openjdk-17-jdk-headless`), or point claimgraph at an ' +
        'existing Neo4j with NEO4J_URI (see README, "Using an existing Neo4j").',
    );
  }
  const m = /version "(\d+)/.exec(r.stderr + r.stdout);
  const major = m ? Number(m[1]) : 0;
  if (major < 17) {
    throw new Error(`Java ${major || '(unknown)'} found, but the embedded Neo4j 5.26 needs Java 17 or newer. ` + 'Install a JDK 17+, or set NEO4J_URI to use an existing Neo4j.');
  }
}

function checkMaven(): void {
  const r = spawnSync('mvn', ['-v'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) {
    throw new Error(
      "Maven (`mvn`) is needed once, to fetch Neo4j's jars for the embedded database, and was not found on PATH. " +
        'Install Maven (e.g. `apt-get install maven`), or set NEO4J_URI to use an existing Neo4j.',
    );
  }
}

/** Runs `mvn package` when needed, logging a progress line every 25 downloaded artifacts. */
export async function ensureLauncherBuilt(log: LauncherLog): Promise<void> {
  checkJava();
  if (launcherIsCurrent()) return;
  checkMaven();
  log.info('Building the embedded Neo4j launcher (first run downloads Neo4j 5.26 from Maven Central)...');
  const started = Date.now();
  await new Promise<void>((resolve, reject) => {
    const mvn = spawn('mvn', ['-B', '-DskipTests', 'package'], { cwd: LAUNCHER_DIR, stdio: ['ignore', 'pipe', 'pipe'] });
    let downloaded = 0;
    const tail: string[] = [];
    const onLine = (line: string) => {
      tail.push(line);
      if (tail.length > 40) tail.shift();
      if (line.includes('Downloaded from')) {
        downloaded += 1;
        if (downloaded % 25 === 0) log.info(`  ... ${downloaded} artifacts downloaded`);
      }
    };
    let buf = '';
    const feed = (chunk: Buffer) => {
      buf += chunk.toString();
      const lines = buf.split('\n');
      buf = lines.pop() ?? '';
      lines.forEach(onLine);
    };
    mvn.stdout.on('data', feed);
    mvn.stderr.on('data', feed);
    mvn.on('error', reject);
    mvn.on('close', (code) => {
      if (code === 0) {
        log.info(`Embedded Neo4j launcher built in ${((Date.now() - started) / 1000).toFixed(1)} s (${downloaded} artifacts downloaded)`);
        resolve();
      } else {
        reject(new Error(`Maven build of neo4j/ failed (exit ${code}). Last output:\n${tail.join('\n')}`));
      }
    });
  });
}
