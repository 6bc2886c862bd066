/**
 * Prometheus metrics at GET /metrics (prom-client): requests by operation and outcome, latency,
 * cost, database round trips per request, queries in flight, limit rejections by kind, ingested
 * documents and claims, embedded Neo4j restarts, and the process's own metrics. One registry per
 * app, so tests and several servers in one process never mix their counts.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Database } from '../db/database.js';

export class Metrics {
  readonly registry = new Registry();
  readonly requests = new Counter({
    name: 'claimgraph_graphql_requests_total',
    help: 'GraphQL requests by operation name and outcome (ok, or the first error code)',
    labelNames: ['operation', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly latency = new Histogram({
    name: 'claimgraph_graphql_request_duration_seconds',
    help: 'GraphQL request latency',
    labelNames: ['operation'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });
  readonly cost = new Histogram({
    name: 'claimgraph_graphql_request_cost',
    help: 'Estimated cost points per GraphQL request',
    buckets: [1, 5, 10, 25, 50, 100, 250, 500, 1000],
    registers: [this.registry],
  });
  readonly roundTrips = new Histogram({
    name: 'claimgraph_db_round_trips_per_request',
    help: 'Database queries per GraphQL request',
    buckets: [0, 1, 2, 3, 4, 6, 8, 12, 20, 50],
    registers: [this.registry],
  });
  readonly rejections = new Counter({
    name: 'claimgraph_limit_rejections_total',
    help: 'Requests refused by a limit, by kind (depth, aliases, tokens, directives, cost, rate, body, timeout)',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });
  readonly ingestedDocuments = new Counter({ name: 'claimgraph_ingested_documents_total', help: 'Documents ingested through the API', registers: [this.registry] });
  readonly ingestedClaims = new Counter({ name: 'claimgraph_ingested_claims_total', help: 'Claims ingested through the API', registers: [this.registry] });
  readonly subscriptions = new Gauge({ name: 'claimgraph_subscriptions_open', help: 'Subscription streams open at /graphql/stream', registers: [this.registry] });
  readonly events = new Counter({ name: 'claimgraph_subscription_events_total', help: 'Events sent to subscribers', registers: [this.registry] });
  readonly neo4jRestarts = new Counter({ name: 'claimgraph_embedded_neo4j_restarts_total', help: 'Restarts of the embedded Neo4j after it died', registers: [this.registry] });
  readonly httpErrors = new Counter({
    name: 'claimgraph_http_errors_total',
    help: 'Requests refused before GraphQL (bad JSON, content type, size, route), by code',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });

  /**
   * The label an operation's name is counted under. Each label value is a series kept for the
   * process's life, so a name a client chooses would let it grow /metrics (and memory) without
   * bound: only the names of the listed operations (operationList.ts) are labels, every other
   * name counts as `other`.
   */
  operationLabel(name: string | null | undefined, parsed: boolean): string {
    if (!name) return parsed ? 'anonymous' : 'invalid';
    return this.knownOperations.has(name) ? name : 'other';
  }

  /** `knownOperations`: the operation names that are labels of their own. */
  constructor(
    db: Database,
    private readonly knownOperations: ReadonlySet<string> = new Set(),
  ) {
    new Gauge({
      name: 'claimgraph_db_queries_in_flight',
      help: 'Database queries running now (connections of the driver pool in use)',
      registers: [this.registry],
      collect() {
        this.set(db.inFlight);
      },
    });
    new Gauge({
      name: 'claimgraph_db_write_retries',
      help: 'Write transactions run again after losing a race (deadlock, lock timeout)',
      registers: [this.registry],
      collect() {
        this.set(db.writeRetries);
      },
    });
    collectDefaultMetrics({ register: this.registry, prefix: 'claimgraph_' });
  }
}
