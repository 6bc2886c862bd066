/**
 * Graph views: nodes and edges a frontend draws directly (Cytoscape.js, graphology, vis-network,
 * D3). Ids are the graph's own stable ids, so a client merges expansions by id.
 */
import type { EntityRow, GraphEdgeRow } from '../../db/rows.js';
import { type EntityLoader } from '../entities/entities.js';

/** What a view needs of a node: its id, kind and properties (and its label, when the query worked it out). */
export type NodeCard = Pick<EntityRow, 'id' | 'kind' | 'props'> & { label?: string };

/** Fetches node cards for ids (through the request's loader, or graph/nodeCards). */
export type CardSource = EntityLoader | ((ids: string[]) => Promise<NodeCard[]>);

export interface GraphNodeOut {
  id: string;
  kind: string;
  label: string;
  properties: Record<string, unknown>;
  hiddenNeighbours: number;
}

export interface GraphEdgeOut {
  id: string;
  source: string;
  target: string;
  type: string;
  directed: true;
  properties: Record<string, unknown>;
}

export interface GraphViewOut {
  nodes: GraphNodeOut[];
  edges: GraphEdgeOut[];
  truncated: boolean;
}

/** `<source>|<TYPE>|<target>`; ROLE edges add the title (a person may hold two roles in one body). */
export function edgeId(e: Pick<GraphEdgeRow, 'source' | 'type' | 'target' | 'props'>): string {
  const base = `${e.source}|${e.type}|${e.target}`;
  return e.type === 'ROLE' && e.props.title ? `${base}|${String(e.props.title)}` : base;
}

/** What a node is drawn as: its name, title, label or text, else its id. */
export function nodeLabel(row: NodeCard): string {
  const p = row.props;
  return String(p.name ?? p.title ?? p.label ?? p.text ?? row.id);
}

function nodeOut(row: NodeCard, hidden: number): GraphNodeOut {
  const { aliasText: _derived, ...properties } = row.props;
  return { id: row.id, kind: row.kind.toUpperCase(), label: row.label ?? nodeLabel(row), properties, hiddenNeighbours: hidden };
}

/** Loads the nodes (one batched round trip) and keeps only edges whose both ends are in the view. */
export async function buildGraphView(cards: CardSource, nodeIds: Iterable<string>, edges: GraphEdgeRow[], opts: { truncated?: boolean; hidden?: Map<string, number> } = {}): Promise<GraphViewOut> {
  const ids = [...new Set(nodeIds)];
  const rows = typeof cards === 'function' ? await cards(ids) : (await cards.loadMany(ids)).filter((r): r is EntityRow => !!r && !(r instanceof Error));
  const present = new Set(rows.map((r) => r.id));
  const seen = new Set<string>();
  const outEdges: GraphEdgeOut[] = [];
  for (const e of edges) {
    const id = edgeId(e);
    if (seen.has(id) || !present.has(e.source) || !present.has(e.target)) continue;
    seen.add(id);
    outEdges.push({ id, source: e.source, target: e.target, type: e.type, directed: true, properties: e.props });
  }
  return {
    nodes: rows.map((r) => nodeOut(r, opts.hidden?.get(r.id) ?? 0)),
    edges: outEdges,
    truncated: opts.truncated ?? false,
  };
}
