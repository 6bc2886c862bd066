/**
 * Query.crossReference: where two or more organizations' figures meet — shared measures, regions
 * and periods, agreeing and conflicting claim pairs, derivations between their sources, sources
 * drawing on several of them. Claims are compared in compact form; only the claims and sources
 * that make it into the answer are loaded as nodes.
 */
import type { Queries } from '../../db/queries.js';
import type { ClaimRow, CompactClaimRow, CompactClaimWire, EntityRow, GraphEdgeRow, OrganizationRow } from '../../db/rows.js';
import { badUserInput, notFound } from '../../errors.js';
import { matchingClaimIds, type ClaimFilterInput } from '../claims/claims.js';
import { claimIdOnly, loadMany, type EntityLoader } from '../entities/entities.js';
import { buildGraphView, type GraphViewOut } from '../graph/graphView.js';
import { comparePairs, MAX_PAIRS, type Ancestors, type Pair } from './pairSweep.js';
import { loadShareBases } from './shares.js';

const MAX_CLAIMS_PER_ORGANIZATION = 5000;

/** Two claims side by side (GraphQL ClaimPair). */
export interface PairOut {
  a: ClaimRow;
  b: ClaimRow;
  gap: number | null;
  allenRelation: string;
  /** Whether either claim names no region: compared as if about the same place. */
  scopeUnstated: boolean;
}

export interface CrossReferenceOut {
  organizations: OrganizationRow[];
  /** Ids only: the nodes are loaded by the CrossReference field resolvers, when selected. */
  sharedMeasureIds: string[];
  sharedRegionIds: string[];
  sharedPeriodIds: string[];
  agreements: PairOut[];
  conflicts: PairOut[];
  derivations: Derivation[];
  commonSourceIds: string[];
  truncated: boolean;
  /** Drawn only when asked for: it loads the paired claims' sources and agents. */
  graph: () => Promise<GraphViewOut>;
}

/** A DERIVED_FROM edge between two organizations' sources. */
interface Derivation {
  sourceId: string;
  derivedFromId: string;
  kind: string;
}

function compactClaim(w: CompactClaimWire): CompactClaimRow {
  const [id, value, low, high, bound, precision, aggregation, per, unit, periodStart, periodEnd, statedAt, measureId, periodId, regionIds, sourceIds] = w;
  const stated = statedAt === null ? null : new Date(statedAt).toISOString();
  return { id, value, low, high, bound, precision, aggregation, per, unit, periodStart, periodEnd, statedAt: stated, measureId, periodId, regionIds, sourceIds };
}

/** Ids present in the sets of at least two organizations. */
function shared(sets: Set<string>[]): string[] {
  const count = new Map<string, number>();
  for (const s of sets) for (const id of s) count.set(id, (count.get(id) ?? 0) + 1);
  return [...count]
    .filter(([, n]) => n >= 2)
    .map(([id]) => id)
    .sort();
}

/**
 * Where the organizations' sources meet: DERIVED_FROM edges from one's sources to another's, and
 * the sources that derive from, or state claims of, two or more of them.
 */
function sourceOverlap(edges: Derivation[], sourceSets: Set<string>[], groups: CompactClaimRow[][]): { derivations: Derivation[]; commonSourceIds: string[] } {
  const ownerOf = (sourceId: string) => sourceSets.flatMap((s, i) => (s.has(sourceId) ? [i] : []));
  const derivations = edges.filter((e) => ownerOf(e.sourceId).some((i) => ownerOf(e.derivedFromId).some((j) => j !== i)));
  const reach = new Map<string, Set<number>>();
  const touch = (sourceId: string, i: number) => {
    let owners = reach.get(sourceId);
    if (!owners) reach.set(sourceId, (owners = new Set()));
    owners.add(i);
  };
  for (const e of edges) for (const i of ownerOf(e.derivedFromId)) touch(e.sourceId, i);
  for (let i = 0; i < groups.length; i++) for (const c of groups[i]) for (const sid of c.sourceIds) touch(sid, i);
  const commonSourceIds = [...reach]
    .filter(([, owners]) => owners.size >= 2)
    .map(([id]) => id)
    .sort();
  return { derivations, commonSourceIds };
}

/**
 * The picture of a cross-reference, connected: the organizations; the paired claims, and where a
 * shared measure or a source they both draw on has no pair, one claim of each organization on it
 * (so every organization reaches the measures and sources it shares), joined by their verdicts
 * (AGREES_WITH, CONFLICTS_WITH); each claim's attribution,
 * measure and source; the people and subsidiaries that speak for an organization, linked to it by
 * their ROLE or PART_OF; and the derivations between the organizations' sources.
 */
async function crossReferenceGraph(
  loader: EntityLoader,
  orgIds: string[],
  sharedMeasureIds: string[],
  commonSourceIds: string[],
  groups: CompactClaimRow[][],
  pairs: { agreements: Pair[]; conflicts: Pair[] },
  derivations: Derivation[],
): Promise<GraphViewOut> {
  const claimIds = new Set([...pairs.agreements, ...pairs.conflicts].flatMap((p) => [p.a, p.b]));
  const linked = (ids: string[], has: (c: CompactClaimRow, id: string) => boolean) => {
    for (const id of ids.slice(0, MAX_LINKED_IN_GRAPH))
      for (const group of groups) {
        if (group.some((c) => claimIds.has(c.id) && has(c, id))) continue;
        const one = group.find((c) => has(c, id));
        if (one) claimIds.add(one.id);
      }
  };
  linked(sharedMeasureIds, (c, id) => c.measureId === id);
  linked(commonSourceIds, (c, id) => c.sourceIds.includes(id));
  const claims = await loadMany<ClaimRow>(loader, [...claimIds], ['Claim']);
  const claimEdges = claims.flatMap((c) => c.out.filter((e) => GRAPH_CLAIM_EDGES.has(e.type)).map((e) => ({ source: c.id, type: e.type, target: e.id, props: e.props })));
  const orgs = new Set(orgIds);
  const agentEdges = await speakingFor(
    loader,
    orgs,
    claimEdges.filter((e) => e.type === 'ATTRIBUTED_TO' && !orgs.has(e.target)).map((e) => e.target),
  );
  // The verdicts themselves join the paired claims: a share and an area that conflict are one edge apart.
  const verdictEdges = [
    ...pairs.agreements.map((p) => ({ source: p.a, type: 'AGREES_WITH', target: p.b, props: {} })),
    ...pairs.conflicts.map((p) => ({ source: p.a, type: 'CONFLICTS_WITH', target: p.b, props: { gap: p.gap } })),
  ];
  const edges: GraphEdgeRow[] = [
    ...derivations.map((d) => ({ source: d.sourceId, type: 'DERIVED_FROM', target: d.derivedFromId, props: { kind: d.kind } })),
    ...claimEdges,
    ...agentEdges,
    ...verdictEdges,
  ];
  return buildGraphView(loader, [...orgIds, ...sharedMeasureIds, ...commonSourceIds.slice(0, MAX_LINKED_IN_GRAPH), ...claimIds, ...edges.flatMap((e) => [e.source, e.target])], edges);
}

/**
 * How the agents of the drawn claims speak for the organizations: a person's ROLE in a body, and
 * that body's PART_OF, up to the organization (Gerasimov → the Russian General Staff → the Armed
 * Forces), at most five levels; only the edges on a way to one of the organizations.
 */
async function speakingFor(loader: EntityLoader, orgs: Set<string>, agentIds: string[]): Promise<GraphEdgeRow[]> {
  const up = new Map<string, GraphEdgeRow[]>();
  const seen = new Set(agentIds);
  let frontier = [...seen];
  for (let level = 0; level < 5 && frontier.length; level++) {
    const rows = await loadMany<EntityRow>(loader, frontier, ['Person', 'Organization']);
    frontier = [];
    for (const r of rows) {
      const edges = r.out.filter((e) => e.type === 'ROLE' || e.type === 'PART_OF').map((e) => ({ source: r.id, type: e.type, target: e.id, props: e.props }));
      up.set(r.id, edges);
      for (const e of edges) if (!orgs.has(e.target) && !seen.has(e.target)) frontier.push((seen.add(e.target), e.target));
    }
  }
  const reaches = (id: string, depth = 0): boolean => orgs.has(id) || (depth < 6 && (up.get(id) ?? []).some((e) => reaches(e.target, depth + 1)));
  return [...up.values()].flat().filter((e) => reaches(e.target));
}

/** Shared measures and common sources drawn, at most: the lists say how many there are. */
const MAX_LINKED_IN_GRAPH = 20;

const GRAPH_CLAIM_EDGES = new Set(['ATTRIBUTED_TO', 'ABOUT', 'STATED_IN']);

export interface CrossReferenceOptions {
  /**
   * Whether the query selects anything of the paired claims beyond their ids. When it does not,
   * the pairs carry id-only rows and hundreds of claims are never loaded.
   */
  pairClaimDetails?: boolean;
  /** Where the request's unseen work is counted: the claims read and the comparisons made. */
  work?: { points: number };
}

/**
 * What a cross-reference's hidden work costs, in points (about a millisecond each, as measured by
 * bench:xref-scale): the compact claims read and decoded, and the comparisons made between them.
 */
export const CLAIMS_READ_PER_POINT = 20;
export const COMPARISONS_PER_POINT = 500;

export async function crossReference(
  db: Queries,
  loader: EntityLoader,
  organizationIds: readonly string[],
  filter?: ClaimFilterInput | null,
  opts: CrossReferenceOptions = {},
): Promise<CrossReferenceOut> {
  const orgIds = [...new Set(organizationIds)];
  if (orgIds.length < 2 || orgIds.length > 10) throw badUserInput(`crossReference compares 2 to 10 distinct organizations, got ${orgIds.length}`, 'organizationIds');
  // Independent reads run side by side, here and below; one claims query per organization, so
  // Neo4j runs them on separate threads.
  const [organizations, sourceRows, ...claimRows] = await Promise.all([
    loadMany<OrganizationRow>(loader, orgIds, ['Organization']),
    db.read<{ organizationId: string; sourceIds: string[] }>('provenance/organizationSources', { p: { organizationIds: orgIds } }),
    ...orgIds.map((organizationId) => db.read<{ claim: CompactClaimWire }>('provenance/organizationClaims', { p: { organizationId } })),
  ]);
  const missing = orgIds.filter((id) => !organizations.some((o) => o.id === id));
  if (missing.length) throw notFound(`No organization with id ${missing.map((m) => `"${m}"`).join(', ')}`);

  const sourcesOf = new Map(sourceRows.map((r) => [r.organizationId, r.sourceIds]));
  let truncated = false;
  let groups = orgIds.map((_, i) => {
    const claims = claimRows[i].map((r) => compactClaim(r.claim));
    if (claims.length > MAX_CLAIMS_PER_ORGANIZATION) truncated = true;
    return claims.slice(0, MAX_CLAIMS_PER_ORGANIZATION);
  });
  if (filter) {
    const keep = await matchingClaimIds(db, filter, [...new Set(groups.flat().map((c) => c.id))]);
    groups = groups.map((g) => g.filter((c) => keep.has(c.id)));
  }

  const sets = (pick: (c: CompactClaimRow) => (string | null)[]) => groups.map((g) => new Set(g.flatMap(pick).filter((x): x is string => !!x)));
  const sharedMeasureIds = shared(sets((c) => [c.measureId]));
  const sharedRegionIds = shared(sets((c) => c.regionIds));
  const sharedPeriodIds = shared(sets((c) => [c.periodId]));
  const regionIds = [...new Set(groups.flat().flatMap((c) => c.regionIds))];
  // An organization's sources are those it (or a subsidiary, or a person in it) published or authored.
  const sourceSets = orgIds.map((id) => new Set(sourcesOf.get(id) ?? []));
  const allSources = [...new Set(sourceSets.flatMap((s) => [...s]))];
  const shareIds = [
    ...new Set(
      groups
        .flat()
        .filter((c) => c.aggregation === 'SHARE')
        .map((c) => c.id),
    ),
  ];
  const [ancestorRows, edges, shares] = await Promise.all([
    regionIds.length ? db.read<{ regionId: string; ancestors: string[] }>('provenance/regionAncestors', { p: { regionIds } }) : [],
    allSources.length ? db.read<Derivation>('provenance/derivationsTouching', { p: { sourceIds: allSources } }) : [],
    loadShareBases(db, shareIds),
  ]);
  const ancestors: Ancestors = new Map(ancestorRows.map((r) => [r.regionId, r.ancestors]));
  const compared = await comparePairs(groups, ancestors, db, shares);
  if (opts.work) opts.work.points += Math.ceil(claimRows.reduce((n, r) => n + r.length, 0) / CLAIMS_READ_PER_POINT + compared.comparisons / COMPARISONS_PER_POINT);
  const { agreements, conflicts } = compared;
  if (compared.truncated || agreements.length > MAX_PAIRS || conflicts.length > MAX_PAIRS) truncated = true;
  const shownAgreements = agreements.slice(0, MAX_PAIRS);
  const shownConflicts = conflicts.slice(0, MAX_PAIRS);

  const { derivations, commonSourceIds } = sourceOverlap(edges, sourceSets, groups);

  const pairClaimIds = [...new Set([...shownAgreements, ...shownConflicts].flatMap((p) => [p.a, p.b]))];
  const claims = opts.pairClaimDetails === false ? pairClaimIds.map(claimIdOnly) : await loadMany<ClaimRow>(loader, pairClaimIds, ['Claim']);
  const claimById = new Map(claims.map((c) => [c.id, c]));
  const toPairs = (list: Pair[]): PairOut[] =>
    list
      .filter((p) => claimById.has(p.a) && claimById.has(p.b))
      .map((p) => ({ a: claimById.get(p.a)!, b: claimById.get(p.b)!, gap: p.gap, allenRelation: p.allenRelation, scopeUnstated: p.scopeUnstated }));
  return {
    organizations,
    sharedMeasureIds,
    sharedRegionIds,
    sharedPeriodIds,
    agreements: toPairs(shownAgreements),
    conflicts: toPairs(shownConflicts),
    derivations,
    commonSourceIds,
    truncated,
    graph: () => crossReferenceGraph(loader, orgIds, sharedMeasureIds, commonSourceIds, groups, { agreements: shownAgreements, conflicts: shownConflicts }, derivations),
  };
}
