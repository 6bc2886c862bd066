/**
 * Bulk import for `claimgraph import` and the benchmark: the same validation and the same write
 * queries as the mutation, but many documents per transaction. Each document is validated and
 * reference-checked on its own (so a bad one is rejected with its reason and the rest go on);
 * the good ones are written together. If a batch write still fails, its documents are retried
 * one transaction each, so one bad document never takes good ones down with it.
 */
import type { Database } from '../../db/database.js';
import { isClientError } from '../../errors.js';
import { ingest } from './ingest.js';
import type { NormalizedDocument } from './normalized.js';
import { validateDocument } from './validateDocument.js';
import { definedIds, missingReferences, writeDocuments } from './writePlan.js';
import type { Problem } from './problems.js';

export interface ImportItem {
  /** Where the document came from, for messages: `file.ndjson:12`. */
  ref: string;
  raw: unknown;
  /** Set when the text could not be parsed as JSON at all. */
  parseError?: string;
}

export interface Rejection {
  ref: string;
  message: string;
  problems: Problem[];
}

export interface ImportStats {
  documents: number;
  accepted: number;
  claims: number;
  rejected: Rejection[];
}

export interface ImportOptions {
  /** Claims per transaction; bigger batches amortize round trips, smaller ones bound memory. */
  batchClaims?: number;
  onProgress?: (stats: ImportStats) => void;
}

function rejection(ref: string, err: unknown): Rejection {
  if (isClientError(err)) {
    return { ref, message: err.message, problems: (err.extensions.problems as Problem[] | undefined) ?? [] };
  }
  return { ref, message: err instanceof Error ? err.message : String(err), problems: [] };
}

export async function bulkImport(db: Database, items: AsyncIterable<ImportItem> | Iterable<ImportItem>, opts: ImportOptions = {}): Promise<ImportStats> {
  const batchClaims = opts.batchClaims ?? 5_000;
  const stats: ImportStats = { documents: 0, accepted: 0, claims: 0, rejected: [] };
  let batch: { ref: string; doc: NormalizedDocument; raw: unknown }[] = [];
  let batchSize = 0;
  /** Ids defined by documents of the current batch: later documents may refer to them. */
  let definedInBatch = new Map<string, string>();

  /** Writes one batch; if that fails, each of its documents alone, so only the bad ones are rejected. */
  const writeBatch = async (docs: typeof batch, claims: number) => {
    try {
      await db.writeTransaction('import-batch', (tx) => writeDocuments(tx, docs.map((b) => b.doc), new Date().toISOString()));
      stats.accepted += docs.length;
      stats.claims += claims;
    } catch {
      for (const b of docs) {
        try {
          await ingest(db, b.raw);
          stats.accepted += 1;
          stats.claims += b.doc.claims.length;
        } catch (err) {
          stats.rejected.push(rejection(b.ref, err));
        }
      }
    }
    opts.onProgress?.(stats);
  };

  // One write in flight while the next batch is read and validated: Node and Neo4j each keep a
  // core busy. Writes still happen one at a time, in order.
  let inFlight: Promise<void> = Promise.resolve();
  let inFlightDefined = new Map<string, string>();
  const flush = async () => {
    if (!batch.length) return;
    const docs = batch;
    const claims = batchSize;
    const defined = definedInBatch;
    batch = [];
    batchSize = 0;
    definedInBatch = new Map();
    await inFlight;
    inFlightDefined = defined;
    inFlight = writeBatch(docs, claims);
  };

  for await (const item of items) {
    stats.documents += 1;
    if (item.parseError) {
      stats.rejected.push({ ref: item.ref, message: item.parseError, problems: [] });
      continue;
    }
    let doc: NormalizedDocument;
    try {
      doc = validateDocument(item.raw);
    } catch (err) {
      stats.rejected.push(rejection(item.ref, err));
      continue;
    }
    // Ids of this batch and of the batch being written count as present (the write re-checks).
    const [problems] = await missingReferences((ids) => db.read('ingest/existingIds', { p: { ids } }), [doc], new Map([...inFlightDefined, ...definedInBatch]));
    if (!problems.empty) {
      stats.rejected.push(rejection(item.ref, problems.toError()));
      continue;
    }
    batch.push({ ref: item.ref, doc, raw: item.raw });
    batchSize += doc.claims.length;
    for (const [id, kind] of definedIds([doc])) definedInBatch.set(id, kind);
    if (batchSize >= batchClaims) await flush();
  }
  await flush();
  await inFlight;
  return stats;
}
