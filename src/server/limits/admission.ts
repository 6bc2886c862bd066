/**
 * Server-wide admission by cost: the estimated points of the requests running at once may not
 * exceed a capacity, so a handful of heavy requests (cross-references of ten institutions) run
 * a few at a time and queue for the rest, while cheap requests (a claim by id) are always let in
 * at once. Without it, ten heavy clients share the two cores with everyone else and a claim(id)
 * waits seconds behind them (bench:starvation). Waiters are served in order; one that cannot
 * start before its deadline is refused with SERVICE_UNAVAILABLE and Retry-After.
 */
import { GraphQLError } from 'graphql';

interface Waiter {
  cost: number;
  resolve: () => void;
}

export class Admission {
  private running = 0;
  private readonly queue: Waiter[] = [];

  constructor(
    /** Points that may run at once. */
    readonly capacity: number,
    /** Requests costing at most this start at once, whatever is running. */
    readonly cheap: number,
  ) {}

  get inFlight(): number {
    return this.running;
  }

  /** Waits until the request may run; returns the function that releases its points. */
  async admit(cost: number, deadline: number): Promise<() => void> {
    const points = Math.min(cost, this.capacity);
    if (points <= this.cheap || (this.queue.length === 0 && this.running + points <= this.capacity)) {
      this.running += points;
      return this.releaser(points);
    }
    let timer: NodeJS.Timeout | undefined;
    const waiter: Waiter = { cost: points, resolve: () => undefined };
    const admitted = new Promise<boolean>((resolve) => {
      waiter.resolve = () => resolve(true);
      timer = setTimeout(() => resolve(false), Math.max(0, deadline - Date.now()));
    });
    this.queue.push(waiter);
    const ok = await admitted;
    clearTimeout(timer);
    if (!ok) {
      const at = this.queue.indexOf(waiter);
      if (at >= 0) this.queue.splice(at, 1);
      this.drain();
      throw new GraphQLError('The server is busy with other expensive requests; this one could not start within its time budget. Retry shortly, or ask for less.', {
        extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 5, http: { status: 503, headers: new Map([['retry-after', '5']]) } },
      });
    }
    return this.releaser(points);
  }

  private releaser(points: number): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running -= points;
      this.drain();
    };
  }

  /** Starts waiters in order while they fit (the first in line is never overtaken). */
  private drain(): void {
    while (this.queue.length && this.running + this.queue[0].cost <= this.capacity) {
      const next = this.queue.shift()!;
      this.running += next.cost;
      next.resolve();
    }
  }
}
