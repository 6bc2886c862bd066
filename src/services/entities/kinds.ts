/** The GraphQL EntityKind of each node label and back: one table for search, graph views and rows. */
export const LABEL_OF_KIND: Record<string, string> = {
  CLAIM: 'Claim',
  SOURCE: 'Source',
  ORGANIZATION: 'Organization',
  PERSON: 'Person',
  REGION: 'Region',
  MEASURE: 'Measure',
  PERIOD: 'Period',
};
