/**
 * One subscription's events: those after its cursor read back from the graph first, then the
 * feed's live ones, in order, each once (an event is delivered only if its number is above the
 * last delivered). An iterator object rather than an async generator, so that `return()` (the
 * client hung up, the server stops) ends a stream that is waiting, at once: a generator would
 * only see it at its next event. Ends by itself after `idleMs` without a delivered event, and
 * with an error when the subscriber falls MAX_BACKLOG events behind (it resumes from its cursor);
 * a cursor more than MAX_BACKLOG ingestions back is refused rather than replayed.
 */
import { ClientError } from '../../errors.js';
import { PAGE, type EventFeed } from './eventFeed.js';
import type { LiveEvent } from './liveEvent.js';

/** Events a slow subscriber may have waiting before its stream is cut (memory stays bounded). */
export const MAX_BACKLOG = 1_000;

export interface StreamOptions<T> {
  /** The cursor's number to start after; undefined = from now. */
  after?: number;
  /** Whether the events' comparisons are read (comparisonsChanged). */
  comparisons: boolean;
  /** The payload an event gives this subscriber, or null when nothing in it matches. */
  select: (event: LiveEvent) => T | null;
  idleMs: number;
}

export class EventStream<T> implements AsyncIterableIterator<T> {
  private readonly live: LiveEvent[] = [];
  private replayed: LiveEvent[] = [];
  private readonly replay: Promise<void>;
  private last: number;
  private waiting: ((r: IteratorResult<T>) => void) | undefined;
  private failWaiting: ((err: Error) => void) | undefined;
  private idle: NodeJS.Timeout | undefined;
  private done = false;
  private failure: Error | undefined;
  private detach: (() => void) | undefined;
  private readonly unstop: () => void;

  constructor(
    feed: EventFeed,
    private readonly opts: StreamOptions<T>,
  ) {
    this.last = opts.after ?? 0;
    this.unstop = feed.onStop(() => this.finish());
    // Once attached, everything up to the cursor is the graph's to give (read back here),
    // everything after reaches `arrive`.
    this.replay = feed
      .attach((e) => this.arrive(e), opts.comparisons)
      .then(({ cursor, detach }) => {
        this.detach = detach;
        if (this.done) return detach();
        this.last = Math.min(opts.after ?? cursor, Number.MAX_SAFE_INTEGER);
        // Replay is bounded as the live backlog is: a cursor further behind is refused, not read whole.
        if (cursor - this.last > MAX_BACKLOG)
          throw new ClientError(
            'BAD_USER_INPUT',
            `\`after\` is ${cursor - this.last} ingestions behind; a subscription resumes from at most ${MAX_BACKLOG} back: query \`claims\` or \`ingestions\` for the rest, then subscribe without \`after\`.`,
            { jsonPath: 'after' },
          );
        if (this.last < cursor) return feed.load(this.last, cursor, opts.comparisons, Math.ceil(MAX_BACKLOG / PAGE) + 1).then((events) => void (this.replayed = events));
      })
      .catch((err: unknown) => {
        this.finish();
        throw err;
      });
    this.replay.catch(() => {});
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  async next(): Promise<IteratorResult<T>> {
    await this.replay;
    for (;;) {
      if (this.failure) throw this.failure;
      if (this.done) return { done: true, value: undefined };
      const event = this.replayed.shift() ?? this.live.shift();
      if (!event) break;
      const payload = this.take(event);
      if (payload !== null) return { done: false, value: payload };
    }
    return new Promise<IteratorResult<T>>((resolve, reject) => {
      this.waiting = resolve;
      this.failWaiting = reject;
      this.armIdle();
    });
  }

  async return(): Promise<IteratorResult<T>> {
    this.finish();
    return { done: true, value: undefined };
  }

  private take(event: LiveEvent): T | null {
    if (event.seq <= this.last) return null;
    this.last = event.seq;
    return this.opts.select(event);
  }

  private arrive(event: LiveEvent): void {
    if (this.done) return;
    if (this.waiting && !this.replayed.length && !this.live.length) {
      const payload = this.take(event);
      if (payload === null) return;
      const resolve = this.waiting;
      this.clearWait();
      resolve({ done: false, value: payload });
      return;
    }
    this.live.push(event);
    if (this.live.length > MAX_BACKLOG) {
      this.failure = new ClientError('RATE_LIMITED', `This subscriber fell ${MAX_BACKLOG} events behind and was cut; subscribe again with \`after\` set to the last cursor received.`);
      const reject = this.failWaiting;
      this.clearWait();
      this.stopListening();
      reject?.(this.failure);
    }
  }

  private armIdle(): void {
    clearTimeout(this.idle);
    this.idle = setTimeout(() => this.finish(), this.opts.idleMs);
    this.idle.unref();
  }

  private finish(): void {
    if (this.done) return;
    this.done = true;
    const resolve = this.waiting;
    this.clearWait();
    this.stopListening();
    resolve?.({ done: true, value: undefined });
  }

  private clearWait(): void {
    clearTimeout(this.idle);
    this.waiting = undefined;
    this.failWaiting = undefined;
  }

  private stopListening(): void {
    this.detach?.();
    this.unstop();
    this.live.length = 0;
  }
}
