/**
 * The offline import's first half: reads documents in order, validates each exactly as the online
 * path does (on worker threads, or on this one when they are busy: checkPool.ts), and applies the
 * good ones, in order, to an
 * in-memory graph (applyDocument.ts). A rejected document is reported with its file and line and
 * leaves the graph as it was: validation and the reference and ownership checks all run before
 * applyDocument changes anything.
 */
import { isClientError } from '../../../errors.js';
import { rejection, type ImportStats } from '../bulkImport.js';
import { LOCAL_ACTOR, newIngestionId } from '../ingest.js';
import { Problems } from '../problems.js';
import { applyDocument, type ApplyContext } from './applyDocument.js';
import { checkOne } from './checkOne.js';
import { checkInParallel, type CheckedItem, type DocumentText } from './checkPool.js';
import { referenceProblems, unitProblems } from './graphChecks.js';
import { GraphModel, type ModelNode } from './graphModel.js';

export interface BuildOptions {
  onProgress?: (stats: ImportStats) => void;
  /** How often to report, in documents. */
  progressEvery?: number;
}

export async function buildGraph(items: AsyncIterable<DocumentText> | Iterable<DocumentText>, opts: BuildOptions = {}): Promise<{ model: GraphModel; stats: ImportStats }> {
  const model = new GraphModel();
  const stats: ImportStats = { documents: 0, accepted: 0, claims: 0, rejected: [] };
  const latestBySource = new Map<string, ModelNode>();
  const every = opts.progressEvery ?? 50;
  for await (const item of checkInParallel(asAsync(items))) {
    stats.documents += 1;
    if (item.parseError !== undefined) {
      stats.rejected.push({ ref: item.ref, message: item.parseError, problems: [] });
      continue;
    }
    if (item.problems) {
      // Every problem at once, as online (rejection.ts): the graph so far answers for the references and units.
      const problems = unitProblems(item.unitRefs, model, referenceProblems(item.externalRefs, model, Problems.restore(item.problems)));
      stats.rejected.push(rejection(item.ref, problems.toError()));
      continue;
    }
    const now = new Date().toISOString();
    const ctx: ApplyContext = { model, now, keyName: LOCAL_ACTOR.keyName, ingestionId: unusedIngestionId(model, now), ingestionSeq: stats.documents, documentHash: item.hash, latestBySource };
    try {
      applyDocument(item.doc, ctx);
      stats.accepted += 1;
      stats.claims += item.doc.claims.length;
    } catch (err) {
      // A client error refuses the document; anything else is a fault of the import itself.
      if (!isClientError(err)) throw err;
      stats.rejected.push(rejection(item.ref, item.compacted ? refusalWithEveryPath(item, ctx) : err));
    }
    if (stats.documents % every === 0) opts.onProgress?.(stats);
  }
  opts.onProgress?.(stats);
  return { model, stats };
}

/**
 * An ingestion id no node has. Ids are the second and 32 random bits: online the store's unique
 * constraint refuses a repeat and the transaction is retried with a new one; here thousands of
 * documents a second share a second, and a repeat would replace the earlier ingestion.
 */
function unusedIngestionId(model: GraphModel, now: string): string {
  let id = newIngestionId(now);
  while (model.get(id)) id = newIngestionId(now);
  return id;
}

/**
 * The error a refused document is reported with when a worker sent it with each reference once:
 * checked again on this thread, with every reference where it stands, and applied again, which
 * throws as it did and changes nothing. Rare (only refused documents), so the worker's answers
 * stay small.
 */
function refusalWithEveryPath(item: CheckedItem & { source: DocumentText }, ctx: ApplyContext): unknown {
  const checked = checkOne(item.source);
  if (!checked.doc) throw new Error(`offline import: ${item.ref} passed its check on a worker, not on this thread`);
  try {
    applyDocument(checked.doc, ctx);
  } catch (err) {
    if (!isClientError(err)) throw err;
    return err;
  }
  // Cannot happen: the same document against the same graph. Its second apply would have changed the graph.
  throw new Error(`offline import: ${item.ref} was refused, then applied when checked again`);
}

async function* asAsync<T>(items: AsyncIterable<T> | Iterable<T>): AsyncGenerator<T> {
  yield* items;
}
