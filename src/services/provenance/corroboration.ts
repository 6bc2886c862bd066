/**
 * Query.corroboration: the claims comparable with a claim, each with a verdict, whether it
 * shares an origin, how many independent origins agree or conflict, and an Admiralty grade.
 * One round trip whatever the number of comparable claims (provenance/corroboration: the
 * comparable claims, their chains, their agents' institutions, share bases and rows together).
 */
import type { Queries } from '../../db/queries.js';
import type { ChainSourceRow, ChainSubgraphRow, ClaimRow, EntityRow, TopInstitutionRow } from '../../db/rows.js';
import { notFound } from '../../errors.js';
import { answerRows, edgeIds, withOwnReads, type EntityLoader, type EntityWire, type RowShape } from '../entities/entities.js';
import { num, str } from '../entities/props.js';
import { computeChain, type Chain, type OriginInfo } from './chains.js';
import { independentGroups, institutionsOf, topsByAgent } from './institutions.js';
import type { ComparableClaim, ShareContext } from './comparable.js';
import { compareClaims } from './compareClaims.js';
import { resolvePeriod } from './intervals.js';
import { partWholeOutcome, type RegionRelation } from './partWhole.js';
import { effectiveStatus } from '../claims/status.js';
import { shareContexts, type ShareBaseRow } from './shares.js';

export interface ComparisonOut {
  claim: ClaimRow;
  allenRelation: string;
  verdict: 'AGREES' | 'CONFLICTS' | 'NOT_COMPARABLE';
  gap: number | null;
  sameOrigin: boolean;
  /** Whether either claim names no region: compared as if about the other's place. */
  scopeUnstated: boolean;
  /** Whether it counts toward the grade: a SUPERSEDED or RETRACTED claim is shown, not counted. */
  counted: boolean;
  reason: string;
}

export interface CorroborationOut {
  claim: ClaimRow;
  comparisons: ComparisonOut[];
  independentAgreeingOrigins: number;
  independentConflictingOrigins: number;
  credibility: number;
  credibilityReason: string;
}

/** The properties `comparable` reads of a claim's row (what a comparison's or a timeline's own reads must include). */
export const FIGURE_PROPS: readonly string[] = Object.freeze(['aggregation', 'bound', 'high', 'low', 'per', 'periodEnd', 'periodStart', 'precision', 'statedAt', 'unit', 'value']);

export function comparable(row: EntityRow, shares?: Map<string, ShareContext>): ComparableClaim {
  return {
    share: shares?.get(row.id),
    value: num(row, 'value'),
    low: num(row, 'low'),
    high: num(row, 'high'),
    bound: str(row, 'bound'),
    precision: num(row, 'precision'),
    aggregation: str(row, 'aggregation'),
    per: str(row, 'per'),
    unit: str(row, 'unit'),
    period: resolvePeriod(str(row, 'periodStart'), str(row, 'periodEnd'), str(row, 'statedAt')),
  };
}

/**
 * The Admiralty grade from independent agreement (A) and conflict (C), origins other than the
 * claim's own: 1 confirmed (A ≥ 2, C = 0) · 2 probably true (A = 1, C = 0) · 3 possibly true
 * (only same-origin agreement, or A > C > 0) · 4 doubtful (0 < A ≤ C) · 5 improbable (C > 0,
 * A = 0) · 6 cannot be judged (nothing comparable).
 */
/** "1 independent origin agrees", "2 independent origins agree". */
function origins(n: number, one: string, many: string): string {
  return n === 1 ? `1 independent origin ${one}` : `${n} independent origins ${many}`;
}

export function credibilityGrade(compared: number, a: number, c: number): { grade: number; reason: string } {
  if (compared === 0) return { grade: 6, reason: 'Cannot be judged: no comparable figure from any source.' };
  if (c === 0) {
    if (a >= 2) return { grade: 1, reason: `Confirmed: ${a} independent origins agree and none conflicts.` };
    if (a === 1) return { grade: 2, reason: 'Probably true: one independent origin agrees and none conflicts.' };
    return { grade: 3, reason: 'Possibly true: only sources sharing its origin agree, which is repetition, not confirmation.' };
  }
  if (a > c) return { grade: 3, reason: `Possibly true: ${origins(a, 'agrees', 'agree')}, ${c} ${c === 1 ? 'conflicts' : 'conflict'}.` };
  if (a > 0) return { grade: 4, reason: `Doubtful: ${origins(a, 'agrees', 'agree')}, ${c} ${c === 1 ? 'conflicts' : 'conflict'}.` };
  return { grade: 5, reason: `Improbable: ${origins(c, 'contradicts', 'contradict')} it and none agrees.` };
}

/**
 * Missing metadata must not hide a conflict: a claim that names no region is compared with claims
 * in any region. Says so in words (null when both name one), so a client can weigh it.
 */
export function scopeUnstatedReason(thisHasRegion: boolean, otherHasRegion: boolean): string | null {
  if (thisHasRegion && otherHasRegion) return null;
  if (!thisHasRegion && !otherHasRegion) return 'the scope is unstated: neither claim names a region';
  return `the scope is unstated: ${thisHasRegion ? 'the other claim' : 'this claim'} names no region, so it is compared as if about the same place`;
}

function originsOf(chains: Map<string, Chain>, claimIds: string[]): OriginInfo[] {
  const byId = new Map<string, OriginInfo>();
  for (const id of claimIds) for (const o of chains.get(id)?.origins ?? []) byId.set(o.sourceId, o);
  return [...byId.values()];
}

/** provenance/corroboration's one record. */
interface CorroborationAnswer {
  chains: Omit<ChainSubgraphRow, 'sources'>[];
  candidates: { id: string; region: RegionRelation }[];
  sources: ChainSourceRow[];
  tops: TopInstitutionRow[];
  shareBases: ShareBaseRow[];
  rows: EntityWire[];
}

/**
 * What the comparison itself reads of each claim's row, whatever the selection: its figure and
 * period (comparable), its status and what supersedes it (effectiveStatus), and its regions.
 */
const comparedShape = withOwnReads({
  props: { Claim: [...FIGURE_PROPS, 'status'] },
  out: { Claim: ['IN_REGION'] },
  in: { Claim: ['SUPERSEDES'] },
  edgeProps: [],
});

/**
 * `selection`: what the query reads of the claims below (resolvers/rowShape.ts), or null for whole
 * rows (callers without a selection).
 */
export async function corroboration(db: Queries, loader: EntityLoader, claimId: string, selection: RowShape | null = null): Promise<CorroborationOut> {
  const shape = comparedShape(selection);
  const [answer] = await db.read<CorroborationAnswer>('provenance/corroboration', { p: { claimId, shape } });
  if (!answer) throw notFound(`No claim with id "${claimId}"`);
  // The rows serve the fields below (comparisons' claims): partial in their own scope, or whole from the request's loader.
  const rows = answerRows(loader, answer.rows, shape);
  const claim = rows.get(claimId) as ClaimRow;
  const candidates = answer.candidates.map((c) => c.id);
  const regionOf = new Map(answer.candidates.map((c) => [c.id, c.region]));
  const others = candidates.map((id) => rows.get(id)).filter((r): r is ClaimRow => r?.kind === 'Claim');
  const byId = new Map(answer.sources.map((s) => [s.id, s]));
  const chains = new Map(answer.chains.map((c) => [c.claimId, computeChain({ ...c, sources: answer.sources }, 10, byId)]));
  const shareBases = shareContexts(answer.shareBases);
  const tops = topsByAgent(answer.tops);
  const own = new Set(
    institutionsOf(
      originsOf(chains, [claimId]).flatMap((o) => o.agentIds),
      tops,
    ),
  );

  const me = comparable(claim, shareBases);
  const comparisons: ComparisonOut[] = others.map((other) => {
    const theirs = institutionsOf(
      originsOf(chains, [other.id]).flatMap((o) => o.agentIds),
      tops,
    );
    const them = comparable(other, shareBases);
    const outcome = partWholeOutcome(compareClaims(me, them), regionOf.get(other.id) ?? 'SAME', me, them);
    const unstated = scopeUnstatedReason(edgeIds(claim, 'IN_REGION').length > 0, edgeIds(other, 'IN_REGION').length > 0);
    // A superseded or retracted figure is shown with its verdict, and says that it does not count.
    const status = effectiveStatus(other);
    const retired = status !== 'ACTIVE' && outcome.verdict !== 'NOT_COMPARABLE' ? `it is ${status}, so it is shown but not counted` : null;
    const reason = [outcome.reason, unstated, retired].filter(Boolean).join('; ');
    return { claim: other, ...outcome, reason, scopeUnstated: unstated !== null, sameOrigin: theirs.some((i) => own.has(i)), counted: !retired };
  });
  const verdictOrder = { AGREES: 0, CONFLICTS: 1, NOT_COMPARABLE: 2 };
  comparisons.sort((a, b) => verdictOrder[a.verdict] - verdictOrder[b.verdict] || a.claim.id.localeCompare(b.claim.id));

  const independent = (verdict: string) =>
    independentGroups(
      originsOf(
        chains,
        comparisons.filter((c) => c.verdict === verdict && !c.sameOrigin && c.counted).map((c) => c.claim.id),
      ),
      tops,
    ).length;
  const a = independent('AGREES');
  const c = independent('CONFLICTS');
  const compared = comparisons.filter((x) => x.verdict !== 'NOT_COMPARABLE' && x.counted).length;
  const graded = credibilityGrade(compared, a, c);
  const retired = comparisons.filter((x) => !x.counted).length;
  const grade = graded.grade;
  const reason = retired ? `${graded.reason} ${retired === 1 ? 'One superseded or retracted figure is' : `${retired} superseded or retracted figures are`} not counted.` : graded.reason;
  return { claim: claim as ClaimRow, comparisons, independentAgreeingOrigins: a, independentConflictingOrigins: c, credibility: grade, credibilityReason: reason };
}
