/**
 * A small pool of worker threads for extraction (draftWorker.ts). Jobs queue for a free worker; a
 * job whose request ends (deadline, client gone) is dropped from the queue, and a worker still
 * busy with it is terminated and replaced, so an abandoned draft stops costing CPU. Extraction
 * is bounded by the text cap (draft.ts), the pool size and the queue length.
 */
import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import { serviceUnavailable } from '../../errors.js';
import { moduleWorker } from '../../workers/moduleWorker.js';
import type { Extraction } from './extract.js';

interface Job {
  id: number;
  text: string;
  publishedAt: string;
  resolve: (e: Extraction) => void;
  reject: (err: unknown) => void;
}

/** Jobs waiting beyond this answer SERVICE_UNAVAILABLE at once instead of queueing without end. */
const MAX_QUEUE = 64;
const SIZE = Math.max(1, Math.min(2, os.availableParallelism() - 1));

function newWorker(): Worker {
  return moduleWorker(import.meta.url, './draftWorker', { resourceLimits: { maxOldGenerationSizeMb: 512 } });
}

class Slot {
  worker: Worker;
  job: Job | null = null;
  constructor(private readonly pool: DraftPool) {
    this.worker = this.spawn();
  }
  private spawn(): Worker {
    const w = newWorker();
    w.unref();
    w.on('message', (m: { id: number; result?: Extraction; error?: string }) => {
      const job = this.job;
      if (!job || job.id !== m.id) return;
      this.job = null;
      if (m.error) job.reject(new Error(`extraction failed: ${m.error}`));
      else job.resolve(m.result!);
      this.pool.next();
    });
    w.on('error', (err) => this.fail(err));
    w.on('exit', () => this.fail(new Error('extraction worker exited')));
    return w;
  }
  private fail(err: unknown) {
    const job = this.job;
    this.job = null;
    job?.reject(err);
    this.worker.removeAllListeners();
    this.worker = this.spawn();
    this.pool.next();
  }
  run(job: Job) {
    this.job = job;
    this.worker.postMessage({ id: job.id, text: job.text, publishedAt: job.publishedAt });
  }
  /** Stops the job it runs: the worker is terminated (and replaced). */
  cancel(id: number) {
    if (this.job?.id === id) void this.worker.terminate();
  }
}

export class DraftPool {
  private slots: Slot[] | null = null;
  private readonly queue: Job[] = [];
  private ids = 0;

  /** Extracts `text`; `signal` aborts it (the request's deadline or hang-up). */
  extract(text: string, publishedAt: string, signal?: AbortSignal): Promise<Extraction> {
    this.slots ??= Array.from({ length: SIZE }, () => new Slot(this));
    if (this.queue.length >= MAX_QUEUE) return Promise.reject(serviceUnavailable('Too many drafts are being read at once; try again shortly.'));
    return new Promise<Extraction>((resolve, reject) => {
      const job: Job = { id: ++this.ids, text, publishedAt, resolve, reject };
      signal?.addEventListener(
        'abort',
        () => {
          const queued = this.queue.indexOf(job);
          if (queued >= 0) this.queue.splice(queued, 1);
          for (const s of this.slots ?? []) s.cancel(job.id);
          reject(signal.reason ?? new Error('aborted'));
        },
        { once: true },
      );
      this.queue.push(job);
      this.next();
    });
  }

  next() {
    for (const slot of this.slots ?? []) {
      if (slot.job) continue;
      const job = this.queue.shift();
      if (!job) return;
      slot.run(job);
    }
  }

  async close(): Promise<void> {
    const slots = this.slots ?? [];
    this.slots = null;
    await Promise.all(
      slots.map((s) => {
        s.worker.removeAllListeners();
        return s.worker.terminate();
      }),
    );
  }
}

/** The process's pool (workers start on first use). */
export const draftPool = new DraftPool();
