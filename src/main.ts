/**
 * `npm start`: the database (embedded unless NEO4J_URI is set), the seed graph when the graph is
 * empty, and the HTTP server. SIGINT/SIGTERM drain requests, close the driver and stop Neo4j.
 */
// First: it sets NODE_ENV before the libraries below read it.
import './productionDefaults.js';
import { createLogger } from './logger.js';
import { isLoopbackHost, loadConfig } from './config.js';
import { AccessPolicy } from './services/access/accessPolicy.js';
import { KeyRing } from './services/access/keyRing.js';
import { KeyFollower } from './services/access/keyFollower.js';
import { moveKeyFile } from './services/access/keyStore.js';
import { portIsFree } from './ports.js';
import { startRuntime } from './runtime.js';
import { seedIfEmpty } from './services/admin/seed.js';
import { warmUp } from './services/admin/warmUp.js';
import { createApp } from './server/app.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const keyRing = new KeyRing(config.apiKeys);
  const loopback = isLoopbackHost(config.host);
  const access = new AccessPolicy(keyRing, { publicReads: config.publicReads, openLocalWrites: loopback });
  // Before starting a database: a taken HTTP port would only fail after all that work.
  if (!(await portIsFree(config.port, config.host))) {
    throw new Error(`Port ${config.port} on ${config.host} is already in use (another claimgraph server?). Stop it or set PORT.`);
  }
  const runtime = await startRuntime(config, log);
  // The graph's keys, followed from now on: a key added or revoked on any replica counts here too.
  const keys = new KeyFollower(runtime.db, keyRing, log);
  try {
    await moveKeyFile(runtime.db, config.dataDir, log);
    await keys.start();
    // An exposed server with no write key would let anyone write.
    if (!loopback && !keyRing.hasWriteKey()) {
      throw new Error(
        `HOST=${config.host} accepts other machines, but no API key may write. Add one (npm run claimgraph -- keys add NAME --role write, ` +
          'or CLAIMGRAPH_API_KEYS=name:write:<key>) or listen on 127.0.0.1.',
      );
    }
  } catch (err) {
    keys.stop();
    await runtime.stop();
    throw err;
  }
  if (config.seedOnStart && (await seedIfEmpty(runtime.db, { demo: config.demoOnStart }))) {
    log.info(`The graph was empty: loaded the seed data (data/seed/)${config.demoOnStart ? ' and the demo corpus (data/demo/; CLAIMGRAPH_DEMO=false skips it)' : ''}`);
  }
  const app = await createApp({
    db: runtime.db,
    logger: log,
    access,
    corsOrigins: config.corsOrigins,
    persistedOnly: config.persistedOnly,
    trustProxy: config.trustProxy,
    webhooks: { hosts: config.webhookHosts, dispatch: true },
    subscriptions: { perClient: config.subscriptionsPerClient, total: config.maxSubscriptions },
    baseIri: config.baseIri,
    limits: {
      maxCost: config.maxCost,
      rate: config.ratePoints > 0 ? { capacity: config.ratePoints, refillPerSecond: Math.max(1, config.rateRefillPerSecond) } : null,
      timeoutMs: config.queryTimeoutMs,
      concurrentCost: config.concurrentCost > 0 ? config.concurrentCost : null,
    },
  });
  runtime.embedded?.on('restarted', () => app.metrics.neo4jRestarts.inc());
  if (access.openLocalWrites) log.warn('No API keys are configured: anyone on this machine may write (loopback only). Add keys before sharing the server.');
  else log.info(`${keyRing.keys().length} API key(s) in force; reads are ${config.publicReads ? 'public' : 'key-only'}`);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log.info(`${signal} received: draining requests, then stopping`);
    const force = setTimeout(() => process.exit(1), 90_000).unref();
    try {
      await app.http.close();
      keys.stop();
      await runtime.stop();
      log.flush();
    } finally {
      clearTimeout(force);
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.http.listen({ port: config.port, host: config.host });
  // In the background: the server answers meanwhile, only slower until plans are cached.
  warmUp(runtime.db).then(
    (ms) => log.info(`Query plans warmed up in ${ms} ms`),
    (err) => log.warn(`Query plan warm-up failed (requests plan on first use instead): ${(err as Error).message}`),
  );
  log.info(`claimgraph ready at http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}/graphql`);
}

main().catch((err) => {
  console.error(`claimgraph failed to start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
