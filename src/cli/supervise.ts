/**
 * Runs the embedded Neo4j under supervision in this process until SIGINT/SIGTERM, which stop it
 * cleanly: what `claimgraph db start --foreground` and the background daemon both do.
 */
import pino from 'pino';
import type { Config } from '../config.js';
import { EmbeddedNeo4j } from '../embedded/embeddedNeo4j.js';

export async function superviseEmbedded(config: Config): Promise<EmbeddedNeo4j> {
  const log = pino({ level: config.logLevel });
  const db = new EmbeddedNeo4j(config.embedded, { info: (m) => log.info(m), warn: (m) => log.warn(m), error: (m) => log.error(m), debug: (m) => log.debug(m) }, { detached: true });
  const stop = async () => {
    await db.stop();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
  await db.start();
  return db;
}
