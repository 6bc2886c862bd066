/**
 * The rows a provenance query brought with its answer (a source chain's nodes, a corroboration's
 * claims), by id, for the service to compute on and the fields below to resolve from.
 */
import type { EntityRow } from '../../db/rows.js';
import { primedRows, type EntityLoader } from './entities.js';
import { PartialRows, type EntityWire, type RowShape } from './partialRows.js';

/**
 * Partial rows (a shape) stay in their own scope, never in the request's loader, so no other field
 * of the request is lent one; whole rows (null) are primed into the loader.
 */
export function answerRows(loader: EntityLoader, wires: EntityWire[], shape: RowShape | null): Map<string, EntityRow> {
  if (!shape) return primedRows(loader, wires);
  const scope = new PartialRows(loader, shape, wires, []);
  return new Map(wires.map((w) => [w[0], scope.peek(w[0])!]));
}
