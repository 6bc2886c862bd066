/**
 * Brings the database side up: the embedded Neo4j (unless NEO4J_URI names another), a
 * connected Database, and the schema migrations. Shared by `npm start`, the CLI and the tests,
 * so all of them run the same path a user does.
 */
import type { Logger } from 'pino';
import type { Config, Neo4jTarget } from './config.js';
import { Database } from './db/database.js';
import { migrate, migrationsMarker } from './db/migrate.js';
import { EmbeddedNeo4j } from './embedded/embeddedNeo4j.js';
import { EMBEDDED_USER, readPassword } from './embedded/password.js';
import { readLivePid, type PidRecord } from './embedded/pidFile.js';

export interface Runtime {
  db: Database;
  /** Present when this process started (and supervises) the embedded database. */
  embedded?: EmbeddedNeo4j;
  target: Neo4jTarget;
  stop(): Promise<void>;
}

function embeddedLog(log: Logger) {
  return {
    info: (m: string) => log.info(m),
    warn: (m: string) => log.warn(m),
    error: (m: string) => log.error(m),
    debug: (m: string) => log.debug(m),
  };
}

/** Waits until the database answers, for a database that was just started or restarted. */
async function waitForDatabase(db: Database, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await db.ping();
      return;
    } catch (err) {
      if (Date.now() > deadline) throw new Error(`Neo4j at ${db.target.uri} did not answer within ${timeoutMs / 1000} s: ${(err as Error).message}`, { cause: err });
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

function alive(pid: number | undefined): boolean {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The running embedded Neo4j's Bolt target, with the password from its store. */
export function embeddedTarget(storeDir: string, port: number, database: string): Neo4jTarget {
  return { uri: `bolt://127.0.0.1:${port}`, database, user: EMBEDDED_USER, password: readPassword(storeDir) };
}

/**
 * An embedded Neo4j whose supervisor is gone (a server killed with SIGKILL) would run on with
 * nobody to restart it: stop it cleanly so this process can start, and supervise, its own.
 */
async function stopOrphan(rec: PidRecord, log: Logger): Promise<void> {
  log.warn(`The embedded Neo4j (pid ${rec.pid}) lost its supervisor (process ${rec.supervisorPid ?? 'unknown'} is gone); restarting it under this process`);
  process.kill(rec.pid, 'SIGTERM');
  const deadline = Date.now() + 60_000;
  while (alive(rec.pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  if (alive(rec.pid)) process.kill(rec.pid, 'SIGKILL');
  while (alive(rec.pid)) await new Promise((r) => setTimeout(r, 100));
}

export interface RuntimeHooks {
  /** Neo4j answers queries; the migrations have not run yet (the offline import times them apart). */
  onDatabaseReady?: () => void;
}

export async function startRuntime(config: Config, log: Logger, hooks: RuntimeHooks = {}): Promise<Runtime> {
  let embedded: EmbeddedNeo4j | undefined;
  let target: Neo4jTarget;
  if (config.external) {
    target = config.external;
    log.info(`Using the Neo4j at ${target.uri} (database "${target.database}"); nothing is embedded`);
  } else {
    let running = readLivePid(config.embedded.dataDir);
    if (running && !alive(running.supervisorPid)) {
      await stopOrphan(running, log);
      running = undefined;
    }
    if (running) {
      target = embeddedTarget(config.embedded.dataDir, running.port, config.database);
      const owner = running.detached ? `supervised by \`claimgraph db start\` (process ${running.supervisorPid})` : `supervised by claimgraph process ${running.supervisorPid}`;
      log.info(`Attaching to the embedded Neo4j already running (pid ${running.pid}, ${owner})`);
    } else {
      embedded = new EmbeddedNeo4j(config.embedded, embeddedLog(log));
      await embedded.start();
      target = { uri: embedded.uri, database: config.database, ...embedded.credentials };
    }
  }
  const db = Database.connect(target, { queryTimeoutMs: config.queryTimeoutMs, writeRetryMs: config.writeRetryMs });
  if (db.boltWrites !== 'applied') log.warn(`Queries go to Neo4j in several socket writes each: ${db.boltWrites} (src/db/coalesceBoltWrites.ts)`);
  try {
    await waitForDatabase(db, 60_000);
    hooks.onDatabaseReady?.();
    // The embedded store is ours: what was applied to it is recorded inside it (see migrate.ts).
    const marker = config.external ? undefined : migrationsMarker(config.embedded.dataDir);
    const { statements, skipped } = await migrate(db, marker);
    log.info(skipped ? `Schema migrations already applied to this store (${statements} statements)` : `Schema migrations applied (${statements} idempotent statements)`);
  } catch (err) {
    await db.close();
    await embedded?.stop();
    throw err;
  }
  return {
    db,
    embedded,
    target,
    async stop() {
      await db.close();
      await embedded?.stop();
    },
  };
}
