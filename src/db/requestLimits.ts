/**
 * What one request may use of the database: a cap on its queries at once, a deadline, and the
 * signal of a client that left (Database.scoped applies them to every query of the request).
 */
import { ClientError } from '../errors.js';

/** What one request may use of the database (see Database.scoped). */
export interface RequestLimits {
  /** Queries of this request running at once. */
  maxConcurrent: number;
  /** Epoch millis after which the request's queries fail with QUERY_TIMEOUT. */
  deadline: number;
  /** Aborted once the client disconnected: nothing more is started for it (an AbortSignal fits). */
  signal?: { readonly aborted: boolean };
  /** Called once per query this request runs (round trips per request, for /metrics). */
  onQuery?: () => void;
}

export function checkRequest(limits: RequestLimits): void {
  if (limits.signal?.aborted) throw new ClientError('CLIENT_CLOSED_REQUEST', 'The client closed the request; its work was stopped.');
  if (Date.now() >= limits.deadline) throw new ClientError('QUERY_TIMEOUT', 'The request ran longer than its time budget (CLAIMGRAPH_QUERY_TIMEOUT_MS) and was stopped.');
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
