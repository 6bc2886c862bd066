/**
 * The ingest service behind both the `ingest` mutation and `claimgraph import`: validate the
 * whole document, then write it in one transaction. Re-ingesting the same document changes
 * nothing; a rejected document writes nothing.
 */
import type { Database, WriteCounters } from '../../db/database.js';
import type { NormalizedDocument } from './normalized.js';
import { validateDocument } from './validateDocument.js';
import { missingReferences, writeDocuments } from './writePlan.js';

export interface IngestOutcome extends WriteCounters {
  sourceId: string;
  claimCount: number;
}

export async function ingest(db: Database, document: unknown): Promise<IngestOutcome> {
  const doc = validateDocument(document);
  const counters = await db.writeTransaction('ingest', (tx) => writeDocuments(tx, [doc], new Date().toISOString()));
  return { sourceId: doc.sourceId, claimCount: doc.claims.length, ...counters };
}

/**
 * Checks the external references of many validated documents in one read, so a bulk import can
 * drop the bad documents (with their reasons) before it batches the good ones.
 */
export async function findDanglingReferences(db: Database, docs: NormalizedDocument[]) {
  return missingReferences((ids) => db.read('ingest/existingIds', { ids }), docs);
}

/** Writes several already validated documents in ONE transaction (bulk import). */
export async function writeBatch(db: Database, docs: NormalizedDocument[]): Promise<WriteCounters> {
  return db.writeTransaction('ingest-batch', (tx) => writeDocuments(tx, docs, new Date().toISOString()));
}
