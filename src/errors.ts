/**
 * The errors clients may see. Each carries a stable `extensions.code`; anything that is not one
 * of these is an internal error, logged in full and masked to clients (see server/formatError).
 */
import { GraphQLError } from 'graphql';

export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'SERVICE_UNAVAILABLE'
  | 'QUERY_TIMEOUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'CLIENT_CLOSED_REQUEST'
  | 'COST_LIMIT_EXCEEDED';

/**
 * The HTTP status a code answers with when it is the request's error. Apollo reads
 * `extensions.http` and strips it from the body, so clients see only the code.
 */
const HTTP_STATUS: Partial<Record<ErrorCode, number>> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, CONFLICT: 409, RATE_LIMITED: 429 };

export class ClientError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extra: Record<string, unknown> = {}) {
    const status = HTTP_STATUS[code];
    super(message, { extensions: { code, ...extra, ...(status ? { http: { status, ...(extra.http as object) } } : {}) } });
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

/** No key, or one that no configured key matches. */
export function unauthenticated(message: string): ClientError {
  return new ClientError('UNAUTHENTICATED', message, { http: { headers: new Map([['www-authenticate', 'Bearer realm="claimgraph"']]) } });
}

/** A known key whose role does not allow the operation. */
export function forbidden(message: string): ClientError {
  return new ClientError('FORBIDDEN', message);
}

/** A write that would overwrite what another source stated; `conflicts` names the fields. */
export function conflict(message: string, conflicts: { path: string; field: string; existing: unknown; proposed: unknown }[]): ClientError {
  return new ClientError('CONFLICT', message, { conflicts });
}
