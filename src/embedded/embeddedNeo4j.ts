/**
 * Runs the embedded Neo4j (neo4j/ Java launcher) as a supervised child process: waits for its
 * readiness line, restarts it with backoff when it dies unexpectedly, and stops it with SIGTERM
 * (so Neo4j checkpoints and releases its store lock) when asked.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import type { EmbeddedSettings } from '../config.js';
import { portIsFree } from '../ports.js';
import { classDataFlags, ensureClassDataArchive } from './classDataArchive.js';
import { ensureLauncherBuilt, launcherClasspath, type LauncherLog } from './launcherBuild.js';
import { EMBEDDED_USER, ensurePassword } from './password.js';
import { removePid, writePid } from './pidFile.js';

const READY = /claimgraph-neo4j ready (\S+)/;
/**
 * Neo4j replans a cached query when the graph's statistics drift, at most once per interval.
 * While a bulk import grows the graph a hundredfold that is a replan of every ingest query every
 * 10 s (about a second each here); our queries are index-driven and do not need it so often.
 */
const PLANNER_SETTINGS = ['dbms.cypher.min_replan_interval=5m'];
/**
 * What a single embedded store does not need: Bolt's shutdown waited out a 5 s quiet period
 * twice (10 s of every stop, so of every restart) for connections the drain has already closed;
 * the usage report phones home from a machine that may have no internet.
 */
const EMBEDDED_SETTINGS = ['internal.dbms.bolt.netty_server_shutdown_quiet_period=0', 'dbms.usage_report.enabled=false'];
const BACKOFF_MS = [500, 1000, 2000, 5000, 10_000, 30_000];
/** A process that stayed up this long counts as healthy: the next crash starts backoff afresh. */
const STABLE_AFTER_MS = 60_000;
const START_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 60_000;

export interface EmbeddedLog extends LauncherLog {
  error(msg: string): void;
  debug(msg: string): void;
}

export class EmbeddedNeo4j extends EventEmitter {
  private child?: ChildProcess;
  private stopping = false;
  private attempt = 0;
  private restartTimer?: NodeJS.Timeout;

  constructor(
    private readonly settings: EmbeddedSettings,
    private readonly log: EmbeddedLog,
    private readonly options: { detached?: boolean } = {},
  ) {
    super();
  }

  get uri(): string {
    return `bolt://127.0.0.1:${this.settings.port}`;
  }

  /** The Bolt credentials (auth is always on; see password.ts). */
  get credentials(): { user: string; password: string } {
    return { user: EMBEDDED_USER, password: ensurePassword(this.settings.dataDir) };
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Builds the launcher if needed, starts Neo4j and resolves once it answers queries. */
  async start(): Promise<void> {
    await ensureLauncherBuilt(this.log);
    await ensureClassDataArchive(this.jvmFlags(), this.neo4jSettings(), this.log);
    if (!(await portIsFree(this.settings.port))) {
      throw new Error(
        `Port ${this.settings.port} on 127.0.0.1 is already in use, so the embedded Neo4j cannot listen there. ` +
          'Stop whatever holds it, choose another port with EMBEDDED_NEO4J_PORT, or point at that database with NEO4J_URI.',
      );
    }
    await this.spawnOnce();
  }

  private jvmFlags(): string[] {
    return [`-Xmx${this.settings.heap}`, '-XX:+UseG1GC', '-XX:+ExitOnOutOfMemoryError'];
  }

  private neo4jSettings(): string[] {
    return [...PLANNER_SETTINGS, ...EMBEDDED_SETTINGS];
  }

  private spawnOnce(): Promise<void> {
    const s = this.settings;
    const args = [...this.jvmFlags(), ...classDataFlags(), '-cp', launcherClasspath(), 'claimgraph.EmbeddedNeo4j', s.dataDir, String(s.port), String(s.pageCacheBytes), ...this.neo4jSettings()];
    const started = Date.now();
    // Its own process group: a terminal's Ctrl-C reaches only Node, which then stops Neo4j in
    // order (drain, close the driver, SIGTERM) instead of both racing to shut down.
    const child = spawn('java', args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
      // The password travels in the environment, which other users cannot read (argv they can).
      env: { ...process.env, CLAIMGRAPH_NEO4J_PASSWORD: ensurePassword(s.dataDir) },
    });
    this.child = child;
    // If Node exits without stop() (an uncaught error), Neo4j still gets its clean SIGTERM.
    const onExit = () => child.kill('SIGTERM');
    process.once('exit', onExit);
    child.once('exit', () => process.removeListener('exit', onExit));
    return new Promise<void>((resolve, reject) => {
      let ready = false;
      const timer = setTimeout(() => {
        if (!ready) {
          child.kill('SIGKILL');
          reject(new Error(`Embedded Neo4j did not become ready within ${START_TIMEOUT_MS / 1000} s`));
        }
      }, START_TIMEOUT_MS);
      const recent: string[] = [];
      const onLine = (line: string) => {
        recent.push(line);
        if (recent.length > 30) recent.shift();
        if (!ready && READY.test(line)) {
          ready = true;
          clearTimeout(timer);
          writePid(s.dataDir, { pid: child.pid!, port: s.port, detached: this.options.detached ?? false, supervisorPid: process.pid });
          this.log.info(`Embedded Neo4j ready at ${this.uri} (pid ${child.pid}, ${Date.now() - started} ms)`);
          this.emit('ready');
          resolve();
        } else {
          this.log.debug(`[neo4j] ${line}`);
        }
      };
      const split = (stream: NodeJS.ReadableStream | null) => {
        let buf = '';
        stream?.on('data', (chunk: Buffer) => {
          buf += chunk.toString();
          const lines = buf.split('\n');
          buf = lines.pop() ?? '';
          lines.forEach(onLine);
        });
      };
      split(child.stdout);
      split(child.stderr);
      child.on('error', (err) => {
        clearTimeout(timer);
        if (!ready) reject(err);
      });
      child.on('exit', (code, signal) => {
        clearTimeout(timer);
        removePid(s.dataDir, child.pid ?? -1);
        if (!ready) {
          reject(new Error(`Embedded Neo4j exited before it was ready (code ${code}, signal ${signal}). Output:\n${recent.join('\n')}`));
          return;
        }
        this.emit('exit', { code, signal });
        if (this.stopping) return;
        const uptime = Date.now() - started;
        if (uptime > STABLE_AFTER_MS) this.attempt = 0;
        const delay = BACKOFF_MS[Math.min(this.attempt, BACKOFF_MS.length - 1)];
        this.attempt += 1;
        this.log.error(`Embedded Neo4j died (code ${code}, signal ${signal}); restarting in ${delay} ms`);
        this.restartTimer = setTimeout(() => this.restart(), delay);
      });
    });
  }

  private async restart(): Promise<void> {
    if (this.stopping) return;
    try {
      await this.spawnOnce();
      this.emit('restarted');
    } catch (err) {
      if (this.stopping) return;
      const delay = BACKOFF_MS[Math.min(this.attempt, BACKOFF_MS.length - 1)];
      this.attempt += 1;
      this.log.error(`Embedded Neo4j restart failed: ${(err as Error).message}; retrying in ${delay} ms`);
      this.restartTimer = setTimeout(() => this.restart(), delay);
    }
  }

  /** SIGTERM, then wait for a clean shutdown (SIGKILL only after a minute). */
  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      const killer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      child.once('exit', () => {
        clearTimeout(killer);
        resolve();
      });
      child.kill('SIGTERM');
    });
    this.log.info('Embedded Neo4j stopped');
  }
}
