/**
 * Liveness never touches the database (a slow Neo4j must not get the process restarted);
 * readiness does, with a short deadline, and says why it is not ready.
 */
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database.js';

const READY_DEADLINE_MS = 3_000;

export function registerHealth(app: FastifyInstance, db: Database): void {
  app.get('/health/live', { logLevel: 'warn' }, async () => ({ status: 'ok' }));

  app.get('/health/ready', { logLevel: 'warn' }, async (_req, reply) => {
    const started = Date.now();
    try {
      await Promise.race([db.ping(), new Promise((_, reject) => setTimeout(() => reject(new Error(`no answer within ${READY_DEADLINE_MS} ms`)), READY_DEADLINE_MS).unref())]);
      return { status: 'ready', database: db.target.uri, latencyMs: Date.now() - started };
    } catch (err) {
      return reply.code(503).send({ status: 'unavailable', reason: `Neo4j at ${db.target.uri} does not answer: ${(err as Error).message.split('\n')[0]}` });
    }
  });
}
