/**
 * Reads an article into drafted claims, without the graph: sentences, figures, how each
 * accumulates (a rate, a running total, a share), its period, who it is attributed to (in its
 * sentence or inherited from a lead), and the words that name its regions and its measure. Pure
 * and synchronous, so it runs in a worker thread (draftPool.ts); resolving names against the
 * graph happens after, in draft.ts.
 */
import { agentsOf, type AgentMention } from './agents.js';
import { figuresOf, unitsFromNeighbours, type Evidence, type Figure } from './figures.js';
import { FURNITURE } from './lexicon/traps.js';
import { CUMULATIVE_CUES, RATE_CUES, type Granularity } from './lexicon/time.js';
import { LEVEL_UNITS } from './lexicon/units.js';
import { dateExpressions, type DateExpression } from './periods.js';
import { remember, resolveReferents, type Referents } from './referents.js';
import { sentencesOf, type Sentence } from './text.js';

export interface Span {
  start: number;
  end: number;
  text: string;
}

export interface ExtractedClaim {
  sentence: Span & { index: number };
  figure: Figure;
  aggregation: 'CUMULATIVE' | 'PERIOD_TOTAL' | 'RATE' | 'SHARE' | 'NONE';
  aggregationEvidence: Evidence;
  per: Granularity | null;
  period: DateExpression['period'];
  periodEvidence: Evidence & { span: Span | null };
  agents: AgentMention[];
  /** The attribution came from another sentence (a lead), not this one. */
  inherited: boolean;
  attributionEvidence: Evidence & { sentenceIndex: number | null };
  /** Proper names in the sentence that may be regions (resolved against the graph later). */
  places: (Span & { after: string | null })[];
  /** The words that say what is counted, for matching or naming a measure. */
  measureWords: string;
  confidence: number;
}

export interface Extraction {
  claims: ExtractedClaim[];
  /** How many sentences the article has. */
  sentences: number;
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const RATE = [...RATE_CUES].sort((a, b) => b[0].length - a[0].length).map(([cue, per]) => ({ re: new RegExp(String.raw`\b${esc(cue)}\b(?!\s+(?:ago|earlier|later|before|after))`, 'i'), cue, per }));
const CUMULATIVE = CUMULATIVE_CUES.map((cue) => ({ re: new RegExp(String.raw`\b${esc(cue)}\b`, 'i'), cue }));
const STOP = new Set(
  'the a an of and or to in on at for by with from as that which who were was is are be been being have has had its their his her this these those than then so such only also all some more most many much new'.split(
    ' ',
  ),
);
/** A publication lead's attribution carries to this many sentences after. */
const LEAD_REACH = 4;
/** A statement ("…, the ministry said") speaks for its own sentence only, and ends a lead's reach (measured on the development set: lending it 1 sentence took attribution from 84% to 75%). */
const STATEMENT_REACH = 0;

/** The clause around [start, end): between the separators that bound it. */
function clauseOf(sentence: Sentence, start: number, end: number): Span {
  const s = sentence.text;
  const a = start - sentence.start;
  const b = end - sentence.start;
  const left = Math.max(...[/,\s/g, /;/g, /\s[—–]\s/g, /:\s/g, /\(/g].map((re) => [...s.slice(0, a).matchAll(re)].map((m) => m.index! + m[0].length).at(-1) ?? 0));
  const rights = [/,\s/g, /;/g, /\s[—–]\s/g, /\)/g].map((re) => {
    const m = re.exec(s.slice(b));
    return m ? b + m.index : s.length;
  });
  const right = Math.min(...rights);
  return { start: sentence.start + left, end: sentence.start + right, text: s.slice(left, right) };
}

function aggregationOf(f: Figure, clause: Span, sentence: Sentence, period: DateExpression['period']): { aggregation: ExtractedClaim['aggregation']; per: Granularity | null; evidence: Evidence } {
  if (f.unit === 'percent') return { aggregation: 'SHARE', per: null, evidence: { words: f.unitEvidence.words, confidence: 0.85 } };
  const after = clause.text.slice(Math.max(0, f.end - clause.start));
  const around = clause.text;
  for (const r of RATE) {
    const m = r.re.exec(after) ?? (r.cue.length > 6 ? r.re.exec(around) : null);
    if (m) return { aggregation: 'RATE', per: r.per, evidence: { words: m[0], confidence: 0.85 } };
  }
  if (f.unit && LEVEL_UNITS.has(f.unit)) return { aggregation: 'NONE', per: null, evidence: { words: f.unit, confidence: 0.7 } };
  for (const c of CUMULATIVE) {
    const m = c.re.exec(around);
    if (m) return { aggregation: 'CUMULATIVE', per: null, evidence: { words: m[0], confidence: 0.7 } };
  }
  if (period?.end === null) return { aggregation: 'CUMULATIVE', per: null, evidence: { words: 'an open period', confidence: 0.6 } };
  if (period) return { aggregation: 'PERIOD_TOTAL', per: null, evidence: { words: 'a period', confidence: 0.6 } };
  return { aggregation: 'NONE', per: null, evidence: { words: null, confidence: 0.4 } };
}

/**
 * The date expression a figure is about: one in its clause; else the nearest before it in the
 * sentence ("In 2025, …, X rose to 5%"); a date in a later clause is another figure's.
 */
function periodOf(f: Figure, clause: Span, dates: DateExpression[], aggregation: string): { period: DateExpression['period']; evidence: ExtractedClaim['periodEvidence'] } {
  const usable = dates.filter((d) => d.period && !d.statementDate && !(d.start < f.end && d.end > f.start));
  const inClause = usable.filter((d) => d.start >= clause.start && d.end <= clause.end);
  const before = usable.filter((d) => d.end <= f.start).slice(-1);
  const pool = inClause.length ? inClause : before;
  if (!pool.length) return { period: null, evidence: { words: null, confidence: 0.5, span: null } };
  const distance = (d: DateExpression) => (d.start >= f.end ? d.start - f.end : f.start - d.end + 5);
  const best = [...pool].sort((a, b) => distance(a) - distance(b))[0];
  let period = best.period!;
  // "so far this year": a running total from the start of the year, still open.
  if (aggregation === 'CUMULATIVE' && period.end === undefined && /\b(?:so far|to date|this)\b/i.test(clause.text)) period = { ...period, end: null };
  return { period, evidence: { words: best.text, confidence: inClause.length ? 0.8 : 0.6, span: { start: best.start, end: best.end, text: best.text } } };
}

/** Proper-name runs of the sentence (candidate regions), without the agents' spans. */
const NOT_PLACES = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|spring|summer|autumn|winter)$/i;

/** Proper-name runs of the sentence (candidate regions), without the agents' spans; `after` is the word before ("in", "across"). */
function placesOf(sentence: Sentence, agents: AgentMention[]): (Span & { after: string | null })[] {
  const out: (Span & { after: string | null })[] = [];
  let run: typeof sentence.tokens = [];
  let before: string | null = null;
  const flush = () => {
    if (run.length) {
      const start = run[0].start;
      const end = run.at(-1)!.end;
      if (!agents.some((a) => start >= a.start && end <= a.end)) out.push({ start, end, text: sentence.text.slice(start - sentence.start, end - sentence.start), after: before });
    }
    run = [];
  };
  let prev: string | null = null;
  for (const t of sentence.tokens) {
    if (t.pos === 'PROPN' && /^[A-Z]/.test(t.text) && !NOT_PLACES.test(t.text)) {
      if (!run.length) before = prev;
      run.push(t);
    } else flush();
    prev = t.text.toLowerCase();
  }
  flush();
  return out;
}

function measureWordsOf(text: string, f: Figure, clause: Span): string {
  const from = Math.max(f.end, clause.start);
  const words = text
    .slice(from, clause.end)
    .replace(/[“”"‘’(),.;:!?]/g, ' ')
    .split(/\s+/)
    .filter((w) => w && !/^\d/.test(w));
  const content = words.filter((w) => !STOP.has(w.toLowerCase())).slice(0, 6);
  if (content.length < 2) {
    // "the majority of X were Y" or "X was 350": the words before the figure.
    const before = text
      .slice(clause.start, f.start)
      .replace(/[“”"‘’(),.;:!?]/g, ' ')
      .split(/\s+/)
      .filter((w) => w && !STOP.has(w.toLowerCase()) && !/^\d/.test(w));
    return [...before.slice(-4), ...content].join(' ');
  }
  return content.join(' ');
}

export function extract(text: string, publishedAt: string): Extraction {
  const sentences = sentencesOf(text);
  const claims: ExtractedClaim[] = [];
  const seen = new Set<string>();
  let lead: { agents: AgentMention[]; sentence: Sentence; reach: number } | null = null;
  let lastNamed: AgentMention[] = [];
  /** The attribution of the sentence before, for "That is …" sentences. */
  let previous: { agents: AgentMention[]; index: number } | null = null;
  const referents: Referents = { person: null, people: [], organization: null, documents: new Map() };
  for (const sentence of sentences) {
    if (FURNITURE.some((re) => re.test(sentence.text)) || (sentence.index === 0 && !/[.!?]["”’]?$/.test(sentence.text.trim()))) continue;
    const agents = resolveReferents(agentsOf(sentence), text, referents, sentence.start);
    remember(referents, agents);
    // A back-reference with nothing named before it names a body of its own ("officials said").
    const named = agents.filter((a) => !a.backReference || !(lead || lastNamed.length));
    const all = figuresOf(text, sentence);
    // A number a date expression holds ("five years ago", "the past 24 hours") is a date: read the
    // dates with digits kept, then again with the remaining figures masked.
    const raw = all.length ? dateExpressions(sentence.text, sentence.start, publishedAt) : [];
    const figures = all.filter(
      (f) => !(raw.some((d) => !d.duration && !d.set && d.start <= f.start && d.end >= f.end && d.end - d.start < 40) && f.unit !== 'percent' && !(f.unit && /^[A-Z]{3}$/.test(f.unit))),
    );
    unitsFromNeighbours(figures);
    const dates = figures.length ? dateExpressions(sentence.text, sentence.start, publishedAt, figures) : [];
    for (const f of figures) {
      // A figure restated ("the 4.2% rise") is not a new claim.
      const key = `${f.value ?? `${f.low}-${f.high}`} ${f.unit}`;
      const restated = seen.has(key) && /\b(?:the|this|that|its)\s+$/i.test(text.slice(Math.max(0, f.start - 6), f.start));
      seen.add(key);
      if (restated) continue;
      const clause = clauseOf(sentence, f.start, f.end);
      const provisional = aggregationOf(f, clause, sentence, null);
      const { period, evidence: periodEvidence } = periodOf(f, clause, dates, provisional.aggregation);
      const agg = aggregationOf(f, clause, sentence, period);
      // A size or a level (an area, an age) is not about a period.
      const timeless = agg.aggregation === 'NONE' && !!f.unit && LEVEL_UNITS.has(f.unit) && !periodEvidence.span?.text.match(/\b(?:in|during|since)\b/);
      // Attribution: the sentence's own cue (nearest), a back-reference, or the lead's.
      let chosen: AgentMention[] = [];
      let inherited = false;
      let attributionEvidence: ExtractedClaim['attributionEvidence'] = { words: null, confidence: 0.5, sentenceIndex: null };
      if (named.length) {
        const near = [...named].sort((a, b) => Math.abs(a.start - f.start) - Math.abs(b.start - f.start))[0];
        chosen = [near];
        attributionEvidence = { words: near.cue, confidence: 0.85, sentenceIndex: sentence.index };
      } else if (previous && /^(?:that|this|it|these|those)\s+(?:is|was|are|were|represents|represented|means|meant|amounts|amounted|equals|equalled|makes|made)\b/i.test(sentence.text)) {
        // "That is roughly a quarter of …": the sentence speaks of the one before, and is its source's.
        chosen = previous.agents;
        inherited = true;
        attributionEvidence = { words: sentence.text.split(/\s+/).slice(0, 2).join(' '), confidence: 0.7, sentenceIndex: previous.index };
      } else if (agents.some((a) => a.backReference) && (lead || lastNamed.length)) {
        chosen = lead?.agents ?? lastNamed;
        inherited = true;
        attributionEvidence = { words: agents.find((a) => a.backReference)!.text, confidence: 0.7, sentenceIndex: (lead?.sentence ?? sentence).index };
      } else if (lead && sentence.index - lead.sentence.index <= lead.reach) {
        chosen = lead.agents;
        inherited = true;
        attributionEvidence = { words: lead.agents[0].cue, confidence: lead.sentence.paragraph === sentence.paragraph ? 0.7 : 0.55, sentenceIndex: lead.sentence.index };
      }
      const confidence = Math.min(f.boundEvidence.confidence, f.unitEvidence.confidence, agg.evidence.confidence + 0.2, 0.95);
      claims.push({
        sentence: { start: sentence.start, end: sentence.end, text: sentence.text, index: sentence.index },
        figure: f,
        aggregation: agg.aggregation,
        aggregationEvidence: agg.evidence,
        per: agg.per,
        period: timeless ? null : period,
        periodEvidence: timeless ? { words: `a size in ${f.unit}`, confidence: 0.6, span: null } : periodEvidence,
        agents: chosen,
        inherited,
        attributionEvidence,
        places: placesOf(sentence, agents),
        measureWords: measureWordsOf(text, f, clause),
        confidence: Number(confidence.toFixed(2)),
      });
    }
    const stated = claims.filter((c) => c.sentence.index === sentence.index && c.agents.length);
    previous = stated.length ? { agents: stated[0].agents, index: sentence.index } : named.length ? { agents: named, index: sentence.index } : null;
    // "Finance director Tom Beckett said the improvement reflected …": a remark with no figure of its own
    // does not take over from the publication the figures around it come from.
    const remark = !figures.length && !named.some((a) => a.lead) && !!lead && lead.reach === LEAD_REACH && sentence.index - lead.sentence.index < lead.reach;
    if (named.length && remark) lastNamed = named;
    else if (named.length) {
      lastNamed = named;
      // A publication cue ("The figures were published by …") leads further than a statement ("… said").
      const leads = named.filter((a) => a.lead);
      // "…, they said": the lead's own source speaking again carries its reach on, from here.
      const same: boolean = !!lead && named.every((a) => lead!.agents.some((b) => b.text === a.text));
      lead = { agents: leads.length ? leads : named, sentence, reach: leads.length || (same && lead!.reach > STATEMENT_REACH) ? LEAD_REACH : STATEMENT_REACH };
    }
  }
  return { claims, sentences: sentences.length };
}
