/**
 * The errors clients may see. Each carries a stable `extensions.code`; anything that is not one
 * of these is an internal error, logged in full and masked to clients (see server/formatError).
 */
import { GraphQLError } from 'graphql';

/** Every code of ours; formatError lets exactly these (and Apollo's own) through to clients. */
export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'SERVICE_UNAVAILABLE',
  'QUERY_TIMEOUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CONFLICT',
  'RATE_LIMITED',
  'CLIENT_CLOSED_REQUEST',
  'COST_LIMIT_EXCEEDED',
  'OPERATION_NOT_LISTED',
  'WEBHOOK_HOST_NOT_ALLOWED',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * The HTTP status a code answers with when it is the request's error. Apollo reads
 * `extensions.http` and strips it from the body, so clients see only the code.
 */
const HTTP_STATUS: Partial<Record<ErrorCode, number>> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, CONFLICT: 409, RATE_LIMITED: 429, OPERATION_NOT_LISTED: 400, WEBHOOK_HOST_NOT_ALLOWED: 400 };

/**
 * The status a code answers with outside GraphQL (exports, /metrics), where no `data` can carry a
 * partial answer: also 404, 400, 503 and 504 then.
 */
const PLAIN_HTTP_STATUS: Record<ErrorCode, number> = {
  BAD_USER_INPUT: 400,
  NOT_FOUND: 404,
  SERVICE_UNAVAILABLE: 503,
  QUERY_TIMEOUT: 504,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  CLIENT_CLOSED_REQUEST: 499,
  COST_LIMIT_EXCEEDED: 400,
  OPERATION_NOT_LISTED: 400,
  WEBHOOK_HOST_NOT_ALLOWED: 400,
};

export function plainHttpStatus(code: string): number {
  return PLAIN_HTTP_STATUS[code as ErrorCode] ?? 400;
}

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
