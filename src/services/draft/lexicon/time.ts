/**
 * Time in the rule layer: words that make a figure a rate (and per what), that make it a running
 * total, and the seasons Recognizers-Text leaves unresolved.
 */
export type Granularity = 'DAY' | 'WEEK' | 'MONTH' | 'QUARTER' | 'YEAR';

/** A figure followed (within its clause) by one of these is a RATE per that unit. */
export const RATE_CUES: [string, Granularity][] = [
  ['each day', 'DAY'],
  ['every day', 'DAY'],
  ['a day', 'DAY'],
  ['per day', 'DAY'],
  ['daily', 'DAY'],
  ['a night', 'DAY'],
  ['per night', 'DAY'],
  ['each week', 'WEEK'],
  ['every week', 'WEEK'],
  ['a week', 'WEEK'],
  ['per week', 'WEEK'],
  ['weekly', 'WEEK'],
  ['each month', 'MONTH'],
  ['every month', 'MONTH'],
  ['a month', 'MONTH'],
  ['per month', 'MONTH'],
  ['monthly', 'MONTH'],
  ['each quarter', 'QUARTER'],
  ['a quarter', 'QUARTER'],
  ['per quarter', 'QUARTER'],
  ['quarterly', 'QUARTER'],
  ['each year', 'YEAR'],
  ['every year', 'YEAR'],
  ['a year', 'YEAR'],
  ['per year', 'YEAR'],
  ['per annum', 'YEAR'],
  ['annually', 'YEAR'],
  ['yearly', 'YEAR'],
  ['annual', 'YEAR'],
];

/** Words in a figure's clause that make it a running total. */
export const CUMULATIVE_CUES = [
  'since',
  'so far',
  'to date',
  'in total',
  'a total of',
  'altogether',
  'cumulative',
  'in all',
  'since the start',
  'since the beginning',
  'throughout',
  'during the course of',
  'over the course of the war',
  'have been',
  'has been',
  'have now',
  'has now',
  'have died',
  'have had',
];

/** Seasons as months of the northern hemisphere (Recognizers-Text answers "2024-SU not resolved"). */
export const SEASONS: Record<string, [string, string]> = {
  SP: ['03', '05'],
  SU: ['06', '08'],
  FA: ['09', '11'],
  WI: ['12', '02'],
};
