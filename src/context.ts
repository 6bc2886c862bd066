/**
 * What every resolver receives. Built once per request: the loaders cache and batch within that
 * request only, so no stale data leaks from one request into the next.
 */
import type { Logger } from 'pino';
import { Causal } from './db/causal.js';
import type { Database } from './db/database.js';
import type { Queries } from './db/queries.js';
import { RequestDatabase, type RequestEvents } from './db/requestDatabase.js';
import type { RequestLimits } from './db/requestLimits.js';
import type { AccessPolicy } from './services/access/accessPolicy.js';
import type { Principal } from './services/access/keyRing.js';
import { createEntityLoader, type EntityLoader } from './services/entities/entities.js';
import { createHistoryLoaders, type HistoryLoaders } from './services/history/history.js';
import { DEFAULT_BASE_IRI } from './config.js';
import type { EventFeed } from './services/events/eventFeed.js';
import type { HostAllowList } from './services/watches/hostPolicy.js';

export interface Context {
  /** The database as this request sees it (its limits applied), or the whole of it outside a request. */
  db: Queries;
  /** Batches every by-id lookup in one tick into one node/nodesByIds round trip. */
  entities: EntityLoader;
  /** Ingestions and revisions of claims and sources, batched likewise. */
  history: HistoryLoaders;
  log: Logger;
  /** Who is calling (the API key's name and role, or anonymous). */
  principal: Principal;
  access: AccessPolicy;
  /** Whose rate budget the request spends: `key:<name>`, or `ip:<address>` without a key. */
  client: string;
  /** Database queries this request ran (for /metrics). */
  roundTrips: { count: number };
  /** Where exported node IRIs live (CLAIMGRAPH_BASE_IRI). */
  baseIri: string;
  /** Work the services report beyond what the answer shows, charged after (limits/costModel.ts). */
  work: RequestWork;
  /** The bookmarks this request reads after, and those its writes left (db/causal.ts). */
  causal: Causal;
  /** The event feed subscriptions read (present on /graphql/stream only). */
  live?: LiveSettings;
  /** Where watches may deliver (CLAIMGRAPH_WEBHOOK_HOSTS); none when unset. */
  webhookHosts?: HostAllowList;
}

/** What a subscription needs beyond a query: the replica's event feed, and when an idle stream ends. */
export interface LiveSettings {
  feed: EventFeed;
  idleMs: number;
}

/** What a request did that its answer does not show: a cross-reference's comparisons. */
export interface RequestWork {
  /** Cost points beyond the answer's objects. */
  points: number;
  /** Whether a service stopped early on the request's deadline (charged at least its estimate). */
  stopped: boolean;
}

/** One request as the server received it: its limits, its client's hang-up and address. */
export interface IncomingRequest {
  limits: RequestLimits;
  /** Aborted when the client disconnects. */
  signal?: RequestEvents['signal'];
  /** Client address, for rate budgets of callers without a key. */
  address?: string;
  /** Bookmarks the client sent back from an earlier write (the Claimgraph-Bookmark header). */
  bookmarks?: string[];
}

/** Whose rate budget a caller spends: its key, or its address without one (queries and streams alike). */
export function clientOf(principal: Principal, address: string): string {
  return principal.authenticated ? `key:${principal.name}` : `ip:${address}`;
}

export function createContext(db: Database, log: Logger, access: AccessPolicy, principal: Principal, request?: IncomingRequest, baseIri = DEFAULT_BASE_IRI): Context {
  const roundTrips = { count: 0 };
  const causal = new Causal(request?.bookmarks);
  const requestDb: Queries = request ? new RequestDatabase(db, request.limits, { signal: request.signal, onQuery: () => (roundTrips.count += 1), causal }) : db;
  const client = clientOf(principal, request?.address ?? 'local');
  return {
    db: requestDb,
    entities: createEntityLoader(requestDb),
    history: createHistoryLoaders(requestDb),
    log,
    principal,
    access,
    client,
    roundTrips,
    baseIri,
    work: { points: 0, stopped: false },
    causal,
  };
}
