/**
 * Query.sourceChain: where a claim came from, hop by hop, whether its origins are independent,
 * and the same chain as a graph view and as PROV-O. One round trip whatever the chain's size
 * (provenance/sourceChain: the rows of the claim and its sources, and the agents' top
 * institutions when the selection reads them); PROV adds the ingestions that wrote the chain.
 */
import type { Queries } from '../../db/queries.js';
import type { AgentRow, ChainSubgraphRow, ClaimRow, EntityRow, GraphEdgeRow, SourceRow, TopInstitutionRow } from '../../db/rows.js';
import { badUserInput, notFound } from '../../errors.js';
import { answerRows, withOwnReads, type EntityLoader, type EntityWire, type RowShape } from '../entities/entities.js';
import type { HistoryLoaders } from '../history/history.js';
import { buildGraphView, nodeLabel, type GraphViewOut } from '../graph/graphView.js';
import { computeChain, type Chain } from './chains.js';
import { independentGroups, institutionsOf, loadTops, topsByAgent, type TopsByAgent } from './institutions.js';
import { toProvJsonLd, type ProvActivity } from './prov.js';

/** The paths are computed at once; what needs the origins' agents, when first read. */
export interface SourceChainOut {
  claim: ClaimRow;
  paths: { steps: { from: EntityRow; relation: string; kind: string | null; to: SourceRow }[]; end: SourceRow; ending: string }[];
  origins: () => Promise<{ source: SourceRow; agents: AgentRow[]; institutions: AgentRow[] }[]>;
  independentOriginCount: () => Promise<number>;
  institutions: () => Promise<AgentRow[]>;
  circularReporting: () => Promise<boolean>;
  cycles: string[][];
  truncated: boolean;
  explanation: () => Promise<string>;
  graph: () => Promise<GraphViewOut>;
  /** Built only when asked for (it reads the ingestions that wrote the chain), with IRIs under baseIri. */
  prov: (baseIri: string, history: HistoryLoaders) => Promise<Record<string, unknown>>;
}

export function checkMaxDepth(maxDepth: number | null | undefined): number {
  const d = maxDepth ?? 6;
  if (!Number.isInteger(d) || d < 1 || d > 10) throw badUserInput(`maxDepth must be between 1 and 10, got ${d}`, 'maxDepth');
  return d;
}

/** Every edge the chain's picture needs: the paths, the attribution, the origins' agents and their hops up to the top. */
function chainEdges(chain: Chain, attributedTo: string[], tops: TopsByAgent): GraphEdgeRow[] {
  const edges: GraphEdgeRow[] = [];
  for (const p of chain.paths) for (const s of p.steps) edges.push({ source: s.from, type: s.relation, target: s.to, props: s.kind ? { kind: s.kind } : {} });
  for (const a of attributedTo) edges.push({ source: chain.claimId, type: 'ATTRIBUTED_TO', target: a, props: {} });
  for (const o of chain.origins) {
    for (const a of o.publisherIds) edges.push({ source: o.sourceId, type: 'PUBLISHED_BY', target: a, props: {} });
    for (const a of o.authorIds) edges.push({ source: o.sourceId, type: 'AUTHORED_BY', target: a, props: {} });
    for (const a of o.agentIds) {
      for (const t of tops.get(a) ?? []) for (const h of t.hops) edges.push({ source: h.source, type: h.type, target: h.target, props: h.title ? { title: h.title } : {} });
    }
  }
  return edges;
}

function explain(claim: ClaimRow, chain: Chain, rows: Map<string, EntityRow>, groups: string[][], institutions: string[], circular: boolean, maxDepth: number): string {
  const name = (id: string) => {
    const r = rows.get(id);
    return r ? `“${nodeLabel(r)}”` : id;
  };
  const parts: string[] = [];
  const apps = chain.appearances.map((a) => name(a.sourceId));
  parts.push(`The claim “${nodeLabel(claim)}” appears in ${apps.length === 1 ? 'one source' : `${apps.length} sources`}${apps.length ? `: ${apps.join(', ')}` : ''}.`);
  if (!apps.length) return `${parts[0]} With no source, its origin cannot be traced.`;
  const longest = chain.paths.reduce((m, p) => Math.max(m, p.steps.length), 0);
  parts.push(
    `Followed hop by hop (${chain.paths.length} path${chain.paths.length === 1 ? '' : 's'}, up to ${longest} hop${longest === 1 ? '' : 's'}), it traces back to ` +
      `${chain.origins.length === 1 ? 'one origin' : `${chain.origins.length} origins`}: ${chain.origins.map((o) => name(o.sourceId)).join(', ')}.`,
  );
  if (institutions.length) {
    parts.push(`Behind ${chain.origins.length === 1 ? 'it stands' : 'them stand'} ${institutions.map(name).join(', ')} (agents collapsed to their top institution).`);
  }
  parts.push(groups.length === 1 ? 'That is one independent origin.' : `That is ${groups.length} independent origins, which can corroborate each other.`);
  if (circular) {
    parts.push('This is circular reporting: the repeated appearances all go back to one origin, so they are copies, not confirmation.');
  }
  if (chain.cycles.length) parts.push(`A citation cycle was found (${chain.cycles.map((c) => c.join(' → ')).join('; ')}); paths stop where they would go round it.`);
  if (chain.paths.some((p) => p.ending === 'MAX_DEPTH')) parts.push(`Some paths were cut at maxDepth ${maxDepth}; deeper origins may exist.`);
  return parts.join(' ');
}

/**
 * The ingestions that wrote any of these nodes, each with the ids it wrote among them: through the
 * request's history loader, so a chain and a `Claim.ingestions` in one request share the batch.
 */
async function chainIngestions(history: HistoryLoaders, ids: string[]): Promise<ProvActivity[]> {
  const lists = await history.ingestionsOf.loadMany(ids);
  const byId = new Map<string, ProvActivity>();
  lists.forEach((list, n) => {
    if (list instanceof Error) throw list;
    for (const i of list) {
      let a = byId.get(i.id);
      if (!a) byId.set(i.id, (a = { id: i.id, keyName: i.keyName, at: i.at, wroteIds: [] }));
      a.wroteIds.push(ids[n]);
    }
  });
  return [...byId.values()];
}

/** What a selection of the chain reads beyond its paths (resolvers/provenance.ts decides from the query). */
export interface SourceChainNeeds {
  /** The origins' agents and top institutions: independence, institutions, the explanation, the graph, PROV. */
  agents: boolean;
  /**
   * What the selection reads of the chain's nodes (resolvers/rowShape.ts), or null for whole
   * rows: the explanation, graph and PROV read them whole, and so do callers without a selection.
   */
  shape?: RowShape | null;
}

/**
 * What the chain itself reads of its rows, whatever the selection: the claim's statements, bases
 * and attribution, and each source's derivations (with their kinds) and agents (subgraphOf).
 */
const chainShape = withOwnReads({
  props: {},
  out: { Claim: ['ATTRIBUTED_TO', 'BASED_ON', 'STATED_IN'], Source: ['AUTHORED_BY', 'DERIVED_FROM', 'PUBLISHED_BY'] },
  in: {},
  edgeProps: ['DERIVED_FROM'],
});

interface SourceChainAnswer {
  tops: TopInstitutionRow[];
  rows: EntityWire[];
}

/** The chain's subgraph read off the rows' own edges (the claim's statements, bases and agents; each source's derivations and agents). */
function subgraphOf(claim: EntityRow, rows: Map<string, EntityRow>): ChainSubgraphRow {
  const targets = (row: EntityRow, type: string) => row.out.filter((e) => e.type === type);
  const sources = [...rows.values()]
    .filter((r) => r.kind === 'Source')
    .map((s) => ({
      id: s.id,
      derivedFrom: targets(s, 'DERIVED_FROM').map((e) => ({ id: e.id, kind: (e.props.kind as string | undefined) ?? null }) as { id: string; kind: string }),
      publishers: targets(s, 'PUBLISHED_BY').map((e) => e.id),
      authors: targets(s, 'AUTHORED_BY').map((e) => e.id),
    }));
  return {
    claimId: claim.id,
    appearances: targets(claim, 'STATED_IN').map((e) => ({ sourceId: e.id, quote: (e.props.quote as string | undefined) ?? null, statedAt: null })),
    basedOn: targets(claim, 'BASED_ON').map((e) => e.id),
    attributedTo: targets(claim, 'ATTRIBUTED_TO').map((e) => e.id),
    sources,
  };
}

/**
 * One round trip for the paths, and for the origins' agents and institutions too when `needs`
 * says the selection reads them (else they are loaded when first asked: a second round trip,
 * never a wrong answer). The fields below the chain's nodes find its rows: partial ones in their
 * own scope (answerRows), whole ones primed into the request's loader. What depends on the
 * agents is computed once, and only when read.
 */
export async function sourceChain(db: Queries, loader: EntityLoader, claimId: string, maxDepthArg: number | null | undefined, needs: SourceChainNeeds = { agents: true }): Promise<SourceChainOut> {
  const maxDepth = checkMaxDepth(maxDepthArg);
  const shape = chainShape(needs.shape ?? null);
  const [answer] = await db.read<SourceChainAnswer>('provenance/sourceChain', { p: { claimId, withAgents: needs.agents, shape } });
  if (!answer) throw notFound(`No claim with id "${claimId}"`);
  const rows = answerRows(loader, answer.rows, shape);
  const claimRow = rows.get(claimId) as ClaimRow;
  const chain = computeChain(subgraphOf(claimRow, rows), maxDepth);
  const get = <T extends EntityRow>(id: string) => rows.get(id) as T | undefined;
  const present = <T extends EntityRow>(list: string[]) => list.map((id) => get<T>(id)).filter((r): r is T => !!r);
  const originAgents = chain.origins.flatMap((o) => o.agentIds);

  const agentsPart = once(async () => {
    const tops = needs.agents ? topsByAgent(answer.tops, originAgents) : await loadTops(db, originAgents);
    const attributedTo = claimRow.out.filter((e) => e.type === 'ATTRIBUTED_TO').map((e) => e.id);
    const edges = chainEdges(chain, attributedTo, tops);
    const ids = new Set<string>([claimId, ...edges.flatMap((e) => [e.source, e.target])]);
    const missing = [...ids].filter((id) => !rows.has(id));
    if (missing.length) for (const r of await loader.loadMany(missing)) if (r && !(r instanceof Error)) rows.set(r.id, r);
    const groups = independentGroups(chain.origins, tops);
    const institutions = institutionsOf(originAgents, tops);
    const circular = (chain.appearances.length >= 2 || chain.paths.length >= 2) && groups.length === 1;
    const chainRows = [...ids].map((id) => rows.get(id)).filter((r): r is EntityRow => !!r);
    return { tops, edges, ids, groups, institutions, circular, chainRows };
  });

  return {
    claim: claimRow,
    paths: chain.paths.map((p) => ({
      steps: p.steps.map((s) => ({ from: get(s.from)!, relation: s.relation, kind: s.kind, to: get<SourceRow>(s.to)! })),
      end: get<SourceRow>(p.end)!,
      ending: p.ending,
    })),
    origins: async () => {
      const { tops } = await agentsPart();
      return chain.origins.map((o) => ({
        source: get<SourceRow>(o.sourceId)!,
        agents: present<AgentRow>(o.agentIds),
        institutions: present<AgentRow>(institutionsOf(o.agentIds, tops)),
      }));
    },
    independentOriginCount: async () => (await agentsPart()).groups.length,
    institutions: async () => present<AgentRow>((await agentsPart()).institutions),
    circularReporting: async () => (await agentsPart()).circular,
    cycles: chain.cycles,
    truncated: chain.truncated,
    explanation: async () => {
      const { groups, institutions, circular } = await agentsPart();
      return explain(claimRow, chain, rows, groups, institutions, circular, maxDepth);
    },
    graph: async () => {
      const { chainRows, ids, edges } = await agentsPart();
      return buildGraphView(async () => chainRows, ids, edges);
    },
    prov: async (baseIri, history) => {
      const { chainRows, ids, edges } = await agentsPart();
      return toProvJsonLd(chainRows, edges, await chainIngestions(history, [...ids]), baseIri);
    },
  };
}

/** A thunk that runs its work once, on first call, and hands every caller the same promise. */
function once<T>(work: () => Promise<T>): () => Promise<T> {
  let result: Promise<T> | undefined;
  return () => (result ??= work());
}
