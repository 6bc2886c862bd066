/**
 * Keeps a KeyRing in step with the ApiKey nodes of the graph: read at start, then every
 * KEY_REFRESH_MS, so a key added or revoked through any replica (or `claimgraph keys`) is in force
 * on every other within a second, while each request's lookup stays a synchronous scan.
 */
import type { Logger } from 'pino';
import type { Queries } from '../../db/queries.js';
import type { KeyRing } from './keyRing.js';
import { storedKeys } from './keyStore.js';

/** How often the graph's keys are read again: twice within the second the README promises. */
export const KEY_REFRESH_MS = 400;

export class KeyFollower {
  private timer: NodeJS.Timeout | undefined;
  private failing = false;

  constructor(
    private readonly db: Queries,
    private readonly ring: KeyRing,
    private readonly log: Pick<Logger, 'warn' | 'info'>,
    private readonly intervalMs = KEY_REFRESH_MS,
  ) {}

  /** Reads the keys once (a failure here stops the start), then follows them. */
  async start(): Promise<void> {
    await this.refresh();
    this.schedule();
  }

  private async refresh(): Promise<void> {
    const keys = await storedKeys(this.db);
    this.ring.replaceStored(keys.map((k) => ({ name: k.name, role: k.role, hash: k.hash })));
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    this.timer = setTimeout(() => {
      this.refresh()
        .then(
          () => {
            if (this.failing) this.log.info('API keys are read from the graph again');
            this.failing = false;
          },
          (err) => {
            // The last keys read stay in force: a database that cannot be read answers nothing anyway.
            if (!this.failing) this.log.warn(`Could not read the API keys from the graph (keeping the last ones read): ${(err as Error).message}`);
            this.failing = true;
          },
        )
        // The next read after this one ends: a slow database never has two in flight.
        .finally(() => {
          if (this.timer) this.schedule();
        });
    }, this.intervalMs);
    this.timer.unref();
  }
}
