/**
 * Shares made absolute: "0.8% of Ukraine's territory" compares with "4,800 km² taken" when the
 * share's measure declares what it is a share of (`shareOf.base`, a measure such as a country's
 * area) and the graph holds that base for the share's region and period. The base is a claim:
 * the figure the reporting itself used, not a reference value of our own.
 */
import type { Queries } from '../../db/queries.js';
import type { ComparableClaim, ShareBase, ShareContext } from './comparable.js';
import { roundingUnit, showInterval, toInterval } from './intervals.js';
import { shareFactor, showNumber } from './units.js';

/** One share claim's base, as cypher/include/shareBase.cypherpart finds it. */
export interface ShareBaseRow {
  claimId: string;
  partMeasureId: string;
  baseMeasureName: string;
  regionIds: string[];
  regionNames: string[];
  base: { id: string; value: number | null; low: number | null; high: number | null; unit: string | null } | null;
}

/** The context of each share claim among `claimIds` whose measure declares a base (others are absent). */
export async function loadShareBases(db: Queries, claimIds: string[]): Promise<Map<string, ShareContext>> {
  if (!claimIds.length) return new Map();
  return shareContexts(await db.read<ShareBaseRow>('provenance/shareBases', { p: { claimIds } }));
}

/** Each share's context from its base row (provenance/shareBases, or the corroboration's own query). */
export function shareContexts(rows: ShareBaseRow[]): Map<string, ShareContext> {
  const out = new Map<string, ShareContext>();
  for (const r of rows) {
    const scope = [...r.regionIds].sort().join(' ');
    const none = (why: string) => out.set(r.claimId, { scope, base: null, whyNoBase: why });
    if (r.regionNames.length !== 1) {
      none(`the share ${r.regionNames.length ? 'names several regions' : 'names no region'}, so its base (${r.baseMeasureName}) is unknown`);
      continue;
    }
    const b = r.base;
    // A base stated as a range is taken at its middle; it is a reference size, not the figure compared.
    const value = b ? (b.value ?? (b.low != null && b.high != null ? (b.low + b.high) / 2 : null)) : null;
    if (!b || value == null) {
      none(`the graph holds no ${r.baseMeasureName} for ${r.regionNames[0]} in the share's period, so the share cannot be made absolute`);
      continue;
    }
    out.set(r.claimId, { scope, whyNoBase: null, base: { claimId: b.id, value, unit: b.unit, label: `${r.baseMeasureName}, ${r.regionNames[0]}`, partMeasureId: r.partMeasureId } });
  }
  return out;
}

/**
 * How two claims compare when shares are involved: `direct` (as stated: no share with a declared
 * base, or two shares of one scope, or one of them with an unstated scope), `absolute` (each share
 * made absolute with its base), or a reason why they cannot be compared.
 */
export function shareMode(a: ComparableClaim, b: ComparableClaim): 'direct' | 'absolute' | string {
  const sa = a.aggregation === 'SHARE' ? a.share : undefined;
  const sb = b.aggregation === 'SHARE' ? b.share : undefined;
  if (!sa && !sb) return 'direct';
  if (sa && sb && (sa.scope === sb.scope || !sa.scope || !sb.scope)) return 'direct';
  // Shares of different wholes (Donetsk Oblast's and Ukraine's), or a share and an absolute figure.
  if (a.aggregation === 'SHARE' && !sa) return 'direct';
  if (b.aggregation === 'SHARE' && !sb) return 'direct';
  const missing = [sa, sb].find((s) => s && !s.base);
  return missing ? missing.whyNoBase! : 'absolute';
}

/**
 * A share as the absolute figure it stands for: value, bounds and rounding unit scaled by the
 * base, in the base's unit, compared as `aggregation` (the other claim's). The derivation says how,
 * for the comparison's reason.
 */
export function shareAsAbsolute(share: ComparableClaim, base: ShareBase, aggregation: string | null): ComparableClaim | null {
  const own = toInterval(share);
  if (!own) return null;
  const factor = shareFactor(share.unit) * base.value;
  const scale = (x: number | null) => (x == null ? null : x * factor);
  const absolute: ComparableClaim = {
    ...share,
    value: scale(share.value),
    low: scale(share.low),
    high: scale(share.high),
    precision: share.value == null ? null : roundingUnit(share.value, share.precision) * factor,
    unit: base.unit,
    aggregation,
    share: undefined,
  };
  // Built only if the comparison's reason is read (crossReference never reads it).
  absolute.derivation = () =>
    `the share ${showInterval(own)} ${share.unit ?? 'percent'} of ${base.label} ${showNumber(base.value)} ${base.unit ?? ''} (${base.claimId}) is ${showInterval(toInterval(absolute)!)} ${base.unit ?? ''}`.replace(
      / +/g,
      ' ',
    );
  return absolute;
}
