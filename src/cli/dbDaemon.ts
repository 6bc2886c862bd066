/**
 * The background supervisor `claimgraph db start` leaves running: it owns the embedded Neo4j,
 * restarts it if it dies, and stops it cleanly on SIGTERM (`claimgraph db stop`).
 */
import pino from 'pino';
import { loadConfig } from '../config.js';
import { EmbeddedNeo4j } from '../embedded/embeddedNeo4j.js';

const config = loadConfig();
const log = pino({ level: config.logLevel });
const db = new EmbeddedNeo4j(config.embedded, { info: (m) => log.info(m), warn: (m) => log.warn(m), error: (m) => log.error(m), debug: (m) => log.debug(m) }, { detached: true });
const stop = async () => {
  await db.stop();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
db.start().catch((err) => {
  log.error(`The embedded Neo4j failed to start: ${(err as Error).message}`);
  process.exit(1);
});
