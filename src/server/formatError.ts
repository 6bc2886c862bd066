/**
 * Client-facing errors keep their message and code; anything else (a bug, a driver error we did
 * not anticipate) is logged in full and reaches the client only as "Internal server error".
 */
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Logger } from 'pino';
import { ERROR_CODES, isClientError } from '../errors.js';

/** Apollo's own codes for bad requests, and ours (errors.ts). */
const PUBLIC_CODES = new Set<string>([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  ...ERROR_CODES,
]);

/**
 * A request Apollo's pipeline refused before running it, with an HTTP 4xx but no code of its own:
 * an automatic persisted query whose `sha256Hash` does not match its query ("provided sha does
 * not match query") or whose version is not 1 ("Unsupported persisted query version"). Apollo
 * gives those a plain GraphQLError with only `extensions.http`, which it then codes
 * INTERNAL_SERVER_ERROR; they are the client's mistake, so they are BAD_REQUEST (Apollo's code for
 * a malformed request) with Apollo's message. Errors from resolvers and plugins always carry a
 * code, so none of ours looks like this.
 */
function uncodedRequestError(error: unknown): boolean {
  if (!(error instanceof GraphQLError) || error.extensions.code !== undefined || error.path) return false;
  const status = (error.extensions.http as { status?: unknown } | undefined)?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
}

export function makeFormatError(log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    if (uncodedRequestError(error)) {
      const { stacktrace: _drop, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions: { ...extensions, code: 'BAD_REQUEST' } };
    }
    const original = unwrapResolverError(error);
    const code = String(formatted.extensions?.code ?? '');
    if (isClientError(original) || PUBLIC_CODES.has(code)) {
      const { stacktrace: _drop, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    log.error({ err: original, path: formatted.path }, 'internal error in GraphQL request');
    return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
