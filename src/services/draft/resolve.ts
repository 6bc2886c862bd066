/**
 * Names a draft mentions, resolved against the graph in one round trip: the full-text index
 * proposes candidates, and a candidate is kept only when one of its names or aliases stands
 * whole in the mention ("Kyiv's army chief Oleksandr Syrskii" holds the alias "Oleksandr
 * Syrskii"), so a fuzzy hit never passes for a match. Two different entities matching equally
 * well are ambiguous: the draft lists both and the reviewer decides.
 */
import type { Queries } from '../../db/queries.js';
import { luceneQuery } from '../catalog/search.js';
import { unitConversion } from '../provenance/units.js';

export type MentionKind = 'ORGANIZATION' | 'PERSON' | 'REGION' | 'MEASURE';

export interface Mention {
  key: string;
  text: string;
  kinds: MentionKind[];
  /** For a measure: the claim's unit, which the measure's must fit. */
  unit?: string | null;
}

export interface Resolution {
  state: 'EXISTING' | 'NEW' | 'AMBIGUOUS';
  id: string | null;
  kind: MentionKind | null;
  candidates: string[];
}

interface CandidateRow {
  key: string;
  id: string | null;
  kind: string | null;
  name: string | null;
  aliases: string[] | null;
  unit: string | null;
  score: number | null;
}

const LABEL: Record<MentionKind, string> = { ORGANIZATION: 'Organization', PERSON: 'Person', REGION: 'Region', MEASURE: 'Measure' };
const KIND_OF_LABEL = Object.fromEntries(Object.entries(LABEL).map(([k, v]) => [v, k])) as Record<string, MentionKind>;
const STOP = new Set('the a an of and or to in on at for by with from as that who were was is are s'.split(' '));

/** Lower case, quotes and possessives gone, one space: "Ukraine’s General Staff" → "ukraine general staff". */
export function normaliseName(s: string): string {
  return s
    .toLowerCase()
    .replace(/['’‘`]s\b/g, '')
    .replace(/[“”"«»‘’'`.,()]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const contentWords = (s: string) =>
  normaliseName(s)
    .split(' ')
    .filter((w) => w.length > 2 && !STOP.has(w))
    .map((w) => w.replace(/(?:ies)$/, 'y').replace(/(?:es|s)$/, ''));

/** How well a candidate's names cover the mention: the length of the longest name standing whole in it. */
function nameMatch(mention: string, names: string[]): number {
  const m = ` ${normaliseName(mention)} `;
  let best = 0;
  for (const n of names) {
    const name = normaliseName(n);
    if (name.length >= 2 && m.includes(` ${name} `)) best = Math.max(best, name.length);
  }
  return best;
}

/** How well a measure's name fits the words said about a figure: the share of its content words they hold. */
function measureMatch(words: string, name: string): number {
  const said = new Set(contentWords(words));
  const own = contentWords(name);
  if (!own.length) return 0;
  const shared = own.filter((w) => said.has(w)).length;
  return shared >= 2 ? shared / own.length : 0;
}

export async function resolveMentions(db: Queries, mentions: Mention[]): Promise<Map<string, Resolution>> {
  const queries = mentions.map((m) => ({ key: m.key, query: luceneQuery(m.text.slice(0, 200), true), kinds: m.kinds.map((k) => LABEL[k]) })).filter((m) => m.query);
  const rows = queries.length ? await db.read<CandidateRow>('draft/resolveMentions', { p: { mentions: queries } }) : [];
  const byKey = new Map<string, CandidateRow[]>();
  for (const r of rows) if (r.id) byKey.set(r.key, [...(byKey.get(r.key) ?? []), r]);
  const out = new Map<string, Resolution>();
  for (const m of mentions) {
    const scored = (byKey.get(m.key) ?? [])
      .map((c) => {
        const kind = KIND_OF_LABEL[c.kind ?? ''];
        const names = [c.name ?? '', ...(c.aliases ?? [])];
        const fit = kind === 'MEASURE' ? (unitConversion(m.unit ?? null, c.unit) ? measureMatch(m.text, c.name ?? '') : 0) : nameMatch(m.text, names);
        return { id: c.id!, kind, fit };
      })
      .filter((c) => c.fit > 0)
      .sort((a, b) => b.fit - a.fit || (a.id < b.id ? -1 : 1));
    const ids = [...new Set(scored.map((c) => c.id))];
    if (!scored.length) out.set(m.key, { state: 'NEW', id: null, kind: null, candidates: [] });
    else if (scored.length > 1 && scored[1].fit === scored[0].fit && scored[1].id !== scored[0].id) out.set(m.key, { state: 'AMBIGUOUS', id: null, kind: scored[0].kind, candidates: ids.slice(0, 5) });
    else out.set(m.key, { state: 'EXISTING', id: scored[0].id, kind: scored[0].kind, candidates: ids.slice(0, 5) });
  }
  return out;
}
