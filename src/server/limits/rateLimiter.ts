/**
 * Rate limiting as a budget of cost points per client (the API key's name, or the client address
 * without one) that refills at a steady rate: a token bucket. A request is charged its estimated
 * cost up front and settled when it ends: refunded what it did not use, or charged what it used
 * beyond the estimate (a list that held more than assumed, a cross-reference's comparisons). A
 * client can so run into debt, at most one budget deep, and waits until it is paid back. The table of buckets is bounded: the least
 * recently used client is forgotten first, and a forgotten client starts full, which is the
 * state a long-idle client would be in anyway.
 */
export interface RateSettings {
  /** Points a client may hold (its burst). */
  capacity: number;
  /** Points regained per second. */
  refillPerSecond: number;
}

interface Bucket {
  points: number;
  at: number;
}

const MAX_CLIENTS = 10_000;

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(readonly settings: RateSettings) {}

  private bucket(client: string, now: number): Bucket {
    let b = this.buckets.get(client);
    if (b) {
      b.points = Math.min(this.settings.capacity, b.points + ((now - b.at) / 1000) * this.settings.refillPerSecond);
      b.at = now;
      this.buckets.delete(client); // re-inserted below: Map order is recency order
    } else {
      b = { points: this.settings.capacity, at: now };
      if (this.buckets.size >= MAX_CLIENTS) this.buckets.delete(this.buckets.keys().next().value!);
    }
    this.buckets.set(client, b);
    return b;
  }

  /** Charges `cost`; returns the points left, or the seconds to wait when the budget is short. */
  charge(client: string, cost: number, now = Date.now()): { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number; remaining: number } {
    const b = this.bucket(client, now);
    if (cost > b.points) {
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((cost - b.points) / this.settings.refillPerSecond)), remaining: Math.floor(b.points) };
    }
    b.points -= cost;
    return { ok: true, remaining: Math.floor(b.points) };
  }

  /** Gives back what a request did not use (points > 0), or takes what it used beyond its estimate (< 0). */
  refund(client: string, points: number, now = Date.now()): number {
    const b = this.bucket(client, now);
    b.points = Math.max(-this.settings.capacity, Math.min(this.settings.capacity, b.points + points));
    return Math.floor(b.points);
  }
}
