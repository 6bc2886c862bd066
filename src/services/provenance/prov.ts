/**
 * W3C PROV-O as JSON-LD: claims and sources are prov:Entity, organizations and people
 * prov:Agent; DERIVED_FROM is prov:wasDerivedFrom, refined to prov:hadPrimarySource or
 * prov:wasQuotedFrom by its kind; attribution is prov:wasAttributedTo; PART_OF and roles are
 * prov:actedOnBehalfOf. Node ids (`claim:…`, `src:…`) are used as IRIs under their own schemes.
 */
import type { EntityRow, GraphEdgeRow } from '../../db/rows.js';
import { nodeLabel } from '../graphView.js';

export const PROV_CONTEXT = {
  prov: 'http://www.w3.org/ns/prov#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  cg: 'https://claimgraph.dev/ns#',
};

const TYPES: Record<string, string[]> = {
  Claim: ['prov:Entity', 'cg:Claim'],
  Source: ['prov:Entity', 'cg:Source'],
  Organization: ['prov:Agent', 'prov:Organization'],
  Person: ['prov:Agent', 'prov:Person'],
  Region: ['prov:Location'],
  Measure: ['cg:Measure'],
  Period: ['cg:Period'],
};

/** The PROV property an edge becomes, or null for edges PROV has no term for. */
function provProperty(e: GraphEdgeRow): string | null {
  switch (e.type) {
    case 'DERIVED_FROM':
      return e.props.kind === 'PRIMARY_SOURCE' ? 'prov:hadPrimarySource' : e.props.kind === 'QUOTES' ? 'prov:wasQuotedFrom' : 'prov:wasDerivedFrom';
    case 'STATED_IN':
    case 'BASED_ON':
      return 'prov:wasDerivedFrom';
    case 'ATTRIBUTED_TO':
    case 'PUBLISHED_BY':
    case 'AUTHORED_BY':
      return 'prov:wasAttributedTo';
    case 'PART_OF':
    case 'ROLE':
      return 'prov:actedOnBehalfOf';
    case 'SUPERSEDES':
      return 'prov:wasRevisionOf';
    case 'IN_REGION':
      return 'prov:atLocation';
    default:
      return null;
  }
}

/** An ingestion that wrote some of the exported nodes, with their ids. */
export interface ProvActivity {
  id: string;
  keyName: string;
  at: string;
  wroteIds: string[];
}

/**
 * Ingestions as prov:Activity associated with the API key's agent. The first ingestion that wrote
 * a node generated it (prov:wasGeneratedBy); later ones, restating or correcting, used it.
 */
function activities(items: Map<string, Record<string, unknown>>, list: ProvActivity[]): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const agents = new Map<string, Record<string, unknown>>();
  const firstWriter = new Map<string, ProvActivity>();
  for (const a of [...list].sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : 0))) {
    for (const id of a.wroteIds) if (!firstWriter.has(id)) firstWriter.set(id, a);
  }
  for (const a of list) {
    const agentId = `key:${a.keyName}`;
    if (!agents.has(agentId)) agents.set(agentId, { '@id': agentId, '@type': ['prov:Agent', 'prov:SoftwareAgent'], 'rdfs:label': `API key "${a.keyName}"` });
    const used = a.wroteIds.filter((id) => items.has(id) && firstWriter.get(id) !== a).map((id) => ({ '@id': id }));
    out.push({
      '@id': a.id,
      '@type': 'prov:Activity',
      'rdfs:label': 'ingestion of a document',
      'prov:endedAtTime': { '@value': a.at, '@type': 'xsd:dateTime' },
      'prov:wasAssociatedWith': { '@id': agentId },
      ...(used.length ? { 'prov:used': used } : {}),
    });
  }
  for (const [id, a] of firstWriter) {
    const item = items.get(id);
    if (item) item['prov:wasGeneratedBy'] = { '@id': a.id };
  }
  return [...out, ...agents.values()];
}

export function toProvJsonLd(nodes: EntityRow[], edges: GraphEdgeRow[], ingestions: ProvActivity[] = []): Record<string, unknown> {
  const byId = new Map<string, Record<string, unknown>>();
  for (const n of nodes) {
    const item: Record<string, unknown> = { '@id': n.id, '@type': TYPES[n.kind] ?? ['prov:Entity'], 'rdfs:label': nodeLabel(n) };
    if (n.kind === 'Source' && n.props.url) item['prov:atLocation'] = { '@id': String(n.props.url) };
    if (n.kind === 'Source' && n.props.publishedAt) item['prov:generatedAtTime'] = { '@value': `${String(n.props.publishedAt)}T00:00:00Z`, '@type': 'xsd:dateTime' };
    if (n.kind === 'Claim' && n.props.quote) item['prov:value'] = String(n.props.quote);
    byId.set(n.id, item);
  }
  for (const e of edges) {
    const prop = provProperty(e);
    const item = byId.get(e.source);
    if (!prop || !item || !byId.has(e.target)) continue;
    const list = (item[prop] as { '@id': string }[] | undefined) ?? [];
    if (!list.some((x) => x['@id'] === e.target)) list.push({ '@id': e.target });
    item[prop] = list;
  }
  const acts = activities(byId, ingestions);
  return { '@context': PROV_CONTEXT, '@graph': [...byId.values(), ...acts] };
}
