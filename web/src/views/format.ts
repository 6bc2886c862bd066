/** Small pieces every view draws the same way: links to nodes, Allen relations, gaps. */
import { h, num } from '../dom';
import { hrefOf, routeOfNode } from '../router';

/** A link to a node's own view (claim, organization, person, or its neighbourhood). */
export const nodeLink = (id: string, text: string) => h('a', { href: hrefOf(routeOfNode(id)), 'data-link': true }, text);

/** MET_BY → met-by, as Allen wrote it. */
export const allenText = (relation: string) => relation.toLowerCase().replace(/_/g, '-');

/** A gap to one decimal; empty when there is none. */
export const gapText = (gap: number | null) => (gap == null ? '' : num(Math.round(gap * 10) / 10));

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * A date to the precision it was stated in: "2025-12" and a MONTH period's "2025-12-01" both read
 * "December 2025", never a first of the month nobody said; "2025" stays a year; a day reads
 * "1 December 2025"; a time of day is kept where one was given. The same everywhere a date shows.
 */
export function dateText(value: string | null | undefined, granularity?: string | null): string {
  if (!value) return '';
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?:T(\d{2}):(\d{2}))?/.exec(value);
  if (!m) return value;
  const [, y, mo, d, hh, mm] = m;
  if (!mo || granularity === 'YEAR') return y;
  const month = `${MONTHS[Number(mo) - 1]} ${y}`;
  if (!d || granularity === 'MONTH') return month;
  if (granularity === 'QUARTER') return `Q${Math.ceil(Number(mo) / 3)} ${y}`;
  const day = `${Number(d)} ${month}`;
  if (granularity === 'WEEK') return `the week of ${day}`;
  return hh && !(hh === '00' && mm === '00') ? `${day}, ${hh}:${mm} UTC` : day;
}

/** A period as words: its label if any, then its dates to their precision ("August 2024", "since June 2023"). */
export function periodText(p: { start: string; end: string | null; label?: string | null; granularity?: string | null }): string {
  // The dates' own span first: "a week in August 2024" runs over the month, and reads "August 2024".
  const granularity = inferGranularity(p.start, p.end) ?? p.granularity;
  const start = dateText(p.start, granularity);
  const span = p.end == null ? `since ${start}` : p.end === p.start || dateText(p.end, granularity) === start ? start : `${start} – ${dateText(p.end, granularity)}`;
  return p.label ? `${p.label} (${span})` : span;
}

/** The granularity a start and end mark out where none is given: a whole calendar year or month. */
export function inferGranularity(start: string | null | undefined, end: string | null | undefined): string | null {
  if (!start || !end) return null;
  const s = /^(\d{4})-(\d{2})-01$/.exec(start.slice(0, 10));
  const e = /^(\d{4})-(\d{2})-(\d{2})$/.exec(end.slice(0, 10));
  if (!s || !e || s[1] !== e[1]) return null;
  const last = new Date(Date.UTC(Number(e[1]), Number(e[2]), 0)).getUTCDate();
  if (Number(e[3]) !== last) return null;
  if (s[2] === '01' && e[2] === '12') return 'YEAR';
  return s[2] === e[2] ? 'MONTH' : null;
}
