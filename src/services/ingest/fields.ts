/** Ids, enums and tolerant readers of an untrusted document's fields. */

import { ID_PREFIX, type DefinedLabel } from '../../model/derived.js';

export { ID_PREFIX };
export type Obj = Record<string, unknown>;

/** A kind an ingest document's ids may be of (every kind but Period). */
export type IdKind = DefinedLabel;

const ID_FORM = /^[a-z]+:[A-Za-z0-9][A-Za-z0-9._~-]*$/;
export const MAX_ID = 200;

export const ENUMS = {
  SourceKind: ['ARTICLE', 'DATASET', 'REPORT', 'STATEMENT', 'SOCIAL_POST', 'INTERVIEW', 'BRIEFING'],
  DerivationKind: ['CITES', 'QUOTES', 'PRIMARY_SOURCE', 'REPUBLISHES'],
  Reliability: ['A', 'B', 'C', 'D', 'E', 'F'],
  Bound: ['EXACT', 'APPROX', 'ALMOST', 'AT_LEAST', 'AT_MOST', 'RANGE'],
  Aggregation: ['CUMULATIVE', 'PERIOD_TOTAL', 'RATE', 'SHARE', 'NONE'],
  Granularity: ['DAY', 'WEEK', 'MONTH', 'QUARTER', 'YEAR'],
  ClaimStatus: ['ACTIVE', 'SUPERSEDED', 'RETRACTED'],
} as const;

/**
 * Tolerant readers of an untrusted document's fields. The shape was checked against
 * schema/ingest.schema.json first (documentSchema.ts), which reported every shape problem; these
 * read what is usable and return undefined for what is not, so the checks that follow (dates,
 * consistency, references) still run over the rest and report in the same round.
 */
export class Fields {
  /** The object, or undefined if it is not a plain object. */
  object(value: unknown): Obj | undefined {
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Obj) : undefined;
  }

  /** The array at `key` (cut to `max`), or [] when absent or not an array. */
  array(obj: Obj, key: string, max: number): unknown[] {
    const v = obj[key];
    return Array.isArray(v) ? v.slice(0, max) : [];
  }

  /** A string, else undefined (its length and form are the schema's to check). */
  string(obj: Obj, key: string): string | undefined {
    const v = obj[key];
    return typeof v === 'string' ? v : undefined;
  }

  /** A finite number, else undefined (its range is the schema's to check). */
  number(obj: Obj, key: string): number | undefined {
    const v = obj[key];
    return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
  }

  enumValue<K extends keyof typeof ENUMS>(obj: Obj, key: string, name: K): string | undefined {
    const v = obj[key];
    return typeof v === 'string' && (ENUMS[name] as readonly string[]).includes(v) ? v : undefined;
  }

  /** An id of the given kinds (by prefix), e.g. attributedTo takes org: or person:; else undefined. */
  id(value: unknown, kinds: readonly IdKind[]): string | undefined {
    if (typeof value !== 'string' || value.length > MAX_ID || !ID_FORM.test(value)) return undefined;
    return kinds.some((k) => value.startsWith(`${ID_PREFIX[k]}:`)) ? value : undefined;
  }

  /** Distinct non-empty strings. */
  stringList(obj: Obj, key: string, maxItems: number): string[] {
    return [...new Set(this.array(obj, key, maxItems).filter((v): v is string => typeof v === 'string' && v.trim() !== ''))];
  }
}

export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return JSON.stringify(v.length > 60 ? `${v.slice(0, 60)}…` : v);
  if (typeof v === 'object') return 'an object';
  return `${typeof v} ${String(v)}`;
}
