/**
 * CLAIMGRAPH_TRUST_PROXY: which proxies in front may name the client (X-Forwarded-For), so a
 * reverse proxy's callers get their own rate budgets instead of sharing the proxy's. Passed to
 * Fastify's `trustProxy` (proxy-addr does the parsing of the header). Without it the client is the
 * socket's address: a header any client can write is never believed by default, and neither is
 * "trust everyone" offered, which would let any caller pick its own budget.
 */
import net from 'node:net';

/** proxy-addr's named ranges. */
const NAMED = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** A hop count (the last N proxies are trusted) or the proxies' addresses and ranges; null = none. */
export type TrustProxy = number | string[] | null;

function isRange(text: string): boolean {
  const [address, bits, extra] = text.split('/');
  if (extra !== undefined || !net.isIP(address)) return false;
  if (bits === undefined) return true;
  if (!/^\d{1,3}$/.test(bits)) return false;
  return Number(bits) <= (net.isIPv4(address) ? 32 : 128);
}

export function parseTrustProxy(raw: string | undefined): TrustProxy {
  const text = raw?.trim();
  if (!text) return null;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops > 32) throw new Error(`CLAIMGRAPH_TRUST_PROXY: ${hops} proxy hops is not plausible (at most 32)`);
    return hops === 0 ? null : hops;
  }
  if (/^(true|\*|all|any)$/i.test(text)) {
    throw new Error("CLAIMGRAPH_TRUST_PROXY: trusting every address would let any client choose its own address (and rate budget); give the hop count or the proxies' addresses");
  }
  return text.split(',').map((item) => {
    const entry = item.trim();
    if (NAMED.has(entry) || isRange(entry)) return entry;
    throw new Error(`CLAIMGRAPH_TRUST_PROXY: "${entry}" is not an address, a range (10.0.0.0/8), loopback, linklocal or uniquelocal`);
  });
}

/** Fastify's form: a hop count as proxy-addr applies one (the nearest N hops are proxies). */
export function fastifyTrustProxy(trust: TrustProxy): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (trust === null) return false;
  if (typeof trust === 'number') return (_address, hop) => hop < trust;
  return trust;
}
