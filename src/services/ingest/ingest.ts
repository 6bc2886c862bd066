/**
 * The ingest service behind both the `ingest` mutation and `claimgraph import`: validate the
 * whole document, then write it in one transaction. Re-ingesting the same document changes
 * nothing; a rejected document writes nothing.
 */
import type { Database, WriteCounters } from '../../db/database.js';
import { validateDocument } from './validateDocument.js';
import { writeDocuments } from './writePlan.js';

export interface IngestOutcome extends WriteCounters {
  sourceId: string;
  claimCount: number;
}

export async function ingest(db: Database, document: unknown): Promise<IngestOutcome> {
  const doc = validateDocument(document);
  const counters = await db.writeTransaction('ingest', (tx) => writeDocuments(tx, [doc], new Date().toISOString()));
  return { sourceId: doc.sourceId, claimCount: doc.claims.length, ...counters };
}
