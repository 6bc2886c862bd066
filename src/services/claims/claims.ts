/**
 * Claim lists: ClaimFilter semantics (subregions, subsidiaries, period relations, asOf) are
 * applied in claims/claimsPage.cypher; this turns GraphQL arguments into its parameters.
 */
import type { Queries } from '../../db/queries.js';
import type { ClaimRow } from '../../db/rows.js';
import { badUserInput } from '../../errors.js';
import { checkIds, checkText } from '../requests/inputLimits.js';
import { pageRows, type EntityLoader, type EntityWire, type RowShape } from '../entities/entities.js';
import { checkFirst, decodeCursor, toConnection, type Connection, type PageArgs } from '../requests/pagination.js';

export interface ClaimFilterInput {
  text?: string | null;
  measureIds?: readonly string[] | null;
  attributedTo?: readonly string[] | null;
  includeSubsidiaries?: boolean | null;
  sourceIds?: readonly string[] | null;
  regionIds?: readonly string[] | null;
  includeSubregions?: boolean | null;
  period?: { from?: string | null; to?: string | null; relation?: string | null } | null;
  asOf?: string | null;
  status?: readonly string[] | null;
  minConfidence?: number | null;
}

export interface ClaimOrderInput {
  field?: string | null;
  direction?: string | null;
}

/**
 * How far a broad anchor's page walks the claim id index before sorting instead: $limit × this
 * many claims (cypher/include/claimAnchoredCandidates.cypherpart).
 */
export const ID_WALK_FACTOR = 400;

/** An anchor holding 1/this of all claims or more is broad: its page walks the claim id index. */
export const BROAD_ANCHOR_SHARE = 200;

/** Open bounds become far-away dates, so the query compares without branching on nulls. */
export const OPEN_FROM = '0001-01-01';
export const OPEN_TO = '9999-12-31';

/**
 * ClaimFilter as the query's `$f` map. Neo4j caches a plan per parameter signature, which for
 * top-level lists and strings includes their size: passed one by one, every new combination of
 * filter sizes would be planned afresh (about a second each here). Inside one map, and never
 * null ('' and [] mean "no condition"), one cached plan serves every filter.
 */
export function claimFilterParams(filter: ClaimFilterInput | null | undefined): Record<string, unknown> {
  const f = filter ?? {};
  const period = f.period ?? null;
  if (period?.from && period.to && period.from > period.to) {
    throw badUserInput(`period.from (${period.from}) is after period.to (${period.to})`, 'filter.period');
  }
  if (f.minConfidence != null && (f.minConfidence < 0 || f.minConfidence > 1)) {
    throw badUserInput('minConfidence must lie in 0..1', 'filter.minConfidence');
  }
  return {
    ids: [],
    text: checkText(f.text, 'filter.text').trim().toLowerCase(),
    measureIds: checkIds(f.measureIds, 'filter.measureIds'),
    attributedTo: checkIds(f.attributedTo, 'filter.attributedTo'),
    includeSubsidiaries: f.includeSubsidiaries ?? false,
    sourceIds: checkIds(f.sourceIds, 'filter.sourceIds'),
    regionIds: checkIds(f.regionIds, 'filter.regionIds'),
    includeSubregions: f.includeSubregions ?? true,
    periodRelation: period ? (period.relation ?? 'OVERLAPS') : '',
    periodFrom: period?.from ?? OPEN_FROM,
    periodTo: period?.to ?? OPEN_TO,
    asOf: f.asOf ?? '',
    status: checkIds(f.status, 'filter.status'),
    minConfidence: f.minConfidence ?? -1,
  };
}

/** What a claim list's query selects, so the list reads no more than that. */
export interface PageSelection {
  /** Relationship types whose neighbours the query selects (loaded with the page's claims). */
  neighbourTypes?: readonly string[];
  /** Whether totalCount is selected (counting every match costs more than the page). */
  withCount?: boolean;
  /** What the selection reads of the rows (partial rows), or null/absent for whole rows. */
  shape?: RowShape | null;
}

export async function claims(
  db: Queries,
  loader: EntityLoader,
  args: PageArgs & { filter?: ClaimFilterInput | null; orderBy?: ClaimOrderInput | null },
  /** What the query selects: the neighbours' relationship types, and whether it reads totalCount. */
  selection: PageSelection = {},
): Promise<Connection<ClaimRow>> {
  const neighbourTypes = selection.neighbourTypes ?? [];
  const first = checkFirst(args.first, 20);
  const cursor = decodeCursor(args.after);
  const field = args.orderBy?.field ?? 'ID';
  const direction = field !== 'ID' && args.orderBy?.direction === 'DESC' ? -1 : 1;
  const f = {
    ...claimFilterParams(args.filter),
    orderField: field,
    direction,
    // Below every key (keys are at most ±1e15), so no cursor means "from the start".
    afterKey: cursor?.key ?? -1e18,
    afterId: cursor?.id ?? '',
    walk: ID_WALK_FACTOR,
  };
  // Every claim in id order is the common first look at a graph: the index answers it directly,
  // where the filtered query would visit every claim to count and sort them.
  const unfiltered = field === 'ID' && isUnfiltered(f);
  // A filter its anchor alone satisfies skips the per-candidate checks (their plan costs more
  // than the page when an organization or region yields a few hundred candidates).
  const anchored = anchorSuffices(f);
  if (selection.withCount === false && !unfiltered) {
    // No count asked for: sort and cut to the page in Neo4j, and bring the rows and their
    // neighbours in the same round trip. One anchor taken alone has a query of its own.
    const direct = field === 'ID' && anchored ? directAnchor(f) : null;
    const query = direct ? 'claims/directAnchorPageRows' : anchored ? 'claims/anchoredPageRows' : 'claims/claimsPageRows';
    const shape = selection.shape ?? null;
    // The direct query reads only its anchor and the keyset cut of the filter.
    const df = direct && { afterKey: f.afterKey, afterId: f.afterId, walk: f.walk, ...direct, broadShare: BROAD_ANCHOR_SHARE };
    const params = { f: df || f, p: { types: [...neighbourTypes], shape }, limit: first + 1 };
    const [result] = await db.read<{ page: [id: string, key: number][]; rows: EntityWire[] }>(query, params);
    const rows = pageRows(loader, result?.rows ?? [], shape);
    const page = (result?.page ?? []).map(([id, key]) => ({ id, key }));
    return toConnection<ClaimRow>(rows, { totalCount: -1, page }, first, cursor !== null, 'Claim');
  }
  const query = unfiltered ? 'claims/allClaimsPage' : anchored ? 'claims/anchoredPage' : 'claims/claimsPage';
  const [result] = await db.read<{ totalCount: number; page: { id: string; key: number }[] }>(query, { f, limit: first + 1 });
  return toConnection<ClaimRow>(loader, result, first, cursor !== null, 'Claim', { db, loader, types: neighbourTypes, shape: selection.shape });
}

/**
 * Whether the claims the anchor yields (cypher/include/claimAnchors: the first of ids, sourceIds,
 * attributedTo, measureIds, regionIds given, else every claim) all match: at most one of those
 * lists is given and no other condition is. includeSubsidiaries and includeSubregions are the
 * anchor's own walks.
 */
export function anchorSuffices(f: ReturnType<typeof claimFilterParams>): boolean {
  return anchorLists(f).filter((l) => l.length > 0).length <= 1 && noOtherCondition(f);
}

/**
 * The one node an anchored filter's claims link to directly, and by which relationship, when it
 * names exactly one agent (without subsidiaries), measure or region (without subregions) and
 * nothing else: claims/directAnchorPageRows serves it. Null otherwise.
 */
export function directAnchor(f: ReturnType<typeof claimFilterParams>): { anchorId: string; via: 'ATTRIBUTED_TO' | 'ABOUT' | 'IN_REGION' } | null {
  const { ids, sourceIds, attributedTo, measureIds, regionIds } = f as Record<string, string[]>;
  if (ids.length + sourceIds.length + attributedTo.length + measureIds.length + regionIds.length !== 1) return null;
  if (attributedTo.length === 1 && !f.includeSubsidiaries) return { anchorId: attributedTo[0], via: 'ATTRIBUTED_TO' };
  if (measureIds.length === 1) return { anchorId: measureIds[0], via: 'ABOUT' };
  if (regionIds.length === 1 && !f.includeSubregions) return { anchorId: regionIds[0], via: 'IN_REGION' };
  return null;
}

/** The id lists an anchor may come from (cypher/include/claimAnchors). */
const anchorLists = (f: ReturnType<typeof claimFilterParams>) => [f.ids, f.sourceIds, f.attributedTo, f.measureIds, f.regionIds] as unknown[][];

/** No condition but the anchors: no text, period, asOf, status or confidence. */
function noOtherCondition(f: ReturnType<typeof claimFilterParams>): boolean {
  return f.text === '' && f.periodRelation === '' && f.asOf === '' && (f.status as unknown[]).length === 0 && f.minConfidence === -1;
}

/** Whether a filter keeps every claim: no condition given (include* flags alone narrow nothing). */
function isUnfiltered(f: ReturnType<typeof claimFilterParams>): boolean {
  return anchorLists(f).every((l) => l.length === 0) && noOtherCondition(f);
}

/**
 * Which of the given claims match a filter (cross-referencing narrows organizations' claims this
 * way), through the same query as `claims`, so the filter means the same everywhere.
 */
export async function matchingClaimIds(db: Queries, filter: ClaimFilterInput, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const f = { ...claimFilterParams(filter), ids, orderField: 'ID', direction: 1, afterKey: -1e18, afterId: '', walk: ID_WALK_FACTOR };
  const [result] = await db.read<{ page: { id: string }[] }>('claims/claimsPage', { f, limit: ids.length });
  return new Set(result.page.map((p) => p.id));
}
