/**
 * The worker thread behind checkPool.ts: parses, validates (checkDocument) and hashes the
 * documents it is sent, the part of an offline import that needs no graph, so the main thread
 * spends its time applying documents to the graph.
 */
import { parentPort } from 'node:worker_threads';
import { documentHash } from '../ingest.js';
import { checkDocument } from '../validateDocument.js';
import { compactRefs, type CheckJob, type WorkerAnswer } from './checkPool.js';

function check(ref: string, raw: unknown, text: string | undefined): WorkerAnswer {
  if (text !== undefined) {
    try {
      raw = JSON.parse(text);
    } catch (err) {
      return { ref, parseError: `not valid JSON: ${(err as Error).message}` };
    }
  }
  const checked = checkDocument(raw);
  if (!checked.doc) return { ref, problems: checked.problems.snapshot(), externalRefs: checked.externalRefs, unitRefs: checked.unitRefs };
  return { ref, docJson: JSON.stringify(compactRefs(checked.doc)), hash: documentHash(raw) };
}

parentPort!.on('message', (job: CheckJob) => {
  try {
    parentPort!.postMessage({ id: job.id, items: job.items.map((it) => check(it.ref, it.raw, it.text)) });
  } catch (err) {
    parentPort!.postMessage({ id: job.id, error: String((err as Error)?.stack ?? err) });
  }
});
