/**
 * The offline import's first half: reads documents in order, validates each exactly as the online
 * path does, and applies the good ones to an in-memory graph (applyDocument.ts). A rejected
 * document is reported with its file and line and leaves the graph as it was: validation and the
 * reference and ownership checks all run before applyDocument changes anything.
 */
import { isClientError } from '../../../errors.js';
import { rejection, type ImportItem, type ImportStats } from '../bulkImport.js';
import { documentHash, LOCAL_ACTOR, newIngestionId } from '../ingest.js';
import { checkDocument } from '../validateDocument.js';
import { applyDocument, referenceProblems } from './applyDocument.js';
import { GraphModel, type ModelNode } from './graphModel.js';

export interface BuildOptions {
  onProgress?: (stats: ImportStats) => void;
  /** How often to report, in documents. */
  progressEvery?: number;
}

export async function buildGraph(items: AsyncIterable<ImportItem> | Iterable<ImportItem>, opts: BuildOptions = {}): Promise<{ model: GraphModel; stats: ImportStats }> {
  const model = new GraphModel();
  const stats: ImportStats = { documents: 0, accepted: 0, claims: 0, rejected: [] };
  const latestBySource = new Map<string, ModelNode>();
  const every = opts.progressEvery ?? 50;
  for await (const item of items) {
    stats.documents += 1;
    if (item.parseError) {
      stats.rejected.push({ ref: item.ref, message: item.parseError, problems: [] });
      continue;
    }
    const checked = checkDocument(item.raw);
    if (!checked.doc) {
      // Every problem at once, as online: the graph so far answers for the references.
      stats.rejected.push(rejection(item.ref, referenceProblems(checked.externalRefs, model, checked.problems).toError()));
      continue;
    }
    try {
      const doc = checked.doc;
      const now = new Date().toISOString();
      applyDocument(doc, { model, now, keyName: LOCAL_ACTOR.keyName, ingestionId: newIngestionId(now), documentHash: documentHash(item.raw), latestBySource });
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
