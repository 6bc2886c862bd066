/**
 * One node as the ingest document format states it (a source, a claim as one source states it,
 * an organization, person, region or measure), and the registry documents that recreate every
 * entity with its owner: the pieces `claimgraph export` writes, free of any database access.
 */
import type { EntityRow } from '../../db/rows.js';
import { edgeIds } from '../entities/entities.js';
import { defined, statedDate } from '../entities/props.js';
import { plainDocumentFields } from '../ingest/documentSchema.js';
import type { DefinedLabel } from '../../model/derived.js';

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/**
 * The ids a node's links of one type reach, sorted: they are sets, and the order Neo4j returns
 * links in depends on how the store was written (online or by the bulk importer), not on the data.
 */
const idSet = (row: EntityRow, type: string) => edgeIds(row, type).sort(byText);

/**
 * A document entry: the fields written by name, then every other plain field of the kind
 * (plainDocumentFields) as the node stores it, so a plain property added to the model and the
 * schema is exported without a line here.
 */
function entry(row: EntityRow, label: DefinedLabel, fields: Record<string, unknown>): Record<string, unknown> {
  const all = { ...fields };
  for (const { name } of plainDocumentFields(label)) if (!(name in all)) all[name] = row.props[name];
  return defined(all);
}

export function sourceDoc(s: EntityRow): Record<string, unknown> {
  const p = s.props;
  return entry(s, 'Source', {
    id: s.id,
    kind: p.kind,
    publisher: edgeIds(s, 'PUBLISHED_BY')[0],
    authors: idSet(s, 'AUTHORED_BY'),
    publishedAt: statedDate(p.publishedAt, p.publishedAtPrecision),
    retrievedAt: p.retrievedAt,
    derivedFrom: s.out
      .filter((e) => e.type === 'DERIVED_FROM')
      .map((e) => ({ source: e.id, kind: e.props.kind }))
      .sort((a, b) => byText(a.source, b.source)),
  });
}

/** A claim as `source` states it; `periods` holds the Period rows its COVERS reaches. */
export function claimDoc(c: EntityRow, source: EntityRow, periods: Map<string, EntityRow>): Record<string, unknown> {
  const p = c.props;
  const periodRow = periods.get(edgeIds(c, 'COVERS')[0] ?? '');
  const statement = c.out.find((e) => e.type === 'STATED_IN' && e.id === source.id);
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
    basedOn: idSet(c, 'BASED_ON').filter((b) => edgeIds(source, 'DERIVED_FROM').includes(b)),
    supersedes: idSet(c, 'SUPERSEDES'),
    confidence: p.confidence,
    status: p.status,
    statedAt: statement?.props.statedAt ?? p.statedAt,
  });
}

const organizationDoc = (o: EntityRow) => entry(o, 'Organization', { id: o.id, name: o.props.name, aliases: o.props.aliases, partOf: edgeIds(o, 'PART_OF')[0] });
const personDoc = (p: EntityRow) =>
  entry(p, 'Person', {
    id: p.id,
    name: p.props.name,
    aliases: p.props.aliases,
    roles: p.out
      .filter((e) => e.type === 'ROLE')
      .sort((a, b) => byText(`${a.id} ${a.props.title ?? ''}`, `${b.id} ${b.props.title ?? ''}`))
      .map((e) => defined({ organization: e.id, title: e.props.title || undefined, from: e.props.from, to: e.props.to })),
  });
const regionDoc = (r: EntityRow) => entry(r, 'Region', { id: r.id, name: r.props.name, aliases: r.props.aliases, partOf: edgeIds(r, 'PART_OF')[0] });
const measureDoc = (m: EntityRow) =>
  entry(m, 'Measure', {
    id: m.id,
    name: m.props.name,
    shareOf: m.props.shareBase ? defined({ base: m.props.shareBase, part: m.props.sharePart }) : undefined,
  });

/** Visits ids depth first, each after what it depends on: the order of documents to import. */
export function dependencyOrder(ids: string[], dependsOn: (id: string) => string[]): string[] {
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

/** The kinds the registry documents carry (all but claims and the periods claims cover). */
export const REGISTRY_KINDS = ['Source', 'Organization', 'Person', 'Region', 'Measure'] as const;

/**
 * The owning source of an entity: the one whose document first described it. Entities from before
 * ownership was recorded have none, and the first source (in id order) takes them.
 */
export function ownerFinder(sourceIds: ReadonlySet<string>, firstSource: string) {
  return (owner: unknown) => (typeof owner === 'string' && sourceIds.has(owner) ? owner : firstSource);
}

/**
 * The registry documents: per owning source, a document describing every entity and source that
 * source owns (owners before what they own). Twice: first every entity without its links (so each
 * owner creates what it owns whatever the references between owners), then with them (the owner
 * filling in its own blanks).
 */
export function registryDocuments(registry: EntityRow[]): { docs: Record<string, unknown>[]; ownerOf: (owner: unknown) => string } {
  const sources = registry.filter((r) => r.kind === 'Source');
  if (!sources.length) return { docs: [], ownerOf: () => '' };
  const byId = new Map(registry.map((r) => [r.id, r]));
  const ownerOf = ownerFinder(new Set(sources.map((s) => s.id)), sources[0].id);
  const owned = new Map<string, EntityRow[]>();
  for (const r of registry) {
    const owner = ownerOf(r.props.ownerSourceId);
    owned.set(owner, [...(owned.get(owner) ?? []), r]);
  }
  const registryDoc = (sid: string, withLinks: boolean) => {
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
  const owners = dependencyOrder([...owned.keys()], (sid) => [ownerOf(byId.get(sid)!.props.ownerSourceId)]);
  return { docs: [...owners.map((sid) => registryDoc(sid, false)), ...owners.map((sid) => registryDoc(sid, true))], ownerOf };
}
