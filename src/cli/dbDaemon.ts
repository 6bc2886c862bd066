/**
 * The background supervisor `claimgraph db start` leaves running: it owns the embedded Neo4j,
 * restarts it if it dies, and stops it cleanly on SIGTERM (`claimgraph db stop`).
 */
import { loadConfig } from '../config.js';
import { superviseEmbedded } from './supervise.js';

superviseEmbedded(loadConfig()).catch((err) => {
  console.error(`The embedded Neo4j failed to start: ${(err as Error).message}`);
  process.exit(1);
});
