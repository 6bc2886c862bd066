/**
 * What every resolver receives. Built once per request: the loaders cache and batch within that
 * request only, so no stale data leaks from one request into the next.
 */
import type { Logger } from 'pino';
import type { Database } from './db/database.js';
import type { AccessPolicy } from './services/access/accessPolicy.js';
import type { Principal } from './services/access/keyRing.js';
import { createEntityLoader, type EntityLoader } from './services/entities.js';
import { createHistoryLoaders, type HistoryLoaders } from './services/history/history.js';

export interface Context {
  db: Database;
  /** Batches every by-id lookup in one tick into one node/nodesByIds round trip. */
  entities: EntityLoader;
  /** Ingestions and revisions of claims and sources, batched likewise. */
  history: HistoryLoaders;
  log: Logger;
  /** Who is calling (the API key's name and role, or anonymous). */
  principal: Principal;
  access: AccessPolicy;
}

export function createContext(db: Database, log: Logger, access: AccessPolicy, principal: Principal): Context {
  return { db, entities: createEntityLoader(db), history: createHistoryLoaders(db), log, principal, access };
}
