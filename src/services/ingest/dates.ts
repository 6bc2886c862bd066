/**
 * Truncated ISO 8601 dates, as the ingest format allows: `2025`, `2025-06`, `2025-06-01`
 * (or a full date-time). A truncated start means the first day, a truncated end the last day.
 */

export type Precision = 'YEAR' | 'MONTH' | 'DAY' | 'INSTANT';

export interface ParsedDate {
  /** The resolved calendar day, YYYY-MM-DD. */
  date: string;
  precision: Precision;
  /** For INSTANT precision: the instant, ISO 8601 UTC. */
  instant?: string;
}

const FORMS = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2}))?)?)?$/;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Parses a truncated date. `edge` says which day a truncated value stands for. Returns an error
 * message instead of throwing, so the validator can attach the JSON path.
 */
export function parseTruncatedDate(text: unknown, edge: 'start' | 'end'): ParsedDate | string {
  if (typeof text !== 'string') return `must be a date string like 2025, 2025-06 or 2025-06-01, got ${JSON.stringify(text)}`;
  const m = FORMS.exec(text.trim());
  if (!m) return `"${text}" is not an ISO 8601 date (2025, 2025-06, 2025-06-01 or a date-time with zone)`;
  const year = Number(m[1]);
  if (year < 1000 || year > 2999) return `year ${year} is out of range 1000..2999`;
  if (m[2] === undefined) return { date: edge === 'start' ? `${m[1]}-01-01` : `${m[1]}-12-31`, precision: 'YEAR' };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return `"${text}" has month ${m[2]}, which does not exist`;
  if (m[3] === undefined) {
    return { date: `${m[1]}-${m[2]}-${edge === 'start' ? '01' : pad(daysIn(year, month))}`, precision: 'MONTH' };
  }
  const day = Number(m[3]);
  if (day < 1 || day > daysIn(year, month)) return `"${text}" has day ${m[3]}, which ${m[1]}-${m[2]} does not have`;
  if (m[4] === undefined) return { date: `${m[1]}-${m[2]}-${m[3]}`, precision: 'DAY' };
  const instant = new Date(text);
  if (Number.isNaN(instant.getTime())) return `"${text}" is not a valid date-time`;
  const hh = Number(m[4].slice(1, 3));
  const mm = Number(m[4].slice(4, 6));
  if (hh > 23 || mm > 59) return `"${text}" has an impossible time of day`;
  return { date: `${m[1]}-${m[2]}-${m[3]}`, precision: 'INSTANT', instant: instant.toISOString() };
}

/** The instant a (possibly truncated) date stands for: its first moment, UTC. */
export function toInstant(parsed: ParsedDate): string {
  return parsed.instant ?? `${parsed.date}T00:00:00.000Z`;
}
