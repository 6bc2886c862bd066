/**
 * Turns events into webhook deliveries, on every replica that dispatches: each tick reads the
 * watches (one query; nothing more when there are none), reads the events after the furthest-
 * behind watch from the graph (events/ingestionsAfter, with comparisons), records a delivery for
 * each event with a comparison a watch follows and moves every watch past what was read, then
 * sends what is due. Reading from each watch's own position in the graph, not from this
 * process's memory, is what makes a restart, a crash or a replica that was down lose nothing;
 * two replicas recording the same event make one delivery (its id is the watch's and the event's).
 */
import type { Logger } from 'pino';
import type { Queries } from '../../db/queries.js';
import type { EventFeed } from '../events/eventFeed.js';
import { encodeEventCursor, type LiveComparison, type LiveEvent } from '../events/liveEvent.js';
import { comparisonMatches } from '../events/matches.js';
import { DeliverySender, type SenderOptions } from './deliverySender.js';
import { watches, type WatchRow } from './watchStore.js';

/** How often a replica looks for new events and due deliveries (a delivery arrives within about this). */
export const TICK_MS = 1_000;
/** Pages of events one tick reads at most (a backlog is worked through over several ticks). */
const PAGES_PER_TICK = 4;
/** How long settled deliveries are kept (Watch.deliveries shows them), and how often older ones go. */
export const KEEP_DELIVERIES_MS = 7 * 24 * 3_600_000;
const PRUNE_EVERY_MS = 10 * 60_000;
/** Changes one delivery carries at most; the body says when more were left out. */
const MAX_CHANGES = 200;

export interface DispatcherOptions extends SenderOptions {
  tickMs?: number;
}

export class WebhookDispatcher {
  private readonly sender: DeliverySender;
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private failing = false;
  private ticking: Promise<void> | undefined;
  private prunedAt = 0;

  constructor(
    private readonly db: Queries,
    private readonly feed: EventFeed,
    private readonly log: Pick<Logger, 'warn' | 'info'>,
    private readonly opts: DispatcherOptions,
  ) {
    this.sender = new DeliverySender(db, opts);
  }

  start(): void {
    this.running = true;
    this.schedule();
  }

  /** Stops ticking; resolves when a tick under way has finished (its leases are settled). */
  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    this.sender.abort();
    await this.ticking;
  }

  /** One round: deliveries for new events, then what is due. */
  async tick(): Promise<void> {
    const list = await watches(this.db);
    if (!list.length) return;
    const from = Math.min(...list.map((w) => w.seq ?? 0));
    const events = await this.feed.load(from, Number.MAX_SAFE_INTEGER, true, PAGES_PER_TICK);
    if (events.length) {
      const through = events[events.length - 1].seq;
      const entries = list.map((w) => ({ watchId: w.id, seq: through, deliveries: events.filter((e) => e.seq > (w.seq ?? 0)).flatMap((e) => delivery(w, e)) }));
      await this.db.write('watches/recordDeliveries', { p: { watches: entries, now: Date.now(), createdAt: new Date().toISOString() } });
    }
    while ((await this.sender.sendDue()) > 0 && this.running);
    if (Date.now() - this.prunedAt > PRUNE_EVERY_MS) {
      this.prunedAt = Date.now();
      await this.db.write('watches/pruneDeliveries', { p: { before: new Date(Date.now() - KEEP_DELIVERIES_MS).toISOString(), limit: 10_000 } });
    }
  }

  private schedule(): void {
    if (!this.running) return;
    this.timer = setTimeout(() => {
      this.ticking = this.tick().then(
        () => {
          if (this.failing) this.log.info('Webhook deliveries resume');
          this.failing = false;
        },
        (err: Error) => {
          // Nothing is lost: the watches' positions and the deliveries are in the graph.
          if (!this.failing) this.log.warn(`Webhook dispatch failed (retrying): ${err.message}`);
          this.failing = true;
        },
      );
      void this.ticking.finally(() => this.schedule());
    }, this.opts.tickMs ?? TICK_MS);
    this.timer.unref();
  }
}

/** The delivery one event makes for one watch, if any of its comparisons is followed. */
function delivery(w: WatchRow, e: LiveEvent): { id: string; seq: number; body: string }[] {
  const changes = e.comparisons.filter((c) => comparisonMatches(w, c));
  if (!changes.length) return [];
  const id = `delivery:${w.id.replace(/^watch:/, '')}:${e.seq}`;
  const text = (claimId: string) => (e.rows.get(claimId)?.props.text as string | undefined) ?? null;
  const change = (c: LiveComparison) => ({
    claim: { id: c.claimId, text: text(c.claimId) },
    other: { id: c.otherId, text: text(c.otherId) },
    verdict: c.verdict,
    sameOrigin: c.sameOrigin,
    change: c.change,
    reason: c.reason,
  });
  const body = {
    type: 'comparisons.changed',
    id,
    watchId: w.id,
    cursor: encodeEventCursor(e.seq),
    // Not the ingesting key's name: receivers are outside the service.
    ingestion: { id: e.ingestion.id, sourceId: e.ingestion.sourceId, at: e.ingestion.at },
    changes: changes.slice(0, MAX_CHANGES).map(change),
    ...(changes.length > MAX_CHANGES ? { truncated: changes.length - MAX_CHANGES } : {}),
  };
  return [{ id, seq: e.seq, body: JSON.stringify(body) }];
}
