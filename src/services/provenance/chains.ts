/**
 * Source chains from a claim's subgraph: every path claim → source → … → origin, with cycles
 * and depth cuts reported, and the origins with the agents behind them. Pure: the subgraph comes
 * from provenance/sourceChain (one claim) or provenance/corroboration (a claim and its comparables).
 */
import type { ChainSubgraphRow } from '../../db/rows.js';

export interface Step {
  from: string;
  relation: 'STATED_IN' | 'BASED_ON' | 'DERIVED_FROM';
  kind: string | null;
  to: string;
}

export interface Path {
  steps: Step[];
  end: string;
  ending: 'ORIGIN' | 'MAX_DEPTH' | 'CYCLE';
}

export interface OriginInfo {
  sourceId: string;
  /** Publisher and authors; for an origin that is the claim's own source, also its attributedTo. */
  agentIds: string[];
  publisherIds: string[];
  authorIds: string[];
}

export interface Chain {
  claimId: string;
  appearances: ChainSubgraphRow['appearances'];
  paths: Path[];
  origins: OriginInfo[];
  cycles: string[][];
  truncated: boolean;
}

/** More paths than this are not enumerated (a dense citation graph can have very many). */
export const MAX_PATHS = 1000;

/** `sources`: the row's sources by id, when the caller already has them (shared by many claims). */
export function computeChain(row: ChainSubgraphRow, maxDepth: number, sources = new Map(row.sources.map((s) => [s.id, s]))): Chain {
  const based = new Set(row.basedOn);
  const paths: Path[] = [];
  const cycles: string[][] = [];
  let truncated = false;

  const walk = (steps: Step[], at: string, visited: string[], depth: number) => {
    if (paths.length >= MAX_PATHS) {
      truncated = true;
      return;
    }
    const next = sources.get(at)?.derivedFrom ?? [];
    if (next.length === 0) {
      paths.push({ steps, end: at, ending: 'ORIGIN' });
      return;
    }
    if (depth >= maxDepth) {
      truncated = true;
      paths.push({ steps, end: at, ending: 'MAX_DEPTH' });
      return;
    }
    for (const d of [...next].sort((x, y) => x.id.localeCompare(y.id))) {
      if (visited.includes(d.id)) {
        cycles.push([...visited.slice(visited.indexOf(d.id)), d.id]);
        paths.push({ steps, end: at, ending: 'CYCLE' });
        continue;
      }
      walk([...steps, { from: at, relation: 'DERIVED_FROM', kind: d.kind, to: d.id }], d.id, [...visited, d.id], depth + 1);
    }
  };

  for (const app of row.appearances) {
    const first: Step = { from: row.claimId, relation: 'STATED_IN', kind: null, to: app.sourceId };
    if (based.size === 0) {
      walk([first], app.sourceId, [app.sourceId], 0);
      continue;
    }
    // The claim's chain leaves its source only through what the claim is based on.
    const via = (sources.get(app.sourceId)?.derivedFrom ?? []).filter((d) => based.has(d.id));
    const bases = via.length ? via.map((d) => ({ id: d.id, relation: 'DERIVED_FROM' as const, kind: d.kind })) : [...based].map((id) => ({ id, relation: 'BASED_ON' as const, kind: null }));
    for (const b of bases.sort((x, y) => x.id.localeCompare(y.id))) {
      if (b.id === app.sourceId) continue;
      walk([first, { from: app.sourceId, relation: b.relation, kind: b.kind, to: b.id }], b.id, [app.sourceId, b.id], 1);
    }
  }
  paths.sort((a, b) => a.steps.length - b.steps.length || a.end.localeCompare(b.end));

  const appearanceIds = new Set(row.appearances.map((a) => a.sourceId));
  const originIds = [...new Set(paths.map((p) => p.end))].sort();
  const origins = originIds.map((sourceId) => {
    const s = sources.get(sourceId);
    const agents = [...(s?.publishers ?? []), ...(s?.authors ?? [])];
    // An origin that is the claim's own source: "according to X" names where the figure came from.
    if (appearanceIds.has(sourceId)) agents.push(...row.attributedTo);
    return { sourceId, agentIds: [...new Set(agents)], publisherIds: s?.publishers ?? [], authorIds: s?.authors ?? [] };
  });
  return { claimId: row.claimId, appearances: row.appearances, paths, origins, cycles: dedupeCycles(cycles), truncated };
}

function dedupeCycles(cycles: string[][]): string[][] {
  const seen = new Set<string>();
  return cycles.filter((c) => {
    const key = [...new Set(c)].sort().join('|');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
