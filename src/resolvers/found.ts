/**
 * By-id root fields answer an unknown id the same way everywhere: null for that field, with a
 * NOT_FOUND error whose path names it, so sibling fields of the request still answer.
 */
import { notFound } from '../errors.js';

const ARTICLE: Record<string, string> = { node: 'No node', claim: 'No claim', source: 'No source', organization: 'No organization', person: 'No person', region: 'No region', measure: 'No measure' };

/** The row, or a NOT_FOUND error for the field (GraphQL nulls the field and reports the error). */
export function found<T>(row: T | null | undefined, kind: keyof typeof ARTICLE, id: string): T {
  if (row == null) throw notFound(`${ARTICLE[kind]} with id "${id}"`);
  return row;
}
