/**
 * A big neighbourhood drawn node by node is a hairball: a source's two hops are dozens of claims,
 * each tied to it alone. Such leaves — nodes with one neighbour in the view — are collapsed, per
 * neighbour, kind and relationship, into one node that says how many it stands for ("14 claims");
 * the shape and colour stay the kind's, the border says it is a group, and expanding it puts the
 * members back (no request: they are in the payload already). Only the payload changes here; the
 * explorer draws whatever this returns.
 */
import type { DrawnView } from '../api';

/** A view of more nodes than this is collapsed (unless the user asked for every node). */
export const COLLAPSE_ABOVE = 60;
/** Whether an id is a group's (the graph's own ids have kind prefixes such as `claim:`, never `group:`). */
export const isGroupId = (id: string): boolean => id.startsWith('group:');

/** Fewer leaves than this on one neighbour stay as they are: a group of two says nothing. */
const MIN_GROUP = 3;

const PLURAL: Record<string, string> = { CLAIM: 'claims', SOURCE: 'sources', ORGANIZATION: 'organizations', PERSON: 'people', REGION: 'regions', MEASURE: 'measures', PERIOD: 'periods' };

export interface Collapsed {
  /** The view to draw: groups in place of their members. */
  view: DrawnView;
  /** Group node id → the members (nodes and their edges) it stands for. */
  members: Map<string, DrawnView>;
}

/**
 * Collapses a big view: first its claims, per source (else measure), into "N claims in …" tied to
 * every node any of them is tied to; then the nodes left with a single neighbour (a claim group's
 * measures, a source's periods), per neighbour, kind and relationship. Nodes in `keep` (the view's focus) stay as they are.
 * Returns the view unchanged when it has COLLAPSE_ABOVE nodes or fewer.
 */
export function collapseLeaves(view: DrawnView, keep: readonly string[] = []): Collapsed {
  const members = new Map<string, DrawnView>();
  if (view.nodes.length <= COLLAPSE_ABOVE) return { view, members };
  const kept = new Set(keep);
  const first = replace(view, claimGroups(view, kept), members);
  return { view: replace(first, leafGroups(first, new Set([...kept, ...members.keys()])), members), members };
}

interface Group {
  id: string;
  kind: string;
  label: string;
  via: string;
  nodes: DrawnView['nodes'];
}

const plural = (kind: string, n: number) => `${n} ${PLURAL[kind] ?? kind.toLowerCase()}`;

function edgesByNode(view: DrawnView): Map<string, DrawnView['edges']> {
  const edgesOf = new Map<string, DrawnView['edges']>();
  for (const e of view.edges) {
    for (const end of new Set([e.source, e.target])) {
      const list = edgesOf.get(end);
      if (list) list.push(e);
      else edgesOf.set(end, [e]);
    }
  }
  return edgesOf;
}

/**
 * Claims (not kept) per source they are stated in (a neighbourhood is mostly one article's or one
 * body's claims), else per measure they are about.
 */
function claimGroups(view: DrawnView, kept: Set<string>): Group[] {
  const kinds = new Map(view.nodes.map((n) => [n.id, n.kind]));
  const labels = new Map(view.nodes.map((n) => [n.id, n.label]));
  const sourceOf = new Map<string, string>();
  const measureOf = new Map<string, string>();
  for (const e of view.edges) {
    if (kinds.get(e.source) !== 'CLAIM') continue;
    if (e.type === 'STATED_IN' && kinds.get(e.target) === 'SOURCE' && !sourceOf.has(e.source)) sourceOf.set(e.source, e.target);
    if (e.type === 'ABOUT' && kinds.get(e.target) === 'MEASURE') measureOf.set(e.source, e.target);
  }
  const byKey = new Map<string, Group>();
  for (const n of view.nodes) {
    if (n.kind !== 'CLAIM' || kept.has(n.id)) continue;
    const source = sourceOf.get(n.id);
    const measure = measureOf.get(n.id);
    const [hub, via, words] = source ? [source, 'STATED_IN', 'in'] : measure ? [measure, 'ABOUT', 'on'] : [];
    if (!hub) continue;
    const id = `group:${hub}:CLAIM:${via}`;
    const group = byKey.get(id) ?? { id, kind: 'CLAIM', label: `${words} ${labels.get(hub)}`, via: via!, nodes: [] };
    group.nodes.push(n);
    byKey.set(id, group);
  }
  return [...byKey.values()].map((g) => ({ ...g, label: `${plural('CLAIM', g.nodes.length)} ${g.label}` }));
}

/** Nodes (not kept, no group) with a single neighbour, per neighbour, kind and relationship. */
function leafGroups(view: DrawnView, kept: Set<string>): Group[] {
  const edgesOf = edgesByNode(view);
  const byKey = new Map<string, Group>();
  for (const n of view.nodes) {
    const own = edgesOf.get(n.id) ?? [];
    const neighbours = new Set(own.map((e) => (e.source === n.id ? e.target : e.source)));
    if (kept.has(n.id) || neighbours.size !== 1 || neighbours.has(n.id)) continue;
    const hub = [...neighbours][0];
    const type = own.length === 1 ? own[0].type : 'RELATED';
    const id = `group:${hub}:${n.kind}:${type}`;
    const group = byKey.get(id) ?? { id, kind: n.kind, label: '', via: type, nodes: [] };
    group.nodes.push(n);
    byKey.set(id, group);
  }
  return [...byKey.values()].map((g) => ({ ...g, label: plural(g.kind, g.nodes.length) }));
}

/**
 * Puts each group of MIN_GROUP or more in place of its members: one edge per neighbour, type and
 * direction that any member had (its `count` says how many members), the members' own edges kept
 * with them for when the group is opened.
 */
function replace(view: DrawnView, groups: Group[], members: Map<string, DrawnView>): DrawnView {
  const big = groups.filter((g) => g.nodes.length >= MIN_GROUP);
  if (!big.length) return view;
  const groupOf = new Map<string, string>();
  for (const g of big) for (const n of g.nodes) groupOf.set(n.id, g.id);
  const groupIds = new Set(big.map((g) => g.id));
  const edgesOf = edgesByNode(view);
  const nodes = view.nodes.filter((n) => !groupOf.has(n.id));
  const edges = view.edges.filter((e) => !groupOf.has(e.source) && !groupOf.has(e.target));
  for (const g of big) {
    const own = [...new Map(g.nodes.flatMap((n) => edgesOf.get(n.id) ?? []).map((e) => [e.id, e])).values()];
    members.set(g.id, { nodes: g.nodes, edges: own });
    nodes.push({ id: g.id, kind: g.kind, label: g.label, hiddenNeighbours: 0, properties: { collapsed: g.nodes.length, via: g.via } });
    const tied = new Map<string, DrawnView['edges'][number]>();
    for (const e of own) {
      const [source, target] = [groupOf.get(e.source) ?? e.source, groupOf.get(e.target) ?? e.target];
      // Between two members, or to a member of another group: drawn when the groups open.
      if (source === target || (source !== g.id && target !== g.id) || (groupIds.has(source) && groupIds.has(target))) continue;
      const id = `${source}-${e.type}->${target}`;
      const seen = tied.get(id);
      if (seen) seen.properties = { count: Number(seen.properties!.count) + 1 };
      else tied.set(id, { id, source, target, type: e.type, properties: { count: 1 } });
    }
    edges.push(...tied.values());
  }
  return { ...view, nodes, edges };
}
