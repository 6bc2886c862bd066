/**
 * The worker thread behind checkPool.ts: checks the documents it is sent (checkOne), so the main
 * thread spends its time applying documents to the graph. A valid document goes back as JSON
 * text with each reference once and without its path (compactRefs): cloning a string between
 * threads is a copy, while cloning the document's objects walked every value on both threads,
 * slower than JSON.stringify here and no faster than JSON.parse there.
 */
import { parentPort } from 'node:worker_threads';
import type { CheckJob, WorkerAnswer } from './checkPool.js';
import { checkOne, compactRefs } from './checkOne.js';

function answer(item: CheckJob['items'][number]): WorkerAnswer {
  const checked = checkOne(item);
  if (!checked.doc) return checked;
  return { ref: checked.ref, hash: checked.hash, docJson: JSON.stringify(compactRefs(checked.doc)) };
}

parentPort!.on('message', (job: CheckJob) => {
  try {
    parentPort!.postMessage({ id: job.id, items: job.items.map(answer) });
  } catch (err) {
    parentPort!.postMessage({ id: job.id, error: String((err as Error)?.stack ?? err) });
  }
});
