/**
 * `claimgraph db start|stop|status`: the embedded Neo4j on its own, for Neo4j Browser,
 * cypher-shell or the GraphQL Toolbox. `start` runs a small supervisor in the background
 * (restarts Neo4j if it dies); a later `npm start` attaches to it instead of starting another.
 */
import { invokedAs } from './invokedAs.js';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from '../config.js';
import { Database } from '../db/database.js';
import { readLivePid } from '../embedded/pidFile.js';
import { graphCounts } from '../services/admin/admin.js';
import { passwordFilePath } from '../embedded/password.js';
import { embeddedTarget } from '../runtime.js';
import { superviseEmbedded } from './supervise.js';

/** The daemon beside this file: dbDaemon.ts from the sources, dbDaemon.js from the build. */
const DAEMON = path.join(path.dirname(fileURLToPath(import.meta.url)), `dbDaemon${path.extname(fileURLToPath(import.meta.url))}`);

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function dbStart(config: Config, foreground: boolean): Promise<number> {
  if (config.external) {
    console.error(`NEO4J_URI is set (${config.external.uri}): there is no embedded database to start.`);
    return 2;
  }
  const running = readLivePid(config.embedded.dataDir);
  if (running) {
    console.log(`The embedded Neo4j is already running at bolt://127.0.0.1:${running.port} (pid ${running.pid}).`);
    return 0;
  }
  if (foreground) {
    const db = await superviseEmbedded(config);
    console.log(`Neo4j is listening at ${db.uri}; Ctrl-C stops it.`);
    return new Promise(() => undefined);
  }
  fs.mkdirSync(config.dataDir, { recursive: true });
  const logFile = path.join(config.dataDir, 'neo4j-daemon.log');
  const out = fs.openSync(logFile, 'a');
  const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), DAEMON], { detached: true, stdio: ['ignore', out, out], env: process.env });
  child.unref();
  console.log(`Starting the embedded Neo4j in the background (log: ${logFile}) ...`);
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 500));
    const rec = readLivePid(config.embedded.dataDir);
    if (rec) {
      console.log(`Neo4j is running at bolt://127.0.0.1:${rec.port} (pid ${rec.pid}); user neo4j, password in ${passwordFilePath(config.embedded.dataDir)}. Stop it with \`${invokedAs()} db stop\`.`);
      return 0;
    }
    if (child.exitCode !== null || !alive(child.pid!)) break;
  }
  console.error(`The embedded Neo4j did not start; see ${logFile}:\n${fs.readFileSync(logFile, 'utf8').split('\n').slice(-15).join('\n')}`);
  return 1;
}

export async function dbStop(config: Config): Promise<number> {
  const rec = readLivePid(config.embedded.dataDir);
  if (!rec) {
    console.log('The embedded Neo4j is not running.');
    return 0;
  }
  // Stop the supervisor when there is one (else it would restart Neo4j); it stops Neo4j cleanly.
  const target = rec.supervisorPid && alive(rec.supervisorPid) ? rec.supervisorPid : rec.pid;
  process.kill(target, 'SIGTERM');
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline && alive(rec.pid)) await new Promise((r) => setTimeout(r, 250));
  if (alive(rec.pid)) {
    console.error(`Neo4j (pid ${rec.pid}) did not stop within 90 s.`);
    return 1;
  }
  console.log('The embedded Neo4j stopped.');
  return 0;
}

export async function dbStatus(config: Config): Promise<number> {
  const rec = config.external ? undefined : readLivePid(config.embedded.dataDir);
  const target = config.external ?? (rec ? embeddedTarget(config.embedded.dataDir, rec.port, config.database) : undefined);
  if (!target) {
    console.log(`The embedded Neo4j is not running (data directory: ${config.embedded.dataDir}).`);
    return 3;
  }
  if (rec) {
    const sup = rec.supervisorPid;
    const who =
      !sup || !alive(sup)
        ? `nobody supervises it (process ${sup ?? 'unknown'} is gone): the next \`npm start\` restarts it under its own supervision`
        : rec.detached
          ? `supervised by \`claimgraph db start\` (process ${sup})`
          : `supervised by the claimgraph server, process ${sup}`;
    console.log(`Embedded Neo4j pid ${rec.pid} at ${target.uri}, ${who}. Bolt user neo4j, password in ${passwordFilePath(config.embedded.dataDir)}.`);
  }
  const db = Database.connect(target);
  try {
    const counts = await graphCounts(db);
    console.log(`Neo4j at ${target.uri} (database "${target.database}") answers: ${counts.nodes} nodes, ${counts.relationships} relationships.`);
    return 0;
  } catch (err) {
    console.log(`Neo4j at ${target.uri} does not answer: ${(err as Error).message}`);
    return 1;
  } finally {
    await db.close();
  }
}
