/**
 * Finding the comparable claim pairs of a cross-reference in bounded work: claims bucketed by
 * measure and aggregation, periods swept in start order (comparable figures share a day), at most
 * MAX_COMPARISONS comparisons and MAX_COMPARE_MS, yielding the event loop and honouring the request's deadline.
 */
import type { Queries } from '../../db/queries.js';
import type { CompactClaimRow } from '../../db/rows.js';
import type { ComparableClaim, ShareContext } from './comparable.js';
import { compareClaims } from './compareClaims.js';
import { resolvePeriod } from './intervals.js';
import { partWholeOutcome, type RegionRelation } from './partWhole.js';

/** Pairs listed per verdict at most. */
export const MAX_PAIRS = 200;

export interface Pair {
  a: string;
  b: string;
  gap: number | null;
  allenRelation: string;
  /** Whether either claim names no region (compared with any region). */
  scopeUnstated: boolean;
}

const toComparable = (c: CompactClaimRow): ComparableClaim => ({ ...c, period: resolvePeriod(c.periodStart, c.periodEnd, c.statedAt) });

/** Region id → that region and every region it lies in. */
export type Ancestors = Map<string, string[]>;

/** Whether region x lies in region y (or is y). */
function within(x: string, y: string, up: Ancestors): boolean {
  return (up.get(x) ?? [x]).includes(y);
}

/**
 * Where b's regions lie against a's: the same, a PART of them, the WHOLE they lie in (a city
 * against its province: partWhole.ts), or null when neither. A claim that names no region is compared with any (its
 * scope is unstated, and missing metadata must not hide a conflict: the pair says so). Called for
 * every candidate pair, so it creates no closures: tsx keeps function names, and naming a closure
 * costs more than the test.
 */
function regionRelation(a: CompactClaimRow, b: CompactClaimRow, up: Ancestors): RegionRelation | null {
  if (!a.regionIds.length || !b.regionIds.length) return 'UNSTATED';
  let found: RegionRelation | null = null;
  for (const ra of a.regionIds)
    for (const rb of b.regionIds) {
      if (ra === rb) return 'SAME';
      if (within(ra, rb, up)) found = 'WHOLE';
      else if (within(rb, ra, up)) found ??= 'PART';
    }
  return found;
}

/**
 * Comparisons made at most per cross-reference. Pairs are found in time proportional to the
 * claims plus the pairs whose periods overlap; when the organizations' claims overlap in more
 * pairs than this (thousands of figures on one measure and one period each), the answer lists
 * what it compared and says `truncated`, instead of spending minutes and gigabytes on the rest.
 */
export const MAX_COMPARISONS = 250_000;

/**
 * Wall time the comparisons of one cross-reference may take, whatever their number: on a loaded
 * machine 250,000 comparisons take longer, and the answer must still come within the 2 s the
 * README promises. Past it the answer is `truncated`, as past MAX_COMPARISONS.
 */
export const MAX_COMPARE_MS = 1_200;

interface Item {
  row: CompactClaimRow;
  cmp: ComparableClaim;
  side: 0 | 1;
}

/** Lets other requests' callbacks run: a long comparison must not hold the event loop. */
const yieldLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

class PairCollector {
  readonly agreements: Pair[] = [];
  readonly conflicts: Pair[] = [];
  budget = MAX_COMPARISONS;
  truncated = false;
  private readonly until = Date.now() + MAX_COMPARE_MS;

  constructor(
    private readonly up: Ancestors,
    private readonly db: Queries,
  ) {}

  /** Compares a (of the earlier organization) with b; false once the budget is spent. */
  compare(a: Item, b: Item): boolean {
    if (this.budget <= 0) {
      this.truncated = true;
      return false;
    }
    this.budget -= 1;
    if (a.row.id === b.row.id) return true;
    const region = regionRelation(a.row, b.row, this.up);
    if (region === null) return true;
    const out = partWholeOutcome(compareClaims(a.cmp, b.cmp), region, a.cmp, b.cmp);
    if (out.verdict === 'NOT_COMPARABLE') return true;
    const list = out.verdict === 'AGREES' ? this.agreements : this.conflicts;
    if (list.length <= MAX_PAIRS) list.push({ a: a.row.id, b: b.row.id, gap: out.gap, allenRelation: out.allenRelation, scopeUnstated: !a.row.regionIds.length || !b.row.regionIds.length });
    return true;
  }

  /**
   * Every 2,048 comparisons: give way to other requests and stop if this one is out of time or its
   * client left. Awaited only then, so the common case stays a plain loop.
   */
  get due(): boolean {
    return (this.budget & 2047) === 0;
  }

  /** Comparisons made so far (what the request is charged for: costModel.ts). */
  get made(): number {
    return MAX_COMPARISONS - this.budget;
  }

  async pause(): Promise<void> {
    await yieldLoop();
    this.db.checkpoint();
    if (Date.now() > this.until) this.budget = 0;
  }
}

/**
 * Every comparable pair between two organizations' claims on one measure and aggregation. Claims
 * with periods are swept in start order, each compared only with the other side's claims whose
 * periods are still open (comparable figures share at least one day); claims without a period
 * are compared with all.
 */
async function sweep(mine: Item[], theirs: Item[], pairs: PairCollector): Promise<void> {
  const orient = (x: Item, y: Item) => (x.side === 0 ? pairs.compare(x, y) : pairs.compare(y, x));
  // Every pair with an undated claim once: mine undated × all theirs, theirs undated × mine dated.
  for (const u of mine) {
    if (u.cmp.period) continue;
    for (const o of theirs) {
      if (!orient(u, o)) return;
      if (pairs.due) await pairs.pause();
    }
  }
  for (const u of theirs) {
    if (u.cmp.period) continue;
    for (const o of mine) {
      if (!o.cmp.period) continue;
      if (!orient(u, o)) return;
      if (pairs.due) await pairs.pause();
    }
  }
  const dated = [...mine, ...theirs].filter((x) => x.cmp.period).sort((x, y) => (x.cmp.period!.start < y.cmp.period!.start ? -1 : x.cmp.period!.start > y.cmp.period!.start ? 1 : 0));
  const open: [Item[], Item[]] = [[], []];
  for (const item of dated) {
    const start = item.cmp.period!.start;
    const other = open[1 - item.side];
    let kept = 0;
    for (const o of other) {
      if (o.cmp.period!.end < start) continue; // closed before this one opens: never again
      other[kept++] = o;
      if (!orient(item, o)) return;
      if (pairs.due) await pairs.pause();
    }
    other.length = kept;
    open[item.side].push(item);
  }
}

/** One organization's claims by measure and aggregation, and its shares made absolute by part measure. */
interface Buckets {
  byKey: Map<string, Item[]>;
  /** Shares with a base, by the measure of their absolute part (shares.ts). */
  sharesByPart: Map<string, Item[]>;
}

const push = (m: Map<string, Item[]>, key: string, item: Item) => {
  const bucket = m.get(key);
  if (bucket) bucket.push(item);
  else m.set(key, [item]);
};

/** The absolute-figure buckets of one measure (any aggregation but SHARE). */
function absoluteBuckets(b: Buckets, measureId: string): Item[][] {
  return [...b.byKey].filter(([key]) => key.startsWith(`${measureId}|`) && key !== `${measureId}|SHARE`).map(([, items]) => items);
}

export async function comparePairs(
  groups: CompactClaimRow[][],
  up: Ancestors,
  db: Queries,
  shares: Map<string, ShareContext> = new Map(),
): Promise<{ agreements: Pair[]; conflicts: Pair[]; truncated: boolean; comparisons: number }> {
  const pairs = new PairCollector(up, db);
  // Only claims on one measure with one aggregation can be comparable (or a share and an absolute
  // figure of its part): bucket first, and resolve each claim's period once, not once per pair.
  const buckets: Buckets[] = groups.map((claims) => {
    const byKey = new Map<string, Item[]>();
    const sharesByPart = new Map<string, Item[]>();
    for (const c of claims) {
      if (!c.measureId) continue;
      const share = shares.get(c.id);
      const item: Item = { row: c, cmp: { ...toComparable(c), share }, side: 0 };
      push(byKey, `${c.measureId}|${c.aggregation ?? 'NONE'}`, item);
      if (share?.base) push(sharesByPart, share.base.partMeasureId, item);
    }
    return { byKey, sharesByPart };
  });
  const sides = (mine: Item[], theirs: Item[]) =>
    sweep(
      mine.map((x) => ({ ...x, side: 0 })),
      theirs.map((x) => ({ ...x, side: 1 })),
      pairs,
    );
  for (let i = 0; i < groups.length; i++) {
    for (let j = i + 1; j < groups.length; j++) {
      for (const [key, mine] of buckets[i].byKey) {
        const theirs = buckets[j].byKey.get(key);
        if (theirs) await sides(mine, theirs);
        if (pairs.truncated) return { agreements: pairs.agreements, conflicts: pairs.conflicts, truncated: true, comparisons: pairs.made };
      }
      // Shares of one against the absolute figures of the other, both ways.
      for (const [part, shares] of buckets[i].sharesByPart) for (const theirs of absoluteBuckets(buckets[j], part)) await sides(shares, theirs);
      for (const [part, shares] of buckets[j].sharesByPart) for (const mine of absoluteBuckets(buckets[i], part)) await sides(mine, shares);
      if (pairs.truncated) return { agreements: pairs.agreements, conflicts: pairs.conflicts, truncated: true, comparisons: pairs.made };
    }
  }
  return { agreements: pairs.agreements, conflicts: pairs.conflicts, truncated: false, comparisons: pairs.made };
}
