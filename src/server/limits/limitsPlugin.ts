/**
 * Cost accounting for every GraphQL request, once its operation is known and before anything
 * runs: the estimate (costModel.ts) must fit the per-request maximum and the client's rate budget
 * (rateLimiter.ts), else the request is refused with COST_LIMIT_EXCEEDED (400) or RATE_LIMITED
 * (429, with Retry-After). Every response reports `extensions.cost` the way public GraphQL APIs
 * do: requested and actual points and the client's throttle status. Metrics are recorded here too.
 */
import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import { getArgumentValues, GraphQLError, Kind, type OperationDefinitionNode } from 'graphql';

import type { Context } from '../../context.js';
import type { Metrics } from '../metrics.js';
import { CostCache } from './costCache.js';
import { actualCost } from './actualCost.js';
import { coerceVariables, ROOT_WEIGHTS, type Args } from './costModel.js';
import type { Admission } from './admission.js';
import type { RateLimiter } from './rateLimiter.js';

export interface LimitsOptions {
  /** The most one request may cost. */
  maxCost: number;
  /** Per-client budget; none = no rate limiting (tests, scripts). */
  limiter?: RateLimiter;
  /** Server-wide cost admission; none = every request starts at once. */
  admission?: Admission;
  /** A request's time budget (how long it may wait for admission). */
  timeoutMs: number;
  metrics: Metrics;
}

interface Accounting {
  requested: number;
  /** The variables as graphql-js coerces them (defaults applied): what both walks price. */
  variables: Args;
  client: string;
  charged: boolean;
  remaining?: number;
  rootArgs: Map<string, { name: string; args: Args }>;
}

/**
 * The root fields whose answers the accounting reads (those with a fixed weight in ROOT_WEIGHTS,
 * ingest among them) by response key, with their arguments coerced; the others are priced by the
 * objects they return.
 */
function rootFields(rc: GraphQLRequestContext<Context>, variables: Args): Map<string, { name: string; args: Args }> {
  const out = new Map<string, { name: string; args: Args }>();
  const op = rc.operation as OperationDefinitionNode | undefined;
  const rootType = op?.operation === 'mutation' ? rc.schema.getMutationType() : rc.schema.getQueryType();
  if (!op || !rootType) return out;
  for (const sel of op.selectionSet.selections) {
    if (sel.kind !== Kind.FIELD || !Object.hasOwn(ROOT_WEIGHTS, sel.name.value)) continue;
    const def = rootType.getFields()[sel.name.value];
    if (!def) continue;
    try {
      out.set(sel.alias?.value ?? sel.name.value, { name: sel.name.value, args: getArgumentValues(def, sel, variables) });
    } catch {
      // invalid arguments fail in execution with their own error
    }
  }
  return out;
}

/** Outcomes of a request stopped before its answer was whole: it used at least what it was priced at. */
const STOPPED = new Set(['QUERY_TIMEOUT', 'CLIENT_CLOSED_REQUEST']);

/**
 * What a request is charged: nothing if it was refused before running; what its answer holds
 * (the same walk as the estimate, each list at its real length) plus the work its services
 * reported (a cross-reference's comparisons); and never less than its estimate when the deadline
 * or the client stopped it, so a client looping requests that time out is throttled like one
 * whose requests finish.
 */
function chargedCost(rc: GraphQLRequestContext<Context>, accounting: Accounting, data: unknown, outcome: string): number {
  if (outcome === 'COST_LIMIT_EXCEEDED' || outcome === 'RATE_LIMITED' || (outcome === 'BAD_USER_INPUT' && !data)) return 0;
  const used = actualCost(rc.schema, rc.document!, accounting.variables, rc.operationName ?? undefined, data) + (rc.contextValue?.work?.points ?? 0);
  const stopped = STOPPED.has(outcome) || rc.contextValue?.work?.stopped === true;
  return Math.ceil(stopped ? Math.max(used, accounting.requested) : used);
}

const limitError = (code: string, message: string, extensions: Record<string, unknown>) => new GraphQLError(message, { extensions: { code, ...extensions } });

export function limitsPlugin(opts: LimitsOptions): ApolloServerPlugin<Context> {
  const { maxCost, limiter, admission, metrics } = opts;
  // Estimates kept per document and the variables they read (costCache.ts); one schema per server.
  let costs: CostCache | undefined;
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      const startedAt = Date.now();
      let accounting: Accounting | undefined;
      let release: (() => void) | undefined;
      return {
        async didResolveOperation(rc) {
          const op = rc.operation as OperationDefinitionNode | undefined;
          // No operation to run (several without an operationName): execution refuses it, coded.
          if (!op) return;
          // Priced with the variables execution will see: an unsent variable takes its default, and
          // a value graphql-js refuses (an Int of 1e309) is refused here, before anything is priced.
          const coercion = coerceVariables(rc.schema, op, rc.request.variables);
          if ('errors' in coercion) {
            throw new GraphQLError(coercion.errors.map((e) => e.message).join(' '), { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
          }
          const variables = coercion.coerced;
          let requested: number;
          try {
            if (costs?.schema !== rc.schema) costs = new CostCache(rc.schema);
            requested = costs.estimate(rc.document, variables, rc.operationName ?? undefined);
          } catch (err) {
            metrics.rejections.inc({ kind: 'cost' });
            throw limitError('COST_LIMIT_EXCEEDED', `The operation is too large to estimate: ${(err as Error).message}`, { http: { status: 400 } });
          }
          if (!Number.isFinite(requested)) requested = Number.MAX_SAFE_INTEGER;
          const client = rc.contextValue.client;
          accounting = { requested, variables, client, charged: false, rootArgs: rootFields(rc, variables) };
          metrics.cost.observe(requested);
          if (requested > maxCost) {
            metrics.rejections.inc({ kind: 'cost' });
            throw limitError('COST_LIMIT_EXCEEDED', `The operation costs ${requested} points; one request may cost at most ${maxCost}. Ask for smaller pages (first, limit) or fewer fields.`, {
              cost: { requestedQueryCost: requested, maximumQueryCost: maxCost },
              http: { status: 400 },
            });
          }
          if (limiter) {
            const charge = limiter.charge(client, requested);
            accounting.remaining = charge.remaining;
            if (!charge.ok) {
              metrics.rejections.inc({ kind: 'rate' });
              const headers = new Map([['retry-after', String(charge.retryAfterSeconds)]]);
              throw limitError(
                'RATE_LIMITED',
                `Rate limit: this request costs ${requested} points and ${charge.remaining} are left; ${limiter.settings.refillPerSecond} points come back each second. Retry after ${charge.retryAfterSeconds} s.`,
                {
                  retryAfterSeconds: charge.retryAfterSeconds,
                  http: { status: 429, headers },
                },
              );
            }
            accounting.charged = true;
          }
          if (admission) {
            try {
              release = await admission.admit(requested, startedAt + opts.timeoutMs);
            } catch (err) {
              metrics.rejections.inc({ kind: 'busy' });
              throw err;
            }
          }
        },
        async willSendResponse(rc) {
          release?.();
          const body = rc.response.body;
          const result = body.kind === 'single' ? body.singleResult : undefined;
          const errors = result?.errors ?? rc.errors;
          const outcome = errors?.length ? String(errors[0].extensions?.code ?? 'INTERNAL_SERVER_ERROR') : 'ok';
          const operation = metrics.operationLabel(rc.operationName, !!rc.operation);
          metrics.requests.inc({ operation, outcome });
          metrics.latency.observe({ operation }, Number(process.hrtime.bigint() - started) / 1e9);
          if (rc.contextValue?.roundTrips !== undefined) metrics.roundTrips.observe(rc.contextValue.roundTrips.count);
          if (!result || !accounting) return;
          for (const [key, field] of accounting.rootArgs) {
            const data = result.data as Record<string, unknown> | null | undefined;
            if (field.name !== 'ingest' || !data?.[key]) continue;
            metrics.ingestedDocuments.inc();
            metrics.ingestedClaims.inc(Array.isArray(field.args.document?.claims) ? field.args.document.claims.length : 0);
          }
          const actual = chargedCost(rc, accounting, result.data, outcome);
          let remaining = accounting.remaining;
          if (limiter && accounting.charged) remaining = limiter.refund(accounting.client, accounting.requested - actual);
          result.extensions = {
            ...result.extensions,
            cost: {
              requestedQueryCost: accounting.requested,
              actualQueryCost: actual,
              maximumQueryCost: maxCost,
              ...(limiter
                ? { throttleStatus: { maximumAvailable: limiter.settings.capacity, currentlyAvailable: remaining ?? limiter.settings.capacity, restoreRate: limiter.settings.refillPerSecond } }
                : {}),
            },
          };
        },
      };
    },
  };
}
