/**
 * The HTTP server: Fastify with Apollo at /graphql, health endpoints and the offline IDE.
 * Building it needs a connected Database but starts nothing; the caller decides when to listen.
 */
import { randomUUID } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { fastifyApolloDrainPlugin, fastifyApolloHandler } from '@as-integrations/fastify';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { createContext, type Context } from '../context.js';
import type { Database } from '../db/database.js';
import { resolvers } from '../resolvers/index.js';
import { isClientError } from '../errors.js';
import { sourceChain } from '../services/provenance/sourceChain.js';
import { loadTypeDefs } from '../schema.js';
import { depthLimit } from './depthLimit.js';
import { makeFormatError } from './formatError.js';
import { graphiqlPage, registerGraphiqlAssets, wantsIde } from './graphiql.js';
import { registerHealth } from './health.js';

export const MAX_QUERY_DEPTH = 12;

export interface App {
  http: FastifyInstance;
  apollo: ApolloServer<Context>;
  /** A fresh per-request context, for server.executeOperation in tests and scripts. */
  context(): Context;
}

export async function createApp(opts: { db: Database; logLevel?: string }): Promise<App> {
  const http = Fastify({
    logger: { level: opts.logLevel ?? 'info' },
    genReqId: (req) => (typeof req.headers['x-request-id'] === 'string' && req.headers['x-request-id'].length <= 128 ? req.headers['x-request-id'] : randomUUID()),
    bodyLimit: 16 * 1024 * 1024,
  });
  http.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  const log = http.log as unknown as Logger;

  const apollo = new ApolloServer<Context>({
    typeDefs: loadTypeDefs(),
    resolvers: resolvers as never,
    plugins: [fastifyApolloDrainPlugin(http), ApolloServerPluginLandingPageDisabled()],
    validationRules: [depthLimit(MAX_QUERY_DEPTH)],
    formatError: makeFormatError(log),
    includeStacktraceInErrorResponses: false,
  });
  await apollo.start();

  const graphql = fastifyApolloHandler(apollo, {
    context: async (req) => createContext(opts.db, req.log as unknown as Logger),
  });
  http.route({
    url: '/graphql',
    method: ['GET', 'POST', 'OPTIONS'],
    handler: async function (req, reply) {
      if (req.method === 'GET' && wantsIde(req.headers.accept, req.query as Record<string, unknown>)) {
        return reply.type('text/html; charset=utf-8').send(graphiqlPage());
      }
      return graphql.call(this, req as never, reply as never);
    },
  });
  http.get<{ Querystring: { claim?: string; maxDepth?: string } }>('/export/prov.jsonld', async (req, reply) => {
    if (!req.query.claim) return reply.code(400).send({ error: 'pass the claim id as ?claim=<id>' });
    try {
      const chain = await sourceChain(opts.db, createContext(opts.db, req.log as unknown as Logger).entities, req.query.claim, req.query.maxDepth ? Number(req.query.maxDepth) : undefined);
      return reply.type('application/ld+json; charset=utf-8').send(chain.prov);
    } catch (err) {
      const code = isClientError(err) ? String(err.extensions.code) : '';
      if (code === 'NOT_FOUND') return reply.code(404).send({ error: (err as Error).message });
      if (code === 'BAD_USER_INPUT') return reply.code(400).send({ error: (err as Error).message });
      if (code === 'SERVICE_UNAVAILABLE') return reply.code(503).send({ error: (err as Error).message });
      throw err;
    }
  });
  registerGraphiqlAssets(http);
  registerHealth(http, opts.db);

  return { http, apollo, context: () => createContext(opts.db, log) };
}
