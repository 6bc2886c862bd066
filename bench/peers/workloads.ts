/**
 * The workloads claimgraph is measured on beside its peers (bench:peers) and against another of
 * its commits (bench:ab): each request as claimgraph, @neo4j/graphql and the raw server take it,
 * and its answer reduced to a shape the three can be compared on.
 */
import { comparisonLine, independentOriginCount, rawCorroboration } from './rawCorroboration.js';
export interface Workload {
  name: string;
  input(i: number): string;
  /** The request each server gets, and its answer reduced to a comparable shape. */
  claimgraph: { query: string; vars(input: string): Record<string, unknown>; norm(data: any): unknown };
  /** `nearest`: the library has no equivalent query, so its answer is not compared (only timed). */
  library: { query: string; vars(input: string): Record<string, unknown>; norm(data: any): unknown; nearest?: boolean };
  raw: { path: string; norm(rows: any[]): unknown };
}

/** A source chain's path as one comparable line: each step, then where it ends and why. */
const pathLine = (steps: { from: string; relation: string; kind: string | null; to: string; title: string | null }[], end: string, endTitle: string | null, ending: string) =>
  `${steps.map((s) => `${s.from} ${s.relation}${s.kind ? `:${s.kind}` : ''} ${s.to} (${s.title})`).join(' / ')} => ${end} (${endTitle}) ${ending}`;
const chainPaths = (paths: any[]) =>
  paths
    .map((p) =>
      pathLine(
        p.steps.map((s: any) => ({ from: s.from.id, relation: s.relation, kind: s.kind ?? null, to: s.to.id, title: s.to.title ?? null })),
        p.end.id,
        p.end.title ?? null,
        p.ending,
      ),
    )
    .sort();
const rawPaths = (paths: any[]) => paths.map((p) => pathLine(p.steps, p.end, p.endTitle ?? null, p.ending)).sort();

const originLines = (origins: { id: string; title: string | null; agents: string[]; institutions: string[] }[]) =>
  sortBy(
    origins.map((o) => ({ id: o.id, title: o.title ?? null, agents: [...o.agents].sort(), institutions: [...o.institutions].sort() })),
    (o) => o.id,
  );

const sortBy = <T>(list: T[], key: (x: T) => string) => [...list].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
const ids = (list: { id: string }[]) => list.map((x) => x.id).sort();
const chain = (d: any): any => ({ id: d.id, title: d.title ?? null, from: sortBy((d.derivedFrom ?? []).map(chain), (x: any) => x.id) });

const CHAIN_PATHS = 'paths { steps { from { id } relation kind to { id title } } end { id title } ending }';
const NEAREST_CHAIN = 'statedIn { id title derivedFrom { id title derivedFrom { id title } } }';
const NEAREST_AGENTS = 'statedIn { id title publisher { id partOf { id } } derivedFrom { id title publisher { id partOf { id } } derivedFrom { id title publisher { id partOf { id } } } } }';

/** W1–W7 over a generated graph of `claims` claims (their inputs are ids that graph holds). */
export function workloads(claims: number): Workload[] {
  const claimIdOf = (i: number) => `claim:gen-${(i * 37) % Math.floor(claims / 100)}-${(i * 13) % 100}`;
  return [
    {
      name: 'W1 claim by id + sources, agents, measure, regions',
      input: claimIdOf,
      claimgraph: {
        query: 'query($id: ID!) { claim(id: $id) { id text statedIn { source { id title } } attributedTo { id name } measure { id name } regions { id name } } }',
        vars: (id) => ({ id }),
        norm: (d) => ({
          id: d.claim.id,
          text: d.claim.text,
          sources: ids(d.claim.statedIn.map((s: any) => s.source)),
          agents: ids(d.claim.attributedTo),
          measure: d.claim.measure?.id ?? null,
          regions: ids(d.claim.regions),
        }),
      },
      library: {
        query:
          'query($id: ID!) { claims(where: { id: { eq: $id } }) { id text statedIn { id title } attributedTo { ... on Organization { id name } ... on Person { id name } } measure { id name } regions { id name } } }',
        vars: (id) => ({ id }),
        norm: (d) => ({
          id: d.claims[0].id,
          text: d.claims[0].text,
          sources: ids(d.claims[0].statedIn),
          agents: ids(d.claims[0].attributedTo),
          measure: d.claims[0].measure[0]?.id ?? null,
          regions: ids(d.claims[0].regions),
        }),
      },
      raw: { path: 'w1', norm: (r) => ({ id: r[0].id, text: r[0].text, sources: ids(r[0].sources), agents: ids(r[0].agents), measure: r[0].measure?.id ?? null, regions: ids(r[0].regions) }) },
    },
    {
      name: "W2 an organization's claims, first 20",
      input: (i) => `org:gen-inst-${i % 20}-${i % 4}`,
      claimgraph: {
        query: 'query($o: ID!) { claims(first: 20, filter: { attributedTo: [$o] }) { edges { node { id text statedIn { source { title } } measure { name } } } } }',
        vars: (o) => ({ o }),
        norm: (d) => d.claims.edges.map((e: any) => ({ id: e.node.id, titles: e.node.statedIn.map((s: any) => s.source.title).sort(), measure: e.node.measure?.name ?? null })),
      },
      library: {
        query: 'query($o: ID!) { organizations(where: { id: { eq: $o } }) { claims(limit: 20, sort: [{ id: ASC }]) { id text statedIn { title } measure { name } } } }',
        vars: (o) => ({ o }),
        norm: (d) => d.organizations[0].claims.map((c: any) => ({ id: c.id, titles: c.statedIn.map((s: any) => s.title).sort(), measure: c.measure[0]?.name ?? null })),
      },
      raw: { path: 'w2', norm: (r) => r.map((c: any) => ({ id: c.id, titles: [...c.sourceTitles].sort(), measure: c.measure ?? null })) },
    },
    {
      name: 'W3 three-hop source chain',
      input: (i) => `src:gen-${Math.floor(claims / 100) - 1 - (i % Math.max(1, Math.floor(claims / 200)))}`,
      claimgraph: {
        query: 'query($id: ID!) { source(id: $id) { id title derivedFrom { derivedFrom { id title derivedFrom { derivedFrom { id title derivedFrom { derivedFrom { id title } } } } } } } }',
        vars: (id) => ({ id }),
        norm: (d) => {
          const walk = (s: any): any => ({ id: s.id, title: s.title ?? null, derivedFrom: (s.derivedFrom ?? []).map((x: any) => walk(x.derivedFrom)) });
          return chain(walk(d.source));
        },
      },
      library: {
        query: 'query($id: ID!) { sources(where: { id: { eq: $id } }) { id title derivedFrom { id title derivedFrom { id title derivedFrom { id title } } } } }',
        vars: (id) => ({ id }),
        norm: (d) => chain(d.sources[0]),
      },
      raw: { path: 'w3', norm: (r) => chain(r[0]) },
    },
    {
      name: "W4 a region's claims with subregions, first 20",
      input: (i) => `region:gen-${i % 5}-${i % 20}`,
      claimgraph: {
        query: 'query($r: ID!) { claims(first: 20, filter: { regionIds: [$r] }) { edges { node { id text } } } }',
        vars: (r) => ({ r }),
        norm: (d) => d.claims.edges.map((e: any) => e.node.id),
      },
      library: {
        query: 'query($r: ID!) { claims(where: { regions: { some: { OR: [{ id: { eq: $r } }, { partOf: { some: { id: { eq: $r } } } }] } } }, limit: 20, sort: [{ id: ASC }]) { id text } }',
        vars: (r) => ({ r }),
        norm: (d) => d.claims.map((c: any) => c.id),
      },
      raw: { path: 'w4', norm: (r) => r.map((c: any) => c.id) },
    },
    {
      name: 'W5 sourceChain, paths only',
      input: claimIdOf,
      claimgraph: { query: `query($id: ID!) { sourceChain(claimId: $id) { ${CHAIN_PATHS} } }`, vars: (id) => ({ id }), norm: (d) => chainPaths(d.sourceChain.paths) },
      // The library cannot follow a chain to its ends: its nearest is a fixed nesting, two hops deep.
      library: { query: `query($id: ID!) { claims(where: { id: { eq: $id } }) { ${NEAREST_CHAIN} } }`, vars: (id) => ({ id }), norm: (d) => d.claims[0], nearest: true },
      raw: { path: 'w5', norm: (r) => rawPaths(r) },
    },
    {
      name: 'W6 sourceChain with origins and independent origins',
      input: claimIdOf,
      claimgraph: {
        query: `query($id: ID!) { sourceChain(claimId: $id) { ${CHAIN_PATHS} origins { source { id title } agents { id } institutions { id } } independentOriginCount } }`,
        vars: (id) => ({ id }),
        norm: (d) => ({
          paths: chainPaths(d.sourceChain.paths),
          origins: originLines(
            d.sourceChain.origins.map((o: any) => ({ id: o.source.id, title: o.source.title, agents: o.agents.map((a: any) => a.id), institutions: o.institutions.map((a: any) => a.id) })),
          ),
          independentOriginCount: d.sourceChain.independentOriginCount,
        }),
      },
      library: {
        query: `query($id: ID!) { claims(where: { id: { eq: $id } }) { ${NEAREST_AGENTS} attributedTo { ... on Organization { id partOf { id } } ... on Person { id } } } }`,
        vars: (id) => ({ id }),
        norm: (d) => d.claims[0],
        nearest: true,
      },
      raw: {
        path: 'w6',
        // The raw peer's one query brings the origins' institutions; grouping them is a few lines here.
        norm: (r) => ({ paths: rawPaths(r[0].paths), origins: originLines(r[0].origins), independentOriginCount: independentOriginCount(r[0].origins) }),
      },
    },
    {
      name: 'W7 corroboration: verdicts, independent origins, grade',
      input: claimIdOf,
      claimgraph: {
        query: `query($id: ID!) { corroboration(claimId: $id) { comparisons { claim { id } verdict allenRelation gap sameOrigin counted } independentAgreeingOrigins independentConflictingOrigins credibility } }`,
        vars: (id) => ({ id }),
        norm: (d) => ({
          comparisons: d.corroboration.comparisons.map((x: any) => comparisonLine({ ...x, id: x.claim.id })).sort(),
          a: d.corroboration.independentAgreeingOrigins,
          c: d.corroboration.independentConflictingOrigins,
          credibility: d.corroboration.credibility,
        }),
      },
      // The library has no comparison rules: its nearest is the claims on the same measure.
      library: {
        query:
          'query($id: ID!) { claims(where: { id: { eq: $id } }) { id value low high periodStart periodEnd measure { claims(limit: 500, sort: [{ id: ASC }]) { id value low high periodStart periodEnd regions { id } } } regions { id } } }',
        vars: (id) => ({ id }),
        norm: (d) => d.claims[0],
        nearest: true,
      },
      raw: { path: 'w7', norm: (r) => rawCorroboration(r) },
    },
  ];
}
