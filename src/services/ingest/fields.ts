/**
 * Typed readers of one field of an untrusted object. Each records a problem at the field's JSON
 * path and returns undefined when the value is unusable, so validation goes on and reports all.
 */
import { at, type Problems } from './problems.js';

export type Obj = Record<string, unknown>;

export const ID_PREFIX = {
  Claim: 'claim',
  Source: 'src',
  Organization: 'org',
  Person: 'person',
  Region: 'region',
  Measure: 'measure',
} as const;
export type IdKind = keyof typeof ID_PREFIX;

const ID_FORM = /^[a-z]+:[A-Za-z0-9][A-Za-z0-9._~\-]*$/;
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

export class Fields {
  constructor(private readonly problems: Problems) {}

  /** The object at path, or undefined (with a problem) if it is not a plain object. */
  object(value: unknown, path: string, allowed: readonly string[]): Obj | undefined {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      this.problems.add(path || '$', `must be an object, got ${describe(value)}`);
      return undefined;
    }
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key)) this.problems.add(at(path, key), `unknown field "${key}" (allowed: ${allowed.join(', ')})`);
    }
    return value as Obj;
  }

  array(obj: Obj, key: string, path: string, max: number): unknown[] {
    const v = obj[key];
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) {
      this.problems.add(at(path, key), `must be an array, got ${describe(v)}`);
      return [];
    }
    if (v.length > max) {
      this.problems.add(at(path, key), `has ${v.length} entries; at most ${max} are allowed`);
      return v.slice(0, max);
    }
    return v;
  }

  string(obj: Obj, key: string, path: string, opts: { required?: boolean; max: number; pattern?: RegExp; hint?: string }): string | undefined {
    const v = obj[key];
    const p = at(path, key);
    if (v === undefined || v === null) {
      if (opts.required) this.problems.add(p, 'is required');
      return undefined;
    }
    if (typeof v !== 'string') {
      this.problems.add(p, `must be a string, got ${describe(v)}`);
      return undefined;
    }
    if (opts.required && v.trim() === '') {
      this.problems.add(p, 'must not be empty');
      return undefined;
    }
    if (v.length > opts.max) {
      this.problems.add(p, `is ${v.length} characters long; at most ${opts.max} are allowed`);
      return undefined;
    }
    if (opts.pattern && !opts.pattern.test(v)) {
      this.problems.add(p, `"${v.slice(0, 80)}" is not ${opts.hint ?? 'well-formed'}`);
      return undefined;
    }
    return v;
  }

  number(obj: Obj, key: string, path: string, opts: { min?: number; max?: number } = {}): number | undefined {
    const v = obj[key];
    const p = at(path, key);
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      this.problems.add(p, `must be a finite number, got ${describe(v)}`);
      return undefined;
    }
    if (opts.min !== undefined && v < opts.min) this.problems.add(p, `must be at least ${opts.min}, got ${v}`);
    else if (opts.max !== undefined && v > opts.max) this.problems.add(p, `must be at most ${opts.max}, got ${v}`);
    else return v;
    return undefined;
  }

  enumValue<K extends keyof typeof ENUMS>(obj: Obj, key: string, path: string, name: K, required = false): string | undefined {
    const v = obj[key];
    const p = at(path, key);
    if (v === undefined || v === null) {
      if (required) this.problems.add(p, `is required (one of ${ENUMS[name].join(', ')})`);
      return undefined;
    }
    if (typeof v !== 'string' || !(ENUMS[name] as readonly string[]).includes(v)) {
      this.problems.add(p, `${describe(v)} is not a ${name}; expected one of ${ENUMS[name].join(', ')}`);
      return undefined;
    }
    return v;
  }

  /** An id of the given kinds (by prefix), e.g. attributedTo takes org: or person:. */
  id(value: unknown, path: string, kinds: readonly IdKind[]): string | undefined {
    const prefixes = kinds.map((k) => `${ID_PREFIX[k]}:`);
    if (typeof value !== 'string') {
      this.problems.add(path, `must be an id string (${prefixes.join(' or ')}…), got ${describe(value)}`);
      return undefined;
    }
    if (value.length > MAX_ID || !ID_FORM.test(value)) {
      this.problems.add(path, `"${value.slice(0, 80)}" is not an id of the form <kind>:<slug> (letters, digits, . _ ~ -; at most ${MAX_ID} characters)`);
      return undefined;
    }
    if (!prefixes.some((pre) => value.startsWith(pre))) {
      this.problems.add(path, `"${value}" must be ${kinds.length > 1 ? 'one of' : 'a'} ${kinds.join(' or ')} id (${prefixes.join(' or ')}…)`);
      return undefined;
    }
    return value;
  }

  stringList(obj: Obj, key: string, path: string, maxItems: number, maxLen: number): string[] {
    const out: string[] = [];
    this.array(obj, key, path, maxItems).forEach((v, i) => {
      const p = at(at(path, key), i);
      if (typeof v !== 'string' || v.trim() === '') this.problems.add(p, `must be a non-empty string, got ${describe(v)}`);
      else if (v.length > maxLen) this.problems.add(p, `is ${v.length} characters long; at most ${maxLen} are allowed`);
      else out.push(v);
    });
    return [...new Set(out)];
  }
}

export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return JSON.stringify(v.length > 60 ? `${v.slice(0, 60)}…` : v);
  if (typeof v === 'object') return 'an object';
  return `${typeof v} ${String(v)}`;
}
