/**
 * The HTTP server: Fastify with Apollo at /graphql, health endpoints, exports and the offline IDE.
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
import { AccessPolicy } from '../services/access/accessPolicy.js';
import { KeyRing, type Principal } from '../services/access/keyRing.js';
import { loadTypeDefs } from '../schema.js';
import { registerCors } from './cors.js';
import { depthLimit } from './depthLimit.js';
import { registerExportRoutes } from './exportRoutes.js';
import { makeFormatError } from './formatError.js';
import { graphiqlPage, registerGraphiqlAssets, wantsIde } from './graphiql.js';
import { registerHealth } from './health.js';
import { registerHttpErrors } from './httpErrors.js';
import { unauthenticated } from '../errors.js';

export const MAX_QUERY_DEPTH = 12;
/** Ingest documents are the largest bodies; 16 MiB holds 20,000 claims with room. */
export const BODY_LIMIT = 16 * 1024 * 1024;

export interface App {
  http: FastifyInstance;
  apollo: ApolloServer<Context>;
  access: AccessPolicy;
  /** A fresh per-request context, for server.executeOperation in tests and scripts. */
  context(principal?: Principal): Context;
}

export interface AppOptions {
  db: Database;
  logLevel?: string;
  /** Who may do what; by default keyless local use (public reads, open writes). */
  access?: AccessPolicy;
  /** Browser origins allowed by CORS. */
  corsOrigins?: string[];
}

/** Keyless local use: what tests and scripts get unless they pass a policy. */
export function localAccess(): AccessPolicy {
  return new AccessPolicy(new KeyRing([]), { publicReads: true, openLocalWrites: true });
}

export async function createApp(opts: AppOptions): Promise<App> {
  const access = opts.access ?? localAccess();
  const http = Fastify({
    logger: { level: opts.logLevel ?? 'info' },
    genReqId: (req) => (typeof req.headers['x-request-id'] === 'string' && req.headers['x-request-id'].length <= 128 ? req.headers['x-request-id'] : randomUUID()),
    bodyLimit: BODY_LIMIT,
  });
  http.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  registerHttpErrors(http);
  await registerCors(http, opts.corsOrigins ?? []);
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
    context: async (req) => {
      const principal = access.authenticate(req.headers.authorization);
      if (principal.role === null) throw unauthenticated('Reads need an API key on this server (CLAIMGRAPH_PUBLIC_READS=false): send "Authorization: Bearer <key>".');
      return createContext(opts.db, req.log as unknown as Logger, access, principal);
    },
  });
  http.route({
    url: '/graphql',
    method: ['GET', 'POST'],
    handler: async function (req, reply) {
      if (req.method === 'GET' && wantsIde(req.headers.accept, req.query as Record<string, unknown>)) {
        return reply.type('text/html; charset=utf-8').send(graphiqlPage());
      }
      return graphql.call(this, req as never, reply as never);
    },
  });
  registerExportRoutes(http, opts.db, access);
  registerGraphiqlAssets(http);
  registerHealth(http, opts.db);

  return {
    http,
    apollo,
    access,
    context: (principal = access.authenticate(undefined)) => createContext(opts.db, log, access, principal),
  };
}
