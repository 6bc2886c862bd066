/**
 * Full-text search. User text never reaches Lucene as syntax: every term is escaped, then
 * searched exactly, fuzzily (one edit: "Syrskii" finds "Syrskyi") and as a prefix.
 */
import type { Queries } from '../../db/queries.js';
import type { SearchHitRow } from '../../db/rows.js';
import { badUserInput } from '../../errors.js';
import { LABEL_OF_KIND } from '../../model/derived.js';
import { checkFirst } from '../requests/pagination.js';

const LUCENE_SPECIAL = /[+\-!(){}[\]^"~*?:\\/&|]/g;
/**
 * Lucene refuses a query of more than 1,024 clauses, and a fuzzy term expands to up to 50. At
 * most 12 distinct terms of at most 40 characters are searched (the rest of the text is
 * ignored): 12 × 52 clauses stay well under the limit.
 */
export const MAX_SEARCH_TERMS = 12;
const MAX_TERM_LENGTH = 40;
/** Scripts written without spaces (CJK): the analyzer splits them into one clause per character. */
const UNSPACED = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]/u;

/**
 * A Lucene query from free text: each term exact (boosted), fuzzy, or as a prefix. `exact` keeps
 * only the exact terms: for matching names a caller checks itself (drafts), far cheaper.
 */
export function luceneQuery(text: string, exact = false): string {
  const terms = [
    ...new Set(
      text
        .toLowerCase()
        .split(/\s+/)
        .map((t) => t.replace(LUCENE_SPECIAL, '').trim())
        .filter((t) => t.length > 0 && !['and', 'or', 'not', 'to'].includes(t))
        // An unspaced script becomes one clause per character once analyzed: keep such terms short.
        .map((t) => (UNSPACED.test(t) ? [...t].slice(0, 8).join('') : t.slice(0, MAX_TERM_LENGTH))),
    ),
  ].slice(0, MAX_SEARCH_TERMS);
  if (exact) return terms.join(' ');
  return terms.map((t) => (t.length >= 4 ? `(${t}^3 OR ${t}~1 OR ${t}*)` : `(${t}^3 OR ${t}*)`)).join(' ');
}

export async function search(db: Queries, args: { text: string; kinds?: readonly string[] | null; first?: number | null }): Promise<SearchHitRow[]> {
  const first = checkFirst(args.first, 10);
  if (args.text.length > 500) throw badUserInput('search text is longer than 500 characters', 'text');
  const query = luceneQuery(args.text);
  if (!query) return [];
  const rows = await db.read<SearchHitRow>('search/search', {
    f: { query, kinds: (args.kinds ?? []).map((k) => LABEL_OF_KIND[k]) },
    candidates: first * 10,
    limit: first,
  });
  return rows.map((r) => ({ ...r, kind: r.kind.toUpperCase() }));
}
