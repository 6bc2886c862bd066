/**
 * What services and resolvers run on the database: named reads and writes, and a checkpoint for
 * long work in Node. The driver owner (Database) answers it for scripts and the CLI; a request's
 * own view of it (RequestDatabase) adds the request's limits. Nothing here can run Cypher text.
 */
import type { QueryName } from './queryRegistry.js';

export type Row = Record<string, unknown>;
export type Params = Record<string, unknown>;

/** What a write transaction changed, summed over its queries. */
export interface WriteCounters {
  nodesCreated: number;
  nodesDeleted: number;
  relationshipsCreated: number;
  relationshipsDeleted: number;
  propertiesSet: number;
}

/** Runs named queries inside one write transaction (ingest: all or nothing). */
export interface TxRunner {
  run<T = Row>(name: QueryName, params?: Params): Promise<T[]>;
  /** Counters of the queries run so far in this attempt of the transaction. */
  readonly counters: WriteCounters;
}

export interface Queries {
  /** Runs a named READ query (auto-commit, retried on transient errors). */
  read<T = Row>(name: QueryName, params?: Params): Promise<T[]>;
  /** A single named write query in its own transaction. */
  write<T = Row>(name: QueryName, params?: Params): Promise<T[]>;
  /** Any number of named queries in one write transaction: all commit, or none. */
  writeTransaction<R>(label: string, work: (tx: TxRunner) => Promise<R>): Promise<R>;
  /**
   * Throws when the request this serves is out of time or was abandoned by its client; long
   * computations in Node call it between steps. A no-op outside a request.
   */
  checkpoint(): void;
}
