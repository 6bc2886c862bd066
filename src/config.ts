/**
 * Configuration by environment. Every variable here is documented in README.md; nothing else
 * reads process.env, so this file is the complete list of knobs.
 */
import path from 'node:path';
import { hashKey } from './services/access/keyStore.js';
import type { ConfiguredKey } from './services/access/keyRing.js';
import { isRole } from './services/access/roles.js';
import type { Neo4jTarget } from './db/target.js';
import { parseTrustProxy, type TrustProxy } from './server/trustProxy.js';
import { parseWebhookHosts, type HostAllowList } from './services/watches/hostPolicy.js';

/** Where exported node IRIs live unless CLAIMGRAPH_BASE_IRI says otherwise. */
export const DEFAULT_BASE_IRI = 'https://claimgraph.example.org/id/';

export type { Neo4jTarget };

export interface EmbeddedSettings {
  dataDir: string;
  port: number;
  /** JVM -Xmx, e.g. "2g". */
  heap: string;
  /** Neo4j page cache in bytes. */
  pageCacheBytes: number;
}

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** Set when NEO4J_URI points at an external database; then nothing is embedded. */
  external?: Neo4jTarget;
  embedded: EmbeddedSettings;
  database: string;
  /** Per-transaction timeout, so one runaway query cannot hold a connection forever. */
  queryTimeoutMs: number;
  logLevel: string;
  /** Load the seed article when the graph is empty at start. */
  seedOnStart: boolean;
  /** Whether that first load adds data/demo/ (CLAIMGRAPH_DEMO, default true): the documents that show what the explorer can do. */
  demoOnStart: boolean;
  /** Keys from CLAIMGRAPH_API_KEYS, hashed at once: the keys themselves are not kept. */
  apiKeys: ConfiguredKey[];
  /** Reads without a key (default true). */
  publicReads: boolean;
  /** Browser origins allowed to call the API (CORS); empty = none. */
  corsOrigins: string[];
  /** Run only the explorer's and the exports' operations (CLAIMGRAPH_PERSISTED_ONLY, default false). */
  persistedOnly: boolean;
  /** Proxies whose X-Forwarded-For names the client (CLAIMGRAPH_TRUST_PROXY); null = the socket's address. */
  trustProxy: TrustProxy;
  /** Subscription streams one client may hold open, and the whole server (/graphql/stream). */
  subscriptionsPerClient: number;
  maxSubscriptions: number;
  /** Hosts watches may deliver webhooks to (CLAIMGRAPH_WEBHOOK_HOSTS); none by default. */
  webhookHosts: HostAllowList;
  /** How long a write transaction is retried on deadlocks and other transient errors. */
  writeRetryMs: number;
  /** The most one GraphQL request may cost (points; see README "Limits"). */
  maxCost: number;
  /** Per-client rate budget in cost points (0 = no rate limiting) and its refill per second. */
  ratePoints: number;
  rateRefillPerSecond: number;
  /** Estimated cost points running at once, server-wide (0 = no admission control). */
  concurrentCost: number;
  /** Where exported node IRIs live (PROV-O, ClaimReview): `<baseIri>claim/<slug>`. */
  baseIri: string;
}

/** true/false/1/0/yes/no; anything else is a start-up error naming the variable. */
function boolFrom(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const v = raw.trim().toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(v)) return true;
  if (['false', '0', 'no', 'off'].includes(v)) return false;
  throw new Error(`${name} must be true or false, got "${raw}"`);
}

/** `name:role:key,name:role:key`; the key is everything after the second colon. */
export function parseApiKeys(raw: string | undefined): ConfiguredKey[] {
  if (!raw || !raw.trim()) return [];
  const seen = new Set<string>();
  return raw.split(',').map((entry, i) => {
    const [name, role, ...rest] = entry.trim().split(':');
    const key = rest.join(':');
    if (!name || !role || !key) throw new Error(`CLAIMGRAPH_API_KEYS entry ${i + 1} must be name:role:key`);
    if (!isRole(role)) throw new Error(`CLAIMGRAPH_API_KEYS entry ${i + 1} ("${name}") has role "${role}"; roles are read, write, admin`);
    if (key.length < 16) throw new Error(`CLAIMGRAPH_API_KEYS entry ${i + 1} ("${name}"): a key needs at least 16 characters`);
    if (seen.has(name)) throw new Error(`CLAIMGRAPH_API_KEYS names "${name}" twice`);
    seen.add(name);
    return { name, role, hash: hashKey(key) };
  });
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

const SIZE = /^(\d+)([kmg]?)$/i;

/** Parses "512m", "2g", "1048576" into bytes; sizes read like the JVM's own flags. */
export function parseSize(text: string, name: string): number {
  const m = SIZE.exec(text.trim());
  if (!m) throw new Error(`${name} must be a size like 512m or 2g, got "${text}"`);
  const unit = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2].toLowerCase() as '' | 'k' | 'm' | 'g'];
  return Number(m[1]) * unit;
}

function intFrom(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535 * 1000) throw new Error(`${name} must be a whole number, got "${raw}"`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(env.CLAIMGRAPH_DATA || '.data');
  const database = env.NEO4J_DATABASE || 'neo4j';
  const external: Neo4jTarget | undefined = env.NEO4J_URI ? { uri: env.NEO4J_URI, user: env.NEO4J_USER || 'neo4j', password: env.NEO4J_PASSWORD, database } : undefined;
  return {
    port: intFrom(env, 'PORT', 4000),
    host: env.HOST || '127.0.0.1',
    dataDir,
    external,
    database,
    embedded: {
      dataDir: path.join(dataDir, 'neo4j'),
      port: intFrom(env, 'EMBEDDED_NEO4J_PORT', 7687),
      heap: env.EMBEDDED_NEO4J_HEAP || '2g',
      pageCacheBytes: parseSize(env.EMBEDDED_NEO4J_PAGECACHE || '1g', 'EMBEDDED_NEO4J_PAGECACHE'),
    },
    queryTimeoutMs: intFrom(env, 'CLAIMGRAPH_QUERY_TIMEOUT_MS', 30_000),
    logLevel: logLevelFrom(env),
    seedOnStart: boolFrom(env, 'CLAIMGRAPH_SEED', true),
    demoOnStart: boolFrom(env, 'CLAIMGRAPH_DEMO', true),
    apiKeys: parseApiKeys(env.CLAIMGRAPH_API_KEYS),
    publicReads: boolFrom(env, 'CLAIMGRAPH_PUBLIC_READS', true),
    corsOrigins: corsOriginsFrom(env.CLAIMGRAPH_CORS_ORIGINS),
    persistedOnly: boolFrom(env, 'CLAIMGRAPH_PERSISTED_ONLY', false),
    trustProxy: parseTrustProxy(env.CLAIMGRAPH_TRUST_PROXY),
    webhookHosts: parseWebhookHosts(env.CLAIMGRAPH_WEBHOOK_HOSTS),
    subscriptionsPerClient: intFrom(env, 'CLAIMGRAPH_SUBSCRIPTIONS_PER_CLIENT', 20),
    maxSubscriptions: intFrom(env, 'CLAIMGRAPH_MAX_SUBSCRIPTIONS', 2_000),
    writeRetryMs: intFrom(env, 'CLAIMGRAPH_WRITE_RETRY_MS', 30_000),
    maxCost: intFrom(env, 'CLAIMGRAPH_MAX_COST', 2_500),
    ratePoints: intFrom(env, 'CLAIMGRAPH_RATE_POINTS', 5_000),
    rateRefillPerSecond: intFrom(env, 'CLAIMGRAPH_RATE_REFILL', 100),
    concurrentCost: intFrom(env, 'CLAIMGRAPH_CONCURRENT_COST', 2_000),
    baseIri: baseIriFrom(env.CLAIMGRAPH_BASE_IRI),
  };
}

/** An absolute http(s) IRI ending in / or # (a / is added), so ids append to it. */
function baseIriFrom(raw: string | undefined): string {
  if (raw === undefined || raw.trim() === '') return DEFAULT_BASE_IRI;
  const text = raw.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`CLAIMGRAPH_BASE_IRI must be an absolute http or https IRI, got "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`CLAIMGRAPH_BASE_IRI must be an absolute http or https IRI, got "${raw}"`);
  return text.endsWith('/') || text.endsWith('#') ? text : `${text}/`;
}

function logLevelFrom(env: NodeJS.ProcessEnv): string {
  const level = (env.LOG_LEVEL || 'info').trim().toLowerCase();
  if (!LOG_LEVELS.includes(level)) throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}; got "${env.LOG_LEVEL}"`);
  return level;
}

/** Exact origins (`https://app.example.org`), so no pattern can match more than meant. */
function corsOriginsFrom(raw: string | undefined): string[] {
  if (!raw || !raw.trim()) return [];
  return raw.split(',').map((o) => {
    const origin = o.trim().replace(/\/$/, '');
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      throw new Error(`CLAIMGRAPH_CORS_ORIGINS: "${origin}" is not an origin like https://app.example.org`);
    }
    if (url.origin !== origin) throw new Error(`CLAIMGRAPH_CORS_ORIGINS: "${origin}" is not an origin (scheme://host[:port], no path)`);
    return origin;
  });
}

/** Whether HOST accepts connections from this machine only. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
