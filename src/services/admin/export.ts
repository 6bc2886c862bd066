/**
 * Whole-graph export, streamed: as ingest documents (.ndjson, which `claimgraph import` reads back
 * into the same graph) or as W3C PROV-O JSON-LD. Claims, the bulk of any graph, are read a page at
 * a time and written as they come, so memory stays flat however many there are; what is held whole
 * is the registry (sources, agents, regions, measures: the ownership order needs it) and one line
 * of ordering facts per source.
 */
import type { Queries } from '../../db/queries.js';
import type { EntityRow } from '../../db/rows.js';
import { edgeIds, type EntityLoader } from '../entities/entities.js';
import { PROV_CONTEXT, provNode } from '../provenance/prov.js';
import { claimDoc, dependencyOrder, registryDocuments, sourceDoc } from './exportDocuments.js';

/** Where the export's text goes; a promise means "wait before writing more" (backpressure). */
export type Sink = (chunk: string) => void | Promise<void>;

/** Ids per page: a page's rows are all that is held of the claims at any time. */
const PAGE = 1000;

/** The rows of a page of ids (the loader's cache cleared after: nothing outlives its page). */
async function rowsOf(loader: EntityLoader, ids: readonly string[]): Promise<EntityRow[]> {
  const rows = await loader.loadMany(ids);
  loader.clearAll();
  return rows.filter((r): r is EntityRow => !!r && !(r instanceof Error));
}

/** Visits every row a paged id query finds, a page at a time, in id order. */
async function eachPage(loader: EntityLoader, page: (afterId: string) => Promise<string[]>, visit: (rows: EntityRow[]) => Promise<void> | void): Promise<void> {
  for (let afterId = ''; ;) {
    const ids = await page(afterId);
    if (!ids.length) return;
    await visit(await rowsOf(loader, ids));
    afterId = ids[ids.length - 1];
  }
}

const idsOf = (rows: { id: string }[]) => rows.map((r) => r.id);

/** Every node of the graph, a page of rows at a time, in id order. */
export function eachEntityPage(db: Queries, loader: EntityLoader, visit: (rows: EntityRow[]) => Promise<void> | void, limit = PAGE): Promise<void> {
  return eachPage(loader, async (afterId) => idsOf(await db.read<{ id: string }>('export/idsPage', { p: { afterId }, limit })), visit);
}

/** The Period rows the claims of a page cover. */
async function periodsOf(loader: EntityLoader, claims: EntityRow[]): Promise<Map<string, EntityRow>> {
  const ids = [...new Set(claims.flatMap((c) => edgeIds(c, 'COVERS')))];
  return new Map((await rowsOf(loader, ids)).map((r) => [r.id, r]));
}

/**
 * The graph as ingest documents that re-import into the same graph, ownership included: first the
 * registry documents (exportDocuments.ts), then one document per source with the claims it
 * states, the owner's before any restating one, and a claim before any claim superseding it.
 * A source's claims are written a page at a time inside its one document line.
 */
export async function exportIngestDocuments(db: Queries, loader: EntityLoader, write: Sink, limit = PAGE): Promise<{ documents: number; claims: number }> {
  const registry: EntityRow[] = [];
  await eachPage(
    loader,
    async (afterId) => idsOf(await db.read<{ id: string }>('export/registryIdsPage', { p: { afterId }, limit })),
    (rows) => void registry.push(...rows),
  );
  const { docs, ownerOf } = registryDocuments(registry);
  for (const d of docs) await write(`${JSON.stringify(d)}\n`);
  const sources = new Map(registry.filter((r) => r.kind === 'Source').map((r) => [r.id, r]));
  registry.length = 0;

  const stating = await db.read<{ id: string; owners: unknown[]; after: string[] }>('export/claimOrder');
  const states = new Set(stating.map((s) => s.id));
  const after = new Map(stating.map((s) => [s.id, [...s.owners.map(ownerOf), ...s.after].filter((x) => states.has(x))]));
  let claims = 0;
  for (const sid of dependencyOrder([...states], (sid) => after.get(sid) ?? [])) {
    const source = sources.get(sid)!;
    await write(`{"source":${JSON.stringify(sourceDoc(source))},"claims":[`);
    let first = true;
    const page = async (afterId: string) => idsOf(await db.read<{ id: string }>('export/claimIdsOfSource', { p: { sourceId: sid, afterId }, limit }));
    await eachPage(loader, page, async (rows) => {
      const periods = await periodsOf(loader, rows);
      const text = rows.map((c) => JSON.stringify(claimDoc(c, source, periods))).join(',');
      await write(first ? text : `,${text}`);
      first = false;
      claims += rows.length;
    });
    await write(']}\n');
  }
  return { documents: docs.length + states.size, claims };
}

/** Indents every line of a JSON text (the items of a pretty-printed `@graph`). */
const indent = (text: string, by: string) => by + text.replace(/\n/g, `\n${by}`);

/**
 * The whole graph as PROV-O JSON-LD, byte for byte what JSON.stringify(document, null, 2) would
 * print, written a page of nodes at a time.
 */
export async function exportProv(db: Queries, loader: EntityLoader, baseIri: string, write: Sink, limit = PAGE): Promise<{ nodes: number }> {
  await write(`{\n  "@context": ${indent(JSON.stringify(PROV_CONTEXT, null, 2), '  ').trimStart()},\n  "@graph": [`);
  let nodes = 0;
  await eachEntityPage(
    db,
    loader,
    async (rows) => {
      const periods = await periodsOf(loader, rows);
      const text = rows.map((n) => indent(JSON.stringify(provNode(n, periods, baseIri), null, 2), '    ')).join(',\n');
      await write(`${nodes ? ',' : ''}\n${text}`);
      nodes += rows.length;
    },
    limit,
  );
  await write(nodes ? '\n  ]\n}\n' : ']\n}\n');
  return { nodes };
}
