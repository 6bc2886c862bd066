/**
 * Validates a whole ingest document without touching the database: its shape against
 * schema/ingest.schema.json (documentSchema.ts), then what a schema cannot say — dates that exist,
 * periods in order, consistent quantities, duplicate ids, partOf cycles — and which references the
 * graph must satisfy. Every problem is collected with its JSON path, in one round.
 */
import { parseTruncatedDate, toInstant } from './dates.js';
import { checkShape } from './documentSchema.js';
import { Fields } from './fields.js';
import type { ExternalRef, NormalizedDocument, NormalizedPeriod } from './normalized.js';
import { partOfCycleProblems } from './partOfCycles.js';
import { at, Problems } from './problems.js';
import { References } from './references.js';
import { unitMisfit, unitPath, type UnitRef } from './unitFit.js';
import { validateClaim } from './validateClaim.js';
import { validateMeasure, validateOrganization, validatePerson, validateRegion, validateSource, type Ctx } from './validateEntities.js';

export const MAX_CLAIMS_PER_DOCUMENT = 20_000;
const MAX_ENTITIES = 5_000;

/** A document checked: normalized when it has no problems; its references either way. */
export interface CheckedDocument {
  doc: NormalizedDocument | null;
  problems: Problems;
  /** Well-formed references to ids the document does not define: the graph must hold them. */
  externalRefs: ExternalRef[];
  /** Claims' units on measures the graph must hold: checked against the stored measure's unit. */
  unitRefs: UnitRef[];
}

export function checkDocument(raw: unknown): CheckedDocument {
  const problems = new Problems();
  // Places the schema already faulted are not reported again by the reading that follows.
  problems.suppressUnder(checkShape(raw, problems));
  const f = new Fields();
  const refs = new References(problems);
  const ctx: Ctx = { f, problems, refs };
  const doc = f.object(raw);
  if (!doc) return { doc: null, problems, externalRefs: [], unitRefs: [] };

  const main = doc.source == null ? undefined : validateSource(ctx, doc.source, 'source', true);
  const sources = main ? [main] : [];
  f.array(doc, 'sources', MAX_ENTITIES).forEach((s, i) => {
    const n = validateSource(ctx, s, at('sources', i), false);
    if (n) sources.push(n);
  });
  /** Where each entity stands in the document (a duplicate entry is dropped, so not its index among them). */
  const pathOf = new Map<object, string>();
  const collect = <T extends object>(key: string, fn: (ctx: Ctx, raw: unknown, path: string) => T | undefined): T[] =>
    f.array(doc, key, MAX_ENTITIES).flatMap((v, i) => {
      const n = fn(ctx, v, at(key, i));
      if (n) pathOf.set(n, at(key, i));
      return n ? [n] : [];
    });
  const organizations = collect('organizations', validateOrganization);
  const people = collect('people', validatePerson);
  const regions = collect('regions', validateRegion);
  const measures = collect('measures', validateMeasure);
  // Cycles among the document's own partOf edges; those closed with stored edges are found at write.
  const edges = [...organizations, ...regions].flatMap((e) => (e.partOf ? [{ id: e.id, partOf: e.partOf, path: at(pathOf.get(e)!, 'partOf') }] : []));
  for (const p of partOfCycleProblems(edges, () => undefined).list) problems.add(p.path, p.message);

  const published = doc.source && typeof doc.source === 'object' && main ? parseTruncatedDate((doc.source as Record<string, unknown>).publishedAt, 'start') : undefined;
  const defaults = {
    sourceId: main?.id ?? '',
    sourceStatedAt: published && typeof published !== 'string' ? toInstant(published) : null,
    derivedFrom: new Set((main?.derivedFrom ?? []).map((d) => d.id)),
  };
  const periods = new Map<string, NormalizedPeriod>();
  const measureUnits = new Map(measures.map((m) => [m.id, (m.props.unit as string | undefined) ?? null]));
  const unitRefs: UnitRef[] = [];
  const claims = f.array(doc, 'claims', MAX_CLAIMS_PER_DOCUMENT).flatMap((c, i) => {
    const r = validateClaim(ctx, c, at('claims', i), defaults);
    if (!r) return [];
    const unit = r.claim.props.unit as string | null;
    if (unit && r.claim.measureId) {
      const path = unitPath(at('claims', i));
      if (!measureUnits.has(r.claim.measureId)) unitRefs.push({ measureId: r.claim.measureId, unit, path });
      else {
        const why = unitMisfit(unit, r.claim.measureId, measureUnits.get(r.claim.measureId));
        if (why) problems.add(path, why);
      }
    }
    if (r.period && !periods.has(r.period.id)) periods.set(r.period.id, r.period);
    return [r.claim];
  });

  const externalRefs = refs.external();
  if (!problems.empty || !main) return { doc: null, problems, externalRefs, unitRefs };
  return {
    doc: { sourceId: main.id, sources, organizations, people, regions, measures, periods: [...periods.values()], claims, externalRefs, unitRefs },
    problems,
    externalRefs,
    unitRefs,
  };
}

/** The normalized document, or a BAD_USER_INPUT error listing every problem found without the graph. */
export function validateDocument(raw: unknown): NormalizedDocument {
  const { doc, problems } = checkDocument(raw);
  if (!doc) throw problems.toError();
  return doc;
}
