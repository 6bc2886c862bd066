/** Watches: webhooks for integrations, stored and removed with a `write` key (services/watches). */
import type { Resolvers } from '../generated/graphql.js';
import { encodeEventCursor } from '../services/events/liveEvent.js';
import { checkComparisonTarget } from '../services/events/matches.js';
import { NO_WEBHOOK_HOSTS } from '../services/watches/hostPolicy.js';
import { createWatch, deleteWatch, watchDeliveries, watches } from '../services/watches/watchStore.js';

const instant = (ms: number | null | undefined) => (ms == null ? null : new Date(ms).toISOString());

export const watchResolvers: Resolvers = {
  Query: {
    watches: (_, __, ctx) => {
      ctx.access.require(ctx.principal, 'write', 'Listing watches');
      return watches(ctx.db);
    },
  },
  Mutation: {
    watch: (_, { input }, ctx) => {
      ctx.access.require(ctx.principal, 'write', 'watch');
      checkComparisonTarget(input);
      return createWatch(ctx.db, input, ctx.principal.name, ctx.webhookHosts ?? NO_WEBHOOK_HOSTS);
    },
    unwatch: (_, { id }, ctx) => {
      ctx.access.require(ctx.principal, 'write', 'unwatch');
      return deleteWatch(ctx.db, id);
    },
  },
  Watch: {
    deliveries: (watch, { first }, ctx) => watchDeliveries(ctx.db, watch.id, first ?? 20),
  },
  WebhookDelivery: {
    cursor: (d) => encodeEventCursor(d.seq),
    nextAttemptAt: (d) => (d.status === 'PENDING' ? instant(d.nextAt) : null),
  },
};
