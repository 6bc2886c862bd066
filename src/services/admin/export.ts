/**
 * Whole-graph export: as ingest documents (.ndjson, which `claimgraph import` reads back into the
 * same graph) or as W3C PROV-O JSON-LD.
 */
import type { Database } from '../../db/database.js';
import type { EntityRow, GraphEdgeRow } from '../../db/rows.js';
import { edgeIds, type EntityLoader } from '../entities/entities.js';
import { defined, statedDate } from '../entities/props.js';
import { toProvJsonLd } from '../provenance/prov.js';

/** Every node, in id order, a page of ids at a time through the entity loader. */
export async function loadAllEntities(db: Database, loader: EntityLoader): Promise<EntityRow[]> {
  const out: EntityRow[] = [];
  let afterId = '';
  for (;;) {
    const ids = await db.read<{ id: string }>('export/idsPage', { p: { afterId }, limit: 1000 });
    if (!ids.length) return out;
    const rows = await loader.loadMany(ids.map((r) => r.id));
    out.push(...rows.filter((r): r is EntityRow => !!r && !(r instanceof Error)));
    afterId = ids[ids.length - 1].id;
    loader.clearAll();
  }
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/**
 * The ids a node's links of one type reach, sorted: they are sets, and the order Neo4j returns
 * links in depends on how the store was written (online or by the bulk importer), not on the data.
 */
const idSet = (row: EntityRow, type: string) => edgeIds(row, type).sort(byText);

function sourceDoc(s: EntityRow): Record<string, unknown> {
  const p = s.props;
  return defined({
    id: s.id,
    kind: p.kind,
    title: p.title,
    url: p.url,
    publisher: edgeIds(s, 'PUBLISHED_BY')[0],
    authors: idSet(s, 'AUTHORED_BY'),
    publishedAt: statedDate(p.publishedAt, p.publishedAtPrecision),
    retrievedAt: p.retrievedAt,
    language: p.language,
    reliability: p.reliability,
    derivedFrom: s.out
      .filter((e) => e.type === 'DERIVED_FROM')
      .map((e) => ({ source: e.id, kind: e.props.kind }))
      .sort((a, b) => byText(a.source, b.source)),
  });
}

function claimDoc(c: EntityRow, sourceId: string, byId: Map<string, EntityRow>): Record<string, unknown> {
  const p = c.props;
  const periodRow = byId.get(edgeIds(c, 'COVERS')[0] ?? '');
  const statement = c.out.find((e) => e.type === 'STATED_IN' && e.id === sourceId);
  return defined({
    id: c.id,
    text: p.text,
    quote: p.quote,
    measure: edgeIds(c, 'ABOUT')[0],
    quantity: p.bound ? defined({ value: p.value, low: p.low, high: p.high, unit: p.unit, bound: p.bound, precision: p.precision, aggregation: p.aggregation, per: p.per }) : undefined,
    period: periodRow
      ? // `end: null` (open-ended) must survive: defined() would drop it.
        { ...defined({ start: periodRow.props.start, granularity: periodRow.props.granularity, label: periodRow.props.label }), end: periodRow.props.end ?? null }
      : undefined,
    regions: idSet(c, 'IN_REGION'),
    attributedTo: idSet(c, 'ATTRIBUTED_TO'),
    // A claim stated in several sources keeps, per source, the bases that source draws on.
    basedOn: idSet(c, 'BASED_ON').filter((b) => edgeIds(byId.get(sourceId)!, 'DERIVED_FROM').includes(b)),
    supersedes: idSet(c, 'SUPERSEDES'),
    confidence: p.confidence,
    status: p.status,
    statedAt: statement?.props.statedAt ?? p.statedAt,
  });
}

const organizationDoc = (o: EntityRow) => defined({ id: o.id, name: o.props.name, aliases: o.props.aliases, kind: o.props.kind, reliability: o.props.reliability, partOf: edgeIds(o, 'PART_OF')[0] });
const personDoc = (p: EntityRow) =>
  defined({
    id: p.id,
    name: p.props.name,
    aliases: p.props.aliases,
    roles: p.out
      .filter((e) => e.type === 'ROLE')
      .sort((a, b) => byText(`${a.id} ${a.props.title ?? ''}`, `${b.id} ${b.props.title ?? ''}`))
      .map((e) => defined({ organization: e.id, title: e.props.title || undefined, from: e.props.from, to: e.props.to })),
  });
const regionDoc = (r: EntityRow) =>
  defined({ id: r.id, name: r.props.name, aliases: r.props.aliases, kind: r.props.kind, code: r.props.code, areaKm2: r.props.areaKm2, partOf: edgeIds(r, 'PART_OF')[0] });
const measureDoc = (m: EntityRow) =>
  defined({
    id: m.id,
    name: m.props.name,
    unit: m.props.unit,
    description: m.props.description,
    shareOf: m.props.shareBase ? defined({ base: m.props.shareBase, part: m.props.sharePart }) : undefined,
  });

/** Visits ids depth first, each after what it depends on: the order of documents to import. */
function dependencyOrder(ids: string[], dependsOn: (id: string) => string[]): string[] {
  const order: string[] = [];
  const seen = new Set<string>();
  const visit = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    for (const d of dependsOn(id)) if (d !== id) visit(d);
    order.push(id);
  };
  [...ids].sort().forEach(visit);
  return order;
}

/**
 * The graph as ingest documents that re-import into the same graph, ownership included: first,
 * per owning source, a document describing every entity and source that source owns (owners
 * before what they own); then one document per source with the claims it states, the owner's
 * before any restating one, and a claim before any claim superseding it.
 */
export function toIngestDocuments(rows: EntityRow[]): Record<string, unknown>[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const of = (kind: string) => rows.filter((r) => r.kind === kind);
  const sources = of('Source');
  if (!sources.length) return [];
  // Entities from before ownership was recorded have no owner: the first source takes them.
  const ownerOf = (r: EntityRow) => {
    const owner = r.props.ownerSourceId;
    return typeof owner === 'string' && byId.get(owner)?.kind === 'Source' ? owner : sources[0].id;
  };
  const owned = new Map<string, EntityRow[]>();
  for (const r of rows) {
    if (!['Source', 'Organization', 'Person', 'Region', 'Measure'].includes(r.kind)) continue;
    const owner = ownerOf(r);
    owned.set(owner, [...(owned.get(owner) ?? []), r]);
  }
  // Twice: first every entity without its links (so each owner creates what it owns whatever the
  // references between owners), then with them (the owner filling in its own blanks).
  const registry = (sid: string, withLinks: boolean) => {
    const mine = (kind: string) => (owned.get(sid) ?? []).filter((r) => r.kind === kind && r.id !== sid);
    const bare = (doc: (r: EntityRow) => Record<string, unknown>, links: string[]) => (r: EntityRow) => {
      const d = doc(r);
      if (!withLinks) for (const l of links) delete d[l];
      return d;
    };
    return defined({
      source: bare(sourceDoc, ['publisher', 'authors', 'derivedFrom'])(byId.get(sid)!),
      sources: mine('Source').map(bare(sourceDoc, ['publisher', 'authors', 'derivedFrom'])),
      organizations: mine('Organization').map(bare(organizationDoc, ['partOf'])),
      people: mine('Person').map(bare(personDoc, ['roles'])),
      regions: mine('Region').map(bare(regionDoc, ['partOf'])),
      measures: mine('Measure').map(bare(measureDoc, ['shareOf'])),
    });
  };
  const owners = dependencyOrder([...owned.keys()], (sid) => [ownerOf(byId.get(sid)!)]);
  const registries = [...owners.map((sid) => registry(sid, false)), ...owners.map((sid) => registry(sid, true))];

  const claimsBySource = new Map<string, EntityRow[]>();
  for (const c of of('Claim')) {
    for (const sid of edgeIds(c, 'STATED_IN')) claimsBySource.set(sid, [...(claimsBySource.get(sid) ?? []), c]);
  }
  // A source's claims come after the documents of their owners and of the claims they supersede.
  const order = dependencyOrder([...claimsBySource.keys()], (sid) =>
    (claimsBySource.get(sid) ?? []).flatMap((c) => [ownerOf(c), ...edgeIds(c, 'SUPERSEDES').flatMap((older) => edgeIds(byId.get(older) ?? c, 'STATED_IN'))]).filter((x) => claimsBySource.has(x)),
  );
  const docs = order.map((sid) => ({ source: sourceDoc(byId.get(sid)!), claims: (claimsBySource.get(sid) ?? []).map((c) => claimDoc(c, sid, byId)) }));
  return [...registries, ...docs];
}

/** The whole graph as PROV-O JSON-LD. */
export function toProvDocument(rows: EntityRow[], baseIri: string): Record<string, unknown> {
  const edges: GraphEdgeRow[] = rows.flatMap((r) => r.out.map((e) => ({ source: r.id, type: e.type, target: e.id, props: e.props })));
  return toProvJsonLd(rows, edges, [], baseIri);
}
