/**
 * Client-facing errors keep their message and code; anything else (a bug, a driver error we did
 * not anticipate) is logged in full and reaches the client only as "Internal server error".
 */
import type { GraphQLFormattedError } from 'graphql';
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

export function makeFormatError(log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
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
