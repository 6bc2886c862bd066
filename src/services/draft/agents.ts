/**
 * Who a sentence attributes its figures to: the named body or person next to a cue
 * ("according to X", "X said", "said X", "data released by X"), or a back-reference ("the
 * ministry said") to the last one named. Lead sentences ("The data, released through X, shows
 * …", "This was reported by X") lend their attribution to the sentences that follow; see
 * extract.ts for how far.
 */
import { CUE_VERBS, CUES_BEFORE, ORG_WORDS, PERSON_TITLES } from './lexicon/attribution.js';
import type { Sentence, Token } from './text.js';

export interface AgentMention {
  /** Offsets into the article. */
  start: number;
  end: number;
  text: string;
  kind: 'ORGANIZATION' | 'PERSON';
  /** The cue that named it. */
  cue: string;
  /** A cue of publication ("released through", "published by", "provided a breakdown"): a lead for the sentences after. */
  lead: boolean;
  /** "according to the published data": refers back to the last agent named. */
  backReference: boolean;
  /** "the airport said": the noun that names it, to find the body it stands for ("Heathrow airport") earlier in the text. */
  head?: string;
  /** "according to annual accounts the club published": the document it published, for "the accounts show" later. */
  document?: string;
}

const LEAD_CUES = new Set([
  'data from',
  'figures from',
  'statistics from',
  'published by',
  'released by',
  'released through',
  'reported by',
  'compiled by',
  'provided by',
  'issued by',
  'a report by',
  'a report from',
  'a survey by',
  'research by',
  'a study by',
  'published',
  'released',
  'provided',
  'showed',
  'shows',
  'show',
  'reported',
  'reports',
  'revealed',
  'reveals',
  'recorded',
  'records',
  'found',
  'finds',
]);
const CUE_VERB_SET = new Set(CUE_VERBS);
/** Verbs of speech: what follows them is the speaker's, whoever else it names. */
const SPEECH = new Set(['said', 'says', 'told']);
const NAME_GLUE = new Set(['of', 'for', 'the', 'and', '&', 'de', 'du', 'von', 'van', 'al']);
/** Capitalised words that end a name: days and months ("the WHO on Tuesday"). */
const NOT_NAMES = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|on|in|at)$/i;
const GENERIC_HEADS =
  /\b(?:data|figures|statistics|reports?|study|studies|survey|surveys|ministry|ministries|agency|agencies|office|offices|department|departments|government|officials|authorities|police|researchers|experts|analysts|scientists|astronomers|economists|doctors|organisers|organizers|charity|charities|campaigners|unions?|pollsters|project|institute|institutes|bureau|organi[sz]ation|spokes(?:person|man|woman)|he|she|they|it)\b/i;
/** Generic words that point back to a body already named ("the ministry said", "according to the published data"). */
const BACK_HEADS =
  /^(?:he|she|they|it|we|officials|(?:(?:the|its|their|his|her)\s+)?(?:[a-z-]+\s+){0,2}(?:data|figures|statistics|report|study|survey|analysis|research|poll|review|ministry|agency|office|department|government|organi[sz]ation|institute|bureau|spokes(?:person|man|woman)|project))$/i;

/** A pronoun standing for an agent: "he" and "she" for the last person named, "it" and "they" for the last body. */
export const PRONOUN = /^(?:he|she|it|they|we)$/i;
/** Documents a body publishes: "according to an analysis by X", "a report from X" name X through them. */
export const DOCUMENT_WORDS =
  /^(?:analysis|analyses|report|reports|study|survey|poll|review|research|data|figures|statistics|estimates?|assessment|audit|census|count|tally|index|forecast|projections?|modelling|modeling|accounts|results|filings?)$/i;

const capital = (t: Token) => ((/^[A-Z“"‘'«]/.test(t.text) && t.pos !== 'PUNCT') || /^[“"‘«]$/.test(t.text)) && !NOT_NAMES.test(t.text);
const possessive = (t: Token) => /^['’]s$/.test(t.text) || t.text === '’' || t.text === "'";

/** The name run ending at token index `last` (reading leftwards), e.g. "Kyiv's army chief Oleksandr Syrskii". */
function nameEndingAt(tokens: Token[], last: number): [number, number] | null {
  let i = last;
  // A quoted name ends at its closing quote: take it whole.
  const quoted = (k: number) => {
    if (!/^[”"»’]$/.test(tokens[k].text)) return k;
    for (let o = k - 1; o >= 0 && k - o < 10; o--) if (/^[“"«‘]$/.test(tokens[o].text)) return o - 1;
    return k;
  };
  // "the Office for National Statistics (ONS) said": the acronym in brackets belongs to the name.
  if (i >= 2 && tokens[i].text === ')' && tokens[i - 2].text === '(') i -= 3;
  if (i < 0) return null;
  while (i >= 0 && ORG_WORDS.has(tokens[i].text.toLowerCase()) && i === last) i--;
  // '"We expect 20,000 members," said X': a quotation ends in its own punctuation; a quoted name does not.
  if (i >= 1 && /^[”"»]$/.test(tokens[i].text) && /^[,.?!;:]$/.test(tokens[i - 1].text)) return null;
  if (i >= 0 && /^[”"»’]$/.test(tokens[i].text)) i = quoted(i);
  while (
    i >= 0 &&
    (capital(tokens[i]) || possessive(tokens[i]) || /^[”"’»]$/.test(tokens[i].text) || (NAME_GLUE.has(tokens[i].text.toLowerCase()) && i < last) || PERSON_TITLES.has(tokens[i].text.toLowerCase()))
  )
    i--;
  const first = i + 1;
  if (first > last) return null;
  // The name ends before the bracketed acronym.
  let end = last;
  if (tokens[end].text === ')' && end >= 2 && tokens[end - 2].text === '(') end -= 3;
  return end >= first ? trim(tokens, first, end) : null;
}

/** The name run starting at token index `first` (reading rightwards). */
function nameStartingAt(tokens: Token[], first: number): [number, number] | null {
  let i = first;
  // "the", "Kyiv's army chief": determiners, possessives and lower-case titles may open a name.
  while (i < tokens.length && i - first < 12) {
    const t = tokens[i];
    const w = t.text.toLowerCase();
    // A quoted name ("the “I Want to Live” project") runs to its closing quote.
    if (/^[“"«‘]$/.test(t.text)) {
      const close = tokens.findIndex((x, k) => k > i && /^[”"»’]$/.test(x.text));
      if (close > i && close - i < 10) {
        i = close + 1;
        continue;
      }
    }
    if (GENERIC_HEADS.test(w) && w.length > 2 && !['he', 'she', 'they', 'it'].includes(w)) {
      i++;
      continue;
    }
    const ok =
      (i === first && ['the', 'a', 'an'].includes(w)) ||
      ((t.pos === 'NOUN' || t.pos === 'ADJ') && i - first < 5) ||
      capital(t) ||
      possessive(t) ||
      /^[”"’»“‘«]$/.test(t.text) ||
      PERSON_TITLES.has(w) ||
      ORG_WORDS.has(w) ||
      (NAME_GLUE.has(w) && i + 1 < tokens.length && (capital(tokens[i + 1]) || ORG_WORDS.has(tokens[i + 1].text.toLowerCase()))) ||
      (t.pos === 'ADJ' && i === first + 1) ||
      [
        'army',
        'military',
        'health',
        'finance',
        'defence',
        'defense',
        'foreign',
        'interior',
        'national',
        'state',
        'federal',
        'central',
        'statistics',
        'published',
        'latest',
        'official',
        'new',
      ].includes(w);
    if (!ok) break;
    i++;
  }
  return i > first ? trim(tokens, first, i - 1) : null;
}

/** Drops leading determiners and trailing glue from a run. */
function trim(tokens: Token[], a: number, b: number): [number, number] | null {
  while (a <= b && (['the', 'a', 'an', 'its', 'their'].includes(tokens[a].text.toLowerCase()) || /^[,]$/.test(tokens[a].text))) a++;
  while (b >= a && (NAME_GLUE.has(tokens[b].text.toLowerCase()) || possessive(tokens[b]) || /^[,“‘«]$/.test(tokens[b].text))) b--;
  // "the Rhine Valley Institute for Ecology published": a lower-case word after the name is not part of it.
  const capitalAt = tokens.slice(a, b + 1).findIndex((t) => /^[A-Z]/.test(t.text));
  while (capitalAt >= 0 && b > a + capitalAt && /^[a-z]/.test(tokens[b].text) && !ORG_WORDS.has(tokens[b].text) && !PERSON_TITLES.has(tokens[b].text)) b--;
  return a <= b ? [a, b] : null;
}

function kindOf(text: string): AgentMention['kind'] {
  // "Kyiv's army chief Oleksandr Syrskii", "Health Minister Jane Doe": a title, then a name.
  const lastWords = text.split(/\s+/);
  const titleAt = lastWords.findIndex((w) => PERSON_TITLES.has(w.toLowerCase()));
  if (titleAt >= 0 && titleAt < lastWords.length - 1 && lastWords.slice(titleAt + 1).every((w) => /^[A-Z][a-z'’-]+$/.test(w)) && lastWords.length - titleAt - 1 <= 3) return 'PERSON';
  const words = text
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter(Boolean);
  if (words.some((w) => ORG_WORDS.has(w))) return 'ORGANIZATION';
  // Quoted names are projects and campaigns; acronyms are bodies.
  if (/[“"«]/.test(text) || /^[A-Z]{2,6}$/.test(text)) return 'ORGANIZATION';
  const caps = text.split(/\s+/).filter((w) => /^[A-Z][a-z]/.test(w));
  return caps.length >= 2 && caps.length <= 4 ? 'PERSON' : 'ORGANIZATION';
}

/** "Astronomers", "the study", "Researchers": a word for a kind of speaker, not a name. */
const generic = (a: AgentMention) => GENERIC_HEADS.test(a.text) && a.text.replace(/^the\s+/i, '').split(/\s+/).length === 1;

/** The agent's document: the document word just before it ("annual accounts the club published", "an analysis by X"). */
function documentBefore(tokens: Token[], first: number): string | undefined {
  for (let k = first - 1; k >= Math.max(0, first - 4); k--) if (DOCUMENT_WORDS.test(tokens[k].text)) return tokens[k].text.toLowerCase();
  return undefined;
}

/** The agents a sentence names with a cue, in order; a kind of speaker ("Astronomers") gives way to a body named beside it. */
export function agentsOf(sentence: Sentence): AgentMention[] {
  const found = cuedAgents(sentence);
  return found.some((a) => !generic(a) && !a.backReference) ? found.filter((a) => !generic(a)) : found;
}

function cuedAgents(sentence: Sentence): AgentMention[] {
  const tokens = sentence.tokens;
  const lower = tokens.map((t) => t.text.toLowerCase());
  const out: AgentMention[] = [];
  const reported = (first: number) =>
    out.some((o) => o.end <= tokens[first].start && SPEECH.has(o.cue) && sentence.text.slice(o.end - sentence.start, tokens[first].start - sentence.start).includes(o.cue));
  const push = (run: [number, number] | null, cue: string, lead: boolean, describedBody = false) => {
    if (!run) return;
    // "Lindqvist said the club expected …": what follows a speaker's verb is what they said, not who else says it.
    if (CUE_VERB_SET.has(cue) && reported(run[0])) return;
    const [a, b] = run;
    const start = tokens[a].start;
    const end = tokens[b].end;
    const text = sentence.text.slice(start - sentence.start, end - sentence.start).replace(/['’]s$/, '');
    const named = /[A-Z]/.test(text.replace(/^The\s+/, '')) && !PRONOUN.test(text);
    const lastWord = text.trim().split(/\s+/).pop()!.toLowerCase();
    // "according to the club": an organization's common noun stands for the body named before.
    const head = !named && !GENERIC_HEADS.test(text) && ORG_WORDS.has(lastWord) ? lastWord : undefined;
    const backReference = !named && (BACK_HEADS.test(text.trim()) || !!head);
    if (!named && !GENERIC_HEADS.test(text) && !head) return;
    // "Countries in Europe reported": a name after "in" is a place.
    if (named && a > 0 && /^(?:in|across|throughout|from|at)$/i.test(tokens[a - 1].text) && !/[“"«]/.test(text)) return;
    // Named twice ("a team led by X reported"): once, a lead if either cue leads.
    const twice = out.find((o) => o.start === start);
    if (twice) {
      twice.lead ||= lead;
      return;
    }
    out.push({ start, end, text, kind: describedBody ? 'ORGANIZATION' : kindOf(text), cue, lead, backReference, document: documentBefore(tokens, a), ...(head ? { head } : {}) });
  };
  for (let i = 0; i < tokens.length; i++) {
    // "according to X", "data released through X": the cue, then the name.
    for (const cue of CUES_BEFORE) {
      const words = cue.split(' ');
      if (words.every((w, k) => lower[i + k] === w)) {
        const after = i + words.length;
        if (['said', 'says', 'told'].includes(cue) && !(tokens[after] && capital(tokens[after]))) continue;
        let from = after;
        let lead = LEAD_CUES.has(cue);
        // "according to an analysis by X", "according to the latest figures from X": through the document to its body.
        for (let k = after; k < Math.min(tokens.length - 1, after + 5); k++) {
          if (DOCUMENT_WORDS.test(tokens[k].text) && ['by', 'from', 'of', 'for'].includes(lower[k + 1])) {
            from = k + 2;
            lead = true;
            break;
          }
          // "according to accounts the club filed", "figures it published": the body in the clause after the document.
          const clause = k + 1 + (['that', 'which'].includes(lower[k + 1]) ? 1 : 0);
          if (
            DOCUMENT_WORDS.test(tokens[k].text) &&
            tokens[clause] &&
            (['the', 'its'].includes(lower[clause]) || capital(tokens[clause]) || /^(?:it|they)$/.test(lower[clause])) &&
            tokens[clause + 1]?.pos !== 'PUNCT'
          ) {
            from = clause;
            lead = true;
            if (/^(?:it|they)$/.test(lower[clause])) {
              out.push({
                start: tokens[clause].start,
                end: tokens[clause].end,
                text: tokens[clause].text,
                kind: 'ORGANIZATION',
                cue,
                lead,
                backReference: true,
                document: tokens[k].text.toLowerCase(),
              });
              from = -1;
            }
            break;
          }
          if (!['the', 'a', 'an', 'new', 'latest', 'its', 'their', 'official', 'recent', 'annual', 'monthly', 'weekly', 'quarterly'].includes(lower[k]) && !DOCUMENT_WORDS.test(tokens[k].text)) break;
        }
        if (from < 0) continue;
        let run = nameStartingAt(tokens, from);
        // "the energy think tank Ember", "the estate agent Savills": a description, then the name.
        if (run && !/[A-Z]/.test(sentence.text.slice(tokens[run[0]].start - sentence.start, tokens[run[1]].end - sentence.start).replace(/^The\s+/, ''))) {
          for (let k = from; k < Math.min(tokens.length, from + 7) && !/^[,.;:()]$/.test(tokens[k].text); k++) {
            if (capital(tokens[k]) && !/^[“"«‘]$/.test(tokens[k].text)) {
              run = nameStartingAt(tokens, k);
              break;
            }
          }
        }
        // "the consultancy Sterling Ashby": a description that is no title names a body; the name is what follows it.
        let describedBody = false;
        if (run) {
          const c = tokens.findIndex((t, k) => k >= run![0] && k <= run![1] && /^[A-Z]/.test(t.text));
          const words = tokens.slice(run[0], c);
          if (c > run[0] && words.every((t) => /^[a-z-]+$/.test(t.text) && !PERSON_TITLES.has(t.text))) {
            run = [c, run[1]];
            describedBody = true;
          }
        }
        // "said X" names X only where X ends the clause ("said Jane Doe, the agency's head"), not "said North America remained …".
        if (['said', 'says', 'told'].includes(cue) && run && tokens[run[1] + 1] && !/^[,.;:)”"’]$/.test(tokens[run[1] + 1].text) && !['who', 'of', 'at', 'in', 'on'].includes(lower[run[1] + 1]))
          continue;
        push(run, cue, lead, describedBody);
      }
    }
    // "X said", "X estimates that", "X provided a breakdown": the name, then the verb.
    // "the United States": a cue verb is written in lower case.
    if (CUE_VERB_SET.has(lower[i]) && i > 0 && tokens[i].text === lower[i]) {
      let j = i - 1;
      while (j >= 0 && ['has', 'have', 'had', 'also', 'now', 'previously', 'earlier', 'recently', 'which', 'that'].includes(lower[j])) j--;
      // "The agency's director, Jane Doe, said": the name between the commas.
      if (j > 0 && tokens[j].text === ',' && capital(tokens[j - 1])) j--;
      let run = j >= 0 ? nameEndingAt(tokens, j) : null;
      // "the club published": a common noun alone is no name.
      if (run && !/[A-Z]/.test(sentence.text.slice(tokens[run[0]].start - sentence.start, tokens[run[1]].end - sentence.start))) run = null;
      // "the airport said", "which the club reported": a noun standing for a body named earlier.
      if (
        !run &&
        j > 0 &&
        !reported(j - 1) &&
        tokens[j].pos === 'NOUN' &&
        /^[a-z]+$/.test(tokens[j].text) &&
        ['the', 'its'].includes(lower[j - 1]) &&
        !/^(?:data|figures|statistics|reports?|study|survey|analysis|research)$/.test(tokens[j].text)
      ) {
        out.push({
          start: tokens[j - 1].start,
          end: tokens[j].end,
          text: `${tokens[j - 1].text} ${tokens[j].text}`,
          kind: 'ORGANIZATION',
          cue: lower[i],
          lead: LEAD_CUES.has(lower[i]),
          backReference: true,
          head: tokens[j].text,
          document: documentBefore(tokens, j - 1),
        });
        continue;
      }
      // "organisers said", "the city police reported": a generic body, lower case.
      if (!run && j >= 0 && GENERIC_HEADS.test(tokens[j].text)) {
        let k = j;
        while (k > 0 && j - k < 3 && ['NOUN', 'ADJ', 'DET'].includes(tokens[k - 1].pos) && !/^(?:a|an)$/i.test(tokens[k - 1].text)) k--;
        run = trim(tokens, k, j);
      }
      const lead = LEAD_CUES.has(lower[i]) || (lower[i + 1] === 'a' && lower[i + 2] === 'breakdown');
      if (run) push(run, lower[i], lead);
    }
    if (lower[i] === 'provided' && lower[i + 1] === 'a' && lower[i + 2] === 'breakdown') {
      const run = nameEndingAt(tokens, i - 1);
      if (run) push(run, 'provided a breakdown', true);
    }
  }
  return out;
}
