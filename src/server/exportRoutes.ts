/**
 * Interchange downloads over plain GET: the W3C PROV-O JSON-LD of a claim's source chain, and the
 * schema.org ClaimReview of a claim. Each is one GraphQL operation run through Apollo with the
 * request's own context: the same door as /graphql, so the access rules, the cost model, the
 * client's rate budget, cost admission, the deadline and a client's hang-up all apply, and a
 * refusal answers with the same code (and status, Retry-After) as the GraphQL request would.
 */
import type { ApolloServer } from '@apollo/server';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyInstance } from 'fastify';
import type { Context } from '../context.js';
import { plainHttpStatus } from '../errors.js';
import { sendError } from './httpErrors.js';
import type { Args } from './limits/costModel.js';

const PROV = 'query ExportProv($claim: ID!, $maxDepth: Int) { sourceChain(claimId: $claim, maxDepth: $maxDepth) { prov } }';
const CLAIM_REVIEW = 'query ExportClaimReview($claim: ID!) { claimReview(claimId: $claim) }';
/** The operations the export routes run: listed with the explorer's (operationList.ts). */
export const EXPORT_OPERATIONS = [PROV, CLAIM_REVIEW] as const;

type ContextFor = (req: FastifyRequest, reply: FastifyReply) => Promise<Context>;

/** Runs an export's operation; sends its JSON-LD, or its first error in the GraphQL error shape. */
async function runExport(apollo: ApolloServer<Context>, contextValue: Context, reply: FastifyReply, query: string, variables: Record<string, unknown>, pick: (data: Args) => unknown) {
  const res = await apollo.executeOperation({ query, variables }, { contextValue });
  const body = res.body.kind === 'single' ? res.body.singleResult : undefined;
  for (const [name, value] of res.http.headers) if (name === 'retry-after') reply.header(name, value);
  const error = body?.errors?.[0];
  const value = body?.data ? pick(body.data as Args) : undefined;
  if (error || value == null) {
    const code = String(error?.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
    const status = res.http.status && res.http.status >= 400 ? res.http.status : plainHttpStatus(code);
    const { code: _code, ...extra } = (error?.extensions ?? {}) as Record<string, unknown>;
    return sendError(reply, status, code, error?.message ?? 'The export failed', { ...extra, ...(body?.extensions?.cost ? { cost: body.extensions.cost } : {}) });
  }
  return reply.type('application/ld+json; charset=utf-8').send(value);
}

/** `?maxDepth=` as an Int, or the text itself (GraphQL then refuses it with BAD_USER_INPUT). */
const intOrText = (s: string | undefined) => (s === undefined ? undefined : /^-?\d{1,9}$/.test(s) ? Number(s) : s);

export function registerExportRoutes(app: FastifyInstance, apollo: ApolloServer<Context>, contextFor: ContextFor): void {
  app.get<{ Querystring: { claim?: string; maxDepth?: string } }>('/export/prov.jsonld', async (req, reply) => {
    if (typeof req.query.claim !== 'string' || !req.query.claim) return sendError(reply, 400, 'BAD_USER_INPUT', 'pass the claim id as ?claim=<id>');
    const variables = { claim: req.query.claim, maxDepth: intOrText(typeof req.query.maxDepth === 'string' ? req.query.maxDepth : undefined) };
    return runExport(apollo, await contextFor(req, reply), reply, PROV, variables, (d) => d.sourceChain?.prov);
  });
  app.get<{ Querystring: { claim?: string } }>('/export/claimreview.jsonld', async (req, reply) => {
    if (typeof req.query.claim !== 'string' || !req.query.claim) return sendError(reply, 400, 'BAD_USER_INPUT', 'pass the claim id as ?claim=<id>');
    return runExport(apollo, await contextFor(req, reply), reply, CLAIM_REVIEW, { claim: req.query.claim }, (d) => d.claimReview);
  });
}
