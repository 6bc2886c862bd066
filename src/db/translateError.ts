/**
 * Maps driver failures onto the service's error codes: an unreachable database becomes
 * SERVICE_UNAVAILABLE (after the driver's short, bounded retries), a query over its time budget
 * QUERY_TIMEOUT; everything else is left as an internal error.
 */
import { ClientError, serviceUnavailable } from '../errors.js';

interface DriverLikeError {
  code?: string;
  message?: string;
}

const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired', 'ECONNREFUSED', 'ECONNRESET']);

export function translateDriverError(err: unknown): unknown {
  if (err instanceof ClientError) return err;
  const e = err as DriverLikeError;
  const code = e?.code ?? '';
  const message = e?.message ?? '';
  if (
    UNAVAILABLE_CODES.has(code) ||
    code.startsWith('Neo.TransientError.General.DatabaseUnavailable') ||
    /Connection acquisition timed out|Failed to connect|connection refused|Pool is closed/i.test(message)
  ) {
    const cause = /Caused by: (.*)$/m.exec(message)?.[1] ?? message.split(/[.\n]/)[0];
    return serviceUnavailable(`The graph database is unavailable (${cause.trim()}); try again shortly.`);
  }
  // A bookmark the client sent back (causal.ts): not one this database issued, or not reached yet.
  if (code.startsWith('Neo.ClientError.Transaction.InvalidBookmark')) {
    return new ClientError('BAD_USER_INPUT', 'The bookmark sent (Claimgraph-Bookmark) is not one this database issued.');
  }
  if (code === 'Neo.TransientError.Transaction.BookmarkTimeout') {
    return serviceUnavailable('This server has not yet caught up with the bookmark sent (Claimgraph-Bookmark); try again shortly.');
  }
  if (code.startsWith('Neo.TransientError.Transaction.')) {
    return serviceUnavailable('The graph database is busy with conflicting writes (still after retrying); try again shortly.');
  }
  if (code === 'Neo.ClientError.Transaction.TransactionTimedOut' || code === 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration') {
    return new ClientError('QUERY_TIMEOUT', 'The query ran longer than its time budget and was stopped.');
  }
  return err;
}
