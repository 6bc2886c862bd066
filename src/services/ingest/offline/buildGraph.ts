/**
 * The offline import's first half: reads documents in order, validates each exactly as the online
 * path does (on worker threads, checkPool.ts), and applies the good ones, in order, to an
 * in-memory graph (applyDocument.ts). A rejected document is reported with its file and line and
 * leaves the graph as it was: validation and the reference and ownership checks all run before
 * applyDocument changes anything.
 */
import { isClientError } from '../../../errors.js';
import { rejection, type ImportStats } from '../bulkImport.js';
import { LOCAL_ACTOR, newIngestionId } from '../ingest.js';
import { Problems } from '../problems.js';
import { applyDocument, referenceProblems, unitProblems } from './applyDocument.js';
import { checkInParallel, type DocumentText } from './checkPool.js';
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
    try {
      const doc = item.doc;
      const now = new Date().toISOString();
      applyDocument(doc, { model, now, keyName: LOCAL_ACTOR.keyName, ingestionId: newIngestionId(now), ingestionSeq: stats.documents, documentHash: item.hash, latestBySource });
      stats.accepted += 1;
      stats.claims += doc.claims.length;
    } catch (err) {
      // A client error refuses the document; anything else is a fault of the import itself.
      if (!isClientError(err)) throw err;
      stats.rejected.push(rejection(item.ref, err));
    }
    if (stats.documents % every === 0) opts.onProgress?.(stats);
  }
  opts.onProgress?.(stats);
  return { model, stats };
}

async function* asAsync<T>(items: AsyncIterable<T> | Iterable<T>): AsyncGenerator<T> {
  yield* items;
}
