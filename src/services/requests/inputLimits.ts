/**
 * Bounds on list and text arguments, so no argument can make one request do unbounded work: a
 * clear BAD_USER_INPUT naming the argument rather than a slow or failed query.
 */
import { badUserInput } from '../../errors.js';

/** Ids in one list argument (nodes(ids), filter lists, graph seeds). */
export const MAX_IDS = 100;
/** Characters of a text filter. */
export const MAX_TEXT = 500;

export function checkIds<T>(list: readonly T[] | null | undefined, path: string, max = MAX_IDS): T[] {
  const l = [...(list ?? [])];
  if (l.length > max) throw badUserInput(`holds ${l.length} entries; at most ${max}`, path);
  return l;
}

export function checkText(text: string | null | undefined, path: string, max = MAX_TEXT): string {
  const t = text ?? '';
  if (t.length > max) throw badUserInput(`is ${t.length} characters long; at most ${max}`, path);
  return t;
}
