/**
 * The figures of one sentence: each number (digits, words, scales, fractions, vague quantities),
 * widened to its range, hedge and unit, with the words that decided each. Numbers that are
 * dates, times, labels, rankings or ordinals are dropped here. The words are data
 * (lexicon/*.ts); this file only walks the text.
 */
import { HEDGES_AFTER, HEDGES_BEFORE, type Bound } from './lexicon/bounds.js';
import { FRACTIONS, SCALES, UNITS_WORDS, VAGUE } from './lexicon/quantities.js';
import { LABEL_AFTER, LABEL_BEFORE, MONTHS, RANKING_SPAN, RANKING_WORDS } from './lexicon/traps.js';
import { CURRENCY_SYMBOLS, CURRENCY_WORDS, LEVEL_UNITS, MEASUREMENT_UNITS, NOT_UNIT_NOUNS, PEOPLE_NOUNS } from './lexicon/units.js';
import type { Sentence } from './text.js';

export interface Evidence {
  /** The words that decided the field (a hedge, a unit, a cue), or null for a default. */
  words: string | null;
  confidence: number;
}

export interface Figure {
  /** Offsets into the article. */
  start: number;
  end: number;
  text: string;
  value: number | null;
  low: number | null;
  high: number | null;
  bound: Bound | 'RANGE';
  boundEvidence: Evidence;
  unit: string | null;
  unitEvidence: Evidence;
  /** Where the counted noun was found (end offset), for the measure's words. */
  nounEnd: number;
}

const NUM = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+`;
const WORD = Object.keys(UNITS_WORDS).join('|');
const WORD_NUM = String.raw`(?:(?:${WORD})(?:[- ](?:${WORD}))?)`;
const SCALE = Object.keys(SCALES)
  .sort((a, b) => b.length - a.length)
  .join('|');
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\$]/g, '\\$&');
const SYMBOL = CURRENCY_SYMBOLS.map(([s]) => esc(s)).join('|');

/** A number: an optional currency symbol, digits or number words, an optional scale. */
const NUMBER = new RegExp(String.raw`(?<sym>${SYMBOL})?\s?(?<n>${NUM}|\b${WORD_NUM}\b)(?:\s?(?<scale>${SCALE})\b)?`, 'gi');
const RANGE_TAIL = new RegExp(String.raw`^\s*(?<c>to|-|–|—|and)\s*(?:${SYMBOL})?\s?(?<n>${NUM}|${WORD_NUM}\b)(?:\s?(?<scale>${SCALE})\b)?`, 'i');
const longestFirst = <T extends [string, ...unknown[]]>(xs: T[]) => [...xs].sort((a, b) => b[0].length - a[0].length);
const HEDGES_B = longestFirst(HEDGES_BEFORE);
const HEDGES_A = longestFirst(HEDGES_AFTER);
const UNITS_AFTER = longestFirst([...MEASUREMENT_UNITS, ...CURRENCY_WORDS]);
const VAGUE_RE = new RegExp(
  String.raw`\b(?:${[...VAGUE]
    .sort((a, b) => b.phrase.length - a.phrase.length)
    .map((v) => esc(v.phrase))
    .join('|')})\b`,
  'gi',
);
const FRACTION_RE = new RegExp(
  String.raw`\b(?:${Object.keys(FRACTIONS)
    .sort((a, b) => b.length - a.length)
    .map(esc)
    .join('|')})\b(?=\s+(?:of|were|are|was|is)\b)`,
  'gi',
);
const MONTH_RE = new RegExp(String.raw`\b(?:${MONTHS.join('|')})\b`, 'i');
/** Participles whose subject is people ("those captured", "were killed"). */
const PEOPLE_VERBS =
  /^(?:killed|injured|wounded|captured|arrested|detained|displaced|evacuated|infected|vaccinated|hospitali[sz]ed|employed|unemployed|surveyed|polled|died|dead|missing|rescued|surrendered|deported|sentenced|born)$/i;

/** "1,213,460" → 1213460; "twenty-five" → 25. */
function parseNumber(raw: string): number | null {
  const s = raw.toLowerCase().trim();
  if (/^[\d.,]+$/.test(s)) {
    const n = Number(s.replace(/,/g, ''));
    return Number.isFinite(n) ? n : null;
  }
  const parts = s.split(/[- ]/).map((w) => UNITS_WORDS[w]);
  if (parts.some((p) => p === undefined)) return null;
  return parts.reduce((a, b) => a + b, 0);
}

/** The hedge that ends right before `at`, if any. */
function hedgeBefore(text: string, at: number): { bound: Bound; words: string } | null {
  const before = text
    .slice(Math.max(0, at - 30), at)
    .toLowerCase()
    .replace(/\s+$/, '');
  for (const [phrase, bound] of HEDGES_B) {
    if (before.endsWith(phrase) && !/[a-z]/.test(before.charAt(before.length - phrase.length - 1))) return { bound, words: phrase };
  }
  return null;
}

function hedgeAfter(text: string, at: number): { bound: Bound; words: string } | null {
  const after = text.slice(at, at + 20).toLowerCase();
  if (/^\+/.test(after)) return { bound: 'AT_LEAST', words: '+' };
  for (const [phrase, bound] of HEDGES_A) if (new RegExp(String.raw`^\s*,?\s*${esc(phrase)}\b`).test(after)) return { bound, words: phrase };
  return null;
}

/** The unit written right after the figure: "%", "sq km", "percentage points", "dollars". */
function unitAfter(text: string, at: number): { unit: string; words: string; end: number } | null {
  const after = text.slice(at, at + 30);
  const lower = after.toLowerCase();
  for (const [spelling, unit] of UNITS_AFTER) {
    const m = new RegExp(String.raw`^(\s?|-)${esc(spelling)}(?![a-z0-9])`, 'i').exec(lower);
    if (!m) continue;
    // A single letter (C, F, m) only right after the digits ("41.5C").
    if (spelling.length === 1 && /[a-z]/.test(spelling) && m[1]) continue;
    if (m[1] === '-' && !/^(?:year|month|week|day|hour|minute|second|km|mile|metre|meter|foot|inch)/.test(spelling)) continue;
    // "a day", "week 3": a duration word only counts as a unit with no "of"/ordinal sense.
    return { unit, words: after.slice(0, m[0].length).trim(), end: at + m[0].length };
  }
  return null;
}

/** The counted thing after the figure, from the sentence's tokens. */
function countNoun(sentence: Sentence, at: number): { unit: string; words: string; end: number } | null {
  const next = sentence.tokens.filter((t) => t.start >= at).slice(0, 7);
  let skipped = 0;
  for (const t of next) {
    const w = t.text.toLowerCase();
    if (t.pos === 'PUNCT' && !['-', '–'].includes(t.text)) return null;
    if (PEOPLE_NOUNS.has(w)) return { unit: 'persons', words: t.text, end: t.end };
    if (PEOPLE_VERBS.test(w) && skipped > 0) return { unit: 'persons', words: t.text, end: t.end };
    if ((t.pos === 'NOUN' || (t.pos === 'PROPN' && /s$/.test(w) && w === t.text)) && !NOT_UNIT_NOUNS.has(w)) {
      // "a year earlier", "the week before": time, not the thing counted.
      if (/^(?:years?|months?|weeks?|days?|decades?|times?)$/.test(w) && skipped > 0) return null;
      // "measles cases", "water bottles": the head of a compound is its last noun.
      const k = next.indexOf(t);
      let head = t;
      for (let j = k + 1; j < next.length && next[j].pos === 'NOUN' && next[j].start - head.end <= 1; j++) head = next[j];
      const hw = head.text.toLowerCase();
      if (PEOPLE_NOUNS.has(hw)) return { unit: 'persons', words: `${t === head ? '' : `${t.text} `}${head.text}`, end: head.end };
      return { unit: hw, words: head.text, end: head.end };
    }
    if (t.pos === 'VERB' || t.pos === 'AUX' || (t.pos === 'ADP' && w !== 'of')) return null;
    if (NOT_UNIT_NOUNS.has(w)) return null;
    skipped++;
  }
  return null;
}

/** "The number of recorded surrenders was 350": the counted noun stated before the figure. */
function countedBefore(sentence: Sentence, at: number): { unit: string; words: string; end: number } | null {
  const clause = sentence.text.slice(0, at - sentence.start);
  const m =
    /\b(?:number|total|count|tally|toll)\s+of\s+(?:[a-z-]+\s+){0,3}?(people|[a-z-]+s)\b[^.;]{0,60}$/i.exec(clause) ??
    // "Cases rose to 12,000", "Deaths reached 400": the subject, then a verb of level.
    /(?:^|[,;]\s)(?:the\s+|new\s+|total\s+|daily\s+|weekly\s+)*([a-z-]+)\s+(?:have\s+|has\s+)?(?:rose|risen|fell|fallen|climbed|reached|stood|totalled|totaled|hit|dropped|increased|decreased|jumped|grew|numbered|topped|exceeded|surpassed)(?:\s+(?:to|at|by|past))?\s*(?:[a-z]+\s+){0,2}$/i.exec(
      clause,
    );
  if (!m) return null;
  const w = m[1].toLowerCase();
  if (!PEOPLE_NOUNS.has(w) && !/s$/.test(w)) return null;
  return { unit: PEOPLE_NOUNS.has(w) ? 'persons' : w, words: m[0].split(/\s+(?:was|were|is|are|stood|reached|rose|fell)\b/)[0], end: at };
}

/** Whether the number at [start, end) is a date, time, label, ordinal or ranking span, not a figure. */
function isTrap(text: string, start: number, end: number, raw: string, hasSymbol: boolean, hasScale: boolean): boolean {
  const before = text.slice(Math.max(0, start - 25), start);
  const after = text.slice(end, end + 25);
  if (/[A-Za-z]-?$/.test(before) && !hasSymbol) return true; // COVID-19, G7, A320
  if (/^[:/]\d/.test(after) || /\d[:/]$/.test(before)) return true; // 14:05, 2023/24, 12/03
  if (/^(?:st|nd|rd|th)\b/i.test(after) || LABEL_AFTER.test(after)) return !/^s\b/i.test(after) || /^\d{4}$/.test(raw) || /^\d0$/.test(raw);
  if (LABEL_BEFORE.test(before)) return true;
  if (/^0\d/.test(raw)) return true; // phone numbers, codes
  const n = Number(raw.replace(/,/g, ''));
  const integer = /^\d+$/.test(raw);
  // A year: four digits 1800-2100, no currency, no scale, no unit right after.
  if (integer && raw.length === 4 && n >= 1800 && n <= 2100 && !hasSymbol && !hasScale && !/^\s?(?:%|per\s?cent|percent)/i.test(after)) return true;
  // A day of a month: "12 March", "March 12".
  if (
    integer &&
    n >= 1 &&
    n <= 31 &&
    ((MONTH_RE.test(after.slice(0, 12).split(/[,.;]/)[0]) && /^\s*(?:of\s+)?[A-Z][a-z]+/.test(after)) || new RegExp(String.raw`\b(?:${MONTHS.join('|')})\.?\s*$`, 'i').test(before))
  )
    return true;
  // The span of a ranking: "the lowest in nine months", "the first time in 20 years".
  const clause =
    text
      .slice(Math.max(0, start - 60), start)
      .split(/[;,]/)
      .pop() ?? '';
  if (RANKING_WORDS.test(clause) && RANKING_SPAN.test(text.slice(Math.max(0, start - 8), end + 12).replace(/^.*?\b(in|for|since|over)\b/i, '$1'))) {
    if (/\b(?:in|for|since|over)\s+(?:more than\s+|almost\s+|nearly\s+|over\s+)?$/i.test(before)) return true;
  }
  // A span that names the period: "in the three months to March", "over the past 12 months".
  if (/\b(?:the|past|last|next|previous|first|latest|coming|recent)\s+$/i.test(before) && /^\s?(?:days?|weeks?|months?|quarters?|years?|decades?)\b/i.test(after)) return true;
  // A time of day: "at 9am", "5pm".
  if (/^\s?(?:am|pm|a\.m\.|p\.m\.|gmt|bst|utc)\b/i.test(after)) return true;
  return false;
}

/** Every figure of the sentence, in order. */
export function figuresOf(text: string, sentence: Sentence): Figure[] {
  const s = sentence.text;
  const found: Figure[] = [];
  const taken: [number, number][] = [];
  const free = (a: number, b: number) => taken.every(([x, y]) => b <= x || a >= y);

  const finish = (f: Omit<Figure, 'unit' | 'unitEvidence' | 'nounEnd'> & { unit?: string | null; unitEvidence?: Evidence }, share = false) => {
    let unit = f.unit ?? null;
    let unitEvidence = f.unitEvidence ?? { words: null, confidence: 0.3 };
    let nounEnd = f.end;
    if (!unit && share) {
      unit = 'percent';
      unitEvidence = { words: f.text, confidence: 0.8 };
    }
    if (!unit) {
      const u = unitAfter(text, f.end);
      if (u) {
        unit = u.unit;
        unitEvidence = { words: u.words, confidence: 0.95 };
        nounEnd = u.end;
      }
    }
    if (!unit) {
      const noun = countNoun(sentence, f.end) ?? countedBefore(sentence, f.start);
      if (noun) {
        unit = noun.unit;
        unitEvidence = { words: noun.words, confidence: noun.unit === 'persons' ? 0.9 : 0.7 };
        nounEnd = noun.end;
      }
    }
    const after = hedgeAfter(text, nounEnd > f.end ? nounEnd : f.end);
    if (after && f.bound === 'EXACT') {
      f.bound = after.bound;
      f.boundEvidence = { words: after.words, confidence: 0.85 };
    }
    found.push({ ...f, unit, unitEvidence, nounEnd });
    taken.push([f.start, f.end]);
  };

  // Vague quantities and fractions first: "half a million" is one figure, not "a million".
  for (const m of s.matchAll(VAGUE_RE)) {
    const v = VAGUE.find((x) => x.phrase === m[0].toLowerCase())!;
    // "a majority of 174": the number is the figure, not the vague word.
    if (/^\s*\d/.test(s.slice(m.index! + m[0].length))) continue;
    const start = sentence.start + m.index!;
    const end = start + m[0].length;
    const hedge = hedgeBefore(text, start);
    finish(
      {
        start,
        end,
        text: m[0],
        value: v.value,
        low: null,
        high: null,
        bound: hedge?.bound && hedge.bound !== 'EXACT' ? hedge.bound : v.bound,
        boundEvidence: { words: hedge?.words ?? m[0], confidence: 0.6 },
      },
      v.share,
    );
  }
  for (const m of s.matchAll(FRACTION_RE)) {
    const start = sentence.start + m.index!;
    if (!free(start, start + m[0].length)) continue;
    const hedge = hedgeBefore(text, start);
    finish(
      {
        start,
        end: start + m[0].length,
        text: m[0],
        value: FRACTIONS[m[0].toLowerCase()],
        low: null,
        high: null,
        bound: hedge && hedge.bound !== 'EXACT' ? hedge.bound : 'APPROX',
        boundEvidence: { words: hedge?.words ?? m[0], confidence: 0.6 },
      },
      true,
    );
  }

  for (const m of s.matchAll(NUMBER)) {
    const g = m.groups!;
    let start = sentence.start + m.index!;
    let end = start + m[0].length;
    if (!free(start, end)) continue;
    const digitsAt = start + m[0].indexOf(g.n);
    const isWord = !/\d/.test(g.n);
    let scaleWord: string | undefined = g.scale?.toLowerCase();
    // "100m sprint" is metres, "3m people" and "$4.5m" millions: "m" is a scale after currency or before people.
    if (scaleWord === 'm' && !g.sym && !/^\s*(?:people|persons|[a-z]+s)\b/i.test(text.slice(end, end + 15))) {
      end -= g.scale!.length + (m[0].endsWith(` ${g.scale}`) ? 1 : 0);
      scaleWord = undefined;
    }
    if (scaleWord === 'b' && !g.sym) scaleWord = undefined;
    if (isTrap(text, digitsAt, digitsAt + g.n.length, g.n, !!g.sym, !!scaleWord)) continue;
    let value = parseNumber(g.n);
    if (value === null) continue;
    if (isWord) {
      // A number word counts only before what it counts ("three people", "ten per cent", "two million").
      // "two to three weeks": what it counts stands after the range.
      const rangeTail = RANGE_TAIL.exec(text.slice(end, end + 30));
      const countedAt = rangeTail ? end + rangeTail[0].length : end;
      const noun = countNoun(sentence, countedAt);
      if (!scaleWord && !unitAfter(text, countedAt) && !noun) continue;
      if (/^(?:one)$/i.test(g.n) && /^\s+(?:of|another|day|time|way)\b/i.test(text.slice(end, end + 10))) continue;
    }
    const scale = scaleWord ? SCALES[scaleWord] : 1;
    value *= scale;
    const sym = g.sym ? CURRENCY_SYMBOLS.find(([x]) => x.toLowerCase() === g.sym!.toLowerCase())![1] : null;
    if (!g.sym && /^\s/.test(m[0])) start += 1;

    // A range: "60 to 90", "2–3", "between 18 and 65", "$4bn-$5bn"; "from X to Y" is a change, two figures.
    const tail = RANGE_TAIL.exec(text.slice(end, end + 30));
    const beforeWords = text.slice(Math.max(0, start - 12), start).toLowerCase();
    const between = /\bbetween\s+$/.test(beforeWords);
    // "rose from 4.2% to 4.4%", "fell by 26,000 to 898,000": a change and a level, two figures.
    let from = /\bfrom\s+$/.test(beforeWords);
    if (tail && /\bby\s+$/.test(beforeWords)) {
      // "by two to three weeks" is a range; "by 26,000 to 898,000", "by 2% to 5%" a change and a level.
      const second = parseNumber(tail.groups!.n);
      from = !!unitAfter(text, end) || second === null || second > 3 * value;
    }
    if (tail && !from && (tail.groups!.c !== 'and' || between)) {
      const second = parseNumber(tail.groups!.n);
      const tailScale = tail.groups!.scale ? (SCALES[tail.groups!.scale.toLowerCase()] ?? 1) : 1;
      if (second !== null) {
        const high = second * (tailScale === 1 ? scale : tailScale);
        const low = scale === 1 && tailScale !== 1 ? value * tailScale : value;
        if (low <= high) {
          const rangeEnd = end + tail[0].length;
          const rangeStart = between ? start - (beforeWords.length - beforeWords.lastIndexOf('between')) : start;
          finish({
            start: rangeStart,
            end: rangeEnd,
            text: text.slice(rangeStart, rangeEnd),
            value: null,
            low,
            high,
            bound: 'RANGE',
            boundEvidence: { words: `${between ? 'between … ' : ''}${tail.groups!.c}`, confidence: 0.9 },
            ...(sym ? { unit: sym, unitEvidence: { words: g.sym!, confidence: 0.95 } } : {}),
          });
          continue;
        }
      }
    }
    const hedge = hedgeBefore(text, start);
    finish({
      start,
      end,
      text: text.slice(start, end),
      value,
      low: null,
      high: null,
      bound: hedge?.bound ?? 'EXACT',
      boundEvidence: hedge ? { words: hedge.words, confidence: 0.9 } : { words: null, confidence: 0.75 },
      ...(sym ? { unit: sym, unitEvidence: { words: g.sym!, confidence: 0.95 } } : {}),
    });
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * "1,100 runners, and 41 were taken to hospital", "up from 578,304 a year earlier": a figure
 * without a unit counts what the nearest count of its sentence counts (not a size or a share).
 */
export function unitsFromNeighbours(figures: Figure[]): void {
  for (const f of figures) {
    if (f.unit) continue;
    const near = figures.filter((o) => o !== f && o.unit && o.unit !== 'percent' && !LEVEL_UNITS.has(o.unit)).sort((a, b) => Math.abs(a.start - f.start) - Math.abs(b.start - f.start))[0];
    if (near) {
      f.unit = near.unit;
      f.unitEvidence = { words: `as ${near.text}`, confidence: 0.55 };
    }
  }
}
