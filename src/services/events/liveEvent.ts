/**
 * What the event feed hands subscriptions and watches: one committed ingestion, the claims it
 * added or corrected (with what a filter looks at), and the comparisons those claims made, with
 * the rows their fields are answered from (so a thousand subscribers cost no extra round trips).
 */
import type { EntityRow } from '../../db/rows.js';
import type { IngestionRow } from '../history/history.js';

/** A claim an ingestion added or corrected, with its scope (events/ingestionsAfter). */
export interface EventClaim {
  id: string;
  status: string | null;
  confidence: number | null;
  change: 'ADDED' | 'CORRECTED';
  measureId: string | null;
  sourceIds: string[];
  agentIds: string[];
  /** Organizations its attributed organizations are part of, transitively. */
  parentAgentIds: string[];
  regionIds: string[];
  /** Regions its regions are part of, transitively. */
  parentRegionIds: string[];
}

export type Verdict = 'AGREES' | 'CONFLICTS' | 'NOT_COMPARABLE';
export type ComparisonChangeKind = 'NEW_AGREEMENT' | 'NEW_CONFLICT' | 'ORIGIN_REPEATED' | 'NEW_COMPARISON';

/** A comparison a new or corrected claim made with a claim already there. */
export interface LiveComparison {
  claimId: string;
  otherId: string;
  verdict: Verdict;
  sameOrigin: boolean;
  change: ComparisonChangeKind;
  reason: string;
  measureId: string | null;
  /** Who each side is attributed to (an organization subscription matches either). */
  agentIds: string[];
  otherAgentIds: string[];
}

export interface LiveEvent {
  /** The ingestion's number in commit order: the cursor. */
  seq: number;
  ingestion: IngestionRow;
  claims: EventClaim[];
  comparisons: LiveComparison[];
  /** Whole rows of every claim above, to prime each subscriber's loader with. */
  rows: Map<string, EntityRow>;
}

export function comparisonChange(verdict: Verdict, sameOrigin: boolean): ComparisonChangeKind {
  if (verdict === 'CONFLICTS') return 'NEW_CONFLICT';
  if (verdict === 'AGREES') return sameOrigin ? 'ORIGIN_REPEATED' : 'NEW_AGREEMENT';
  return 'NEW_COMPARISON';
}

/** A cursor as clients see it: the ingestion's number, as a string (opaque to them). */
export function encodeEventCursor(seq: number): string {
  return String(seq);
}

/** The number in a cursor, or null when it is not one this feed issued. */
export function decodeEventCursor(cursor: string): number | null {
  if (!/^\d{1,15}$/.test(cursor)) return null;
  return Number(cursor);
}
