/**
 * Each replica's follower of the graph's ingestions: while anyone listens, one index-backed query
 * every POLL_MS for all its subscribers (events/ingestionsAfter, by the number each ingestion got in
 * commit order), turned into LiveEvents once and handed to every listener. Numbers commit in
 * order (ingest/recordIngestions), so reading "after n" never skips one that commits later;
 * subscribers resume from a cursor by reading the same query from their cursor (`load`).
 */
import type { Logger } from 'pino';
import type { Queries } from '../../db/queries.js';
import type { EntityRow } from '../../db/rows.js';
import { createEntityLoader } from '../entities/entities.js';
import type { IngestionRow } from '../history/history.js';
import { corroboration } from '../provenance/corroboration.js';
import { edgeIds } from '../entities/entities.js';
import { isClientError } from '../../errors.js';
import { comparisonChange, type EventClaim, type LiveComparison, type LiveEvent } from './liveEvent.js';

/**
 * How often the feed asks for new ingestions while anyone listens: a tenth of the second an event
 * may take (an index seek that finds nothing costs the database almost nothing).
 */
export const POLL_MS = 100;
/** Ingestions read per query; a backlog (a bulk import online) is read in pages of this. */
export const PAGE = 50;
/** Claims of one ingestion compared at once (each comparison is a few queries). */
const COMPARE_AT_ONCE = 4;

interface FeedRow {
  seq: number;
  ingestion: IngestionRow;
  claims: EventClaim[];
}

export type EventListener = (event: LiveEvent) => void;

export class EventFeed {
  /** Each listener, and whether it reads comparisons (without one, events skip corroborating each claim). */
  private listeners = new Map<EventListener, boolean>();
  private stopHandlers = new Set<() => void>();
  private timer: NodeJS.Timeout | undefined;
  /** Set while following; a poll of an earlier run that ends late does not reschedule. */
  private run = 0;
  private starting: Promise<void> | undefined;
  private running = false;
  private stopped = false;
  private failing = false;
  /** The last ingestion number delivered to listeners. */
  private last = 0;
  /** The poll under way, and whether the events it is reading carry comparisons (undefined: not reading events yet). */
  private polling: Promise<void> | undefined;
  private comparing: boolean | undefined;

  constructor(
    private readonly db: Queries,
    private readonly log: Pick<Logger, 'warn' | 'info' | 'error'>,
    private readonly pollMs = POLL_MS,
  ) {}

  /** The number of the last event handed to listeners. */
  get cursor(): number {
    return this.last;
  }

  /**
   * Hands every event after the returned cursor to `listener` (`comparisons` when it reads them).
   * The feed follows the graph only while someone listens: a replica nobody subscribes to reads
   * nothing. The first listener starts it after the last committed ingestion.
   */
  async attach(listener: EventListener, comparisons = false): Promise<{ cursor: number; detach: () => void }> {
    if (this.stopped) throw new Error('The event feed has stopped');
    if (!this.running) {
      this.starting ??= this.begin().finally(() => (this.starting = undefined));
      await this.starting;
    }
    // A poll reading events without comparisons would hand this listener one it cannot use, past
    // its cursor: a listener that needs them waits for that poll to deliver first.
    while (comparisons && this.polling && this.comparing === false) await this.polling.catch(() => {});
    // In the same turn as reading the cursor: every later event reaches the listener.
    this.listeners.set(listener, comparisons);
    let done = false;
    const detach = () => {
      if (done) return;
      done = true;
      this.listeners.delete(listener);
      if (!this.listeners.size) this.pause();
    };
    return { cursor: this.last, detach };
  }

  /** Stops polling and ends every stream (a shutdown). */
  stop(): void {
    this.stopped = true;
    this.pause();
    for (const handler of [...this.stopHandlers]) handler();
  }

  /** Runs `handler` when the feed stops; returns its removal. */
  onStop(handler: () => void): () => void {
    this.stopHandlers.add(handler);
    return () => this.stopHandlers.delete(handler);
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  private async begin(): Promise<void> {
    const [{ seq }] = await this.db.read<{ seq: number }>('events/latestSequence');
    if (this.stopped) throw new Error('The event feed has stopped');
    this.last = seq;
    this.running = true;
    this.run += 1;
    this.schedule(this.run);
  }

  private pause(): void {
    this.running = false;
    this.run += 1;
    clearTimeout(this.timer);
  }

  /** Events after `after` up to `upTo` included, read from the graph (a resuming subscriber, the webhook dispatcher), `maxPages` of PAGE at most. */
  async load(after: number, upTo: number, comparisons = true, maxPages = Infinity): Promise<LiveEvent[]> {
    const out: LiveEvent[] = [];
    let from = after;
    for (let page = 0; from < upTo && page < maxPages; page++) {
      const rows = await this.db.read<FeedRow>('events/ingestionsAfter', { p: { after: from, limit: PAGE } });
      const wanted = rows.filter((r) => r.seq <= upTo);
      out.push(...(await this.events(wanted, comparisons)));
      if (rows.length < PAGE || wanted.length < rows.length) break;
      from = rows[rows.length - 1].seq;
    }
    return out;
  }

  /**
   * Reads what committed since the last poll and hands it to every listener, in order. A poll of
   * an earlier run (the feed paused and started again meanwhile) delivers nothing: the new run
   * started after the last committed ingestion, and its own poll reads on from there.
   */
  private async poll(run: number): Promise<void> {
    for (;;) {
      const rows = await this.db.read<FeedRow>('events/ingestionsAfter', { p: { after: this.last, limit: PAGE } });
      if (!rows.length || run !== this.run) return;
      this.comparing = [...this.listeners.values()].some(Boolean);
      const events = await this.events(rows, this.comparing);
      this.comparing = undefined;
      if (run !== this.run) return;
      for (const event of events) {
        if (event.seq <= this.last) continue;
        this.last = event.seq;
        for (const listener of [...this.listeners.keys()]) {
          try {
            listener(event);
          } catch (err) {
            this.log.error(`An event listener failed: ${(err as Error).message}`);
          }
        }
      }
      if (rows.length < PAGE) return;
    }
  }

  private schedule(run: number): void {
    if (!this.running || run !== this.run) return;
    this.timer = setTimeout(() => {
      this.polling = this.poll(run);
      this.polling
        .then(
          () => {
            if (this.failing) this.log.info('The event feed reads the graph again');
            this.failing = false;
          },
          (err) => {
            // Nothing is skipped: the next poll reads from the same number.
            if (!this.failing) this.log.warn(`The event feed could not read new ingestions (retrying): ${(err as Error).message}`);
            this.failing = true;
          },
        )
        .finally(() => {
          this.polling = undefined;
          this.schedule(run);
        });
    }, this.pollMs);
    this.timer.unref();
  }

  /** Rows into events: each claim's comparisons (corroboration) and the rows to answer from. */
  private async events(rows: FeedRow[], withComparisons: boolean): Promise<LiveEvent[]> {
    const out: LiveEvent[] = [];
    for (const row of rows) {
      const loader = createEntityLoader(this.db);
      const comparisons: LiveComparison[] = [];
      const compared = withComparisons ? row.claims : [];
      // A few claims at a time: one document's claims are compared in parallel, not one by one.
      for (let i = 0; i < compared.length; i += COMPARE_AT_ONCE) {
        const batch = compared.slice(i, i + COMPARE_AT_ONCE);
        const answers = await Promise.all(
          batch.map((claim) =>
            corroboration(this.db, loader, claim.id).catch((err: unknown) => {
              // Deleted since it was ingested (a reset): nothing left to compare.
              if (isClientError(err) && err.extensions.code === 'NOT_FOUND') return null;
              throw err;
            }),
          ),
        );
        batch.forEach((claim, k) => {
          for (const c of answers[k]?.comparisons ?? []) {
            comparisons.push({
              claimId: claim.id,
              otherId: c.claim.id,
              verdict: c.verdict,
              sameOrigin: c.sameOrigin,
              change: comparisonChange(c.verdict, c.sameOrigin),
              reason: c.reason,
              measureId: claim.measureId,
              agentIds: [...claim.agentIds, ...claim.parentAgentIds],
              otherAgentIds: edgeIds(c.claim, 'ATTRIBUTED_TO'),
            });
          }
        });
      }
      // The ingestion's source too: every subscriber's `ingestion { source }` answers from it, not a query each.
      const ids = [...new Set([row.ingestion.sourceId, ...row.claims.map((c) => c.id), ...comparisons.map((c) => c.otherId)])];
      const loaded = await loader.loadMany(ids);
      const byId = new Map<string, EntityRow>();
      loaded.forEach((r, i) => {
        if (r && !(r instanceof Error)) byId.set(ids[i], r);
      });
      out.push({ seq: row.seq, ingestion: { ...row.ingestion, at: new Date(row.ingestion.at).toISOString() }, claims: row.claims, comparisons, rows: byId });
    }
    return out;
  }
}
