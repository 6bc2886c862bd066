/**
 * Sends due webhook deliveries: each replica leases a few at a time (watches/leaseDeliveries, so
 * one replica sends each, and another takes it over if that one dies mid-send), POSTs each signed
 * body with a 10 s deadline for the whole attempt through the host policy's guarded lookup, and records the attempt:
 * delivered on any 2xx, due again with exponential backoff otherwise, given up after MAX_ATTEMPTS.
 * At least once: a receiver that answered but whose answer was lost gets the delivery again, with
 * the same `webhook-id` to recognise it by. Redirects are not followed.
 */
import http from 'node:http';
import https from 'node:https';
import { randomUUID } from 'node:crypto';
import type { Queries } from '../../db/queries.js';
import { guardedLookup, literalAllowed, type HostAllowList } from './hostPolicy.js';
import { signatureHeaders } from './signature.js';

export const MAX_ATTEMPTS = 8;
/** How long a leased delivery is this replica's to send: more than an attempt can take. */
export const LEASE_MS = 60_000;
export const ATTEMPT_TIMEOUT_MS = 10_000;
/** Deliveries one replica sends at once. */
const BATCH = 20;

export interface SenderOptions {
  hosts: HostAllowList;
  /** The first retry's delay; each later one doubles it, up to an hour (5 s by default). */
  retryBaseMs?: number;
}

interface Leased {
  id: string;
  body: string;
  attempts: number;
  url: string;
  secret: string;
}

type Outcome = { statusCode: number; error: null } | { statusCode: null; error: string };

export class DeliverySender {
  private readonly retryBaseMs: number;
  /** Requests under way: a stopping server ends them (their deliveries are retried, at least once). */
  private readonly inFlight = new Set<http.ClientRequest>();

  constructor(
    private readonly db: Queries,
    private readonly opts: SenderOptions,
  ) {
    this.retryBaseMs = opts.retryBaseMs ?? 5_000;
  }

  /** Ends every attempt under way (each is recorded as failed, and retried). */
  abort(): void {
    for (const req of this.inFlight) req.destroy(new Error('the server is stopping'));
  }

  /** Leases what is due now and attempts each once; returns how many were attempted. */
  async sendDue(): Promise<number> {
    const lease = randomUUID();
    const due = await this.db.write<Leased>('watches/leaseDeliveries', { p: { now: Date.now(), limit: BATCH, lease, leaseMs: LEASE_MS } });
    await Promise.all(due.map((d) => this.attempt(d, lease)));
    return due.length;
  }

  private async attempt(d: Leased, lease: string): Promise<void> {
    const outcome = await this.post(d);
    const attempts = d.attempts + 1;
    const ok = outcome.statusCode !== null && outcome.statusCode >= 200 && outcome.statusCode < 300;
    const status = ok ? 'DELIVERED' : attempts >= MAX_ATTEMPTS ? 'FAILED' : 'PENDING';
    // Jittered, so retries of many deliveries to one receiver that was down do not arrive together.
    const delay = Math.min(this.retryBaseMs * 2 ** (attempts - 1), 3_600_000) * (0.8 + Math.random() * 0.4);
    await this.db.write('watches/settleDelivery', {
      p: {
        id: d.id,
        lease,
        status,
        statusCode: outcome.statusCode,
        error: ok ? null : (outcome.error ?? `HTTP ${outcome.statusCode}`),
        at: new Date().toISOString(),
        nextAt: status === 'PENDING' ? Date.now() + Math.round(delay) : Date.now(),
      },
    });
  }

  /** One POST: the status it answered with, or why none came. */
  private post(d: Leased): Promise<Outcome> {
    let url: URL;
    try {
      url = new URL(d.url);
    } catch {
      return Promise.resolve({ statusCode: null, error: 'the watch URL does not parse' });
    }
    if (!literalAllowed(url, this.opts.hosts)) return Promise.resolve({ statusCode: null, error: `${url.hostname} is not in CLAIMGRAPH_WEBHOOK_HOSTS` });
    const headers = { 'content-type': 'application/json', 'user-agent': 'claimgraph-webhooks', ...signatureHeaders(d.secret, d.id, d.body) };
    const send = url.protocol === 'https:' ? https.request : http.request;
    return new Promise((resolve) => {
      // One deadline for the whole attempt (connect, send, headers): a receiver that trickles bytes cannot hold it.
      const deadline = setTimeout(() => req.destroy(new Error(`no answer within ${ATTEMPT_TIMEOUT_MS / 1000} s`)), ATTEMPT_TIMEOUT_MS);
      const settle = (outcome: Outcome) => {
        clearTimeout(deadline);
        this.inFlight.delete(req);
        resolve(outcome);
      };
      const req = send(url, { method: 'POST', headers: { ...headers, 'content-length': Buffer.byteLength(d.body) }, lookup: guardedLookup(this.opts.hosts) as never }, (res) => {
        // The answer's body is not read: only its status counts.
        res.resume();
        res.on('error', () => {});
        settle({ statusCode: res.statusCode ?? 0, error: null });
        res.destroy();
      });
      this.inFlight.add(req);
      req.on('error', (err) => settle({ statusCode: null, error: err.message.slice(0, 300) }));
      req.end(d.body);
    });
  }
}
