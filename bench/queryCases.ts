/**
 * The operations bench:queries times (and bench:ab compares between commits): source chains, graph
 * views, corroboration, timelines, cross-references and claim lists over the generated graph, each with
 * deterministic inputs spread over it.
 */

/** A name, the operation, and its variables for the i-th request. */
export type QueryCase = [name: string, query: string, vars: (i: number) => Record<string, unknown>];

export function queryCases(claims: number): QueryCase[] {
  // Deterministic inputs spread over the generated graph.
  const claimId = (i: number) => `claim:gen-${(i * 37) % Math.floor(claims / 100)}-${(i * 13) % 100}`;
  const orgPair = (i: number) => ({ o: [`org:gen-inst-${i % 20}-${i % 4}`, `org:gen-inst-${(i + 7) % 20}-${(i + 1) % 4}`] });
  return [
    [
      'sourceChain',
      'query($id: ID!) { sourceChain(claimId: $id) { independentOriginCount circularReporting paths { ending steps { relation to { id } } } origins { source { id } institutions { id } } graph { nodes { id } edges { id } } } }',
      (i) => ({ id: claimId(i) }),
    ],
    [
      'graph(depth: 2, limit: 200)',
      'query($s: [ID!]!) { graph(seeds: $s, depth: 2, limit: 200) { nodes { id kind label hiddenNeighbours } edges { id source target type } truncated } }',
      (i) => ({ s: [claimId(i)] }),
    ],
    ['corroboration', 'query($id: ID!) { corroboration(claimId: $id) { credibility independentAgreeingOrigins comparisons { claim { id } verdict gap sameOrigin } } }', (i) => ({ id: claimId(i) })],
    // A measure's timeline (about 400 claims at 20,000, the cap of 1,000 at 100,000), as a chart reads it.
    [
      'timeline',
      'query($m: ID!) { timeline(measureId: $m) { claim { id text } start end value low high bound source { title } agents { name } decreases } }',
      (i) => ({ m: `measure:gen-${(i * 7) % 50}` }),
    ],
    [
      'crossReference (2 organizations)',
      'query($o: [ID!]!) { crossReference(organizationIds: $o) { sharedMeasures { id } agreements { a { id } b { id } } conflicts { a { id } b { id } gap } derivations { kind } truncated } }',
      orgPair,
    ],
    // Claim lists: the whole graph in id order, and filters that start from an organization
    // (with its subsidiaries and people) and from a country (with its oblasts and cities).
    ['claims(first: 20)', '{ claims(first: 20) { totalCount edges { node { id text attributedTo { id } } } pageInfo { endCursor } } }', () => ({})],
    [
      'claims, organization + subsidiaries',
      'query($o: ID!) { claims(first: 20, filter: { attributedTo: [$o], includeSubsidiaries: true }) { totalCount edges { node { id } } } }',
      (i) => ({ o: `org:gen-inst-${i % 20}` }),
    ],
    ['claims, country + subregions', 'query($r: ID!) { claims(first: 20, filter: { regionIds: [$r] }) { totalCount edges { node { id } } } }', (i) => ({ r: `region:gen-country-${i % 3}` })],
    // What a richer client pays: views with node properties, pairs with the claims' details.
    [
      'graph(depth: 2, limit: 200), properties',
      'query($s: [ID!]!) { graph(seeds: $s, depth: 2, limit: 200) { nodes { id kind label properties hiddenNeighbours } edges { id source target type properties } truncated } }',
      (i) => ({ s: [claimId(i)] }),
    ],
    [
      'crossReference, claim details',
      `query($o: [ID!]!) { crossReference(organizationIds: $o) { sharedMeasures { id name } sharedRegions { id name } agreements { ...P } conflicts { ...P gap } derivations { kind } commonSources { id title } truncated } }
      fragment P on ClaimPair { a { id text quantity { value bound } attributedTo { id } } b { id text quantity { value bound } attributedTo { id } } }`,
      orgPair,
    ],
  ];
}
