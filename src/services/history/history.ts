/**
 * Who wrote what: ingestions (one per ingested document) and revisions (what a correction
 * replaced). Lists of a claim's or source's history batch through per-request loaders, so a page
 * of claims asking for their revisions costs one round trip.
 */
import DataLoader from 'dataloader';
import type { Queries } from '../../db/queries.js';
import type { NewRevision } from '../ingest/ownership.js';
import { checkFirst, decodeCursor, encodeCursor, type Connection, type PageArgs } from '../requests/pagination.js';

export interface IngestionRow {
  id: string;
  keyName: string;
  at: string;
  documentHash: string;
  sourceId: string;
  claimCount: number;
  nodesCreated: number | null;
  relationshipsCreated: number | null;
  relationshipsDeleted: number | null;
  revisionsCreated: number;
}

/** A stored revision: what was said before a correction, and until when. */
export interface RevisionRow extends NewRevision {
  validUntil: string;
}

export interface HistoryLoaders {
  ingestionsOf: DataLoader<string, IngestionRow[]>;
  revisionsOf: DataLoader<string, RevisionRow[]>;
  ingestion: DataLoader<string, IngestionRow | null>;
}

/** Neo4j's toString of a datetime drops zero seconds; the API answers full ISO instants. */
const iso = (t: string | null) => (t === null ? null : new Date(t).toISOString());
const ingestionRow = (r: IngestionRow): IngestionRow => ({ ...r, at: iso(r.at)! });

export function createHistoryLoaders(db: Queries): HistoryLoaders {
  return {
    ingestionsOf: new DataLoader(
      async (ids) => {
        const rows = await db.read<{ id: string; ingestions: IngestionRow[] }>('history/ingestionsOf', { p: { ids: [...ids] } });
        const byId = new Map(rows.map((r) => [r.id, r.ingestions.map(ingestionRow)]));
        return ids.map((id) => byId.get(id) ?? []);
      },
      { maxBatchSize: 250 },
    ),
    revisionsOf: new DataLoader(
      async (ids) => {
        const rows = await db.read<{ id: string; revisions: RevisionRow[] }>('history/revisionsOf', { p: { ids: [...ids] } });
        const byId = new Map(rows.map((r) => [r.id, r.revisions.map((v) => ({ ...v, validFrom: iso(v.validFrom), validUntil: iso(v.validUntil)! }))]));
        return ids.map((id) => byId.get(id) ?? []);
      },
      { maxBatchSize: 250 },
    ),
    ingestion: new DataLoader(
      async (ids) => {
        const rows = await db.read<{ ingestion: IngestionRow }>('history/ingestionsByIds', { p: { ids: [...ids] } });
        const byId = new Map(rows.map((r) => [r.ingestion.id, ingestionRow(r.ingestion)]));
        return ids.map((id) => byId.get(id) ?? null);
      },
      { maxBatchSize: 250 },
    ),
  };
}

/** Query.ingestions: newest first, keyset-paged on (time, id). */
export async function ingestions(db: Queries, args: PageArgs & { sourceId?: string | null }): Promise<Connection<IngestionRow>> {
  const first = checkFirst(args.first, 20);
  // The pagination cursor, keyed by the ingestion's time in millis.
  const cursor = decodeCursor(args.after);
  const [r] = await db.read<{ totalCount: number; page: (IngestionRow & { atMs: number })[] }>('history/ingestionsPage', {
    f: { sourceId: args.sourceId ?? '', afterId: cursor?.id ?? '', afterMs: cursor?.key ?? 0 },
    limit: first + 1,
  });
  const edges = r.page.slice(0, first).map(({ atMs, ...row }) => ({ cursor: encodeCursor({ key: atMs, id: row.id }), node: ingestionRow(row) }));
  return {
    edges,
    totalCount: r.totalCount,
    pageInfo: { hasNextPage: r.page.length > first, hasPreviousPage: cursor !== null, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
  };
}
