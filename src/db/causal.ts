/**
 * Causal consistency for one request: the bookmarks its reads must have seen (those the client
 * sent back from an earlier write, on whichever replica made it) and, once it writes, the
 * bookmarks of its own write, so its later reads (ingest reads back what it wrote) and the client's
 * next request see at least that state on any member of a cluster. On one database it costs
 * nothing: every transaction there has seen every committed one.
 */
export class Causal {
  /** What the next query of the request must have seen. */
  bookmarks: string[];
  /** Whether the request committed a write (its answer then carries the new bookmarks). */
  wrote = false;

  constructor(initial: readonly string[] = []) {
    this.bookmarks = [...initial];
  }

  /** After a commit: the write's bookmarks supersede the ones it started from. */
  committed(bookmarks: string[]): void {
    this.bookmarks = bookmarks;
    this.wrote = true;
  }
}
