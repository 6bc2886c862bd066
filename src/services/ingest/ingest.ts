/**
 * The ingest service behind both the `ingest` mutation and `claimgraph import`: validate the
 * whole document, then write it in one transaction, recorded as an ingestion. Re-ingesting the
 * same document changes nothing; a rejected document writes nothing; a document never changes
 * what another source stated (see ownership.ts).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { WriteCounters } from '../../db/database.js';
import type { Queries } from '../../db/queries.js';
import { canonicalJson } from './canonicalJson.js';
import { rejectionWithReferences } from './rejection.js';
import { checkDocument } from './validateDocument.js';
import { writeDocuments, type Actor } from './writePlan.js';

export interface IngestOutcome extends WriteCounters {
  sourceId: string;
  claimCount: number;
  revisionsCreated: number;
  /** The recorded ingestion; null when the document was the source's latest, unchanged. */
  ingestionId: string | null;
}

/** The actor of writes made on this machine without a key (local use, the CLI, the seed). */
export const LOCAL_ACTOR: Actor = { keyName: 'local', mayOverride: false };

export function documentHash(raw: unknown): string {
  return `sha256:${createHash('sha256').update(canonicalJson(raw)).digest('hex')}`;
}

/** What every ingestion id starts with (the offline importer tells ingestions by it). */
export const INGESTION_ID_PREFIX = 'ingestion:';

/** Ingestion ids sort by time: `ingestion:20261129T064001Z-3f9a1c2b`. */
export function newIngestionId(now: string): string {
  return `${INGESTION_ID_PREFIX}${now.replace(/[-:]/g, '').replace(/\.\d+/, '')}-${randomBytes(4).toString('hex')}`;
}

/**
 * The full-text index is eventually consistent (cypher/schema/003_fulltext.cypher): its updates
 * are applied after the commit, off the writers' path. A write path calls this before it answers,
 * so search already finds what it wrote.
 */
export async function awaitSearchRefresh(db: Queries): Promise<void> {
  await db.read('ingest/awaitSearchRefresh');
}

export async function ingest(db: Queries, document: unknown, actor: Actor = LOCAL_ACTOR): Promise<IngestOutcome> {
  const checked = checkDocument(document);
  if (!checked.doc) throw await rejectionWithReferences(db, checked);
  const doc = checked.doc;
  const hash = documentHash(document);
  const outcome = await db.writeTransaction('ingest', (tx) => {
    // Inside the retried function: a retried transaction gets a fresh time and id.
    const now = new Date().toISOString();
    return writeDocuments(tx, [{ doc, ingestionId: newIngestionId(now), documentHash: hash }], now, actor);
  });
  await awaitSearchRefresh(db);
  return {
    sourceId: doc.sourceId,
    claimCount: doc.claims.length,
    ...outcome.counters,
    revisionsCreated: outcome.revisionsCreated,
    ingestionId: outcome.ingestionIds[0] ?? null,
  };
}
