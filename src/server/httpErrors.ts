/**
 * Errors that never reach Apollo (malformed JSON, a wrong content type, an oversize or slow body,
 * an unknown route) answer in the GraphQL response shape with a stable `extensions.code`, so a
 * client handles every failure the same way. The HTTP status stays meaningful.
 */
import type { IncomingMessage } from 'node:http';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isClientError, plainHttpStatus } from '../errors.js';
import type { Metrics } from './metrics.js';

/** Fastify error code → our code. Anything unlisted with a 4xx status is BAD_REQUEST. */
const CODES: Record<string, string> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_REQUEST',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'BAD_REQUEST',
  FST_ERR_CTP_INVALID_JSON_BODY: 'BAD_REQUEST',
  FST_ERR_REQUEST_TIMEOUT: 'REQUEST_TIMEOUT',
  FST_ERR_BAD_URL: 'BAD_REQUEST',
  FST_ERR_MAX_PARAM_LENGTH: 'URI_TOO_LONG',
};

/** Sends `{ errors: [{ message, extensions: { code } }] }` with the given status. */
export function sendError(reply: FastifyReply, status: number, code: string, message: string, extra: Record<string, unknown> = {}): FastifyReply {
  return reply
    .code(status)
    .type('application/json; charset=utf-8')
    .send({ errors: [{ message, extensions: { code, ...extra } }] });
}

export function registerHttpErrors(app: FastifyInstance, metrics?: Metrics): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    // A route may have set its success headers before failing; an error is never cached.
    reply.removeHeader('cache-control');
    // Our own errors thrown by a route (an API key refused on /metrics, say) keep their code.
    if (isClientError(err)) {
      const code = String(err.extensions.code);
      const http = err.extensions.http as { status?: number } | undefined;
      metrics?.httpErrors.inc({ code });
      return sendError(reply, http?.status ?? plainHttpStatus(code), code, err.message);
    }
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 600 ? err.statusCode : 500;
    if (status >= 500) {
      req.log.error({ err }, 'internal error outside GraphQL');
      return sendError(reply, status, 'INTERNAL_SERVER_ERROR', 'Internal server error');
    }
    const code = CODES[err.code] ?? (status === 429 ? 'RATE_LIMITED' : status === 413 ? 'PAYLOAD_TOO_LARGE' : status === 415 ? 'UNSUPPORTED_MEDIA_TYPE' : 'BAD_REQUEST');
    // Fastify's messages are safe to show (they name the limit or the parse problem), not internals.
    metrics?.httpErrors.inc({ code });
    if (code === 'PAYLOAD_TOO_LARGE' || code === 'REQUEST_TIMEOUT') metrics?.rejections.inc({ kind: code === 'PAYLOAD_TOO_LARGE' ? 'body' : 'timeout' });
    const message = err instanceof SyntaxError || err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ? `The body is not valid JSON: ${err.message}` : err.message;
    return sendError(reply, status, code, message);
  });
  app.setNotFoundHandler((req, reply) => {
    metrics?.httpErrors.inc({ code: 'NOT_FOUND' });
    return sendError(reply, 404, 'NOT_FOUND', `No route ${req.method} ${req.url.split('?')[0].slice(0, 200)}; GraphQL is at /graphql`);
  });
}

/**
 * Fastify's router errors, answered before any hook runs: a path that does not percent-decode
 * (`/%ZZ`: 400) and a path parameter past the router's 100 characters (414). Without this handler
 * Fastify writes its own body, with no GraphQL error shape.
 */
export function frameworkErrorHandler(metrics?: Metrics) {
  return (err: FastifyError, req: FastifyRequest, reply: FastifyReply): void => {
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 400;
    const code = CODES[err.code] ?? 'BAD_REQUEST';
    metrics?.httpErrors.inc({ code });
    reply.header('x-request-id', req.id);
    sendError(reply, status, code, err.message.slice(0, 300));
  };
}

/** A Host of RFC 3986's grammar: a registered name or IPv4 address, or a bracketed IPv6 literal, and an optional port. */
const HOST = /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._~!$&'()*+,;=%-]+)(?::[0-9]{0,5})?$/;

/**
 * Why a request's Host header is unusable, or undefined. RFC 9112 §3.2: a server must answer 400
 * to an HTTP/1.1 request without Host, with more than one, or with an invalid one. HTTP/1.0 may
 * omit it, and is refused without it all the same (it is the request's origin, which CORS, CSRF
 * prevention and logs rely on), except a health probe: load balancers' checks are often HTTP/1.0
 * without Host, and liveness must answer them.
 */
export function hostProblem(req: IncomingMessage): string | undefined {
  const host = req.headers.host;
  if (host === undefined) {
    if (req.httpVersionMajor === 1 && req.httpVersionMinor === 0 && req.url?.startsWith('/health/')) return undefined;
    return 'The request has no Host header.';
  }
  if (!HOST.test(host)) return 'The Host header is not a valid host.';
  // Node keeps the first of several Host headers; the raw list shows them all.
  let hosts = 0;
  const raw = req.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) if (raw[i].length === 4 && raw[i].toLowerCase() === 'host') hosts += 1;
  if (hosts > 1) return 'The request has more than one Host header.';
  return undefined;
}

/**
 * Errors at the connection level, before Fastify has a request: a body that does not arrive in
 * time (408), oversize headers (431), unparsable HTTP (400). Written to the socket in the same
 * GraphQL error shape, then the connection is closed.
 */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: import('node:stream').Duplex): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, message] =
    err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'REQUEST_TIMEOUT', 'The request did not arrive in time and was cut.']
      : err.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'REQUEST_HEADER_FIELDS_TOO_LARGE', 'The request headers are too large.']
        : [400, 'BAD_REQUEST', 'The request is not valid HTTP.'];
  const body = JSON.stringify({ errors: [{ message, extensions: { code } }] });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${status === 408 ? 'Request Timeout' : status === 431 ? 'Request Header Fields Too Large' : 'Bad Request'}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(err);
}
