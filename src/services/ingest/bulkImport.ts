/**
 * Bulk import for `claimgraph import` and the benchmark: the same validation and the same write
 * queries as the mutation, but many documents per transaction. Each document is validated and
 * reference-checked on its own (so a bad one is rejected with its reason and the rest go on),
 * with one reference lookup per batch rather than per document; the good ones are written
 * together. If a batch write still fails, its documents are retried
 * one transaction each, so one bad document never takes good ones down with it.
 */
import type { Queries } from '../../db/queries.js';
import { isClientError } from '../../errors.js';
import { awaitSearchRefresh, documentHash, ingest, LOCAL_ACTOR, newIngestionId } from './ingest.js';
import type { NormalizedDocument } from './normalized.js';
import { rejectionWithReferences } from './rejection.js';
import { checkDocument } from './validateDocument.js';
import { definedIds, missingReferences, writeDocuments, type Actor } from './writePlan.js';
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
  /** Recorded on each document's ingestion. */
  actor?: Actor;
}

/** A document's rejection report from the error that refused it. */
export function rejection(ref: string, err: unknown): Rejection {
  if (isClientError(err)) {
    return { ref, message: err.message, problems: (err.extensions.problems as Problem[] | undefined) ?? [] };
  }
  return { ref, message: err instanceof Error ? err.message : String(err), problems: [] };
}

export async function bulkImport(db: Queries, items: AsyncIterable<ImportItem> | Iterable<ImportItem>, opts: ImportOptions = {}): Promise<ImportStats> {
  const batchClaims = opts.batchClaims ?? 5_000;
  const actor = opts.actor ?? LOCAL_ACTOR;
  const stats: ImportStats = { documents: 0, accepted: 0, claims: 0, rejected: [] };
  /** Position of each rejected document in the input, so the report follows the files' order. */
  const position = new Map<Rejection, number>();
  const reject = (r: Rejection, at: number) => {
    position.set(r, at);
    stats.rejected.push(r);
  };
  /** A document waiting for its batch, with the ids it defines (worked out once: the screen, the in-flight batch and a bad line's check read them). */
  type Pending = { ref: string; doc: NormalizedDocument; raw: unknown; at: number; defined: Map<string, string> };
  let pending: Pending[] = [];
  let pendingClaims = 0;

  /** Writes one batch; if that fails, each of its documents alone, so only the bad ones are rejected. */
  const writeBatch = async (docs: Pending[]) => {
    const claims = docs.reduce((n, b) => n + b.doc.claims.length, 0);
    try {
      await db.writeTransaction('import-batch', (tx) => {
        const now = new Date().toISOString();
        return writeDocuments(
          tx,
          docs.map((b) => ({ doc: b.doc, ingestionId: newIngestionId(now), documentHash: documentHash(b.raw) })),
          now,
          actor,
        );
      });
      stats.accepted += docs.length;
      stats.claims += claims;
    } catch {
      for (const b of docs) {
        try {
          await ingest(db, b.raw, actor);
          stats.accepted += 1;
          stats.claims += b.doc.claims.length;
        } catch (err) {
          reject(rejection(b.ref, err), b.at);
        }
      }
    }
    opts.onProgress?.(stats);
  };

  // One write in flight while the next batch is read, validated and checked: Node and Neo4j each
  // keep a core busy. Writes still happen one at a time, in order.
  let inFlight: Promise<void> = Promise.resolve();
  /** Ids the batch being written defines: the next batch may refer to them. */
  let inFlightDefined = new Map<string, string>();

  /**
   * The documents of a batch whose references resolve, in order: one lookup for the whole batch.
   * A document may refer to what the batch being written or an earlier document of this batch
   * defines (the write checks again, inside its transaction).
   */
  const screen = async (docs: Pending[]): Promise<Pending[]> => {
    const ids = [...new Set(docs.flatMap((b) => b.doc.externalRefs.map((r) => r.id)))];
    const found = ids.length ? await db.read<{ id: string; kind: string }>('ingest/existingIds', { p: { ids } }) : [];
    const defined = new Map(inFlightDefined);
    const accepted: Pending[] = [];
    for (const b of docs) {
      const [problems] = await missingReferences(async () => found, [b.doc], defined);
      if (!problems.empty) {
        reject(rejection(b.ref, problems.toError()), b.at);
        continue;
      }
      accepted.push(b);
      for (const [id, kind] of b.defined) defined.set(id, kind);
    }
    return accepted;
  };

  /** Whether any of these references is to an id the pending or the in-flight batch defines (asked for bad lines only). */
  const refersToUnwritten = (refs: { id: string }[]) => refs.some((r) => inFlightDefined.has(r.id) || pending.some((p) => p.defined.has(r.id)));

  const flush = async () => {
    if (!pending.length) return;
    const docs = pending;
    pending = [];
    pendingClaims = 0;
    const accepted = await screen(docs);
    await inFlight;
    if (!accepted.length) return;
    inFlightDefined = new Map(accepted.flatMap((b) => [...b.defined]));
    inFlight = writeBatch(accepted);
  };

  for await (const item of items) {
    const at = stats.documents;
    stats.documents += 1;
    if (item.parseError) {
      reject({ ref: item.ref, message: item.parseError, problems: [] }, at);
      continue;
    }
    const checked = checkDocument(item.raw);
    if (!checked.doc) {
      // All of a rejected document's problems at once, its missing references and misfit units
      // included, judged against the graph of every document before it: when it refers to what
      // the pending or the in-flight batch defines, those are written first (that bad line costs
      // a smaller batch, not a false "not present").
      if (refersToUnwritten(checked.externalRefs)) {
        await flush();
        await inFlight;
      }
      reject(rejection(item.ref, await rejectionWithReferences(db, checked)), at);
      continue;
    }
    const defined = definedIds([checked.doc]);
    pending.push({ ref: item.ref, doc: checked.doc, raw: item.raw, at, defined });
    pendingClaims += checked.doc.claims.length;
    if (pendingClaims >= batchClaims) await flush();
  }
  await flush();
  await inFlight;
  // Once for the whole import: search then finds every document written.
  await awaitSearchRefresh(db);
  stats.rejected.sort((a, b) => position.get(a)! - position.get(b)!);
  return stats;
}
