/**
 * CLAIMGRAPH_TRUST_PROXY: behind a proxy that sets X-Forwarded-For, keyless clients get their own
 * rate budgets when the proxy is trusted (by address or hop count), and share the proxy's budget
 * when it is not; a client cannot pick its budget by writing the header itself. Over HTTP.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../src/db/database.js';
import { createApp, type App } from '../../src/server/app.js';
import { parseTrustProxy, type TrustProxy } from '../../src/server/trustProxy.js';
import { seedGraph } from '../helpers/graph.js';
import { testTarget } from '../helpers/testApp.js';

const db = Database.connect(testTarget());
const apps: App[] = [];
// A page of the seed's claims: a request charged for what it returns, so budgets run out.
beforeAll(() => seedGraph(db));
afterAll(async () => {
  for (const app of apps) await app.http.close();
  await db.close();
});

/** A server with a small rate budget (almost no refill) behind the proxy setting. */
async function serve(trustProxy: TrustProxy): Promise<string> {
  const app = await createApp({ db, logLevel: 'silent', trustProxy, limits: { rate: { capacity: 40, refillPerSecond: 0.01 } } });
  apps.push(app);
  await app.http.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(app.http.server.address() as net.AddressInfo).port}`;
}

/** What the proxy forwards: the client's own header (if any) with the address it saw appended. */
async function ask(url: string, forwardedFor: string): Promise<number> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
    body: JSON.stringify({ query: '{ claims(first: 5) { edges { node { id text } } } }' }),
  });
  await res.arrayBuffer();
  return res.status;
}

/** Spends a client's budget until it is refused; how many requests it took. */
async function exhaust(url: string, forwardedFor: string): Promise<number> {
  for (let n = 1; n <= 200; n++) if ((await ask(url, forwardedFor)) === 429) return n;
  throw new Error('never rate-limited');
}

describe('CLAIMGRAPH_TRUST_PROXY', () => {
  it('parses a hop count, addresses and ranges; refuses trusting everyone and what is not an address', () => {
    expect(parseTrustProxy(undefined)).toBeNull();
    expect(parseTrustProxy(' ')).toBeNull();
    expect(parseTrustProxy('0')).toBeNull();
    expect(parseTrustProxy('2')).toBe(2);
    expect(parseTrustProxy('loopback, 10.0.0.0/8,2001:db8::/32, 192.0.2.7')).toEqual(['loopback', '10.0.0.0/8', '2001:db8::/32', '192.0.2.7']);
    for (const bad of ['true', '*', 'proxy.example.org', '10.0.0.0/33', '99']) expect(() => parseTrustProxy(bad)).toThrow(/CLAIMGRAPH_TRUST_PROXY/);
  });

  it('without it, every client behind the proxy shares one budget (the socket address)', async () => {
    const url = await serve(null);
    expect(await exhaust(url, '198.51.100.1')).toBeGreaterThan(1);
    expect(await ask(url, '198.51.100.2')).toBe(429);
  });

  for (const [name, trust] of [
    ['the proxy by address', ['loopback']],
    ['one hop', 1],
  ] as const) {
    it(`trusting ${name}, two clients get separate budgets, and the header's own entries are not believed`, async () => {
      const url = await serve(trust as TrustProxy);
      const took = await exhaust(url, '198.51.100.1');
      expect(took).toBeGreaterThan(1);
      expect(await ask(url, '198.51.100.2')).toBe(200);
      // The first client writes addresses of its own in front: the proxy's entry still names it.
      expect(await ask(url, '203.0.113.9, 198.51.100.1')).toBe(429);
    });
  }
});
