/**
 * Interchange downloads over plain GET: the W3C PROV-O JSON-LD of a claim's source chain, and the
 * schema.org ClaimReview of a claim. The same access rules as GraphQL reads apply, and failures
 * answer in the GraphQL error shape.
 */
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { createContext } from '../context.js';
import type { Database } from '../db/database.js';
import type { AccessPolicy } from '../services/access/accessPolicy.js';
import { claimReview } from '../services/provenance/claimReview.js';
import { sourceChain } from '../services/provenance/sourceChain.js';
import { sendError } from './httpErrors.js';

export function registerExportRoutes(app: FastifyInstance, db: Database, access: AccessPolicy, baseIri?: string): void {
  app.get<{ Querystring: { claim?: string; maxDepth?: string } }>('/export/prov.jsonld', async (req, reply) => {
    // Client errors thrown here answer through the shared error handler (httpErrors.ts).
    const principal = access.reader(req.headers.authorization);
    if (!req.query.claim) return sendError(reply, 400, 'BAD_USER_INPUT', 'pass the claim id as ?claim=<id>');
    const ctx = createContext(db, req.log as unknown as Logger, access, principal, undefined, baseIri);
    const chain = await sourceChain(db, ctx.entities, req.query.claim, req.query.maxDepth ? Number(req.query.maxDepth) : undefined);
    return reply.type('application/ld+json; charset=utf-8').send(await chain.prov(ctx.baseIri));
  });
  app.get<{ Querystring: { claim?: string } }>('/export/claimreview.jsonld', async (req, reply) => {
    const principal = access.reader(req.headers.authorization);
    if (!req.query.claim) return sendError(reply, 400, 'BAD_USER_INPUT', 'pass the claim id as ?claim=<id>');
    const ctx = createContext(db, req.log as unknown as Logger, access, principal, undefined, baseIri);
    return reply.type('application/ld+json; charset=utf-8').send(await claimReview(db, ctx.entities, req.query.claim, ctx.baseIri));
  });
}
