/** Subscriptions: claims added or corrected, and the comparisons they changed, from the event feed. */
import type { ClaimRow } from '../db/rows.js';
import type { Context } from '../context.js';
import { badUserInput, serviceUnavailable } from '../errors.js';
import type { Resolvers } from '../generated/graphql.js';
import { EventStream } from '../services/events/eventStream.js';
import { decodeEventCursor, encodeEventCursor, type LiveEvent } from '../services/events/liveEvent.js';
import { checkComparisonTarget, checkLiveFilter, claimMatches, comparisonMatches } from '../services/events/matches.js';

function cursorArg(after: string | null | undefined): number | undefined {
  if (after == null) return undefined;
  const seq = decodeEventCursor(after);
  if (seq === null) throw badUserInput('`after` is not a cursor from an event of this feed.', 'after');
  return seq;
}

/** A subscription's stream of payloads from this replica's feed, from `after` (or from now). */
function streamFor<T>(ctx: Context, after: string | null | undefined, comparisons: boolean, select: (event: LiveEvent) => T | null): EventStream<T> {
  if (!ctx.live) throw serviceUnavailable('Subscriptions are served at /graphql/stream.');
  return new EventStream(ctx.live.feed, { after: cursorArg(after), comparisons, idleMs: ctx.live.idleMs, select });
}

/**
 * Each event is answered afresh: the subscription's one context lives as long as it does, so its
 * loaders are emptied and primed with the rows the feed read for this event (no stale rows, and
 * no round trip per subscriber for the claims themselves).
 */
function freshFor(ctx: Context, event: LiveEvent): (id: string) => ClaimRow {
  ctx.entities.clearAll();
  ctx.history.ingestion.clearAll();
  for (const [id, row] of event.rows) ctx.entities.prime(id, row);
  return (id) => event.rows.get(id) as ClaimRow;
}

export const liveResolvers: Resolvers = {
  Subscription: {
    claimsAdded: {
      subscribe: (_, { filter, after }, ctx) => {
        checkLiveFilter(filter);
        return streamFor(ctx, after, false, (event) => {
          const claims = event.claims.filter((c) => event.rows.has(c.id) && claimMatches(filter, c));
          if (!claims.length) return null;
          const row = freshFor(ctx, event);
          return { claimsAdded: { cursor: encodeEventCursor(event.seq), ingestion: event.ingestion, claims: claims.map((c) => ({ claim: row(c.id), change: c.change })) } };
        });
      },
    },
    comparisonsChanged: {
      subscribe: (_, { claimId, measureId, organizationId, verdicts, after }, ctx) => {
        const target = { claimId, measureId, organizationId, verdicts };
        checkComparisonTarget(target);
        return streamFor(ctx, after, true, (event) => {
          const changes = event.comparisons.filter((c) => event.rows.has(c.claimId) && event.rows.has(c.otherId) && comparisonMatches(target, c));
          if (!changes.length) return null;
          const row = freshFor(ctx, event);
          return {
            comparisonsChanged: {
              cursor: encodeEventCursor(event.seq),
              ingestion: event.ingestion,
              changes: changes.map((c) => ({ claim: row(c.claimId), other: row(c.otherId), verdict: c.verdict, sameOrigin: c.sameOrigin, change: c.change, reason: c.reason })),
            },
          };
        });
      },
    },
  },
};
