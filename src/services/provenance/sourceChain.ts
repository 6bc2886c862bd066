/**
 * Query.sourceChain: where a claim came from, hop by hop, whether its origins are independent,
 * and the same chain as a graph view and as PROV-O. Three round trips whatever the chain's
 * size: the chain subgraph, the agents' top institutions, and the nodes.
 */
import type { Queries } from '../../db/queries.js';
import type { AgentRow, ChainSubgraphsRow, ClaimRow, EntityRow, GraphEdgeRow, SourceRow } from '../../db/rows.js';
import { badUserInput, notFound } from '../../errors.js';
import type { EntityLoader } from '../entities/entities.js';
import type { HistoryLoaders } from '../history/history.js';
import { buildGraphView, nodeLabel, type GraphViewOut } from '../graph/graphView.js';
import { computeChain, type Chain } from './chains.js';
import { independentGroups, institutionsOf, loadTops, type TopsByAgent } from './institutions.js';
import { toProvJsonLd, type ProvActivity } from './prov.js';

export interface SourceChainOut {
  claim: ClaimRow;
  paths: { steps: { from: EntityRow; relation: string; kind: string | null; to: SourceRow }[]; end: SourceRow; ending: string }[];
  origins: { source: SourceRow; agents: AgentRow[]; institutions: AgentRow[] }[];
  independentOriginCount: number;
  institutions: AgentRow[];
  circularReporting: boolean;
  cycles: string[][];
  truncated: boolean;
  explanation: string;
  graph: GraphViewOut;
  /** Built only when asked for (it reads the ingestions that wrote the chain), with IRIs under baseIri. */
  prov: (baseIri: string, history: HistoryLoaders) => Promise<Record<string, unknown>>;
}

export function checkMaxDepth(maxDepth: number | null | undefined): number {
  const d = maxDepth ?? 6;
  if (!Number.isInteger(d) || d < 1 || d > 10) throw badUserInput(`maxDepth must be between 1 and 10, got ${d}`, 'maxDepth');
  return d;
}

/** Chains of several claims in one round trip (corroboration needs many). */
export async function loadChains(db: Queries, claimIds: string[], maxDepth: number): Promise<Map<string, Chain>> {
  if (!claimIds.length) return new Map();
  // Claims share most of their upstream sources: the query walks them once for all claims.
  const [row] = await db.read<ChainSubgraphsRow>('provenance/chainSubgraphs', { p: { claimIds } });
  if (!row) return new Map();
  const byId = new Map(row.sources.map((s) => [s.id, s]));
  return new Map(row.claims.map((c) => [c.claimId, computeChain({ ...c, sources: row.sources }, maxDepth, byId)]));
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

export async function sourceChain(db: Queries, loader: EntityLoader, claimId: string, maxDepthArg: number | null | undefined): Promise<SourceChainOut> {
  const maxDepth = checkMaxDepth(maxDepthArg);
  // Independent round trips run side by side.
  const [claimRow, chains] = await Promise.all([loader.load(claimId), loadChains(db, [claimId], maxDepth)]);
  if (!claimRow || claimRow.kind !== 'Claim') throw notFound(`No claim with id "${claimId}"`);
  const chain = chains.get(claimId)!;
  const attributedTo = claimRow.out.filter((e) => e.type === 'ATTRIBUTED_TO').map((e) => e.id);
  const originAgents = chain.origins.flatMap((o) => o.agentIds);
  const tops = await loadTops(db, originAgents);
  const groups = independentGroups(chain.origins, tops);
  const institutions = institutionsOf(originAgents, tops);
  const circular = (chain.appearances.length >= 2 || chain.paths.length >= 2) && groups.length === 1;

  const edges = chainEdges(chain, attributedTo, tops);
  const ids = new Set<string>([claimId, ...edges.flatMap((e) => [e.source, e.target])]);
  const rows = new Map((await loader.loadMany([...ids])).filter((r): r is EntityRow => !!r && !(r instanceof Error)).map((r) => [r.id, r]));
  const graph = await buildGraphView(async () => [...rows.values()], ids, edges);
  const get = <T extends EntityRow>(id: string) => rows.get(id) as T | undefined;
  const present = <T extends EntityRow>(list: string[]) => list.map((id) => get<T>(id)).filter((r): r is T => !!r);

  return {
    claim: claimRow as ClaimRow,
    paths: chain.paths.map((p) => ({
      steps: p.steps.map((s) => ({ from: get(s.from)!, relation: s.relation, kind: s.kind, to: get<SourceRow>(s.to)! })),
      end: get<SourceRow>(p.end)!,
      ending: p.ending,
    })),
    origins: chain.origins.map((o) => ({
      source: get<SourceRow>(o.sourceId)!,
      agents: present<AgentRow>(o.agentIds),
      institutions: present<AgentRow>(institutionsOf(o.agentIds, tops)),
    })),
    independentOriginCount: groups.length,
    institutions: present<AgentRow>(institutions),
    circularReporting: circular,
    cycles: chain.cycles,
    truncated: chain.truncated,
    explanation: explain(claimRow as ClaimRow, chain, rows, groups, institutions, circular, maxDepth),
    graph,
    prov: async (baseIri, history) => toProvJsonLd([...rows.values()], edges, await chainIngestions(history, [...ids]), baseIri),
  };
}
