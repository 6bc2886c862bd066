/**
 * The ingest format at hand: the explorer's ingest dialog and the review page link to the JSON
 * Schema and to the example documents, so the server serves them itself (a newcomer has the
 * running service, not necessarily the repository). Read once at start and served from memory;
 * only the files listed at start can be asked for, so no path a client sends reaches the disk.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { INGEST_SCHEMA_PATH } from '../services/ingest/documentSchema.js';
import { sendError } from './httpErrors.js';

const EXAMPLES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../data/examples');

export function registerFormatDocs(app: FastifyInstance): void {
  const schema = fs.readFileSync(INGEST_SCHEMA_PATH);
  const examples = new Map(
    fs
      .readdirSync(EXAMPLES_DIR)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => [f, fs.readFileSync(path.join(EXAMPLES_DIR, f))] as const),
  );
  const cache = 'public, max-age=300';
  app.get('/schema/ingest.schema.json', { logLevel: 'warn' }, async (_req, reply) => reply.header('cache-control', cache).type('application/schema+json; charset=utf-8').send(schema));
  app.get('/examples/', { logLevel: 'warn' }, async (_req, reply) =>
    reply.header('cache-control', cache).send({ examples: [...examples.keys()].map((name) => ({ name, href: `/examples/${name}` })) }),
  );
  app.get<{ Params: { name: string } }>('/examples/:name', { logLevel: 'warn' }, async (req, reply) => {
    const body = examples.get(req.params.name);
    if (!body) return sendError(reply, 404, 'NOT_FOUND', `No example "${req.params.name.slice(0, 80)}"; GET /examples/ lists them`);
    return reply.header('cache-control', cache).type('application/json; charset=utf-8').send(body);
  });
}
