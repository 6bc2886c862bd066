/**
 * Query.graph: the neighbourhood of seed nodes, ring by ring (depth 1 in one query), cut at
 * `limit` nodes in a stable order, with each node's count of neighbours left out so a frontend
 * can offer "expand". Edge types come from an allow-list; node kinds map to labels.
 */
import type { Queries } from '../../db/queries.js';
import type { GraphEdgeRow } from '../../db/rows.js';
import { badUserInput } from '../../errors.js';
import { reviveProps } from '../../db/wireTemporals.js';
import { LABEL_OF_KIND, RELATIONSHIP_TYPES } from '../../model/derived.js';
import { buildGraphView, edgeId, type GraphViewOut, type NodeCard } from './graphView.js';

export interface GraphArgs {
  seeds: readonly string[];
  depth?: number | null;
  kinds?: readonly string[] | null;
  edgeTypes?: readonly string[] | null;
  limit?: number | null;
}

export interface GraphOptions {
  /** Whether to fetch node properties (the costliest part of a view; skipped when not selected). */
  withProperties?: boolean;
}

function check(args: GraphArgs) {
  const depth = args.depth ?? 1;
  const limit = args.limit ?? 200;
  if (args.seeds.length < 1 || args.seeds.length > 100) throw badUserInput(`seeds must hold 1 to 100 ids, got ${args.seeds.length}`, 'seeds');
  if (!Number.isInteger(depth) || depth < 1 || depth > 3) throw badUserInput(`depth must be 1, 2 or 3, got ${depth}`, 'depth');
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw badUserInput(`limit must be between 1 and 1000, got ${limit}`, 'limit');
  const types = [...(args.edgeTypes ?? [])];
  const unknown = types.filter((t) => !RELATIONSHIP_TYPES.includes(t));
  if (unknown.length) throw badUserInput(`unknown edge type ${unknown.map((t) => `"${t}"`).join(', ')}; known: ${RELATIONSHIP_TYPES.join(', ')}`, 'edgeTypes');
  return { depth, limit, types, labels: (args.kinds ?? []).map((k) => LABEL_OF_KIND[k]) };
}

type EdgeWire = [source: string, type: string, target: string, props: Record<string, unknown>];

/** One ring: each frontier node that exists, with up to perNode of its relationships. */
async function expandRing(db: Queries, ids: string[], filter: { types: string[]; labels: string[] }, perNode: number) {
  return ringFromWire(await db.read<{ id: string; edges: EdgeWire[] }>('graph/expand', { p: { ids, ...filter }, perNode }));
}

/** A ring's nodes with their relationships as graph edges (graph/expand's rows, graph/firstRing's ring). */
const ringFromWire = (ring: { id: string; edges: EdgeWire[] }[]) =>
  ring.map((r) => ({
    id: r.id,
    edges: r.edges.map(([source, type, target, props]): GraphEdgeRow => ({ source, type, target, props: reviveProps(props) })),
  }));

type CardRow = { id: string; kind: string; label: string; props: Record<string, unknown> | null; degree: number };

/**
 * A depth-1 view's one round trip: the seeds' ring and the cards of every node it reaches (the
 * limit, applied after, keeps a part of them: at most about twice the cards a view draws).
 */
async function firstRing(db: Queries, ids: string[], filter: { types: string[]; labels: string[] }, perNode: number, withProperties: boolean) {
  const [answer] = await db.read<{ ring: { id: string; edges: EdgeWire[] }[]; cards: (CardRow & { narrowedDegree: number })[] }>('graph/firstRing', {
    p: { ids, ...filter, withProperties },
    perNode,
  });
  return { ring: ringFromWire(answer?.ring ?? []), cards: answer?.cards ?? [] };
}

/**
 * Each frontier node contributes a fair share of relationships, enough to fill the room twice
 * over even when many lead back into the view; a node that has more is left partly unexpanded.
 */
const fairShare = (room: number, frontier: number) => Math.max(5, Math.ceil((2 * room) / Math.max(1, frontier)) + 5);

/**
 * Round trips: at depth 1 (the default, and the explorer's every expand) one, the ring with its
 * cards; deeper, one per ring (the first also tells which seeds exist), then one for the nodes'
 * cards and degrees (plus one alongside it for degrees narrowed by kinds or edge types).
 */
export async function graphNeighbourhood(db: Queries, args: GraphArgs, opts: GraphOptions = {}): Promise<GraphViewOut> {
  const { depth, limit, types, labels } = check(args);
  const wanted = [...new Set(args.seeds)];
  let perNode = fairShare(limit - Math.min(limit, wanted.length), wanted.length);
  const first = depth === 1 ? await firstRing(db, wanted, { types, labels }, perNode, opts.withProperties ?? true) : null;
  let ring = first ? first.ring : await expandRing(db, wanted, { types, labels }, perNode);
  const found = new Set(ring.map((r) => r.id));
  const seeds = wanted.filter((id) => found.has(id));
  const nodes = new Set(seeds.slice(0, limit));
  let truncated = seeds.length > limit;
  const edges = new Map<string, GraphEdgeRow>();
  for (let level = 1; level <= depth && ring.length && !truncated; level++) {
    if (ring.some((r) => r.edges.length >= perNode)) truncated = true;
    const next: string[] = [];
    for (const e of ring.flatMap((r) => r.edges)) {
      for (const end of [e.source, e.target]) {
        if (nodes.has(end)) continue;
        if (nodes.size >= limit) {
          truncated = true;
          continue;
        }
        nodes.add(end);
        next.push(end);
      }
      if (nodes.has(e.source) && nodes.has(e.target)) edges.set(edgeId(e), e);
    }
    if (level === depth || !next.length || truncated) break;
    perNode = fairShare(limit - nodes.size, next.length);
    ring = await expandRing(db, next, { types, labels }, perNode);
  }
  const ids = [...nodes];
  const narrowed = types.length > 0 || labels.length > 0;
  const [cards, narrowedDegrees] = first
    ? cardsIn(first.cards, nodes, narrowed)
    : await Promise.all([
        db.read<CardRow>('graph/nodeCards', { p: { ids, withProperties: opts.withProperties ?? true } }),
        narrowed ? db.read<{ id: string; degree: number }>('graph/filteredDegrees', { p: { ids, types, labels } }) : Promise.resolve(null),
      ]);
  const shown = new Map<string, number>();
  for (const e of edges.values()) for (const end of [e.source, e.target]) shown.set(end, (shown.get(end) ?? 0) + 1);
  const degrees = narrowedDegrees ?? cards;
  const hidden = new Map(degrees.map((d) => [d.id, Math.max(0, d.degree - (shown.get(d.id) ?? 0))]));
  const revived: NodeCard[] = cards.map((c) => ({ id: c.id, kind: c.kind, label: c.label, props: c.props ? reviveProps(c.props) : {} }));
  return buildGraphView(async () => revived, nodes, [...edges.values()], { truncated, hidden });
}

/** The first ring's cards of the nodes the view kept, in the view's order, and their narrowed degrees when narrowed. */
function cardsIn(all: (CardRow & { narrowedDegree: number })[], nodes: Set<string>, narrowed: boolean): [CardRow[], { id: string; degree: number }[] | null] {
  const byId = new Map(all.map((c) => [c.id, c]));
  const kept = [...nodes].map((id) => byId.get(id)).filter((c): c is CardRow & { narrowedDegree: number } => !!c);
  return [kept, narrowed ? kept.map((c) => ({ id: c.id, degree: c.narrowedDegree })) : null];
}
