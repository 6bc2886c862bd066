/**
 * The HTTP server: Fastify with Apollo at /graphql, health endpoints, exports and the offline IDE.
 * Building it needs a connected Database but starts nothing; the caller decides when to listen.
 */
import { randomUUID } from 'node:crypto';
import zlib from 'node:zlib';
import compress from '@fastify/compress';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { createContext, type Context } from '../context.js';
import type { Database } from '../db/database.js';
import type { RequestLimits } from '../db/requestLimits.js';
import { executableSchema } from '../resolvers/schema.js';
import { fastifyTrustProxy, type TrustProxy } from './trustProxy.js';
import { BOOKMARK_HEADER, bookmarkPlugin, bookmarksFrom } from './bookmarks.js';
import { AccessPolicy } from '../services/access/accessPolicy.js';
import { KeyRing, type Principal } from '../services/access/keyRing.js';
import { registerCors } from './cors.js';
import { armor, SHAPE_LIMITS } from './limits/armor.js';
import { Admission } from './limits/admission.js';
import { limitsPlugin } from './limits/limitsPlugin.js';
import { RateLimiter, type RateSettings } from './limits/rateLimiter.js';
import { Metrics } from './metrics.js';
import { registerExplorer } from './explorer.js';
import { registerFormatDocs } from './formatDocs.js';
import { EXPORT_OPERATIONS, registerExportRoutes } from './exportRoutes.js';
import { listedOnlyPlugin } from './listedOnlyPlugin.js';
import { OperationList } from './operationList.js';
import { makeFormatError } from './formatError.js';
import { graphiqlPage, registerGraphiqlAssets, wantsIde } from './graphiql.js';
import { clientGone } from './clientGone.js';
import { registerHealth } from './health.js';
import { apolloHandler } from './apolloHandler.js';
import { clientErrorHandler, frameworkErrorHandler, hostProblem, registerHttpErrors, sendError } from './httpErrors.js';
import { knownOperationTypes } from './operationTypes.js';
import { DEFAULT_SUBSCRIPTIONS, registerSubscriptions, type SubscriptionSettings } from './subscriptions.js';
import { EventFeed } from '../services/events/eventFeed.js';
import { NO_WEBHOOK_HOSTS } from '../services/watches/hostPolicy.js';
import { WebhookDispatcher, type DispatcherOptions } from '../services/watches/webhookDispatcher.js';
import type { ValidationRule } from 'graphql';

/** Ingest documents are the largest bodies; 16 MiB holds 20,000 claims with room. */
export const BODY_LIMIT = 16 * 1024 * 1024;
/** A request (headers and body) must arrive within this; a slowly sent body is cut. */
export const REQUEST_TIMEOUT_MS = 30_000;
/** Answers at least this large are compressed (br, gzip or deflate, as the client accepts). */
export const COMPRESS_THRESHOLD = 8 * 1024;
/** Idle keep-alive connections are closed after this. */
export const KEEP_ALIVE_TIMEOUT_MS = 5_000;

/** The server's limits: what each request may use of the database (RequestLimits), and what it may cost. */
export interface LimitSettings extends RequestLimits {
  /** The most one request may cost (see limits/costModel.ts). */
  maxCost: number;
  /** Per-client cost budget; null = no rate limiting. */
  rate: RateSettings | null;
  /** Estimated cost points running at once, server-wide; null = no admission control. */
  concurrentCost: number | null;
}

/** Requests estimated at most this start at once, whatever else runs (claim by id, a page of 20). */
export const CHEAP_COST = 50;

export const DEFAULT_LIMITS: LimitSettings = { maxCost: 2_500, rate: null, maxConcurrentQueries: 4, timeoutMs: 30_000, concurrentCost: 2_000 };

export interface App {
  http: FastifyInstance;
  /** This replica's follower of the graph's ingestions (subscriptions, watches). */
  events: EventFeed;
  apollo: ApolloServer<Context>;
  access: AccessPolicy;
  metrics: Metrics;
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
  limits?: Partial<LimitSettings>;
  /** How long a request (headers and body) may take to arrive; REQUEST_TIMEOUT_MS by default. */
  requestTimeoutMs?: number;
  /** A pino logger for Fastify (asynchronous, pretty in a terminal); by default one at logLevel. */
  logger?: Logger;
  /** Where exported node IRIs live (CLAIMGRAPH_BASE_IRI); DEFAULT_BASE_IRI by default. */
  baseIri?: string;
  /** Run only the listed operations, the explorer's and the exports' (CLAIMGRAPH_PERSISTED_ONLY). */
  persistedOnly?: boolean;
  /** Proxies whose X-Forwarded-For names the client (CLAIMGRAPH_TRUST_PROXY); none by default. */
  trustProxy?: TrustProxy;
  /** Caps and idle time of /graphql/stream's subscriptions. */
  subscriptions?: Partial<SubscriptionSettings>;
  /** How often the event feed reads new ingestions (POLL_MS by default). */
  eventPollMs?: number;
  /** Where watches may deliver, and whether this process sends deliveries (the server does; tests opt in). */
  webhooks?: WebhookSettings;
}

export interface WebhookSettings extends DispatcherOptions {
  /** Run a dispatcher here: follow the graph for the watches' events and send their deliveries. */
  dispatch?: boolean;
}

/** Keyless local use: what tests and scripts get unless they pass a policy. */
export function localAccess(): AccessPolicy {
  return new AccessPolicy(new KeyRing([]), { publicReads: true, openLocalWrites: true });
}

export async function createApp(opts: AppOptions): Promise<App> {
  const access = opts.access ?? localAccess();
  const limits: LimitSettings = { ...DEFAULT_LIMITS, ...opts.limits };
  const operations = OperationList.load(EXPORT_OPERATIONS);
  const metrics = new Metrics(opts.db, operations.names);
  const http = Fastify({
    ...((opts.logger ? { loggerInstance: opts.logger as unknown as FastifyBaseLogger } : { logger: { level: opts.logLevel ?? 'info' } }) as { logger?: object }),
    requestTimeout: opts.requestTimeoutMs ?? REQUEST_TIMEOUT_MS,
    // req.ip (a keyless caller's rate budget, the logs) from X-Forwarded-For only through these.
    trustProxy: fastifyTrustProxy(opts.trustProxy ?? null),
    // Node checks request timeouts this often (30 s by default, which would double the budget).
    // Node answers an HTTP/1.1 request without Host with a bare 400 of its own; the onRequest hook
    // below refuses it instead, with a code, as it does every missing or invalid Host.
    http: {
      connectionsCheckingInterval: Math.min(1_000, opts.requestTimeoutMs ?? REQUEST_TIMEOUT_MS),
      headersTimeout: Math.min(15_000, opts.requestTimeoutMs ?? REQUEST_TIMEOUT_MS),
      requireHostHeader: false,
    } as never,
    clientErrorHandler,
    // A path the router cannot decode (`/%ZZ`) or a parameter past its length: coded too.
    frameworkErrors: frameworkErrorHandler(metrics),
    keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
    genReqId: (req) => (typeof req.headers['x-request-id'] === 'string' && req.headers['x-request-id'].length <= 128 ? req.headers['x-request-id'] : randomUUID()),
    bodyLimit: BODY_LIMIT,
  });
  // Set on arrival, so every reply carries it, errors included; a callback hook, not an async
  // one, since it runs for every request.
  http.addHook('onRequest', (req, reply, done) => {
    reply.header('x-request-id', req.id);
    const problem = hostProblem(req.raw);
    if (problem) {
      metrics.httpErrors.inc({ code: 'BAD_REQUEST' });
      sendError(reply, 400, 'BAD_REQUEST', problem);
      return;
    }
    done();
  });
  registerHttpErrors(http, metrics);
  await registerCors(http, opts.corsOrigins ?? []);
  // Large answers (graph views, cross-references, exports) compressed when the client accepts it;
  // small ones are sent as they are, where compressing costs more than it saves.
  await http.register(compress, { global: true, threshold: COMPRESS_THRESHOLD, encodings: ['br', 'gzip', 'deflate'], brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } } });
  const log = http.log as unknown as Logger;

  const shape = armor(metrics);
  const limiter = limits.rate ? new RateLimiter(limits.rate) : undefined;
  const schema = executableSchema();
  const apollo = new ApolloServer<Context>({
    schema,
    plugins: [
      fastifyApolloDrainPlugin(http),
      ApolloServerPluginLandingPageDisabled(),
      // Apollo installs cache control unless told not to; it wraps every field resolver in plugin
      // hooks (a page of 20 claims: hundreds of calls) to gather hints this schema never gives.
      ApolloServerPluginCacheControlDisabled(),
      ...(opts.persistedOnly ? [listedOnlyPlugin(operations)] : []),
      bookmarkPlugin(),
      ...(shape.plugins as never[]),
      limitsPlugin({
        maxCost: limits.maxCost,
        limiter,
        admission: limits.concurrentCost ? new Admission(Math.max(limits.concurrentCost, limits.maxCost), CHEAP_COST) : undefined,
        timeoutMs: limits.timeoutMs,
        metrics,
      }),
    ],
    // A subscription is refused here (400 GRAPHQL_VALIDATION_FAILED): it is served at /graphql/stream.
    validationRules: [...shape.validationRules, knownOperationTypes],
    // graphql-js stops parsing past this many tokens: a 400 GRAPHQL_PARSE_FAILED, in linear time.
    parseOptions: { maxTokens: SHAPE_LIMITS.tokens },
    allowBatchedHttpRequests: false,
    formatError: makeFormatError(log),
    includeStacktraceInErrorResponses: false,
    // On whatever NODE_ENV says (Apollo turns it off in production): clients and tools build on
    // the schema, and the shape limits bound an introspection query like any other.
    introspection: true,
  });
  await apollo.start();

  // One context for every door into the schema (/graphql and the exports): the caller, its
  // budget's client, the request's deadline and its hang-up.
  const contextFor = async (req: FastifyRequest, reply: FastifyReply): Promise<Context> => {
    const principal = access.reader(req.headers.authorization);
    // A client that hangs up stops its request's work: no further queries start for it.
    const gone = clientGone(reply.raw);
    const bookmarks = bookmarksFrom(req.headers[BOOKMARK_HEADER]);
    return { ...createContext(opts.db, req.log as unknown as Logger, access, principal, { limits, signal: gone, address: req.ip, bookmarks }, opts.baseIri), webhookHosts };
  };
  const graphql = apolloHandler(apollo, contextFor);
  http.route({
    url: '/graphql',
    method: ['GET', 'POST'],
    handler: async function (req, reply) {
      if (req.method === 'GET' && wantsIde(req.headers.accept, req.query as Record<string, unknown>)) {
        return reply.type('text/html; charset=utf-8').send(graphiqlPage());
      }
      return graphql(req, reply);
    },
  });
  registerExportRoutes(http, apollo, contextFor);
  // Its own follower of the graph: an ingest through any replica reaches this one's subscribers.
  const events = new EventFeed(opts.db, log, opts.eventPollMs);
  // Before the server drains its connections: open streams end, or closing would wait on them.
  const webhookHosts = opts.webhooks?.hosts ?? NO_WEBHOOK_HOSTS;
  const dispatcher = opts.webhooks?.dispatch ? new WebhookDispatcher(opts.db, events, log, { ...opts.webhooks, hosts: webhookHosts }) : undefined;
  dispatcher?.start();
  http.addHook('preClose', async () => {
    events.stop();
    // A tick under way settles its leases before the driver closes.
    await dispatcher?.stop();
  });
  registerSubscriptions(http, {
    schema,
    db: opts.db,
    access,
    feed: events,
    settings: { ...DEFAULT_SUBSCRIPTIONS, ...opts.subscriptions },
    maxCost: limits.maxCost,
    limiter,
    validationRules: shape.validationRules as ValidationRule[],
    maxTokens: SHAPE_LIMITS.tokens,
    metrics,
    log,
    baseIri: opts.baseIri,
    listed: opts.persistedOnly ? operations : undefined,
  });
  registerGraphiqlAssets(http);
  registerExplorer(http);
  registerFormatDocs(http);
  registerHealth(http, opts.db);
  http.get('/metrics', { logLevel: 'warn' }, async (req, reply) => {
    access.reader(req.headers.authorization);
    return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });

  return {
    http,
    events,
    apollo,
    access,
    metrics,
    context: (principal = access.authenticate(undefined)) => ({ ...createContext(opts.db, log, access, principal, { limits }, opts.baseIri), webhookHosts }),
  };
}
