/**
 * What the graph built so far refuses in a document, as the online write path reads it from the
 * store (writePlan.ts): references it does not hold with the right kind, claims' units that do
 * not fit a stored measure's, and PART_OF cycles closed with stored edges.
 */
import type { ExternalRef, NormalizedDocument } from '../normalized.js';
import { partOfCycleProblems, partOfEdges } from '../partOfCycles.js';
import { Problems } from '../problems.js';
import { storedUnitProblems, type UnitRef } from '../unitFit.js';
import type { GraphModel } from './graphModel.js';

/**
 * Adds to `problems` the references the graph so far does not hold with the right kind (ids the
 * document defines itself, `defined`, excepted).
 */
export function referenceProblems(refs: ExternalRef[], model: GraphModel, problems: Problems, defined: Map<string, string> = new Map()): Problems {
  for (const ref of refs) {
    if (defined.get(ref.id) === ref.kind) continue;
    const kind = model.get(ref.id)?.kind;
    if (!kind) problems.add(ref.path, `"${ref.id}" is neither defined in this document nor present in the graph`);
    else if (kind !== ref.kind) problems.add(ref.path, `"${ref.id}" is a ${kind} in the graph, not a ${ref.kind}`);
  }
  return problems;
}

/** Adds to `problems` the claims' units that do not fit the unit of a measure the graph so far holds. */
export function unitProblems(unitRefs: UnitRef[], model: GraphModel, problems: Problems): Problems {
  return storedUnitProblems(unitRefs, (id) => storedUnit(model, id), problems);
}

/** A stored measure's unit (ingest/existingIds.cypher reads it of measures only). */
function storedUnit(model: GraphModel, id: string): string | null | undefined {
  const node = model.get(id);
  if (!node) return undefined;
  return node.kind === 'Measure' ? ((node.props.unit as string | undefined) ?? null) : null;
}

/** Throws the first refusal the graph so far gives the document, as a client error; returns when there is none. */
export function checkReferences(doc: NormalizedDocument, model: GraphModel, defined: Map<string, string>): void {
  // As writePlan.ts refuses a batch online: missing references first, then units, then cycles.
  const missing = referenceProblems(doc.externalRefs, model, new Problems(), defined);
  if (!missing.empty) throw missing.toError();
  const misfits = unitProblems(doc.unitRefs, model, new Problems());
  if (!misfits.empty) throw misfits.toError();
  // PART_OF cycles closed with the graph so far, as writePlan.ts refuses them online.
  const cycles = partOfCycleProblems(partOfEdges(doc), (id) => {
    const n = model.get(id);
    return n ? model.targets(n, 'PART_OF')[0] : undefined;
  });
  if (!cycles.empty) throw cycles.toError();
}
