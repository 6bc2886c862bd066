/**
 * Numbers written in words, scale words, fractions and vague quantities: what a figure is when it
 * is not digits. A vague quantity is read as the least it can mean ("hundreds" is at least 200).
 */
export const UNITS_WORDS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};

/** Scale words after a number: "1.2 million", "3bn", "$4.5m", "20k". */
export const SCALES: Record<string, number> = {
  hundred: 1e2, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12,
  k: 1e3, m: 1e6, mn: 1e6, mln: 1e6, bn: 1e9, b: 1e9, tn: 1e12, tr: 1e12,
};

/** Fractions as words: their value in percent (a share). */
export const FRACTIONS: Record<string, number> = {
  half: 50, 'one half': 50, 'a third': 33.3, 'one third': 33.3, 'one-third': 33.3, 'two-thirds': 66.7, 'two thirds': 66.7,
  'a quarter': 25, 'one quarter': 25, 'one-quarter': 25, 'three-quarters': 75, 'three quarters': 75,
  'a fifth': 20, 'one fifth': 20, 'one-fifth': 20, 'two-fifths': 40, 'a tenth': 10, 'one in ten': 10, 'one in five': 20,
  'one in four': 25, 'one in three': 33.3, 'nine in ten': 90, 'eight in ten': 80, 'seven in ten': 70, 'six in ten': 60,
  'four in ten': 40, 'three in ten': 30, 'two in ten': 20, 'one in two': 50,
};

/**
 * Vague quantities: the phrase, the least value it means, the bound, and whether the unit is a
 * share (percent) or the noun that follows ("hundreds of patients").
 */
export const VAGUE: { phrase: string; value: number; bound: 'AT_LEAST' | 'APPROX' | 'EXACT'; share?: boolean }[] = [
  { phrase: 'the majority of', value: 50, bound: 'AT_LEAST', share: true },
  { phrase: 'a majority of', value: 50, bound: 'AT_LEAST', share: true },
  { phrase: 'the majority', value: 50, bound: 'AT_LEAST', share: true },
  { phrase: 'a majority', value: 50, bound: 'AT_LEAST', share: true },
  { phrase: 'hundreds of thousands of', value: 200_000, bound: 'AT_LEAST' },
  { phrase: 'tens of thousands of', value: 20_000, bound: 'AT_LEAST' },
  { phrase: 'hundreds of', value: 200, bound: 'AT_LEAST' },
  { phrase: 'thousands of', value: 2000, bound: 'AT_LEAST' },
  { phrase: 'millions of', value: 2_000_000, bound: 'AT_LEAST' },
  { phrase: 'billions of', value: 2_000_000_000, bound: 'AT_LEAST' },
  { phrase: 'dozens of', value: 24, bound: 'AT_LEAST' },
  { phrase: 'scores of', value: 40, bound: 'AT_LEAST' },
  { phrase: 'hundreds', value: 200, bound: 'AT_LEAST' },
  { phrase: 'thousands', value: 2000, bound: 'AT_LEAST' },
  { phrase: 'dozens', value: 24, bound: 'AT_LEAST' },
  { phrase: 'a dozen', value: 12, bound: 'APPROX' },
  { phrase: 'half a million', value: 500_000, bound: 'EXACT' },
  { phrase: 'half a billion', value: 500_000_000, bound: 'EXACT' },
  { phrase: 'a million', value: 1_000_000, bound: 'EXACT' },
  { phrase: 'a billion', value: 1_000_000_000, bound: 'EXACT' },
  { phrase: 'a thousand', value: 1000, bound: 'EXACT' },
  { phrase: 'a hundred', value: 100, bound: 'EXACT' },
  { phrase: 'a quarter of a million', value: 250_000, bound: 'EXACT' },
];
