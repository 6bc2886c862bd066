/**
 * Validates a whole ingest document without touching the database: shape, enums, dates, bounds,
 * limits, duplicate ids, and which references the graph must satisfy. Throws one BAD_USER_INPUT
 * error listing every problem with its JSON path.
 */
import { parseTruncatedDate, toInstant } from './dates.js';
import { Fields } from './fields.js';
import type { NormalizedDocument, NormalizedPeriod } from './normalized.js';
import { at, Problems } from './problems.js';
import { References } from './references.js';
import { validateClaim } from './validateClaim.js';
import { validateMeasure, validateOrganization, validatePerson, validateRegion, validateSource, type Ctx } from './validateEntities.js';

export const MAX_CLAIMS_PER_DOCUMENT = 20_000;
const MAX_ENTITIES = 5_000;

export function validateDocument(raw: unknown): NormalizedDocument {
  const problems = new Problems();
  const f = new Fields(problems);
  const refs = new References(problems);
  const ctx: Ctx = { f, problems, refs };
  const doc = f.object(raw, '', ['source', 'sources', 'organizations', 'people', 'regions', 'measures', 'claims']);
  if (!doc) throw problems.toError();

  if (doc.source == null) problems.add('source', 'is required: every document describes the one source its claims are stated in');
  const main = doc.source == null ? undefined : validateSource(ctx, doc.source, 'source', true);
  const sources = main ? [main] : [];
  f.array(doc, 'sources', '', MAX_ENTITIES).forEach((s, i) => {
    const n = validateSource(ctx, s, at('sources', i), false);
    if (n) sources.push(n);
  });
  const collect = <T>(key: string, fn: (ctx: Ctx, raw: unknown, path: string) => T | undefined): T[] =>
    f.array(doc, key, '', MAX_ENTITIES).flatMap((v, i) => {
      const n = fn(ctx, v, at(key, i));
      return n ? [n] : [];
    });
  const organizations = collect('organizations', validateOrganization);
  const people = collect('people', validatePerson);
  const regions = collect('regions', validateRegion);
  const measures = collect('measures', validateMeasure);

  const published = doc.source && typeof doc.source === 'object' && main ? parseTruncatedDate((doc.source as Record<string, unknown>).publishedAt, 'start') : undefined;
  const defaults = {
    sourceId: main?.id ?? '',
    sourceStatedAt: published && typeof published !== 'string' ? toInstant(published) : null,
    derivedFrom: new Set((main?.derivedFrom ?? []).map((d) => d.id)),
  };
  const periods = new Map<string, NormalizedPeriod>();
  const claims = f.array(doc, 'claims', '', MAX_CLAIMS_PER_DOCUMENT).flatMap((c, i) => {
    const r = validateClaim(ctx, c, at('claims', i), defaults);
    if (!r) return [];
    if (r.period && !periods.has(r.period.id)) periods.set(r.period.id, r.period);
    return [r.claim];
  });

  if (!problems.empty || !main) throw problems.toError();
  return {
    sourceId: main.id,
    sources,
    organizations,
    people,
    regions,
    measures,
    periods: [...periods.values()],
    claims,
    externalRefs: refs.external(),
  };
}
