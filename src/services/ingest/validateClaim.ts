/**
 * Validation of one claim: its quantity (bounds and aggregation consistent), its period
 * (truncated dates resolved, start ≤ end, null end = open), and its references.
 */
import { parseTruncatedDate, toInstant, type ParsedDate } from './dates.js';
import type { IdKind } from './fields.js';
import type { NormalizedClaim, NormalizedPeriod } from './normalized.js';
import { at } from './problems.js';
import { LIMITS, type Ctx } from './validateEntities.js';

export interface ClaimDefaults {
  sourceId: string;
  /** The source's publication instant: a claim's statedAt unless it says otherwise. */
  sourceStatedAt: string | null;
  /** Ids the source derives from; basedOn must be among them. */
  derivedFrom: Set<string>;
}

function quantity(ctx: Ctx, raw: unknown, path: string): Record<string, unknown> | undefined {
  const { f, problems } = ctx;
  const q = f.object(raw);
  if (!q) return undefined;
  const bound = f.enumValue(q, 'bound', 'Bound');
  const aggregation = f.enumValue(q, 'aggregation', 'Aggregation');
  const value = f.number(q, 'value');
  const low = f.number(q, 'low');
  const high = f.number(q, 'high');
  const per = f.enumValue(q, 'per', 'Granularity');
  const precision = f.number(q, 'precision');
  if (precision !== undefined && !(precision > 0)) problems.add(at(path, 'precision'), `must be a positive rounding unit (1000 for "to the thousand"), got ${precision}`);
  if (precision !== undefined && bound === 'RANGE') problems.add(at(path, 'precision'), 'is for a single stated value, not a RANGE');
  if (bound === 'RANGE') {
    if (low === undefined) problems.add(at(path, 'low'), 'is required for a RANGE');
    if (high === undefined) problems.add(at(path, 'high'), 'is required for a RANGE');
    if (low !== undefined && high !== undefined && low > high) problems.add(at(path, 'low'), `low (${low}) is greater than high (${high})`);
    if (value !== undefined && low !== undefined && high !== undefined && (value < low || value > high)) problems.add(at(path, 'value'), `value ${value} lies outside low..high (${low}..${high})`);
  } else if (bound) {
    if (value === undefined && q.value == null) problems.add(at(path, 'value'), `is required when bound is ${bound}`);
    if (q.low != null || q.high != null) problems.add(at(path, q.low != null ? 'low' : 'high'), `low/high are for bound RANGE, not ${bound}`);
  }
  if (aggregation === 'RATE' && !per && q.per == null) problems.add(at(path, 'per'), 'is required for a RATE (the unit of time the value is per)');
  if (per && aggregation && aggregation !== 'RATE') problems.add(at(path, 'per'), `only a RATE has "per", not ${aggregation}`);
  const unit = f.string(q, 'unit');
  if (aggregation === 'SHARE' && unit === 'percent') {
    for (const [k, v] of [
      ['value', value],
      ['low', low],
      ['high', high],
    ] as const) {
      if (v !== undefined && (v < 0 || v > 100)) problems.add(at(path, k), `a percentage must lie in 0..100, got ${v}`);
    }
  }
  return { value: value ?? null, low: low ?? null, high: high ?? null, unit: unit ?? null, bound: bound ?? null, precision: precision ?? null, aggregation: aggregation ?? null, per: per ?? null };
}

function period(ctx: Ctx, raw: unknown, path: string): NormalizedPeriod | undefined {
  const { f, problems } = ctx;
  const p = f.object(raw);
  if (!p) return undefined;
  const parse = (key: 'start' | 'end'): ParsedDate | undefined => {
    const r = parseTruncatedDate(p[key], key);
    if (typeof r === 'string') {
      problems.add(at(path, key), r);
      return undefined;
    }
    return r;
  };
  if (p.start == null) {
    problems.add(at(path, 'start'), 'is required (a period without a start cannot be compared)');
    return undefined;
  }
  const start = parse('start');
  // Absent end: the end of start's precision ("2025" is the year 2025); null: open-ended.
  const end = !('end' in p) ? (start ? parseTruncatedDate(p.start, 'end') : undefined) : p.end === null ? null : parse('end');
  const granularity = f.enumValue(p, 'granularity', 'Granularity');
  const label = f.string(p, 'label');
  if (!start || end === undefined || typeof end === 'string') return undefined;
  if (end && start.date > end.date) {
    problems.add(at(path, 'end'), `ends (${end.date}) before it starts (${start.date})`);
    return undefined;
  }
  const id = `period:${start.date}_${end ? end.date : 'open'}${granularity ? `_${granularity.toLowerCase()}` : ''}`;
  return { id, start: start.date, end: end ? end.date : null, granularity: granularity ?? null, label: label ?? null };
}

function idList(ctx: Ctx, obj: Record<string, unknown>, key: string, path: string, kinds: IdKind[]): string[] {
  const ids = ctx.f
    .array(obj, key, LIMITS.refs)
    .map((v, i) => {
      const id = ctx.f.id(v, kinds);
      ctx.refs.refer(id, at(at(path, key), i));
      return id;
    })
    .filter((v): v is string => !!v);
  return [...new Set(ids)];
}

export function validateClaim(ctx: Ctx, raw: unknown, path: string, defaults: ClaimDefaults): { claim: NormalizedClaim; period?: NormalizedPeriod } | undefined {
  const { f, problems, refs } = ctx;
  const o = f.object(raw);
  if (!o) return undefined;
  const id = f.id(o.id, ['Claim']);
  const text = f.string(o, 'text');
  const quote = f.string(o, 'quote');
  const measureId = o.measure == null ? null : (f.id(o.measure, ['Measure']) ?? null);
  refs.refer(measureId ?? undefined, at(path, 'measure'));
  const q = o.quantity == null ? undefined : quantity(ctx, o.quantity, at(path, 'quantity'));
  const per = o.period == null ? undefined : period(ctx, o.period, at(path, 'period'));
  const regionIds = idList(ctx, o, 'regions', path, ['Region']);
  const attributedToIds = idList(ctx, o, 'attributedTo', path, ['Organization', 'Person']);
  const basedOnIds = idList(ctx, o, 'basedOn', path, ['Source']);
  basedOnIds.forEach((b) => {
    if (!defaults.derivedFrom.has(b)) problems.add(at(path, 'basedOn'), `"${b}" is not among the source's derivedFrom; a claim can only be based on what its source draws on`);
  });
  const supersedesIds = idList(ctx, o, 'supersedes', path, ['Claim']);
  if (id && supersedesIds.includes(id)) problems.add(at(path, 'supersedes'), 'a claim cannot supersede itself');
  const confidence = f.number(o, 'confidence');
  const status = f.enumValue(o, 'status', 'ClaimStatus') ?? 'ACTIVE';
  let statedAt = defaults.sourceStatedAt;
  if (o.statedAt != null) {
    const parsed = parseTruncatedDate(o.statedAt, 'start');
    if (typeof parsed === 'string') problems.add(at(path, 'statedAt'), parsed);
    else statedAt = toInstant(parsed);
  }
  if (!id || !text) return undefined;
  if (!refs.define(id, at(path, 'id'), raw)) return undefined;
  const props: Record<string, unknown> = {
    text,
    quote: quote ?? null,
    value: q?.value ?? null,
    low: q?.low ?? null,
    high: q?.high ?? null,
    unit: q?.unit ?? null,
    bound: q?.bound ?? null,
    precision: q?.precision ?? null,
    aggregation: q?.aggregation ?? null,
    per: q?.per ?? null,
    confidence: confidence ?? null,
    status,
  };
  return {
    claim: {
      id,
      sourceId: defaults.sourceId,
      props,
      statement: { quote: quote ?? null, statedAt },
      statedAt,
      periodStart: per?.start ?? null,
      periodEnd: per?.end ?? null,
      measureId,
      periodId: per?.id ?? null,
      regionIds,
      attributedToIds,
      basedOnIds,
      supersedesIds,
    },
    period: per,
  };
}
