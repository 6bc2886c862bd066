/**
 * What one request may use of the database — its queries at once and its time budget — and the
 * check every query of it makes first (RequestDatabase applies them). The server's settings
 * (server/app.ts LimitSettings) extend this one type.
 */
import { ClientError } from '../errors.js';

export interface RequestLimits {
  /** Database queries of one request at once (the rest of the pool stays free for other requests). */
  maxConcurrentQueries: number;
  /** A request's time budget, in Node and Neo4j together. */
  timeoutMs: number;
}

/** Throws once the client left, or past the deadline (epoch millis). */
export function checkRequest(deadline: number, signal?: { readonly aborted: boolean }): void {
  if (signal?.aborted) throw new ClientError('CLIENT_CLOSED_REQUEST', 'The client closed the request; its work was stopped.');
  if (Date.now() >= deadline) throw new ClientError('QUERY_TIMEOUT', 'The request ran longer than its time budget (CLAIMGRAPH_QUERY_TIMEOUT_MS) and was stopped.');
}

/** A counting semaphore: at most n holders, the others wait in order. */
export class Gate {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly n: number) {}

  async enter(): Promise<void> {
    if (this.active < this.n) {
      this.active += 1;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  leave(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active -= 1;
  }
}
