/**
 * A small JSON file beside the store that says which process owns the embedded database, so
 * `npm start` can attach to one started by `claimgraph db start` (and `db stop` can stop it)
 * instead of fighting over the store lock.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface PidRecord {
  pid: number;
  port: number;
  /** true when started by `claimgraph db start` and meant to outlive any one server. */
  detached: boolean;
  /** The Node process supervising Neo4j (stop it, not Neo4j, or it restarts Neo4j). */
  supervisorPid?: number;
}

export function pidFilePath(storeDir: string): string {
  return path.join(storeDir, 'claimgraph-neo4j.pid.json');
}

function isOurJava(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('claimgraph.EmbeddedNeo4j');
  } catch {
    return true; // no /proc (macOS): trust the signal check
  }
}

/** The live owner of the store, or undefined (a stale file is removed). */
export function readLivePid(storeDir: string): PidRecord | undefined {
  const file = pidFilePath(storeDir);
  let rec: PidRecord;
  try {
    rec = JSON.parse(fs.readFileSync(file, 'utf8')) as PidRecord;
  } catch {
    return undefined;
  }
  if (isOurJava(rec.pid)) return rec;
  fs.rmSync(file, { force: true });
  return undefined;
}

export function writePid(storeDir: string, rec: PidRecord): void {
  fs.mkdirSync(storeDir, { recursive: true });
  fs.writeFileSync(pidFilePath(storeDir), JSON.stringify(rec));
}

export function removePid(storeDir: string, pid: number): void {
  const current = (() => {
    try {
      return JSON.parse(fs.readFileSync(pidFilePath(storeDir), 'utf8')) as PidRecord;
    } catch {
      return undefined;
    }
  })();
  if (current?.pid === pid) fs.rmSync(pidFilePath(storeDir), { force: true });
}
