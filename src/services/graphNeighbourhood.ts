/**
 * Query.graph: the neighbourhood of seed nodes, ring by ring (one query per ring), cut at
 * `limit` nodes in a stable order, with each node's count of neighbours left out so a frontend
 * can offer "expand". Edge types come from an allow-list; node kinds map to labels.
 */
import type { Database } from '../db/database.js';
import type { GraphEdgeRow } from '../db/rows.js';
import { badUserInput } from '../errors.js';
import type { EntityLoader } from './entities.js';
import { LABEL_OF_KIND } from './kinds.js';
import { buildGraphView, edgeId, type GraphViewOut, type NodeCard } from './graphView.js';

export const EDGE_TYPES = ['STATED_IN', 'ATTRIBUTED_TO', 'ABOUT', 'COVERS', 'IN_REGION', 'BASED_ON', 'SUPERSEDES', 'DERIVED_FROM', 'PUBLISHED_BY', 'AUTHORED_BY', 'PART_OF', 'ROLE'];

export interface GraphArgs {
  seeds: readonly string[];
  depth?: number | null;
  kinds?: readonly string[] | null;
  edgeTypes?: readonly string[] | null;
  limit?: number | null;
}

function check(args: GraphArgs) {
  const depth = args.depth ?? 1;
  const limit = args.limit ?? 200;
  if (args.seeds.length < 1 || args.seeds.length > 100) throw badUserInput(`seeds must hold 1 to 100 ids, got ${args.seeds.length}`, 'seeds');
  if (!Number.isInteger(depth) || depth < 1 || depth > 3) throw badUserInput(`depth must be 1, 2 or 3, got ${depth}`, 'depth');
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw badUserInput(`limit must be between 1 and 1000, got ${limit}`, 'limit');
  const types = [...(args.edgeTypes ?? [])];
  const unknown = types.filter((t) => !EDGE_TYPES.includes(t));
  if (unknown.length) throw badUserInput(`unknown edge type ${unknown.map((t) => `"${t}"`).join(', ')}; known: ${EDGE_TYPES.join(', ')}`, 'edgeTypes');
  return { depth, limit, types, labels: (args.kinds ?? []).map((k) => LABEL_OF_KIND[k]) };
}

export async function graphNeighbourhood(db: Database, loader: EntityLoader, args: GraphArgs): Promise<GraphViewOut> {
  const { depth, limit, types, labels } = check(args);
  const seeds = (await loader.loadMany([...new Set(args.seeds)])).filter((r) => r && !(r instanceof Error)).map((r) => (r as { id: string }).id);
  const nodes = new Set(seeds.slice(0, limit));
  let truncated = seeds.length > limit;
  const edges = new Map<string, GraphEdgeRow>();
  let frontier = [...nodes];
  for (let ring = 0; ring < depth && frontier.length && !truncated; ring++) {
    const room = limit - nodes.size;
    // Enough relationships to fill the room even when many lead back into the view.
    // Each frontier node contributes a fair share, enough to fill the room twice over even when
    // many relationships lead back into the view; a node that has more is left partly unexpanded.
    const perNode = Math.max(5, Math.ceil((2 * room) / frontier.length) + 5);
    const rows = await db.read<GraphEdgeRow>('graph/expand', { p: { ids: frontier, types, labels }, perNode });
    const fromEach = new Map<string, number>();
    for (const e of rows) for (const end of [e.source, e.target]) fromEach.set(end, (fromEach.get(end) ?? 0) + 1);
    if (frontier.some((id) => (fromEach.get(id) ?? 0) >= perNode)) truncated = true;
    const next: string[] = [];
    for (const e of rows) {
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
    frontier = next;
  }
  // The degrees and the nodes' rows are independent: fetch them side by side.
  const degreeQuery = types.length || labels.length ? 'graph/filteredDegrees' : 'graph/degrees';
  const [degrees, cards] = await Promise.all([
    db.read<{ id: string; degree: number }>(degreeQuery, { p: { ids: [...nodes], types, labels } }),
    // Cards, not full rows: a view needs no node's relationship lists.
    db.read<NodeCard>('graph/nodeCards', { p: { ids: [...nodes] } }),
  ]);
  const shown = new Map<string, number>();
  for (const e of edges.values()) for (const end of [e.source, e.target]) shown.set(end, (shown.get(end) ?? 0) + 1);
  const hidden = new Map(degrees.map((d) => [d.id, Math.max(0, d.degree - (shown.get(d.id) ?? 0))]));
  return buildGraphView(async () => cards, nodes, [...edges.values()], { truncated, hidden });
}
