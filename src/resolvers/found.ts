/**
 * By-id root fields answer an unknown id the same way everywhere: null for that field, with a
 * NOT_FOUND error whose path names it, so sibling fields of the request still answer.
 */
import { notFound } from '../errors.js';
import type { DefinedLabel } from '../model/derived.js';

/** What a by-id field looks up: any node, or one of the kinds documents define (`claim`, `source`, …). */
type Kind = 'node' | Lowercase<DefinedLabel>;

/** The error for an unknown id of a kind: `No claim with id "claim:x"`. */
export const unknownId = (kind: Kind, id: string) => notFound(`No ${kind} with id "${id}"`);

/** The row, or a NOT_FOUND error for the field (GraphQL nulls the field and reports the error). */
export function found<T>(row: T | null | undefined, kind: Kind, id: string): T {
  if (row == null) throw unknownId(kind, id);
  return row;
}
