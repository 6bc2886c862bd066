/**
 * What a comparison takes and gives: a claim's figure with what makes it comparable (aggregation,
 * unit, period, a share's base), and the outcome. Types only, so intervals, shares and the
 * comparison each import them without importing one another in a circle.
 */
import type { DayRange, Figure } from './intervals.js';

export interface ComparableClaim extends Figure {
  aggregation: string | null;
  per: string | null;
  unit: string | null;
  period: DayRange | null;
  /** How the figure was derived, when it is not the claim's own (a share made absolute: shares.ts). */
  derivation?: () => string;
  /**
   * For a share whose measure declares what it is a share of: its scope and the base figure that
   * makes it absolute, or why there is none. Undefined for anything else.
   */
  share?: ShareContext;
}

/** The figure a share is a share of. */
export interface ShareBase {
  /** The claim stating the base ("Ukraine's area is 603,550 km²"). */
  claimId: string;
  value: number;
  unit: string | null;
  /** What the base is, for a reason: "Area of a country, Ukraine". */
  label: string;
  /** The measure whose absolute figures the share compares with. */
  partMeasureId: string;
}

/** What a share claim is a share of, in its region: the base figure, or why there is none. */
export interface ShareContext {
  /** The share's regions, as one key: shares of one scope compare as shares, others as absolutes. */
  scope: string;
  base: ShareBase | null;
  /** Why there is no base, in words, when there is none. */
  whyNoBase: string | null;
}

export interface ComparisonOutcome {
  allenRelation: string;
  verdict: 'AGREES' | 'CONFLICTS' | 'NOT_COMPARABLE';
  gap: number | null;
  reason: string;
}
