/**
 * The errors clients may see. Each carries a stable `extensions.code`; anything that is not one
 * of these is an internal error, logged in full and masked to clients (see server/formatError).
 */
import { GraphQLError } from 'graphql';

export type ErrorCode = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'SERVICE_UNAVAILABLE' | 'QUERY_TIMEOUT';

export class ClientError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extra } });
  }
}

/** Invalid arguments or documents; `jsonPath` is the JSON path of the problem when there is one. */
export function badUserInput(message: string, jsonPath?: string, extra: Record<string, unknown> = {}): ClientError {
  return new ClientError('BAD_USER_INPUT', jsonPath ? `${jsonPath}: ${message}` : message, jsonPath ? { jsonPath, ...extra } : extra);
}

export function notFound(message: string): ClientError {
  return new ClientError('NOT_FOUND', message);
}

/** The database cannot be reached; the request failed fast instead of hanging. */
export function serviceUnavailable(message: string): ClientError {
  return new ClientError('SERVICE_UNAVAILABLE', message);
}

export function isClientError(err: unknown): err is ClientError {
  return err instanceof ClientError;
}
