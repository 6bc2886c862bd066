/**
 * The `claimgraph` command: `db start|stop|status`, `import`, `seed`, `reset`. Every command
 * that needs the graph brings it up exactly as `npm start` does (embedded unless NEO4J_URI).
 */
import pino from 'pino';
import { loadConfig, type Config } from '../config.js';
import { startRuntime } from '../runtime.js';
import { deleteAll, graphCounts } from '../services/admin.js';
import { loadSeed } from '../services/seed.js';
import { dbStart, dbStatus, dbStop } from './db.js';
import { exportCommand } from './exportCommand.js';
import { importCommand } from './importCommand.js';
import { offlineImportCommand } from './offlineImportCommand.js';
import { keysCommand } from './keysCommand.js';

const USAGE = `usage: claimgraph <command>
  db start [--foreground]   run the embedded Neo4j on its own (Neo4j Browser, cypher-shell can attach)
  db stop                   stop it
  db status                 is it running, and how big is the graph
  import <file>...          ingest .json / .ndjson documents (one transaction per batch of documents)
  import --offline <file>...  first load of an EMPTY store through Neo4j's bulk importer (the server
                            must be stopped); the same validation, the same resulting graph
  seed                      load data/seed/ (idempotent)
  export --format ndjson|prov-jsonld [--out file]
                            the whole graph as ingest documents (re-importable) or W3C PROV-O JSON-LD
  reset --yes               delete every node and relationship
  keys add NAME --role read|write|admin
                            create an API key (printed once; only its hash is stored)
  keys list                 the keys in force (names and roles, never the keys)
  keys revoke NAME          revoke a key at once, also for running servers`;

async function withGraph(config: Config, work: (db: import('../db/database.js').Database) => Promise<number>): Promise<number> {
  const log = pino({ level: process.env.LOG_LEVEL ?? 'warn' });
  const runtime = await startRuntime(config, log);
  try {
    return await work(runtime.db);
  } finally {
    await runtime.stop();
  }
}

async function main(argv: string[]): Promise<number> {
  const config = loadConfig();
  const [command, ...rest] = argv;
  switch (command) {
    case 'db':
      if (rest[0] === 'start') return dbStart(config, rest.includes('--foreground'));
      if (rest[0] === 'stop') return dbStop(config);
      if (rest[0] === 'status') return dbStatus(config);
      break;
    case 'import': {
      if (rest.includes('--offline')) {
        return offlineImportCommand(config, rest.filter((a) => !a.startsWith('--')), pino({ level: process.env.LOG_LEVEL ?? 'warn' }));
      }
      const batchArg = rest.find((a) => a.startsWith('--batch='));
      const files = rest.filter((a) => !a.startsWith('--'));
      return withGraph(config, (db) => importCommand(db, files, batchArg ? Number(batchArg.slice(8)) : undefined));
    }
    case 'export': {
      const opt = (name: string) => rest.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? rest[rest.indexOf(`--${name}`) + 1];
      return withGraph(config, (db) => exportCommand(db, opt('format') ?? 'ndjson', rest.some((a) => a.startsWith('--out')) ? opt('out') : undefined));
    }
    case 'keys':
      return keysCommand(config, rest);
    case 'seed':
      return withGraph(config, async (db) => {
        const outcomes = await loadSeed(db);
        const claims = outcomes.reduce((n, o) => n + o.claimCount, 0);
        console.log(`Seed loaded: ${outcomes.length} document(s), ${claims} claims (${outcomes.reduce((n, o) => n + o.nodesCreated, 0)} nodes created).`);
        return 0;
      });
    case 'reset':
      if (!rest.includes('--yes')) {
        console.error('reset deletes the whole graph; run `claimgraph reset --yes` to confirm.');
        return 2;
      }
      return withGraph(config, async (db) => {
        const before = await graphCounts(db);
        await deleteAll(db);
        console.log(`Deleted ${before.nodes} nodes and ${before.relationships} relationships.`);
        return 0;
      });
    default:
      break;
  }
  console.error(USAGE);
  return command === undefined || command === 'help' || command === '--help' ? 0 : 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(`claimgraph: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
