/**
 * The one class that talks to neo4j-driver. It runs named queries only (never Cypher text from a
 * caller), always with the database name, a transaction timeout and the query's access mode,
 * and returns plain JSON rows.
 */
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import type { Neo4jTarget } from './target.js';
import { loadNamedQueries, type NamedQuery } from './queryFiles.js';
import type { QueryName } from './queryRegistry.js';
import { toPlain } from './toPlain.js';
import { translateDriverError } from './translateError.js';
import type { Params, Queries, Row, TxRunner, WriteCounters } from './queries.js';
import { coalesceBoltWrites } from './coalesceBoltWrites.js';
import type { Causal } from './causal.js';

export type { Params, Row, TxRunner, WriteCounters } from './queries.js';

/** Parameters that Cypher needs as INTEGER (LIMIT, batch sizes, depths). */
const INTEGER_PARAMS = new Set(['limit', 'batch', 'candidates', 'maxDepth', 'depth', 'perNode']);

/** A notification Neo4j raised while planning a query (Database.explain). */
export interface PlanNotice {
  code: string;
  /** DEPRECATION, PERFORMANCE, UNRECOGNIZED, HINT, … */
  classification: string;
  description: string;
}

export interface DatabaseOptions {
  queryTimeoutMs?: number;
  /** Fail fast when the database is down: a request errors within ~5 s, never the driver's 60 s. */
  connectionTimeoutMs?: number;
  maxRetryTimeMs?: number;
  /**
   * How long a write is retried when it lost a race: deadlocks, lock timeouts, or a concurrent
   * writer creating the same id first. Longer than maxRetryTimeMs, which bounds the wait for an
   * unreachable database: contention passes, and the writer should see success, not an error.
   */
  writeRetryMs?: number;
}

/** Errors of a write that lost a race with another writer: the whole transaction may be run again. */
function lostRace(err: unknown): boolean {
  const code = String((err as { code?: unknown })?.code ?? '');
  return (
    code.startsWith('Neo.TransientError.Transaction.') ||
    code === 'Neo.TransientError.General.TransactionMemoryLimit' ||
    // Two writers creating the same new claim: on the next attempt it exists and is merged.
    code === 'Neo.ClientError.Schema.ConstraintValidationFailed'
  );
}

/**
 * neo4j-driver captures a stack trace for every query it starts (`new Error().stack`, to graft
 * onto a failure later), and formatting it, through source maps under `npm start`, was 3% of the
 * server's busy time under load. The driver builds the result, and captures, synchronously inside
 * `session.run`; with the limit at 0 for that call the capture is an empty string.
 */
function withoutStackCapture<T>(start: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return start();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** A failure the driver reports carries no caller's frames (above): its stack names the query instead. */
function withQueryName(err: unknown, name: QueryName): unknown {
  if (err instanceof Error && !/\n\s+at /.test(err.stack ?? '')) err.stack = `${String(err).trimEnd()}\n    at named query ${name}`;
  return err;
}

/** The driver's owner: one per process, shared by every request (each sees it through a RequestDatabase). */
export class Database implements Queries {
  private readonly queries: Map<QueryName, NamedQuery>;
  /** Round trips since start; tests read it to prove list fields are batched (no N+1). */
  queryCount = 0;

  private constructor(
    private readonly driver: Driver,
    readonly target: Neo4jTarget,
    private readonly options: Required<DatabaseOptions>,
  ) {
    this.queries = loadNamedQueries();
  }

  /** Whether a query's Bolt pieces go out in one socket write ('applied'), or why not (logged at start). */
  readonly boltWrites = coalesceBoltWrites();

  static connect(target: Neo4jTarget, options: DatabaseOptions = {}): Database {
    const opts: Required<DatabaseOptions> = {
      queryTimeoutMs: options.queryTimeoutMs ?? 30_000,
      connectionTimeoutMs: options.connectionTimeoutMs ?? 2_000,
      maxRetryTimeMs: options.maxRetryTimeMs ?? 1_500,
      writeRetryMs: options.writeRetryMs ?? 30_000,
    };
    // No password: the embedded database (auth disabled, loopback only) or a server without auth.
    const auth = target.password ? neo4j.auth.basic(target.user ?? 'neo4j', target.password) : undefined;
    const driver = neo4j.driver(target.uri, auth, {
      connectionTimeout: opts.connectionTimeoutMs,
      connectionAcquisitionTimeout: opts.connectionTimeoutMs + 1_000,
      maxTransactionRetryTime: opts.maxRetryTimeMs,
      // Room for 12 requests at their per-request cap of 4 queries, and then some for the rest.
      maxConnectionPoolSize: 64,
      disableLosslessIntegers: true,
      // Nothing reads notifications at run time, yet Neo4j would send them with every answer and the
      // driver decode them: warnings about property keys and relationship types a graph does not
      // hold yet (ROLE.to, SUPERSEDES), a dozen nested maps per request. EXPLAIN still asks for them.
      notificationFilter: { minimumSeverityLevel: 'OFF' },
      userAgent: 'claimgraph/0.1',
    });
    return new Database(driver, target, opts);
  }

  private named(name: QueryName): NamedQuery {
    const q = this.queries.get(name);
    if (!q) throw new Error(`Unknown named query "${name}"`);
    return q;
  }

  private query(name: QueryName, mode: 'READ' | 'WRITE'): NamedQuery {
    const q = this.named(name);
    if (mode === 'READ' && q.mode !== 'READ') throw new Error(`Query "${name}" writes; run it with write()`);
    return q;
  }

  private txConfig(name: string, timeoutMs = this.options.queryTimeoutMs) {
    return { timeout: Math.max(1, Math.floor(timeoutMs)), metadata: { app: 'claimgraph', query: name } };
  }

  /** Queries running now, across all requests (for /metrics: how much of the pool is in use). */
  inFlight = 0;

  /** A no-op: outside a request nothing limits the work (RequestDatabase checks a request's). */
  checkpoint(): void {}

  /**
   * JavaScript has one number type; Cypher has INTEGER and FLOAT, and LIMIT and counts need
   * INTEGER. The parameters named here go as INTEGER; every other number goes as FLOAT, so a
   * parameter's type never depends on its value (plans are cached per parameter types).
   */
  private static bindParams(params: Params): Params {
    const out: Params = {};
    for (const [k, v] of Object.entries(params)) out[k] = INTEGER_PARAMS.has(k) && typeof v === 'number' ? neo4j.int(v) : v;
    return out;
  }

  /** Runs a named query in a write transaction, adding what it changed to the counters. */
  private static async runIn<T>(tx: ManagedTransaction, q: NamedQuery, params: Params, counters: WriteCounters): Promise<T[]> {
    const result = await tx.run(q.text, Database.bindParams(params));
    const u = result.summary.counters.updates();
    counters.nodesCreated += u.nodesCreated;
    counters.nodesDeleted += u.nodesDeleted;
    counters.relationshipsCreated += u.relationshipsCreated;
    counters.relationshipsDeleted += u.relationshipsDeleted;
    counters.propertiesSet += u.propertiesSet;
    return result.records.map((r) => toPlain(r.toObject()) as T);
  }

  /**
   * Runs a READ query as an auto-commit transaction: one round trip, where a managed read
   * transaction adds a second one for COMMIT (about 1 ms each here, and a graph view or a
   * cross-reference makes several reads). Reads are idempotent, so transient failures are
   * retried here as the driver would retry a managed transaction, within the same time budget.
   * `timeoutMs` (at most the configured query timeout) is a request's time left.
   */
  async read<T = Row>(name: QueryName, params: Params = {}, timeoutMs = this.options.queryTimeoutMs, causal?: Causal): Promise<T[]> {
    timeoutMs = Math.min(timeoutMs, this.options.queryTimeoutMs);
    const q = this.query(name, 'READ');
    const bound = Database.bindParams(params);
    this.queryCount += 1;
    const deadline = Date.now() + this.options.maxRetryTimeMs;
    for (let attempt = 0; ; attempt++) {
      const session = this.driver.session({ database: this.target.database, defaultAccessMode: neo4j.session.READ, bookmarks: causal?.bookmarks });
      try {
        this.inFlight += 1;
        try {
          const result = await withoutStackCapture(() => session.run(q.text, bound, this.txConfig(name, timeoutMs)));
          return result.records.map((r) => toPlain(r.toObject()) as T);
        } finally {
          this.inFlight -= 1;
        }
      } catch (err) {
        if (!neo4j.isRetryableError(err as Error) || Date.now() >= deadline) throw withQueryName(translateDriverError(err), name);
      } finally {
        await session.close();
      }
      await new Promise((resolve) => setTimeout(resolve, Math.min(200, 20 * 2 ** attempt)));
    }
  }

  /**
   * Runs any number of named queries in ONE write transaction: all of them commit, or none. A
   * transaction that lost a race with another writer is run again (with jittered backoff) for
   * up to writeRetryMs; a constraint violation is retried at most 3 times, since after a
   * concurrent create the next attempt sees the node, and a real violation fails again at once.
   */
  async writeTransaction<R>(label: string, work: (tx: TxRunner) => Promise<R>, causal?: Causal): Promise<R> {
    const deadline = Date.now() + this.options.writeRetryMs;
    let constraintRetries = 0;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.writeOnce(label, work, causal);
      } catch (err) {
        const code = String((err as { code?: unknown })?.code ?? '');
        const constraint = code === 'Neo.ClientError.Schema.ConstraintValidationFailed';
        if (!lostRace(err) || Date.now() >= deadline || (constraint && ++constraintRetries > 3)) throw translateDriverError(err);
        this.writeRetries += 1;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(1_000, 10 * 2 ** attempt)));
      }
    }
  }

  /** Write transactions run again after losing a race (for /metrics and the concurrency test). */
  writeRetries = 0;

  private async writeOnce<R>(label: string, work: (tx: TxRunner) => Promise<R>, causal?: Causal): Promise<R> {
    const session = this.driver.session({ database: this.target.database, defaultAccessMode: neo4j.session.WRITE, bookmarks: causal?.bookmarks });
    try {
      const result = await session.executeWrite((tx) => {
        // Fresh counters per attempt: a retried transaction must not count twice.
        const counters: WriteCounters = { nodesCreated: 0, nodesDeleted: 0, relationshipsCreated: 0, relationshipsDeleted: 0, propertiesSet: 0 };
        return work({
          counters,
          run: <T = Row>(name: QueryName, params: Params = {}) => {
            this.queryCount += 1;
            return Database.runIn<T>(tx, this.query(name, 'WRITE'), params, counters);
          },
        });
      }, this.txConfig(label));
      causal?.committed(session.lastBookmarks());
      return result;
    } finally {
      await session.close();
    }
  }

  /** A single write query in its own transaction. */
  async write<T = Row>(name: QueryName, params: Params = {}): Promise<T[]> {
    return this.writeTransaction(name, (tx) => tx.run<T>(name, params));
  }

  /** Whether a parameter of this name is sent as INTEGER (see bindParams). */
  isIntegerParam(name: string): boolean {
    return INTEGER_PARAMS.has(name);
  }

  /** The text of a named query (for tools that inspect queries, never to build new ones). */
  queryText(name: QueryName): string {
    return this.named(name).text;
  }

  /**
   * EXPLAINs a named query against the live schema without running it, and returns what Neo4j
   * notices about its plan (deprecations, performance hints, unknown names): used by the test that
   * checks every .cypher file. Run-time sessions turn notifications off; this one asks for all of
   * them. The EXPLAIN prefix is a fixed keyword, not caller input.
   */
  async explain(name: QueryName, params: Params = {}): Promise<PlanNotice[]> {
    const q = this.named(name);
    const session = this.driver.session({ database: this.target.database, notificationFilter: { minimumSeverityLevel: 'INFORMATION' } });
    try {
      const { summary } = await session.run(`EXPLAIN ${q.text}`, Database.bindParams(params));
      return summary.notifications.map((n) => ({ code: n.code, classification: n.rawCategory ?? n.category, description: n.description }));
    } finally {
      await session.close();
    }
  }

  /** Schema statements (migrations) run in auto-commit transactions, as DDL requires. */
  async runSchemaStatement(statement: string): Promise<void> {
    const session = this.driver.session({ database: this.target.database });
    try {
      await session.run(statement);
    } catch (err) {
      throw translateDriverError(err);
    } finally {
      await session.close();
    }
  }

  /** Whether the database answers a trivial query now; used by /health/ready. */
  async ping(): Promise<void> {
    await this.read('health/ping');
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}
