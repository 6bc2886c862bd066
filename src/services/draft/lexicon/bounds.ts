/**
 * Hedge words and how they bound the figure they stand before or after (the rule layer's data;
 * figures.ts only looks them up). Longest phrases are tried first, so "no more than" wins
 * over "more than". "As high as" and "only" stress a figure without bounding it.
 */
export type Bound = 'EXACT' | 'APPROX' | 'ALMOST' | 'AT_LEAST' | 'AT_MOST';

/** Words right before a figure. */
export const HEDGES_BEFORE: [string, Bound][] = [
  ['more than', 'AT_LEAST'],
  ['over', 'AT_LEAST'],
  ['at least', 'AT_LEAST'],
  ['upwards of', 'AT_LEAST'],
  ['in excess of', 'AT_LEAST'],
  ['well over', 'AT_LEAST'],
  ['well above', 'AT_LEAST'],
  ['above', 'AT_LEAST'],
  ['a minimum of', 'AT_LEAST'],
  ['no fewer than', 'AT_LEAST'],
  ['no less than', 'AT_LEAST'],
  ['not less than', 'AT_LEAST'],
  ['almost', 'ALMOST'],
  ['nearly', 'ALMOST'],
  ['just under', 'ALMOST'],
  ['just below', 'ALMOST'],
  ['just shy of', 'ALMOST'],
  ['close to', 'ALMOST'],
  ['approaching', 'ALMOST'],
  ['about', 'APPROX'],
  ['around', 'APPROX'],
  ['some', 'APPROX'],
  ['roughly', 'APPROX'],
  ['approximately', 'APPROX'],
  ['an estimated', 'APPROX'],
  ['estimated', 'APPROX'],
  ['an average of', 'EXACT'],
  ['circa', 'APPROX'],
  ['c.', 'APPROX'],
  ['~', 'APPROX'],
  ['about a', 'APPROX'],
  ['around a', 'APPROX'],
  ['roughly a', 'APPROX'],
  ['up to', 'AT_MOST'],
  ['as many as', 'AT_MOST'],
  ['as much as', 'AT_MOST'],
  ['at most', 'AT_MOST'],
  ['no more than', 'AT_MOST'],
  ['not more than', 'AT_MOST'],
  ['fewer than', 'AT_MOST'],
  ['less than', 'AT_MOST'],
  ['under', 'AT_MOST'],
  ['below', 'AT_MOST'],
  ['a maximum of', 'AT_MOST'],
  ['as high as', 'EXACT'],
  ['only', 'EXACT'],
  ['just', 'EXACT'],
  ['exactly', 'EXACT'],
];

/** Words right after a figure (and its unit). */
export const HEDGES_AFTER: [string, Bound][] = [
  ['or more', 'AT_LEAST'],
  ['and more', 'AT_LEAST'],
  ['plus', 'AT_LEAST'],
  ['or so', 'APPROX'],
  ['or fewer', 'AT_MOST'],
  ['or less', 'AT_MOST'],
  ['at most', 'AT_MOST'],
  ['at least', 'AT_LEAST'],
];
