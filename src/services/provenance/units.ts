/**
 * Units a comparison can convert between: each known unit belongs to one dimension and is a
 * factor of that dimension's base unit. Figures in units of one dimension convert; units of
 * different dimensions, or units not in the table and not spelled the same, do not (the pair is
 * NOT_COMPARABLE, and the reason says why). The table is the README's "Units" table.
 */

interface UnitDef {
  dimension: string;
  /** How many base units one of this unit is. */
  factor: number;
  /** How the unit is shown in a reason. */
  symbol: string;
}

const AREA = 'area';
const LENGTH = 'length';
const DURATION = 'duration';
const SHARE = 'share';

/** Canonical units, by the spellings a document may use (lower case, spaces collapsed). */
const TABLE: [string[], UnitDef][] = [
  [['km2', 'km²', 'sq km', 'square kilometres', 'square kilometers'], { dimension: AREA, factor: 1e6, symbol: 'km²' }],
  [['m2', 'm²', 'sq m', 'square metres', 'square meters'], { dimension: AREA, factor: 1, symbol: 'm²' }],
  [['ha', 'hectares', 'hectare'], { dimension: AREA, factor: 1e4, symbol: 'ha' }],
  [['mi2', 'mi²', 'sq mi', 'square miles', 'square mile'], { dimension: AREA, factor: 2_589_988.110336, symbol: 'mi²' }],
  [['acres', 'acre'], { dimension: AREA, factor: 4_046.8564224, symbol: 'acres' }],
  [['km', 'kilometres', 'kilometers'], { dimension: LENGTH, factor: 1000, symbol: 'km' }],
  [['m', 'metres', 'meters'], { dimension: LENGTH, factor: 1, symbol: 'm' }],
  [['mi', 'miles', 'mile'], { dimension: LENGTH, factor: 1609.344, symbol: 'mi' }],
  [['days', 'day'], { dimension: DURATION, factor: 1, symbol: 'days' }],
  [['weeks', 'week'], { dimension: DURATION, factor: 7, symbol: 'weeks' }],
  [['years', 'year'], { dimension: DURATION, factor: 365.25, symbol: 'years' }],
  [['percent', '%'], { dimension: SHARE, factor: 0.01, symbol: '%' }],
  [['fraction', 'ratio'], { dimension: SHARE, factor: 1, symbol: '' }],
];

const BY_NAME = new Map<string, UnitDef>(TABLE.flatMap(([names, def]) => names.map((n) => [n, def] as [string, UnitDef])));

/** Words that scale a count: "thousand persons" is 1,000 persons. */
const SCALES: [string, number][] = [
  ['thousand', 1e3],
  ['thousands', 1e3],
  ['million', 1e6],
  ['millions', 1e6],
  ['billion', 1e9],
  ['billions', 1e9],
];

const normalise = (unit: string) => unit.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * A unit's dimension and factor: from the table, or for anything else a count of what it names
 * ("persons", "thousand persons", "millions of persons" are all counts of persons).
 */
export function resolveUnit(unit: string): UnitDef {
  const name = normalise(unit);
  const known = BY_NAME.get(name);
  if (known) return known;
  for (const [word, factor] of SCALES) {
    const rest = name.startsWith(`${word} of `) ? name.slice(word.length + 4) : name.startsWith(`${word} `) ? name.slice(word.length + 1) : null;
    if (rest) return { dimension: `count:${rest}`, factor, symbol: unit };
  }
  return { dimension: `count:${name}`, factor: 1, symbol: unit };
}

/** A value's conversion from one unit to another, for a reason to show. */
export interface UnitConversion {
  /** Multiply a figure in `from` by this to have it in `to`. */
  factor: number;
  from: string;
  to: string;
}

/**
 * How to convert figures in `from` into `to`: factor 1 for equal units (or either unstated),
 * null when they measure different things.
 */
export function unitConversion(from: string | null, to: string | null): UnitConversion | null {
  if (!from || !to || normalise(from) === normalise(to)) return { factor: 1, from: from ?? '', to: to ?? '' };
  const a = resolveUnit(from);
  const b = resolveUnit(to);
  if (a.dimension !== b.dimension) return null;
  return { factor: a.factor / b.factor, from, to };
}

/** Whether a unit states a share (percent or a fraction), which needs a base to become absolute. */
export function isShareUnit(unit: string | null): boolean {
  return !!unit && resolveUnit(unit).dimension === SHARE;
}

/** The fraction one of this share unit is: percent → 0.01. */
export function shareFactor(unit: string | null): number {
  return unit && isShareUnit(unit) ? resolveUnit(unit).factor : 0.01;
}

/** One formatter for every number: toLocaleString builds a new one per call (14 µs each). */
const NUMBER_FORMAT = new Intl.NumberFormat('en', { maximumFractionDigits: 6 });

/** A number as a reader writes it: 4,828.4. */
export function showNumber(x: number): string {
  return NUMBER_FORMAT.format(x);
}
