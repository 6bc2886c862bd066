/**
 * Subscriptions at /graphql/stream, over graphql-sse (Server-Sent Events, its "distinct
 * connections" mode: one HTTP stream per subscription, so CORS, keys, X-Forwarded-For and the
 * proxy in front treat it as any request). Each stream is let in as a query is at /graphql:
 * a key that may read, graphql-armor's shape limits, the cost model's price (per event here:
 * charged to the client's rate budget as each event is sent), and caps on streams per client and
 * per server. Streams end when idle, when the client goes, and when the server stops.
 */
import { GraphQLError, parse, specifiedRules, subscribe, validate, type ExecutionResult, type GraphQLSchema, type ValidationRule } from 'graphql';
import { createHandler } from 'graphql-sse/lib/use/fastify';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { clientOf, createContext, type Context } from '../context.js';
import type { Database } from '../db/database.js';
import { isClientError, plainHttpStatus, type ClientError } from '../errors.js';
import type { AccessPolicy } from '../services/access/accessPolicy.js';
import type { EventFeed } from '../services/events/eventFeed.js';
import { coerceVariables, operationOf, requestCost } from './limits/costModel.js';
import type { RateLimiter } from './limits/rateLimiter.js';
import type { Metrics } from './metrics.js';
import type { OperationList } from './operationList.js';
import { notListed } from './listedOnlyPlugin.js';

export const STREAM_PATH = '/graphql/stream';

export interface SubscriptionSettings {
  /** Streams one client (a key, or an address without one) may hold open. */
  perClient: number;
  /** Streams the whole server holds open. */
  total: number;
  /** A stream with no event for this long ends (the client resumes with its last cursor). */
  idleMs: number;
}

export const DEFAULT_SUBSCRIPTIONS: SubscriptionSettings = { perClient: 20, total: 2_000, idleMs: 15 * 60_000 };

export interface SubscriptionOptions {
  schema: GraphQLSchema;
  db: Database;
  access: AccessPolicy;
  feed: EventFeed;
  settings: SubscriptionSettings;
  maxCost: number;
  limiter?: RateLimiter;
  validationRules: ValidationRule[];
  maxTokens: number;
  metrics: Metrics;
  log: Logger;
  baseIri?: string;
  /** Under CLAIMGRAPH_PERSISTED_ONLY: the only documents served (the explorer's own subscription among them). */
  listed?: OperationList;
}

type StreamContext = Context & {
  /** What one event costs this subscriber (the cost model on its document). */
  eventCost: number;
  /** The Authorization header it opened with: checked again before every event (a revoked key ends it). */
  authorization: string | undefined;
  /** Set once its slots are given back. */
  released?: boolean;
};

/**
 * A refusal before the stream opens, as graphql-sse sends it: a coded JSON body, with the status
 * that code answers with outside GraphQL (plainHttpStatus).
 */
function refusal(code: string, message: string, headers: Record<string, string> = {}) {
  return [
    JSON.stringify({ errors: [{ message, extensions: { code } }] }),
    { status: plainHttpStatus(code), statusText: code, headers: { 'content-type': 'application/json; charset=utf-8', ...headers } },
  ] as const;
}

/** A ClientError as the stream's refusal: its code, message and HTTP headers (a missing key's www-authenticate). */
function refusalOf(err: ClientError) {
  const headers = (err.extensions.http as { headers?: Map<string, string> } | undefined)?.headers;
  return refusal(String(err.extensions.code), err.message, headers ? Object.fromEntries(headers) : {});
}

export function registerSubscriptions(http: FastifyInstance, opts: SubscriptionOptions): void {
  const open = new Map<string, number>();
  let total = 0;
  const rules = [...specifiedRules, ...opts.validationRules];

  // graphql-sse wants an index-signature context type; ours is Context plus the event's price.
  const handler = createHandler<Record<PropertyKey, unknown>>({
    schema: opts.schema,
    // Distinct connections only: each subscription is its own request, authorized on its own.
    authenticate: () => null,
    onSubscribe: (req, params) => {
      const raw = req.raw as FastifyRequest;
      let principal;
      try {
        principal = opts.access.reader(raw.headers.authorization);
      } catch (err) {
        if (!isClientError(err)) throw err;
        return refusalOf(err);
      }
      if (typeof params.query !== 'string') return refusal('BAD_REQUEST', 'A subscription is sent as `query` text.');
      let document;
      try {
        document = parse(params.query, { maxTokens: opts.maxTokens });
      } catch (err) {
        return refusal('GRAPHQL_PARSE_FAILED', (err as Error).message);
      }
      const problems = validate(opts.schema, document, rules);
      if (problems.length) return refusal('GRAPHQL_VALIDATION_FAILED', problems[0].message);
      if (opts.listed && !opts.listed.has(document)) return refusalOf(notListed());
      const { operation } = operationOf(document, params.operationName ?? undefined);
      if (!operation) return refusal('BAD_REQUEST', 'No operation of that name (or several without operationName).');
      if (operation.operation !== 'subscription') return refusal('BAD_REQUEST', `Only subscriptions are served at ${STREAM_PATH}; send queries and mutations to /graphql.`);
      const coerced = coerceVariables(opts.schema, operation, params.variables ?? undefined);
      if ('errors' in coerced) return refusal('BAD_USER_INPUT', coerced.errors[0].message);
      const eventCost = requestCost(opts.schema, document, coerced.coerced, params.operationName ?? undefined);
      if (eventCost > opts.maxCost) return refusal('COST_LIMIT_EXCEEDED', `Each event of this subscription would cost ${eventCost} points; the limit is ${opts.maxCost}.`);
      const client = clientOf(principal, raw.ip);
      if ((open.get(client) ?? 0) >= opts.settings.perClient) return refusal('RATE_LIMITED', `This client has ${opts.settings.perClient} subscriptions open, its limit: close one first.`);
      if (total >= opts.settings.total) return refusal('SERVICE_UNAVAILABLE', 'This server holds as many subscriptions as it allows; try another replica or later.', { 'retry-after': '5' });
      open.set(client, (open.get(client) ?? 0) + 1);
      total += 1;
      opts.metrics.subscriptions.inc();
      const base = createContext(opts.db, raw.log as unknown as Logger, opts.access, principal, undefined, opts.baseIri);
      const contextValue: StreamContext = { ...base, client, live: { feed: opts.feed, idleMs: opts.settings.idleMs }, eventCost, authorization: raw.headers.authorization };
      return { schema: opts.schema, document, variableValues: coerced.coerced, operationName: params.operationName, contextValue: contextValue as never };
    },
    subscribe: async (args) => {
      const result = await subscribe(args);
      if (!(Symbol.asyncIterator in result)) return result;
      return charged(result, args.contextValue as unknown as StreamContext, opts);
    },
    onComplete: (raw) => {
      const ctx = raw as unknown as StreamContext;
      if (ctx.released) return;
      ctx.released = true;
      const left = (open.get(ctx.client) ?? 1) - 1;
      if (left > 0) open.set(ctx.client, left);
      else open.delete(ctx.client);
      total -= 1;
      opts.metrics.subscriptions.dec();
    },
  });

  http.route({
    url: STREAM_PATH,
    method: ['GET', 'POST', 'PUT', 'DELETE'],
    handler: async (req, reply) => {
      await handler(req, reply);
    },
  });
}

/** A stream's last message: a coded error, without what only an HTTP answer uses (`http`). */
function lastMessage(err: unknown, log: Logger): ExecutionResult {
  if (isClientError(err)) return { errors: [new GraphQLError(err.message, { extensions: { ...err.extensions, http: undefined } })] };
  log.error({ err }, 'A subscription stream failed');
  return { errors: [new GraphQLError('The event feed could not read the graph; subscribe again with `after` set to the last cursor received.', { extensions: { code: 'SERVICE_UNAVAILABLE' } })] };
}

/**
 * Every event is charged to the client's rate budget at its price, and sent only while the key
 * that opened the stream is still in force; a client out of budget gets RATE_LIMITED as the
 * stream's last message, a revoked key UNAUTHENTICATED (the cursor it had lets it resume). A
 * failure of the stream itself (a subscriber cut for falling behind, a cursor refused, the graph
 * unreadable) also ends it with a coded last message rather than an exception, so graphql-sse
 * completes it (onComplete frees its slots). It has `throw` and `return`, so graphql-sse treats it
 * as a generator and ends it at once when the client goes.
 */
function charged(
  events: AsyncGenerator<ExecutionResult> | AsyncIterableIterator<ExecutionResult>,
  ctx: StreamContext,
  opts: Pick<SubscriptionOptions, 'limiter' | 'metrics' | 'access' | 'log'>,
): AsyncGenerator<ExecutionResult> {
  let cut = false;
  const end = async () => {
    cut = true;
    await events.return?.(undefined);
    return { done: true as const, value: undefined };
  };
  const last = (value: ExecutionResult) => {
    cut = true;
    void events.return?.(undefined);
    return { done: false as const, value };
  };
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    async next() {
      if (cut) return { done: true, value: undefined };
      let next: IteratorResult<ExecutionResult>;
      try {
        next = await events.next();
      } catch (err) {
        return last(lastMessage(err, opts.log));
      }
      if (next.done || cut) return { done: true, value: undefined };
      try {
        opts.access.reader(ctx.authorization);
      } catch (err) {
        return last(lastMessage(err, opts.log));
      }
      const charge = opts.limiter?.charge(ctx.client, ctx.eventCost);
      if (charge && !charge.ok) {
        const message = `Rate limit reached: each event costs ${ctx.eventCost} points; resume in ${charge.retryAfterSeconds} s with the last cursor.`;
        return last({ errors: [new GraphQLError(message, { extensions: { code: 'RATE_LIMITED', retryAfterSeconds: charge.retryAfterSeconds } })] });
      }
      opts.metrics.events.inc();
      return next;
    },
    return: end,
    throw: end,
  };
}
