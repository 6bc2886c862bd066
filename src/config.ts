/**
 * Configuration by environment. Every variable here is documented in README.md; nothing else
 * reads process.env, so this file is the complete list of knobs.
 */
import path from 'node:path';

export interface Neo4jTarget {
  /** bolt://, neo4j:// (routing), neo4j+s:// (Aura) ... */
  uri: string;
  user?: string;
  password?: string;
  database: string;
}

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
}

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
  const external: Neo4jTarget | undefined = env.NEO4J_URI
    ? { uri: env.NEO4J_URI, user: env.NEO4J_USER || 'neo4j', password: env.NEO4J_PASSWORD, database }
    : undefined;
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
    logLevel: env.LOG_LEVEL || 'info',
    seedOnStart: env.CLAIMGRAPH_SEED !== 'false',
  };
}
