/**
 * Whole-graph export: as ingest documents (.ndjson, which `claimgraph import` reads back into the
 * same graph) or as W3C PROV-O JSON-LD.
 */
import type { Database } from '../db/database.js';
import type { EntityRow, GraphEdgeRow } from '../db/rows.js';
import { edgeIds, type EntityLoader } from './entities.js';
import { toProvJsonLd } from './provenance/prov.js';

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

const defined = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0)));

function truncatedDate(date: unknown, precision: unknown): string | undefined {
  if (date == null) return undefined;
  const d = String(date);
  return precision === 'YEAR' ? d.slice(0, 4) : precision === 'MONTH' ? d.slice(0, 7) : d;
}

function sourceDoc(s: EntityRow): Record<string, unknown> {
  const p = s.props;
  return defined({
    id: s.id,
    kind: p.kind,
    title: p.title,
    url: p.url,
    publisher: edgeIds(s, 'PUBLISHED_BY')[0],
    authors: edgeIds(s, 'AUTHORED_BY'),
    publishedAt: truncatedDate(p.publishedAt, p.publishedAtPrecision),
    retrievedAt: p.retrievedAt,
    language: p.language,
    reliability: p.reliability,
    derivedFrom: s.out.filter((e) => e.type === 'DERIVED_FROM').map((e) => ({ source: e.id, kind: e.props.kind })),
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
    quantity: p.bound ? defined({ value: p.value, low: p.low, high: p.high, unit: p.unit, bound: p.bound, aggregation: p.aggregation, per: p.per }) : undefined,
    period: periodRow
      ? // `end: null` (open-ended) must survive: defined() would drop it.
        { ...defined({ start: periodRow.props.start, granularity: periodRow.props.granularity, label: periodRow.props.label }), end: periodRow.props.end ?? null }
      : undefined,
    regions: edgeIds(c, 'IN_REGION'),
    attributedTo: edgeIds(c, 'ATTRIBUTED_TO'),
    // A claim stated in several sources keeps, per source, the bases that source draws on.
    basedOn: edgeIds(c, 'BASED_ON').filter((b) => edgeIds(byId.get(sourceId)!, 'DERIVED_FROM').includes(b)),
    supersedes: edgeIds(c, 'SUPERSEDES'),
    confidence: p.confidence,
    status: p.status,
    statedAt: statement?.props.statedAt ?? p.statedAt,
  });
}

/**
 * The graph as ingest documents: the first carries every shared entity and every source's
 * description; then one document per source with the claims it states, ordered so that a claim
 * comes before any claim superseding it.
 */
export function toIngestDocuments(rows: EntityRow[]): Record<string, unknown>[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const of = (kind: string) => rows.filter((r) => r.kind === kind);
  const sources = of('Source');
  if (!sources.length) return [];
  const claimsBySource = new Map<string, EntityRow[]>();
  for (const c of of('Claim')) {
    for (const sid of edgeIds(c, 'STATED_IN')) claimsBySource.set(sid, [...(claimsBySource.get(sid) ?? []), c]);
  }
  const registry = {
    source: sourceDoc(sources[0]),
    sources: sources.slice(1).map(sourceDoc),
    organizations: of('Organization').map((o) => defined({ id: o.id, name: o.props.name, aliases: o.props.aliases, kind: o.props.kind, reliability: o.props.reliability, partOf: edgeIds(o, 'PART_OF')[0] })),
    people: of('Person').map((p) =>
      defined({ id: p.id, name: p.props.name, aliases: p.props.aliases, roles: p.out.filter((e) => e.type === 'ROLE').map((e) => defined({ organization: e.id, title: e.props.title || undefined, from: e.props.from, to: e.props.to })) }),
    ),
    regions: of('Region').map((r) => defined({ id: r.id, name: r.props.name, aliases: r.props.aliases, kind: r.props.kind, code: r.props.code, areaKm2: r.props.areaKm2, partOf: edgeIds(r, 'PART_OF')[0] })),
    measures: of('Measure').map((m) => defined({ id: m.id, name: m.props.name, unit: m.props.unit, description: m.props.description })),
  };
  // Order source documents so superseded claims are written before the claims superseding them.
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (sid: string) => {
    if (state.get(sid)) return;
    state.set(sid, 'visiting');
    for (const c of claimsBySource.get(sid) ?? []) for (const older of edgeIds(c, 'SUPERSEDES')) for (const osid of edgeIds(byId.get(older) ?? c, 'STATED_IN')) if (osid !== sid) visit(osid);
    state.set(sid, 'done');
    order.push(sid);
  };
  [...claimsBySource.keys()].sort().forEach(visit);
  const docs = order.map((sid) => ({ source: sourceDoc(byId.get(sid)!), claims: (claimsBySource.get(sid) ?? []).map((c) => claimDoc(c, sid, byId)) }));
  return [registry, ...docs];
}

/** The whole graph as PROV-O JSON-LD. */
export function toProvDocument(rows: EntityRow[]): Record<string, unknown> {
  const edges: GraphEdgeRow[] = rows.flatMap((r) => r.out.map((e) => ({ source: r.id, type: e.type, target: e.id, props: e.props })));
  return toProvJsonLd(rows, edges);
}
