/**
 * Validation of the entities a document describes besides its claims: sources, organizations,
 * people, regions, measures. Shared entities are updated with what the document gives, never
 * blanked by what it leaves out.
 */
import { parseTruncatedDate } from './dates.js';
import { plainDocumentFields } from './documentSchema.js';
import type { DefinedLabel } from '../../model/derived.js';
import type { Fields, Obj } from './fields.js';
import type { NormalizedMeasure, NormalizedOrganization, NormalizedPerson, NormalizedRegion, NormalizedSource } from './normalized.js';
import { at, type Problems } from './problems.js';
import type { References } from './references.js';

/** How many entries a list is read to at most (the schema refuses more; this bounds the reading). */
export const LIMITS = { aliases: 50, refs: 200 };

/**
 * The properties a document gives an entity: those read by name here, then every other plain
 * field of its kind (plainDocumentFields: same name in the model and the schema) as it is, with
 * undefined entries dropped so `SET n += $props` only touches what the document gave.
 */
function given(f: Fields, o: Obj, label: DefinedLabel, props: Record<string, unknown>): Record<string, unknown> {
  const all: Record<string, unknown> = { ...props };
  for (const { name, type } of plainDocumentFields(label)) if (!(name in all)) all[name] = type === 'number' ? f.number(o, name) : f.string(o, name);
  return Object.fromEntries(Object.entries(all).filter(([, v]) => v !== undefined));
}

export interface Ctx {
  f: Fields;
  problems: Problems;
  refs: References;
}

export function validateSource(ctx: Ctx, raw: unknown, path: string, isMain: boolean): NormalizedSource | undefined {
  const { f, problems, refs } = ctx;
  const o = f.object(raw);
  if (!o) return undefined;
  const id = f.id(o.id, ['Source']);
  const kind = f.enumValue(o, 'kind', 'SourceKind');
  const date = (key: string) => {
    if (o[key] === undefined || o[key] === null) return undefined;
    const parsed = parseTruncatedDate(o[key], 'start');
    if (typeof parsed === 'string') {
      problems.add(at(path, key), parsed);
      return undefined;
    }
    return parsed;
  };
  const published = date('publishedAt');
  const retrieved = date('retrievedAt');
  const publisherId = o.publisher == null ? null : (f.id(o.publisher, ['Organization']) ?? null);
  refs.refer(publisherId ?? undefined, at(path, 'publisher'));
  const authorIds =
    o.authors == null
      ? null
      : f
          .array(o, 'authors', LIMITS.refs)
          .map((a) => f.id(a, ['Person']))
          .filter((a): a is string => !!a);
  authorIds?.forEach((a, i) => refs.refer(a, at(at(path, 'authors'), i)));
  let derivedFrom: { id: string; kind: string }[] | null = null;
  if (isMain || o.derivedFrom != null) {
    derivedFrom = [];
    f.array(o, 'derivedFrom', LIMITS.refs).forEach((d, i) => {
      const p = at(at(path, 'derivedFrom'), i);
      const dobj = f.object(d);
      if (!dobj) return;
      const target = f.id(dobj.source, ['Source']);
      const dkind = f.enumValue(dobj, 'kind', 'DerivationKind');
      if (target && target === id) problems.add(at(p, 'source'), 'a source cannot derive from itself');
      else if (target && dkind) {
        refs.refer(target, at(p, 'source'));
        derivedFrom!.push({ id: target, kind: dkind });
      }
    });
  }
  const props = given(f, o, 'Source', {
    kind,
    publishedAtPrecision: published ? (published.precision === 'INSTANT' ? 'DAY' : published.precision) : undefined,
    reliability: f.enumValue(o, 'reliability', 'Reliability'),
  });
  if (!id || !kind) return undefined;
  if (!refs.define(id, at(path, 'id'), raw)) return undefined;
  return { id, kind, props, publisherId, authorIds, derivedFrom, publishedAt: published?.date ?? null, retrievedAt: retrieved?.date ?? null };
}

export function validateOrganization(ctx: Ctx, raw: unknown, path: string): NormalizedOrganization | undefined {
  const { f, problems, refs } = ctx;
  const o = f.object(raw);
  if (!o) return undefined;
  const id = f.id(o.id, ['Organization']);
  const name = f.string(o, 'name');
  const aliases = f.stringList(o, 'aliases', LIMITS.aliases);
  const partOf = o.partOf == null ? null : (f.id(o.partOf, ['Organization']) ?? null);
  if (partOf && partOf === id) problems.add(at(path, 'partOf'), 'an organization cannot be part of itself');
  else refs.refer(partOf ?? undefined, at(path, 'partOf'));
  const props = given(f, o, 'Organization', { name, reliability: f.enumValue(o, 'reliability', 'Reliability') });
  if (!id || !name || !refs.define(id, at(path, 'id'), raw)) return undefined;
  return { id, props, aliases, partOf: partOf === id ? null : partOf };
}

export function validatePerson(ctx: Ctx, raw: unknown, path: string): NormalizedPerson | undefined {
  const { f, problems, refs } = ctx;
  const o = f.object(raw);
  if (!o) return undefined;
  const id = f.id(o.id, ['Person']);
  const name = f.string(o, 'name');
  const aliases = f.stringList(o, 'aliases', LIMITS.aliases);
  const roles =
    o.roles == null
      ? null
      : f.array(o, 'roles', LIMITS.refs).flatMap((r, i) => {
          const p = at(at(path, 'roles'), i);
          const ro = f.object(r);
          if (!ro) return [];
          const org = f.id(ro.organization, ['Organization']);
          refs.refer(org, at(p, 'organization'));
          const day = (key: 'from' | 'to') => {
            if (ro[key] == null) return null;
            const d = parseTruncatedDate(ro[key], key === 'from' ? 'start' : 'end');
            if (typeof d === 'string') {
              problems.add(at(p, key), d);
              return null;
            }
            return d.date;
          };
          const from = day('from');
          const to = day('to');
          if (from && to && from > to) problems.add(at(p, 'to'), `ends (${to}) before it begins (${from})`);
          return org ? [{ organizationId: org, title: f.string(ro, 'title') ?? null, from, to }] : [];
        });
  if (!id || !name || !refs.define(id, at(path, 'id'), raw)) return undefined;
  return { id, props: given(f, o, 'Person', { name }), aliases, roles };
}

export function validateRegion(ctx: Ctx, raw: unknown, path: string): NormalizedRegion | undefined {
  const { f, problems, refs } = ctx;
  const o = f.object(raw);
  if (!o) return undefined;
  const id = f.id(o.id, ['Region']);
  const name = f.string(o, 'name');
  const aliases = f.stringList(o, 'aliases', LIMITS.aliases);
  const partOf = o.partOf == null ? null : (f.id(o.partOf, ['Region']) ?? null);
  if (partOf && partOf === id) problems.add(at(path, 'partOf'), 'a region cannot be part of itself');
  else refs.refer(partOf ?? undefined, at(path, 'partOf'));
  const props = given(f, o, 'Region', { name });
  if (!id || !name || !refs.define(id, at(path, 'id'), raw)) return undefined;
  return { id, props, aliases, partOf: partOf === id ? null : partOf };
}

export function validateMeasure(ctx: Ctx, raw: unknown, path: string): NormalizedMeasure | undefined {
  const { f, refs } = ctx;
  const o: Obj | undefined = f.object(raw);
  if (!o) return undefined;
  const id = f.id(o.id, ['Measure']);
  const name = f.string(o, 'name');
  const share = o.shareOf == null ? undefined : shareOf(ctx, o.shareOf, at(path, 'shareOf'), id);
  const props = given(f, o, 'Measure', {
    name,
    shareBase: share?.base,
    sharePart: share?.part,
  });
  if (!id || !name || !refs.define(id, at(path, 'id'), raw)) return undefined;
  return { id, props };
}

/**
 * What a share measure is a share of: `base`, the measure of the whole (a country's area), and
 * `part`, the measure counting the part in absolute units (this measure itself when not given).
 */
function shareOf(ctx: Ctx, raw: unknown, path: string, self: string | undefined): { base: string; part: string | undefined } | undefined {
  const { f, problems, refs } = ctx;
  const o = f.object(raw);
  if (!o) return undefined;
  if (o.base == null) {
    problems.add(at(path, 'base'), 'is required: the measure this is a share of');
    return undefined;
  }
  const base = f.id(o.base, ['Measure']);
  const part = o.part == null ? undefined : f.id(o.part, ['Measure']);
  if (base && base === self) problems.add(at(path, 'base'), 'a measure cannot be a share of itself');
  else refs.refer(base, at(path, 'base'));
  if (part && part !== self) refs.refer(part, at(path, 'part'));
  return base ? { base, part: part === self ? undefined : part } : undefined;
}
