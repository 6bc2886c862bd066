/**
 * CORS for browser frontends on other origins: exact origins from CLAIMGRAPH_CORS_ORIGINS (none by
 * default), with a preflight that allows POST with a JSON body and an Authorization header.
 * Apollo's CSRF prevention stays on: a cross-origin GET needs the `apollo-require-preflight`
 * header (which itself forces a preflight), so no simple request can run an operation.
 */
import cors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';
import { BOOKMARK_HEADER } from './bookmarks.js';

export async function registerCors(app: FastifyInstance, origins: string[]): Promise<void> {
  await app.register(cors, {
    origin: origins.length ? origins : false,
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: ['content-type', 'authorization', 'apollo-require-preflight', 'x-apollo-operation-name', 'x-request-id', BOOKMARK_HEADER],
    exposedHeaders: ['x-request-id', 'retry-after', BOOKMARK_HEADER],
    credentials: false,
    maxAge: 600,
    strictPreflight: true,
  });
}
