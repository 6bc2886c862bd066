/**
 * How reporting attributes a figure: cue words around a named body or person, the words that
 * mark an organization, and the lead sentences whose attribution later sentences inherit
 * ("The figures were published by …", "… according to the latest data from …").
 */

/** "according to X", "data from X": the cue precedes the agent. */
export const CUES_BEFORE = [
  'according to',
  'data from',
  'figures from',
  'statistics from',
  'estimates from',
  'a report by',
  'a report from',
  'a survey by',
  'research by',
  'a study by',
  'published by',
  'released by',
  'reported by',
  'released through',
  'compiled by',
  'cited by',
  'said',
  'says',
  'told',
  'estimated by',
  'provided by',
  'issued by',
  'announced by',
  'confirmed by',
  'figures by',
  // People speaking for the body named after them.
  'analysts at',
  'economists at',
  'researchers at',
  'scientists at',
  'experts at',
  'a team at',
  'a team from',
  'led by',
];

/** "X said", "X estimates that": the verb follows the agent. */
export const CUE_VERBS = [
  'said',
  'says',
  'say',
  'reported',
  'reports',
  'estimated',
  'estimates',
  'estimate',
  'announced',
  'announces',
  'told',
  'found',
  'finds',
  'showed',
  'shows',
  'show',
  'revealed',
  'reveals',
  'warned',
  'warns',
  'added',
  'noted',
  'claimed',
  'claims',
  'confirmed',
  'confirms',
  'published',
  'publishes',
  'recorded',
  'records',
  'counted',
  'counts',
  'projected',
  'projects',
  'forecast',
  'forecasts',
  'calculated',
  'calculates',
  'stated',
  'states',
  'wrote',
  'writes',
  'predicted',
  'predicts',
  'expected',
  'expects',
  'provided',
  'registered',
  'tallied',
  'put',
  'puts',
  'released',
  'releases',
  'argue',
  'argues',
  'argued',
  'believes',
  'wants',
  'aims',
  'plans',
  'targets',
];

/** Words that make a name an organization's ("Office for National Statistics", "the I Want to Live project"). */
export const ORG_WORDS = new Set(
  (
    'ministry office agency bureau institute institution organisation organization department staff headquarters bank commission council committee university ' +
    'service services project authority association board centre center group party fund union federation league club team government parliament assembly court ' +
    'police army navy forces command corporation company inc ltd plc foundation society trust network alliance observatory programme program administration ' +
    'secretariat cabinet unit laboratory lab hospital nhs who un imf opec fifa uefa ioc statistics statistical survey census council'
  ).split(/\s+/),
);

/** Titles before a person's name ("army chief Oleksandr Syrskii", "Health Minister Jane Doe"). */
export const PERSON_TITLES = new Set(
  (
    'chief head minister president prime secretary spokesman spokeswoman spokesperson director governor mayor commander general colonel professor prof dr doctor ' +
    'chairman chairwoman chair ceo executive economist analyst researcher scientist coach manager captain senator representative ambassador adviser advisor official'
  ).split(/\s+/),
);

/** Words that refer back to the last named agent ("the ministry said", "he added"). */
export const BACK_REFERENCES = new Set(
  'he she they it officials the ministry the agency the office the department the bureau the institute the organisation the organization the government the report the study the survey the data the figures'.split(
    /\s*,\s*|\s+(?=the )/,
  ),
);
