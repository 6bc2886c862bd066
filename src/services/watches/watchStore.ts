/**
 * Watches in the graph: what a watch follows (one claim, measure or organization, and verdicts,
 * as comparisonsChanged does), where its webhooks go and the secret that signs them. Watch and
 * Delivery are System nodes, so every replica reads the same watches and counts and reset leave
 * them alone. The secret is stored as it is (HMAC needs it), returned once to its creator, and
 * never by a query.
 */
import { randomUUID } from 'node:crypto';
import type { Queries } from '../../db/queries.js';
import { badUserInput, notFound } from '../../errors.js';
import type { Verdict } from '../events/liveEvent.js';
import { checkWebhookUrl, type HostAllowList } from './hostPolicy.js';
import { newWebhookSecret } from './signature.js';

export interface WatchRow {
  id: string;
  name: string | null;
  url: string;
  secret: string;
  claimId: string | null;
  measureId: string | null;
  organizationId: string | null;
  verdicts: Verdict[];
  createdAt: string;
  createdBy: string;
  /** The last event number this watch has been matched against (deliveries made up to it). */
  seq: number;
}

export interface DeliveryRow {
  id: string;
  seq: number;
  status: 'PENDING' | 'DELIVERED' | 'FAILED';
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: string;
  lastAttemptAt: string | null;
  deliveredAt: string | null;
  /** Epoch milliseconds: when the next attempt is due (or the current lease ends). */
  nextAt: number;
}

export interface WatchInput {
  url: string;
  name?: string | null;
  claimId?: string | null;
  measureId?: string | null;
  organizationId?: string | null;
  verdicts?: readonly Verdict[] | null;
}

/** How many watches one server keeps: each is matched against every event, by every replica. */
export const MAX_WATCHES = 1_000;

/** Stores a watch; its target is checked by the caller (events/matches' checkComparisonTarget). */
export async function createWatch(db: Queries, input: WatchInput, createdBy: string, hosts: HostAllowList): Promise<{ watch: WatchRow; secret: string }> {
  if (input.name != null && input.name.length > 200) throw badUserInput('at most 200 characters', 'name');
  const url = await checkWebhookUrl(input.url, hosts);
  if ((await watches(db)).length >= MAX_WATCHES) throw badUserInput(`This server keeps at most ${MAX_WATCHES} watches; remove one with unwatch first.`);
  const secret = newWebhookSecret();
  const [{ watch }] = await db.write<{ watch: WatchRow }>('watches/createWatch', {
    p: {
      id: `watch:${randomUUID()}`,
      name: input.name ?? null,
      url: url.href,
      secret,
      claimId: input.claimId ?? null,
      measureId: input.measureId ?? null,
      organizationId: input.organizationId ?? null,
      verdicts: [...(input.verdicts?.length ? input.verdicts : ['AGREES', 'CONFLICTS'])],
      createdAt: new Date().toISOString(),
      createdBy,
    },
  });
  return { watch, secret };
}

export async function watches(db: Queries): Promise<WatchRow[]> {
  return (await db.read<{ watch: WatchRow }>('watches/watches')).map((r) => r.watch);
}

/** Removes a watch and its deliveries and returns it; NOT_FOUND when there is no such watch. */
export async function deleteWatch(db: Queries, id: string): Promise<WatchRow> {
  const [row] = await db.write<{ watch: WatchRow }>('watches/deleteWatch', { p: { id } });
  if (!row) throw notFound(`No watch has the id "${id}".`);
  return row.watch;
}

export async function watchDeliveries(db: Queries, watchId: string, first: number): Promise<DeliveryRow[]> {
  if (!Number.isInteger(first) || first < 1 || first > 100) throw badUserInput('between 1 and 100', 'first');
  return (await db.read<{ delivery: DeliveryRow }>('watches/watchDeliveries', { p: { watchId, first } })).map((r) => r.delivery);
}
