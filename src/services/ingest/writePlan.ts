/**
 * Writes validated documents: one transaction, the named ingest queries in dependency order,
 * each batched with UNWIND over every row of every document given. Dangling references are
 * checked again inside the transaction, so a node deleted meanwhile cannot slip through.
 */
import type { TxRunner, WriteCounters } from '../../db/database.js';
import { Problems } from './problems.js';
import type { NormalizedDocument, NormalizedPeriod } from './normalized.js';

/** The ids (with their kinds) that a set of documents define, so batch-mates may refer to them. */
export function definedIds(docs: NormalizedDocument[]): Map<string, string> {
  const defined = new Map<string, string>();
  for (const doc of docs) {
    for (const [key, kind] of DEFINED_KINDS) for (const e of doc[key]) defined.set(e.id, kind);
  }
  return defined;
}

const DEFINED_KINDS = [
  ['sources', 'Source'],
  ['organizations', 'Organization'],
  ['people', 'Person'],
  ['regions', 'Region'],
  ['measures', 'Measure'],
  ['claims', 'Claim'],
] as const;

/**
 * The external references neither the graph nor `alsoDefined` (ids written in the same
 * transaction) holds with the right kind, as one Problems per document.
 */
export async function missingReferences(
  lookup: (ids: string[]) => Promise<{ id: string; kind: string }[]>,
  docs: NormalizedDocument[],
  alsoDefined: Map<string, string> = new Map(),
): Promise<Problems[]> {
  const pending = (doc: NormalizedDocument) => doc.externalRefs.filter((r) => alsoDefined.get(r.id) !== r.kind);
  const ids = [...new Set(docs.flatMap((d) => pending(d).map((r) => r.id)))];
  const found = new Map((ids.length ? await lookup(ids) : []).map((r) => [r.id, r.kind]));
  return docs.map((doc) => {
    const problems = new Problems();
    for (const ref of pending(doc)) {
      const kind = found.get(ref.id);
      if (!kind) problems.add(ref.path, `"${ref.id}" is neither defined in this document nor present in the graph`);
      else if (kind !== ref.kind) problems.add(ref.path, `"${ref.id}" is a ${kind} in the graph, not a ${ref.kind}`);
    }
    return problems;
  });
}

/**
 * One row per period: documents of a batch mostly share their periods (a month, a year), and
 * MERGE per repeated row is wasted work. The first label stated wins, as it would row by row.
 */
function uniquePeriods(periods: NormalizedPeriod[]): NormalizedPeriod[] {
  const byId = new Map<string, NormalizedPeriod>();
  for (const p of periods) {
    const seen = byId.get(p.id);
    if (!seen) byId.set(p.id, p);
    else if (seen.label == null && p.label != null) byId.set(p.id, { ...seen, label: p.label });
  }
  return [...byId.values()];
}

export async function writeDocuments(tx: TxRunner, docs: NormalizedDocument[], now: string): Promise<WriteCounters> {
  // One lookup answers both questions: are the references there, and which claims exist already.
  const claimIds = docs.flatMap((d) => d.claims.map((c) => c.id));
  const wanted = [...new Set([...docs.flatMap((d) => d.externalRefs.map((r) => r.id)), ...claimIds])];
  const present = wanted.length ? await tx.run<{ id: string; kind: string }>('ingest/existingIds', { p: { ids: wanted } }) : [];
  const missing = await missingReferences(async () => present, docs, definedIds(docs));
  const bad = missing.findIndex((p) => !p.empty);
  if (bad >= 0) throw missing[bad].toError();

  const all = <K extends keyof NormalizedDocument>(key: K) => docs.flatMap((d) => d[key] as unknown[]);
  const orgs = all('organizations') as NormalizedDocument['organizations'];
  const people = all('people') as NormalizedDocument['people'];
  const regions = all('regions') as NormalizedDocument['regions'];
  const sources = all('sources') as NormalizedDocument['sources'];
  const claims = all('claims') as NormalizedDocument['claims'];
  const run = async (name: Parameters<TxRunner['run']>[0], rows: unknown[]) => {
    // One map parameter: lists of any length share one cached plan (see services/claims.ts).
    if (rows.length) await tx.run(name, { p: { rows, now } });
  };

  await run('ingest/mergeOrganizations', orgs);
  await run('ingest/mergePeople', people);
  await run('ingest/mergeRegions', regions);
  await run('ingest/mergeMeasures', all('measures'));
  await run('ingest/mergeSources', sources);
  await run('ingest/mergePeriods', uniquePeriods(all('periods') as NormalizedPeriod[]));
  await run('ingest/linkOrganizationParents', orgs.filter((o) => o.partOf));
  await run('ingest/linkRegionParents', regions.filter((r) => r.partOf));
  await run('ingest/linkPersonRoles', people.filter((p) => p.roles));
  await run('ingest/linkSources', sources);
  // Claims new to the graph are created outright (the common case, and much cheaper); claims
  // already there are merged, and their links reconciled with what the document now says.
  const existing = new Set(present.filter((r) => r.kind === 'Claim').map((r) => r.id));
  const fresh = claims.filter((c) => !existing.has(c.id));
  await run('ingest/createClaims', fresh);
  const known = claims.filter((c) => existing.has(c.id));
  await run('ingest/mergeClaims', known);
  await run('ingest/linkClaims', known);
  return { ...tx.counters };
}
