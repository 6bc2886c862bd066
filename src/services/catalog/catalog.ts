/**
 * Lists of sources, organizations, regions and measures, ordered by id with keyset cursors.
 */
import type { Queries } from '../../db/queries.js';
import type { QueryName } from '../../db/queryRegistry.js';
import type { EntityRow, MeasureRow, OrganizationRow, RegionRow, SourceRow } from '../../db/rows.js';
import type { EntityLoader } from '../entities/entities.js';
import { checkIds, checkText } from '../requests/inputLimits.js';
import { checkFirst, decodeCursor, toConnection, type Connection, type PageArgs } from '../requests/pagination.js';

// Parameters are never null ('' and [] mean "no condition"): one cached plan per query. Every text
// and list is bounded (README "Limits") before any query, and refused naming its argument.
const lower = (text: string | null | undefined, path: string) => checkText(text, path).trim().toLowerCase();

async function idPage<T extends EntityRow>(
  db: Queries,
  loader: EntityLoader,
  query: QueryName,
  kind: T['kind'],
  params: Record<string, unknown>,
  args: PageArgs,
  fallback: number,
): Promise<Connection<T>> {
  const first = checkFirst(args.first, fallback);
  const cursor = decodeCursor(args.after);
  // One map parameter: one cached plan whatever the filter (see claims.ts).
  const [r] = await db.read<{ totalCount: number; page: string[] }>(query, { f: { ...params, afterId: cursor?.id ?? '' }, limit: first + 1 });
  return toConnection<T>(loader, { totalCount: r.totalCount, page: r.page.map((id) => ({ id, key: 0 })) }, first, cursor !== null, kind);
}

export function sources(
  db: Queries,
  loader: EntityLoader,
  args: PageArgs & { filter?: { text?: string | null; kinds?: readonly string[] | null; publisherIds?: readonly string[] | null; publishedFrom?: string | null; publishedTo?: string | null } | null },
) {
  const f = args.filter ?? {};
  return idPage<SourceRow>(
    db,
    loader,
    'catalog/sourcesPage',
    'Source',
    {
      text: lower(f.text, 'filter.text'),
      kinds: checkIds(f.kinds, 'filter.kinds'),
      publisherIds: checkIds(f.publisherIds, 'filter.publisherIds'),
      publishedFrom: f.publishedFrom ?? '',
      publishedTo: f.publishedTo ?? '',
    },
    args,
    20,
  );
}

export function organizations(db: Queries, loader: EntityLoader, args: PageArgs & { filter?: { text?: string | null; kinds?: readonly string[] | null; partOf?: string | null } | null }) {
  const f = args.filter ?? {};
  return idPage<OrganizationRow>(
    db,
    loader,
    'catalog/organizationsPage',
    'Organization',
    { text: lower(f.text, 'filter.text'), kinds: checkIds(f.kinds, 'filter.kinds'), partOf: f.partOf ?? '' },
    args,
    20,
  );
}

export function regions(db: Queries, loader: EntityLoader, args: PageArgs & { filter?: { text?: string | null; kinds?: readonly string[] | null; parentId?: string | null } | null }) {
  const f = args.filter ?? {};
  return idPage<RegionRow>(db, loader, 'catalog/regionsPage', 'Region', { text: lower(f.text, 'filter.text'), kinds: checkIds(f.kinds, 'filter.kinds'), parentId: f.parentId ?? '' }, args, 50);
}

export function measures(db: Queries, loader: EntityLoader, args: PageArgs) {
  return idPage<MeasureRow>(db, loader, 'catalog/measuresPage', 'Measure', {}, args, 50);
}
