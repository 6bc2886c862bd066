/**
 * Independence of origins: each origin's agents are collapsed to their top institutions along
 * PART_OF and ROLE; origins that share a top institution are one independent origin.
 */
import type { Queries } from '../../db/queries.js';
import type { TopInstitutionRow } from '../../db/rows.js';
import type { OriginInfo } from './chains.js';

export type TopsByAgent = Map<string, TopInstitutionRow['tops']>;

/** One round trip for any number of agents. An agent with no PART_OF or ROLE is its own top. */
export async function loadTops(db: Queries, agentIds: string[]): Promise<TopsByAgent> {
  const unique = [...new Set(agentIds)];
  return topsByAgent(unique.length ? await db.read<TopInstitutionRow>('provenance/topInstitutions', { p: { agentIds: unique } }) : [], unique);
}

/**
 * The tops of these agents from rows a query brought (provenance/topInstitutions, or the
 * institutions part of sourceChain's and corroboration's own queries): an agent with none, or
 * absent from the rows, is its own top.
 */
export function topsByAgent(rows: TopInstitutionRow[], agentIds: Iterable<string> = rows.map((r) => r.agentId)): TopsByAgent {
  const found = new Map(rows.map((r) => [r.agentId, r.tops]));
  return new Map([...new Set(agentIds)].map((id) => [id, found.get(id)?.length ? found.get(id)! : [{ topId: id, hops: [] }]]));
}

export function institutionsOf(agentIds: string[], tops: TopsByAgent): string[] {
  return [...new Set(agentIds.flatMap((a) => (tops.get(a) ?? [{ topId: a }]).map((t) => t.topId)))].sort();
}

/**
 * Groups origins that share a top institution (union–find); an origin with no known agent is a
 * group of its own. Returns the groups as lists of origin source ids.
 */
export function independentGroups(origins: OriginInfo[], tops: TopsByAgent): string[][] {
  const parent = new Map(origins.map((o) => [o.sourceId, o.sourceId]));
  const find = (x: string): string => {
    const p = parent.get(x)!;
    if (p === x) return x;
    const root = find(p);
    parent.set(x, root);
    return root;
  };
  const byInstitution = new Map<string, string>();
  for (const o of origins) {
    for (const inst of institutionsOf(o.agentIds, tops)) {
      const other = byInstitution.get(inst);
      if (other) parent.set(find(o.sourceId), find(other));
      else byInstitution.set(inst, o.sourceId);
    }
  }
  const groups = new Map<string, string[]>();
  for (const o of origins) groups.set(find(o.sourceId), [...(groups.get(find(o.sourceId)) ?? []), o.sourceId]);
  return [...groups.values()];
}
