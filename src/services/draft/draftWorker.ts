/**
 * The worker thread behind draftPool.ts: runs extract() on the texts it is sent, so reading an
 * article (tens to hundreds of milliseconds of CPU) never holds the server's event loop.
 */
import { parentPort } from 'node:worker_threads';
import { extract } from './extract.js';

parentPort!.on('message', (job: { id: number; text: string; publishedAt: string }) => {
  try {
    parentPort!.postMessage({ id: job.id, result: extract(job.text, job.publishedAt) });
  } catch (err) {
    parentPort!.postMessage({ id: job.id, error: String((err as Error)?.stack ?? err) });
  }
});
