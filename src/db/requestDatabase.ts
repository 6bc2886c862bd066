/**
 * The database as one request sees it: at most `maxConcurrentQueries` of its queries at once (so
 * one request cannot take the whole connection pool from the others), each with the time left
 * until the request's deadline as its transaction timeout, and none started after the deadline or
 * after the client went away. Queries go to the driver owner (Database), which it wraps.
 */
import type { Causal } from './causal.js';
import type { Database } from './database.js';
import type { Params, Queries, Row, TxRunner } from './queries.js';
import type { QueryName } from './queryRegistry.js';
import { checkRequest, Gate, type RequestLimits } from './requestLimits.js';

/** What the request brings besides its limits: its client's hang-up, and a count of its round trips. */
export interface RequestEvents {
  /** Aborted once the client disconnected: nothing more is started for it (an AbortSignal fits). */
  signal?: { readonly aborted: boolean };
  /** Called once per query this request runs (round trips per request, for /metrics). */
  onQuery?: () => void;
  /** The bookmarks its queries read after, and its writes leave (causal.ts). */
  causal?: Causal;
}

export class RequestDatabase implements Queries {
  private readonly gate: Gate;
  /** Epoch millis after which the request's queries fail with QUERY_TIMEOUT. */
  readonly deadline: number;

  constructor(
    private readonly base: Database,
    limits: RequestLimits,
    private readonly events: RequestEvents = {},
  ) {
    this.gate = new Gate(limits.maxConcurrentQueries);
    this.deadline = Date.now() + limits.timeoutMs;
  }

  private async guarded<T>(run: (timeoutMs: number) => Promise<T>): Promise<T> {
    this.checkpoint();
    this.events.onQuery?.();
    await this.gate.enter();
    try {
      this.checkpoint();
      return await run(this.deadline - Date.now());
    } finally {
      this.gate.leave();
    }
  }

  read<T = Row>(name: QueryName, params: Params = {}): Promise<T[]> {
    return this.guarded((timeoutMs) => this.base.read<T>(name, params, timeoutMs, this.events.causal));
  }

  write<T = Row>(name: QueryName, params: Params = {}): Promise<T[]> {
    return this.writeTransaction(name, (tx) => tx.run<T>(name, params));
  }

  writeTransaction<R>(label: string, work: (tx: TxRunner) => Promise<R>): Promise<R> {
    return this.guarded(() => this.base.writeTransaction(label, work, this.events.causal));
  }

  checkpoint(): void {
    checkRequest(this.deadline, this.events.signal);
  }
}
