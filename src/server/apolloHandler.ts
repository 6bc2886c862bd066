/**
 * The Fastify route handler that hands a request to Apollo, in place of @as-integrations/fastify's
 * fastifyApolloHandler (whose drain plugin app.ts still uses). That one builds the query string
 * with `new URL(request.url, `${protocol}://${hostname}/`)`, which throws on a request without a
 * Host (HTTP/1.0 may omit it) or with one the URL parser refuses (`Host: a b`): an HTTP 500 from a
 * client's header. Here the query string is cut from the request line itself, so no header can
 * fail it.
 *
 * It also refuses an automatic persisted query whose `sha256Hash` is not a string, before Apollo:
 * Apollo concatenates the hash into its cache key, and an object such as `{"toString": 1}` makes
 * that concatenation throw (a 500).
 */
import { Readable } from 'node:stream';
import { HeaderMap, type ApolloServer, type BaseContext, type HTTPGraphQLRequest } from '@apollo/server';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendError } from './httpErrors.js';

/** `?a=b` of `/graphql?a=b#c`: what WHATWG URL's `search` gives, without parsing a URL. */
export function searchOf(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return '';
  const hash = url.indexOf('#', q);
  const search = hash < 0 ? url.slice(q) : url.slice(q, hash);
  return search === '?' ? '' : search;
}

/** Why `extensions.persistedQuery` cannot be looked up, or undefined when it can (or is absent). */
export function persistedQueryProblem(extensions: unknown): string | undefined {
  if (!extensions || typeof extensions !== 'object') return undefined;
  const pq = (extensions as Record<string, unknown>).persistedQuery;
  // Absent, or a value Apollo itself refuses with a code (a wrong version, say).
  if (!pq || typeof pq !== 'object' || Array.isArray(pq)) return undefined;
  const hash = (pq as Record<string, unknown>).sha256Hash;
  if (hash !== undefined && typeof hash !== 'string') return '`extensions.persistedQuery.sha256Hash` must be a string (the hex SHA-256 of the query).';
  return undefined;
}

/** The `extensions` a GET carries in its query string, parsed, or undefined (Apollo refuses bad ones). */
function searchExtensions(search: string): unknown {
  if (!search.includes('extensions')) return undefined;
  const raw = new URLSearchParams(search).get('extensions');
  if (raw === null) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

export function apolloHandler<C extends BaseContext>(apollo: ApolloServer<C>, context: (req: FastifyRequest, reply: FastifyReply) => Promise<C>) {
  apollo.assertStarted('apolloHandler()');
  return async (req: FastifyRequest, reply: FastifyReply): Promise<unknown> => {
    const method = req.method.toUpperCase();
    const search = searchOf(req.url);
    const body = req.body as Record<string, unknown> | undefined;
    const problem = persistedQueryProblem(method === 'POST' ? (body && typeof body === 'object' ? body.extensions : undefined) : searchExtensions(search));
    if (problem) return sendError(reply, 400, 'BAD_REQUEST', problem);

    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const httpGraphQLRequest: HTTPGraphQLRequest = { method, headers, search, body: req.body };
    const response = await apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest, context: () => context(req, reply) });
    for (const [key, value] of response.headers) void reply.header(key, value);
    void reply.code(response.status ?? 200);
    if (response.body.kind === 'complete') return response.body.string;
    return reply.send(Readable.from(response.body.asyncIterator));
  };
}
