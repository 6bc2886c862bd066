/**
 * Whether the client of a response went away before the response was finished: read when a
 * request's next query would start (db/requestLimits.ts), so that work stops for a client that
 * hung up. A getter on the response's own state, where an AbortController and a 'close'
 * listener per request were 2% of the server's busy time under load.
 */
import type { ServerResponse } from 'node:http';

export function clientGone(res: ServerResponse): { readonly aborted: boolean } {
  return {
    get aborted() {
      // Node marks a response destroyed once its connection closes, and after it finished.
      return res.destroyed && !res.writableFinished;
    },
  };
}
