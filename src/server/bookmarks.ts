/**
 * Read-your-writes across replicas: an answer to a request that wrote carries the write's
 * bookmarks (`extensions.bookmark` and the Claimgraph-Bookmark header); a client that sends the
 * header back has its reads wait, on whichever replica serves them, until that replica has seen
 * the write (db/causal.ts). The header is bounded before the database sees it.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../context.js';
import { badUserInput } from '../errors.js';

export const BOOKMARK_HEADER = 'claimgraph-bookmark';
/** One write leaves one bookmark per database; a client merging several sends a few. */
const MAX_BOOKMARKS = 16;
const MAX_LENGTH = 512;
/** Neo4j's bookmarks are opaque tokens of this alphabet (base64 and separators). */
const TOKEN = /^[A-Za-z0-9+/=:._-]+$/;

/** Refused before the request runs: no `data` to carry it, so a plain 400. */
const refused = (message: string) => badUserInput(message, undefined, { http: { status: 400 } });

/** The bookmarks a request sent back: comma-separated, each a bounded token. */
export function bookmarksFrom(header: string | string[] | undefined): string[] {
  if (header === undefined) return [];
  const tokens = (Array.isArray(header) ? header : [header])
    .flatMap((h) => h.split(','))
    .map((t) => t.trim())
    .filter(Boolean);
  if (tokens.length > MAX_BOOKMARKS) throw refused(`At most ${MAX_BOOKMARKS} bookmarks may be sent (Claimgraph-Bookmark); got ${tokens.length}.`);
  for (const token of tokens) {
    if (token.length > MAX_LENGTH || !TOKEN.test(token)) throw refused('The Claimgraph-Bookmark header holds something that is not a bookmark this service issued.');
  }
  return tokens;
}

/** Puts the bookmarks of a request's writes on its answer. */
export function bookmarkPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse(rc) {
          const causal = rc.contextValue?.causal;
          if (!causal?.wrote || !causal.bookmarks.length) return;
          const value = causal.bookmarks.join(',');
          rc.response.http.headers.set(BOOKMARK_HEADER, value);
          if (rc.response.body.kind === 'single') {
            const result = rc.response.body.singleResult;
            result.extensions = { ...result.extensions, bookmark: value };
          }
        },
      };
    },
  };
}
