/**
 * Which events a subscription wants: a ClaimFilter tested on an event's claims (the scope the
 * feed read with them), and a comparison target (a claim, a measure or an organization) with
 * verdicts. Tested in Node, per subscriber, on rows the feed read once for all of them.
 */
import { badUserInput } from '../../errors.js';
import type { ClaimFilter } from '../../generated/graphql.js';
import type { EventClaim, LiveComparison, Verdict } from './liveEvent.js';

/** ClaimFilter fields an event's claim cannot be tested on here (they need the full claims query). */
const UNSUPPORTED = ['text', 'period', 'asOf'] as const;

/** Refuses, before subscribing, a filter this feed cannot test (rather than never matching). */
export function checkLiveFilter(filter: ClaimFilter | null | undefined): void {
  for (const field of UNSUPPORTED) {
    if (filter?.[field] != null)
      throw badUserInput(`claimsAdded cannot filter on \`${field}\`: filter on measures, sources, agents, regions, status or confidence, and query \`claims\` for the rest.`, `filter.${field}`);
  }
}

const meets = (wanted: readonly string[] | null | undefined, has: string[]) => !wanted?.length || wanted.some((id) => has.includes(id));

export function claimMatches(filter: ClaimFilter | null | undefined, claim: EventClaim): boolean {
  if (!filter) return true;
  if (filter.measureIds?.length && !filter.measureIds.includes(claim.measureId ?? '')) return false;
  if (!meets(filter.sourceIds, claim.sourceIds)) return false;
  if (!meets(filter.attributedTo, filter.includeSubsidiaries ? [...claim.agentIds, ...claim.parentAgentIds] : claim.agentIds)) return false;
  if (!meets(filter.regionIds, filter.includeSubregions === false ? claim.regionIds : [...claim.regionIds, ...claim.parentRegionIds])) return false;
  if (filter.status?.length && !filter.status.includes((claim.status ?? 'ACTIVE') as never)) return false;
  if (filter.minConfidence != null && (claim.confidence ?? 0) < filter.minConfidence) return false;
  return true;
}

/** What a comparisonsChanged subscription follows: exactly one of the three ids. */
export interface ComparisonTarget {
  claimId?: string | null;
  measureId?: string | null;
  organizationId?: string | null;
  verdicts?: readonly Verdict[] | null;
}

export function checkComparisonTarget(target: ComparisonTarget): void {
  const given = (['claimId', 'measureId', 'organizationId'] as const).filter((k) => target[k] != null);
  if (given.length !== 1) throw badUserInput(`comparisonsChanged needs exactly one of claimId, measureId or organizationId (got ${given.length ? given.join(', ') : 'none'}).`);
}

export function comparisonMatches(target: ComparisonTarget, c: LiveComparison): boolean {
  if (target.verdicts?.length && !target.verdicts.includes(c.verdict)) return false;
  if (target.claimId != null) return c.otherId === target.claimId || c.claimId === target.claimId;
  if (target.measureId != null) return c.measureId === target.measureId;
  if (target.organizationId != null) return c.agentIds.includes(target.organizationId) || c.otherAgentIds.includes(target.organizationId);
  return false;
}
