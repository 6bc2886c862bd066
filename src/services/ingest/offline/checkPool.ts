/**
 * Parses, validates and hashes documents on worker threads (checkWorker.ts) while the caller
 * applies the ones already checked: on two cores an offline import's reading and validation
 * overlap its graph building instead of adding to it. Documents travel in batches (a message per
 * document would cost more than small documents take to check), a few batches ahead per worker,
 * and come back in input order: the graph is built in file order, as online. A worker is sent
 * the next batch as soon as it answers one (not only when this thread reads more), and this
 * thread checks a batch itself only when it would otherwise wait for a worker's answers: then it
 * takes the last batch read that no worker has, so the workers keep the ones they reach first.
 * Deciding this when a batch was read instead sent a worker nothing while this thread applied,
 * and had this thread check batches the worker would have reached first. A batch checked here is
 * not copied between threads either.
 */
import os from 'node:os';
import { setImmediate } from 'node:timers/promises';
import type { Worker } from 'node:worker_threads';
import { moduleWorker } from '../../../workers/moduleWorker.js';
import type { NormalizedDocument } from '../normalized.js';
import { checkOne, type Checked, type DocumentText, type ParseFailure, type Refused } from './checkOne.js';

export type { DocumentText } from './checkOne.js';

/**
 * What a worker answers for one document; a valid one's normalized document as JSON text, with
 * each reference once and without its path (compactRefs, checkWorker.ts).
 */
export type WorkerAnswer = ParseFailure | Refused | (Omit<Checked, 'doc'> & { doc?: undefined; docJson: string });

/**
 * A document checked; a valid one with its source as read, kept on this thread (a refused one is
 * checked again here to report every path), and its references compacted (once each, no paths)
 * when a worker checked it.
 */
export type CheckedItem = ParseFailure | Refused | (Checked & { source: DocumentText; compacted: boolean });

export interface CheckJob {
  id: number;
  items: DocumentText[];
}

const BATCH_ITEMS = 64;
const BATCH_CHARS = 1 << 20;
/** Batches queued per worker: enough that a worker never waits for the main thread to send more. */
const AHEAD = 3;
/** Batches read beyond the workers' queues: taken by this thread when they come first, else sent as a worker frees. */
const READ_AHEAD = 4;

class CheckWorker {
  // 384 MB of young generation: three 128 MB semi-spaces' worth, as the CLI gives the main thread.
  // (Only without --max-semi-space-size: V8's flag is the process's and applies to workers too.)
  private readonly worker: Worker = moduleWorker(import.meta.url, './checkWorker', { resourceLimits: { maxYoungGenerationSizeMb: 384 } });
  private readonly waiting = new Map<number, { resolve: (items: WorkerAnswer[]) => void; reject: (err: unknown) => void }>();
  private failure: Error | null = null;

  constructor() {
    this.worker.on('message', (m: { id: number; items?: WorkerAnswer[]; error?: string }) => {
      const w = this.waiting.get(m.id);
      this.waiting.delete(m.id);
      if (m.error) w?.reject(new Error(`document check failed: ${m.error}`));
      else w?.resolve(m.items!);
    });
    this.worker.on('error', (err) => this.fail(err));
    this.worker.on('exit', (code) => this.fail(new Error(`document check worker exited (${code})`)));
  }

  get load(): number {
    return this.waiting.size;
  }

  check(job: CheckJob): Promise<WorkerAnswer[]> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiting.set(job.id, { resolve, reject });
      this.worker.postMessage(job);
    });
  }

  private fail(err: Error) {
    this.failure ??= err;
    for (const w of this.waiting.values()) w.reject(this.failure);
    this.waiting.clear();
  }

  async close(): Promise<void> {
    this.worker.removeAllListeners();
    // An error already queued must not surface as an unhandled 'error' event while it stops.
    this.worker.on('error', () => undefined);
    await this.worker.terminate();
  }
}

/** Workers beside the main thread: one per further core, at most four (checking is not all of an import). */
function checkWorkerCount(): number {
  return Math.max(1, Math.min(4, os.availableParallelism() - 1));
}

/** A batch read: sent to a worker (answers), checked on this thread (local), or neither yet. */
interface Batch {
  items: DocumentText[];
  answers: Promise<WorkerAnswer[]> | null;
  /** Whether the worker's answers have come. */
  answered: boolean;
  local: CheckedItem[] | null;
}

/** The last batch neither a worker nor this thread has taken: the one a worker would reach last. */
function lastUntaken(pending: Batch[]): Batch | undefined {
  for (let i = pending.length - 1; i >= 0; i--) if (!pending[i].answers && !pending[i].local) return pending[i];
  return undefined;
}

/** A document checked on this thread: its references as they stand. */
function checkHere(item: DocumentText): CheckedItem {
  const checked = checkOne(item);
  return checked.doc ? { ...checked, source: item, compacted: false } : checked;
}

/** Yields every document of `items` checked, in input order; the workers stop when the caller does. */
export async function* checkInParallel(items: AsyncIterable<DocumentText>, workerCount = checkWorkerCount()): AsyncGenerator<CheckedItem> {
  const most = Math.max(1, workerCount);
  // Started as batches need them: a handful of documents takes one worker, not four.
  const workers: CheckWorker[] = [];
  const pending: Batch[] = [];
  const input = items[Symbol.asyncIterator]();
  let ids = 0;
  let exhausted = false;
  let batch: DocumentText[] = [];
  let chars = 0;
  // Set when the caller stops: no more batches go out while the workers are closed.
  let stopped = false;
  // A fault of feeding a worker from its answer's callback, thrown where the caller reads.
  let fault: unknown = null;
  // Sends the earliest batches not yet taken to workers with room: called as batches are read and
  // as each worker answers, so a worker is not idle while read batches wait for this thread.
  const feed = () => {
    if (stopped) return;
    for (const b of pending) {
      if (b.answers || b.local) continue;
      let worker = workers.find((w) => w.load === 0);
      if (!worker && workers.length < most) workers.push((worker = new CheckWorker()));
      worker ??= workers.reduce((a, c) => (c.load < a.load ? c : a));
      if (worker.load >= AHEAD) return;
      const answers = worker.check({ id: ++ids, items: b.items });
      // Awaited in order below; a rejection before then must not count as unhandled.
      answers.then(
        () => {
          b.answered = true;
          try {
            feed();
          } catch (err) {
            fault ??= err;
          }
        },
        // Settled: awaited next, it throws the worker's failure at once.
        () => {
          b.answered = true;
        },
      );
      b.answers = answers;
    }
  };
  const dispatch = () => {
    pending.push({ items: batch, answers: null, answered: false, local: null });
    batch = [];
    chars = 0;
    feed();
  };
  try {
    for (;;) {
      // Each worker's batches, and a few more read ahead for whichever thread is free first.
      while (!exhausted && pending.length < most * AHEAD + READ_AHEAD) {
        const next = await input.next();
        if (next.done) {
          exhausted = true;
          if (batch.length) dispatch();
          break;
        }
        batch.push(next.value);
        chars += next.value.text?.length ?? 0;
        if (batch.length >= BATCH_ITEMS || chars >= BATCH_CHARS) dispatch();
      }
      if (fault) throw fault;
      const head = pending[0];
      if (!head) return;
      if (head.answers && !head.answered) {
        // Rather than wait for the worker, check the last batch no worker has taken, then look again.
        const spare = lastUntaken(pending);
        if (spare) {
          spare.local = spare.items.map(checkHere);
          // Lets the workers' answers that came meanwhile in (and more batches go out).
          await setImmediate();
          continue;
        }
      }
      pending.shift();
      if (head.local) {
        yield* head.local;
        continue;
      }
      if (!head.answers) {
        // Rare: no worker had room for it, and no answer came to feed one before its turn.
        for (const item of head.items) yield checkHere(item);
        continue;
      }
      const answers = await head.answers;
      for (let i = 0; i < answers.length; i++) {
        const answer = answers[i];
        yield 'docJson' in answer ? { ref: answer.ref, doc: JSON.parse(answer.docJson) as NormalizedDocument, hash: answer.hash, source: head.items[i], compacted: true } : answer;
      }
    }
  } finally {
    stopped = true;
    try {
      await input.return?.();
    } finally {
      await Promise.all(workers.map((w) => w.close()));
    }
  }
}
