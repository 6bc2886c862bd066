/**
 * W3C PROV-O as JSON-LD, valid against PROV-O's domains and ranges: claims and sources are
 * prov:Entity, organizations and people prov:Agent, regions prov:Location (reached by
 * prov:atLocation, never by an agent's property); DERIVED_FROM is prov:wasDerivedFrom, refined to
 * prov:hadPrimarySource or prov:wasQuotedFrom by its kind; attribution is prov:wasAttributedTo;
 * an organization's PART_OF and a person's roles are prov:actedOnBehalfOf; ingestions are
 * prov:Activity. Every node gets an IRI under the configured base (CLAIMGRAPH_BASE_IRI), and dates
 * keep the precision they were stated with (xsd:gYear, xsd:gYearMonth, xsd:date): a month is not
 * an instant.
 */
import type { EntityRow, GraphEdgeRow } from '../../db/rows.js';
import { nodeLabel } from '../graph/graphView.js';
import { statedDate } from '../entities/props.js';

export const PROV_CONTEXT = {
  prov: 'http://www.w3.org/ns/prov#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  dcterms: 'http://purl.org/dc/terms/',
  schema: 'https://schema.org/',
  cg: 'https://claimgraph.dev/ns#',
};

/** A node id (`claim:…`, `src:…`, `ingestion:…`) as an IRI: `<base>claim/…`. */
export function nodeIri(baseIri: string, id: string): string {
  const colon = id.indexOf(':');
  const scheme = colon > 0 ? id.slice(0, colon) : 'node';
  return `${baseIri}${encodeURIComponent(scheme)}/${encodeURIComponent(id.slice(colon + 1))}`;
}

const TYPES: Record<string, string[]> = {
  Claim: ['prov:Entity', 'cg:Claim'],
  Source: ['prov:Entity', 'cg:Source'],
  Organization: ['prov:Agent', 'prov:Organization'],
  Person: ['prov:Agent', 'prov:Person'],
  Region: ['prov:Location', 'schema:Place'],
  Measure: ['cg:Measure'],
  Period: ['cg:Period'],
};

/** The property an edge becomes (PROV's where PROV has a term), or null. */
function edgeProperty(e: { type: string; props: Record<string, unknown> }, sourceKind: string | undefined): string | null {
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
      // Agents act on behalf of what they are part of; a place is contained in a place.
      return sourceKind === 'Region' ? 'schema:containedInPlace' : 'prov:actedOnBehalfOf';
    case 'ROLE':
      return 'prov:actedOnBehalfOf';
    case 'SUPERSEDES':
      return 'prov:wasRevisionOf';
    case 'IN_REGION':
      return 'prov:atLocation';
    case 'ABOUT':
      return 'cg:measure';
    case 'COVERS':
      return 'cg:period';
    default:
      return null;
  }
}

/**
 * A date as a literal of its precision: 2025 → xsd:gYear, 2025-12 → xsd:gYearMonth, a day (or a
 * week or quarter, which have no XSD type of their own) → xsd:date.
 */
export function dateLiteral(date: string, precision: string | null | undefined): { '@value': string; '@type': string } {
  const type = precision === 'YEAR' ? 'xsd:gYear' : precision === 'MONTH' ? 'xsd:gYearMonth' : 'xsd:date';
  return { '@value': statedDate(date, precision)!, '@type': type };
}

/** A period's granularity: the Period node's, or the suffix its id carries (validateClaim.ts). */
function granularityOf(periodId: string | undefined, periods: Map<string, EntityRow>): string | null {
  if (!periodId) return null;
  const stated = periods.get(periodId)?.props.granularity;
  if (typeof stated === 'string') return stated;
  const suffix = periodId.slice(periodId.lastIndexOf('_') + 1).toUpperCase();
  return ['DAY', 'WEEK', 'MONTH', 'QUARTER', 'YEAR'].includes(suffix) ? suffix : null;
}

/** The node's own facts: labels, where a source can be read, dates with their precision. */
function describe(n: EntityRow, periods: Map<string, EntityRow>): Record<string, unknown> {
  const item: Record<string, unknown> = { '@type': TYPES[n.kind] ?? ['prov:Entity'], 'rdfs:label': nodeLabel(n) };
  const p = n.props;
  if (n.kind === 'Source') {
    if (p.url) item['rdfs:seeAlso'] = { '@id': String(p.url) };
    if (p.publishedAt) item['dcterms:issued'] = dateLiteral(String(p.publishedAt), String(p.publishedAtPrecision ?? 'DAY'));
  }
  if (n.kind === 'Claim') {
    if (p.quote) item['prov:value'] = String(p.quote);
    const granularity = granularityOf(n.out.find((e) => e.type === 'COVERS')?.id, periods);
    if (p.periodStart) item['cg:periodStart'] = dateLiteral(String(p.periodStart), granularity);
    if (p.periodEnd) item['cg:periodEnd'] = dateLiteral(String(p.periodEnd), granularity);
  }
  if (n.kind === 'Period') {
    const granularity = typeof p.granularity === 'string' ? p.granularity : null;
    if (p.start) item['cg:start'] = dateLiteral(String(p.start), granularity);
    if (p.end) item['cg:end'] = dateLiteral(String(p.end), granularity);
  }
  if (n.kind === 'Region' && typeof p.code === 'string') item['schema:identifier'] = p.code;
  return item;
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
 * an entity generated it (prov:wasGeneratedBy); later ones, restating or correcting, used it.
 * Only entities: PROV has an activity generate or use entities, not agents or places.
 */
function activities(items: Map<string, Record<string, unknown>>, kinds: Map<string, string>, list: ProvActivity[], iri: (id: string) => string): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const agents = new Map<string, Record<string, unknown>>();
  const firstWriter = new Map<string, ProvActivity>();
  const isEntity = (id: string) => items.has(id) && (TYPES[kinds.get(id) ?? ''] ?? ['prov:Entity']).includes('prov:Entity');
  for (const a of [...list].sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : 0))) {
    for (const id of a.wroteIds) if (isEntity(id) && !firstWriter.has(id)) firstWriter.set(id, a);
  }
  for (const a of list) {
    const agentId = iri(`key:${a.keyName}`);
    if (!agents.has(agentId)) agents.set(agentId, { '@id': agentId, '@type': ['prov:Agent', 'prov:SoftwareAgent'], 'rdfs:label': `API key "${a.keyName}"` });
    const used = a.wroteIds.filter((id) => isEntity(id) && firstWriter.get(id) !== a).map((id) => ({ '@id': iri(id) }));
    out.push({
      '@id': iri(a.id),
      '@type': 'prov:Activity',
      'rdfs:label': 'ingestion of a document',
      'prov:endedAtTime': { '@value': a.at, '@type': 'xsd:dateTime' },
      'prov:wasAssociatedWith': { '@id': agentId },
      ...(used.length ? { 'prov:used': used } : {}),
    });
  }
  for (const [id, a] of firstWriter) items.get(id)!['prov:wasGeneratedBy'] = { '@id': iri(a.id) };
  return [...out, ...agents.values()];
}

/** A node's item with its own facts and no links yet. */
const provItem = (n: EntityRow, periods: Map<string, EntityRow>, iri: (id: string) => string): Record<string, unknown> => ({ '@id': iri(n.id), 'cg:id': n.id, ...describe(n, periods) });

/** Adds a link to an item (once per target). */
function link(item: Record<string, unknown>, prop: string, target: string): void {
  const list = (item[prop] as { '@id': string }[] | undefined) ?? [];
  if (!list.some((x) => x['@id'] === target)) list.push({ '@id': target });
  item[prop] = list;
}

/**
 * One node of a whole-graph export with every outgoing link (each target is exported too), for a
 * writer that streams `@graph` a node at a time; `periods` holds the Period rows its COVERS reaches.
 */
export function provNode(n: EntityRow, periods: Map<string, EntityRow>, baseIri: string): Record<string, unknown> {
  const iri = (id: string) => nodeIri(baseIri, id);
  const item = provItem(n, periods, iri);
  for (const e of n.out) {
    const prop = edgeProperty(e, n.kind);
    if (prop) link(item, prop, iri(e.id));
  }
  return item;
}

/** A view's nodes and edges (a source chain's), with the ingestions that wrote them. */
export function toProvJsonLd(nodes: EntityRow[], edges: GraphEdgeRow[], ingestions: ProvActivity[], baseIri: string): Record<string, unknown> {
  const iri = (id: string) => nodeIri(baseIri, id);
  const periods = new Map(nodes.filter((n) => n.kind === 'Period').map((n) => [n.id, n]));
  const kinds = new Map(nodes.map((n) => [n.id, n.kind]));
  const byId = new Map<string, Record<string, unknown>>();
  for (const n of nodes) byId.set(n.id, provItem(n, periods, iri));
  for (const e of edges) {
    const prop = edgeProperty(e, kinds.get(e.source));
    const item = byId.get(e.source);
    if (prop && item && byId.has(e.target)) link(item, prop, iri(e.target));
  }
  const acts = activities(byId, kinds, ingestions, iri);
  return { '@context': PROV_CONTEXT, '@graph': [...byId.values(), ...acts] };
}
