/**
 * Numbers that are not claims: page furniture, rankings and ordinal contexts, and the words that
 * make a number a date, a time or a name rather than a figure.
 */

/** A sentence matching one of these is page furniture, not reporting. */
export const FURNITURE = [
  /^\s*(?:updated|published|last updated|posted|first published)\b/i,
  /\b\d+\s*min(?:ute)?s?\s+read\b/i,
  /^\s*(?:photo|image|picture|video|getty|reuters|ap|afp)\s*[:/(]/i,
  /\|\s*\w+(?:\s+\w+)?\s*\|/,
  /^\s*(?:share|follow us|sign up|subscribe|read more|related|advertisement)\b/i,
  /\bcopyright\b|©/i,
];

/** A number after one of these, within a few words, belongs to a ranking ("the lowest in nine months"). */
export const RANKING_WORDS =
  /\b(?:lowest|highest|biggest|largest|smallest|worst|best|fastest|slowest|strongest|weakest|first|second|third|fourth|fifth|top|most|least|record|weakest|hottest|coldest|wettest|driest|deadliest)\b/i;

/** "in nine months", "for 12 years", "since 1990" after a ranking word: the span of the ranking. */
export const RANKING_SPAN = /^\s*(?:in|for|since|over)\s+(?:more than\s+|almost\s+|nearly\s+|over\s+)?(?:a|an|\d+|[a-z]+)\s+(?:days?|weeks?|months?|years?|decades?|centuries|quarters?|seasons?)\b/i;

/** Words before a number that make it a name, rank or label ("No. 5", "Article 5", "number one", "aged"?). */
export const LABEL_BEFORE =
  /\b(?:no\.|number|article|section|chapter|page|pages|room|flight|route|highway|level|grade|tier|phase|stage|round|week|day|game|match|group|covid|version|v\.|series|season|episode|stage|ranked|ranking|rank|seeded|position|place|item|paragraph|clause|line|resolution|model|iphone|windows)\s*$/i;

/** Words after a number that make it an ordinal or a label ("3rd", "the 1990s", "5G"). */
export const LABEL_AFTER = /^(?:st|nd|rd|th|s\b|g\b|d\b|-year-old|-year-olds)/i;

export const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
];
