/**
 * PART_OF stays a hierarchy: an organization or region may not end up, through its parents, part
 * of itself (the provenance answers walk these chains upwards and expect them to end). A document's
 * partOf edges are checked on their own (validateDocument.ts), then together with the edges the
 * graph already holds (writePlan.ts online, offline/applyDocument.ts offline). A document's partOf
 * replaces the entity's stored parent (ingest/link*Parents), so only the stored edges of entities
 * it gives no partOf for count; one without partOf keeps its stored parent.
 */
import type { NormalizedDocument } from './normalized.js';
import { Problems } from './problems.js';

export interface PartOfEdge {
  id: string;
  partOf: string;
  /** The JSON path of the entry's partOf, e.g. organizations[1].partOf. */
  path: string;
}

/** A normalized document's edges, its entries named by index as ownership.ts names them. */
export function partOfEdges(doc: Pick<NormalizedDocument, 'organizations' | 'regions'>): PartOfEdge[] {
  const of = (key: 'organizations' | 'regions') => doc[key].flatMap((e, i) => (e.partOf ? [{ id: e.id, partOf: e.partOf, path: `${key}[${i}].partOf` }] : []));
  return [...of('organizations'), ...of('regions')];
}

/**
 * One problem per cycle the edges would close with the stored parents, at the entry that closes it
 * (the last of the cycle in document order), the cycle named in order ending with that entry's step.
 */
export function partOfCycleProblems(edges: PartOfEdge[], storedParent: (id: string) => string | null | undefined): Problems {
  const problems = new Problems();
  const stated = new Map<string, { edge: PartOfEdge; at: number }>();
  // A later statement of the same entity wins, as the writes apply them in order.
  edges.forEach((edge, at) => stated.set(edge.id, { edge, at }));
  const parentOf = (id: string) => stated.get(id)?.edge.partOf ?? storedParent(id) ?? undefined;
  // Each id has one parent, so one walk per start, never revisiting a finished id, finds every cycle.
  const done = new Set<string>();
  for (const start of stated.keys()) {
    const walk: string[] = [];
    const onWalk = new Map<string, number>();
    let id: string | undefined = start;
    while (id !== undefined && !done.has(id) && !onWalk.has(id)) {
      onWalk.set(id, walk.length);
      walk.push(id);
      id = parentOf(id);
    }
    if (id !== undefined && onWalk.has(id)) report(walk.slice(onWalk.get(id)), stated, problems);
    for (const w of walk) done.add(w);
  }
  return problems;
}

function report(cycle: string[], stated: Map<string, { edge: PartOfEdge; at: number }>, problems: Problems): void {
  let closing = -1;
  cycle.forEach((id, i) => {
    const s = stated.get(id);
    if (s && (closing < 0 || s.at > stated.get(cycle[closing])!.at)) closing = i;
  });
  // A cycle of stored edges alone is not this document's doing.
  if (closing < 0) return;
  const { edge } = stated.get(cycle[closing])!;
  const from = (closing + 1) % cycle.length;
  const names = [...cycle.slice(from), ...cycle.slice(0, from), cycle[from]];
  problems.add(edge.path, `"${edge.id}" cannot be part of "${edge.partOf}": that closes a PART_OF cycle ${names.join(' → ')}`);
}

/** The stored parents above `ids` (themselves included), a bounded number of levels per lookup, until every chain ends. */
export async function storedParents(lookup: (ids: string[]) => Promise<{ id: string; parentId: string | null }[]>, ids: string[]): Promise<Map<string, string | null>> {
  const parents = new Map<string, string | null>();
  const asked = new Set<string>();
  let frontier = [...new Set(ids)];
  while (frontier.length) {
    for (const id of frontier) asked.add(id);
    for (const r of await lookup(frontier)) if (!parents.has(r.id)) parents.set(r.id, r.parentId);
    // Only a chain longer than one lookup's levels leaves a parent unread: read on from there.
    frontier = [...new Set([...parents.values()].filter((p): p is string => p !== null && !parents.has(p) && !asked.has(p)))];
  }
  return parents;
}

/**
 * The cycles documents would close with the stored graph, in one Problems (a batch is refused
 * whole, then retried document by document, so each document's refusal names its own entry).
 */
export async function storedCycleProblems(lookup: (ids: string[]) => Promise<{ id: string; parentId: string | null }[]>, docs: NormalizedDocument[]): Promise<Problems> {
  const edges = docs.flatMap((d) => partOfEdges(d));
  if (!edges.length) return new Problems();
  const parents = await storedParents(
    lookup,
    edges.map((e) => e.partOf),
  );
  return partOfCycleProblems(edges, (id) => parents.get(id));
}
