/**
 * A claim's unit must measure what its measure measures: a `km2` figure on a `percent` measure
 * can never be compared with anything and is a typing slip, so ingest refuses it, naming both
 * units. Units of one dimension fit ("thousand persons" on a `persons` measure, "sq mi" on `km2`);
 * a measure without a unit takes any.
 */
import { resolveUnit, unitConversion } from '../provenance/units.js';
import { at, Problems } from './problems.js';

/** A claim's unit that must fit a measure the document does not define (checked against the graph). */
export interface UnitRef {
  measureId: string;
  unit: string;
  /** The claim's `quantity.unit` path. */
  path: string;
}

/** Why `unit` does not fit the measure's unit, or null when it does. */
export function unitMisfit(unit: string, measureId: string, measureUnit: string | null | undefined): string | null {
  if (!measureUnit || unitConversion(unit, measureUnit)) return null;
  const kind = (u: string) => {
    const d = resolveUnit(u).dimension;
    return d.startsWith('count:') ? `a count of ${d.slice(6)}` : d;
  };
  return `"${unit}" (${kind(unit)}) does not fit ${measureId}, measured in "${measureUnit}" (${kind(measureUnit)}); give the figure in a unit of the measure's dimension, or choose another measure`;
}

/** The claim's unit path under `claims[i]`. */
export const unitPath = (claimPath: string) => at(at(claimPath, 'quantity'), 'unit');

/** Problems for the unit refs whose stored measure's unit they do not fit, added to `problems` (a new set by default). */
export function storedUnitProblems(refs: UnitRef[], storedUnit: (measureId: string) => string | null | undefined, problems = new Problems()): Problems {
  for (const r of refs) {
    const why = unitMisfit(r.unit, r.measureId, storedUnit(r.measureId));
    if (why) problems.add(r.path, why);
  }
  return problems;
}
