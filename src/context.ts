/**
 * What every resolver receives. Built once per request: the loaders cache and batch within that
 * request only, so no stale data leaks from one request into the next.
 */
import type { Logger } from 'pino';
import type { Database } from './db/database.js';
import { createEntityLoader, type EntityLoader } from './services/entities.js';

export interface Context {
  db: Database;
  /** Batches every by-id lookup in one tick into one node/nodesByIds round trip. */
  entities: EntityLoader;
  log: Logger;
}

export function createContext(db: Database, log: Logger): Context {
  return { db, entities: createEntityLoader(db), log };
}
