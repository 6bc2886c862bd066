/**
 * The period a figure is about, from the date expressions of its sentence as Microsoft's
 * Recognizers-Text reads them (one sentence at a time, the publication date as reference:
 * "last year", "since June 2023", "the past week", "in 2025 alone"). Its timex values are mapped
 * to an ingest period; what it leaves unresolved (seasons) comes from lexicon/time.ts.
 */
import Recognizers from '@microsoft/recognizers-text-suite';
import { SEASONS, type Granularity } from './lexicon/time.js';

export interface DateExpression {
  /** Offsets into the article. */
  start: number;
  end: number;
  text: string;
  period: { start: string; end?: string | null; granularity: Granularity } | null;
  /** A single day named after "on" ("said on Tuesday"): when it was said, not what it is about. */
  statementDate: boolean;
  /** A repeating set ("each week"): a rate's unit, not a period. */
  set: boolean;
  duration: boolean;
}

interface Value {
  timex?: string;
  Mod?: string;
  type?: string;
  start?: string;
  end?: string;
  value?: string;
}

const dayBefore = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** One resolution: the value that is not after the reference date (a bare "March" means the last one). */
function pick(values: Value[], reference: string): Value | undefined {
  if (values.length <= 1) return values[0];
  const past = values.filter((v) => (v.start ?? v.value ?? '') <= reference);
  return past.at(-1) ?? values[0];
}

function toPeriod(v: Value): DateExpression['period'] {
  const timex = v.timex ?? '';
  const season = /^(\d{4})-(SP|SU|FA|WI)$/.exec(timex);
  if (season) {
    const [from, to] = SEASONS[season[2]];
    const endYear = season[2] === 'WI' ? String(Number(season[1]) + 1) : season[1];
    return { start: `${season[1]}-${from}`, end: `${endYear}-${to}`, granularity: 'MONTH' };
  }
  const since = v.Mod === 'since' || v.Mod === 'after';
  if (/^\d{4}$/.test(timex)) return { start: timex, ...(since ? { end: null } : {}), granularity: 'YEAR' };
  if (/^\d{4}-\d{2}$/.test(timex)) return { start: timex, ...(since ? { end: null } : {}), granularity: 'MONTH' };
  // A month or day without its year ("in March"): the year of the value picked.
  const sinceOf = () => (v.Mod === 'since' || v.Mod === 'after' ? { end: null } : {});
  if (/^XXXX-\d{2}$/.test(timex) && v.start) return { start: v.start.slice(0, 7), ...sinceOf(), granularity: 'MONTH' };
  if (/^XXXX-\d{2}-\d{2}$/.test(timex) && (v.value ?? v.start)) return { start: (v.value ?? v.start)!.slice(0, 10), ...sinceOf(), granularity: 'DAY' };
  if (/^\d{4}-\d{2}-\d{2}$/.test(timex)) return { start: timex, ...(since ? { end: null } : {}), granularity: 'DAY' };
  if (v.start && /^\d{4}-\d{2}-\d{2}$/.test(v.start)) {
    const granularity: Granularity = /W\d{2}/.test(timex) || /P1W|P7D/.test(timex) ? 'WEEK' : /P3M/.test(timex) ? 'QUARTER' : /P\d+M/.test(timex) ? 'MONTH' : /P\d+Y/.test(timex) ? 'YEAR' : 'DAY';
    const end = v.end && /^\d{4}-\d{2}-\d{2}$/.test(v.end) ? dayBefore(v.end) : null;
    return { start: v.start, end: since ? null : (end ?? v.start), granularity };
  }
  if (v.type === 'date' && v.value && /^\d{4}-\d{2}-\d{2}$/.test(v.value)) return { start: v.value, granularity: 'DAY' };
  return null;
}

/** The sentence's date expressions, with the periods they name. */
export function dateExpressions(sentenceText: string, sentenceStart: number, reference: string, masks: { start: number; end: number }[] = []): DateExpression[] {
  // The figures are masked first (same length, so offsets hold): "More than 3.8 million people
  // … in the past year" would otherwise read as one long duration.
  let masked = sentenceText;
  for (const m of masks) {
    const a = m.start - sentenceStart;
    const b = m.end - sentenceStart;
    if (a >= 0 && b <= masked.length) masked = masked.slice(0, a) + masked.slice(a, b).replace(/[\d.,]/g, '#') + masked.slice(b);
  }
  const found = Recognizers.recognizeDateTime(masked, Recognizers.Culture.English, undefined, new Date(`${reference}T12:00:00Z`));
  return found.map((m) => {
    const kind = m.typeName.split('.').pop() ?? '';
    const values = ((m.resolution?.values ?? []) as Value[]).filter(Boolean);
    const v = pick(values, reference);
    const before = sentenceText.slice(Math.max(0, m.start - 4), m.start).toLowerCase();
    // "said on Tuesday", "released … on Wednesday": when it was said, not what it is about.
    const cued = /\b(?:said|says|reported|announced|published|released|told|confirmed|stated|wrote|added)\b[^,.;]{0,80}$/.test(sentenceText.slice(0, m.start).toLowerCase());
    return {
      start: sentenceStart + m.start,
      end: sentenceStart + m.end + 1,
      text: sentenceText.slice(m.start, m.end + 1),
      // "for the year", "the week" alone name no period of their own; "compared with a year earlier" is a base.
      period:
        kind === 'set' ||
        kind === 'duration' ||
        kind === 'time' ||
        !v ||
        /^the (?:year|month|week|day|season|quarter)$/i.test(m.text.trim()) ||
        /\b(?:compared (?:with|to)|than|versus|vs\.?)\s+$/i.test(sentenceText.slice(Math.max(0, m.start - 16), m.start))
          ? null
          : toPeriod(v),
      statementDate: kind === 'date' && /\bon\s$/.test(before) && cued,
      set: kind === 'set',
      duration: kind === 'duration',
    };
  });
}
