/**
 * Writes validated documents: one transaction, the named ingest queries in dependency order,
 * each batched with UNWIND over every row of every document given. Dangling references are
 * checked again inside the transaction, so a node deleted meanwhile cannot slip through.
 */
import type { TxRunner, WriteCounters } from '../../db/database.js';
import { Problems } from './problems.js';
import type { NormalizedDocument } from './normalized.js';

/** The external references that the graph does not hold (with the right kind). */
export async function missingReferences(
  lookup: (ids: string[]) => Promise<{ id: string; kind: string }[]>,
  docs: NormalizedDocument[],
): Promise<Problems[]> {
  const ids = [...new Set(docs.flatMap((d) => d.externalRefs.map((r) => r.id)))];
  const found = new Map((ids.length ? await lookup(ids) : []).map((r) => [r.id, r.kind]));
  return docs.map((doc) => {
    const problems = new Problems();
    for (const ref of doc.externalRefs) {
      const kind = found.get(ref.id);
      if (!kind) problems.add(ref.path, `"${ref.id}" is neither defined in this document nor present in the graph`);
      else if (kind !== ref.kind) problems.add(ref.path, `"${ref.id}" is a ${kind} in the graph, not a ${ref.kind}`);
    }
    return problems;
  });
}

export async function writeDocuments(tx: TxRunner, docs: NormalizedDocument[], now: string): Promise<WriteCounters> {
  const missing = await missingReferences((ids) => tx.run('ingest/existingIds', { ids }), docs);
  const bad = missing.findIndex((p) => !p.empty);
  if (bad >= 0) throw missing[bad].toError();

  const all = <K extends keyof NormalizedDocument>(key: K) => docs.flatMap((d) => d[key] as unknown[]);
  const orgs = all('organizations') as NormalizedDocument['organizations'];
  const people = all('people') as NormalizedDocument['people'];
  const regions = all('regions') as NormalizedDocument['regions'];
  const sources = all('sources') as NormalizedDocument['sources'];
  const claims = all('claims') as NormalizedDocument['claims'];
  const run = async (name: Parameters<TxRunner['run']>[0], rows: unknown[]) => {
    if (rows.length) await tx.run(name, { rows, now });
  };

  await run('ingest/mergeOrganizations', orgs);
  await run('ingest/mergePeople', people);
  await run('ingest/mergeRegions', regions);
  await run('ingest/mergeMeasures', all('measures'));
  await run('ingest/mergeSources', sources);
  await run('ingest/mergePeriods', all('periods'));
  await run('ingest/linkOrganizationParents', orgs.filter((o) => o.partOf));
  await run('ingest/linkRegionParents', regions.filter((r) => r.partOf));
  await run('ingest/linkPersonRoles', people.filter((p) => p.roles));
  await run('ingest/linkSources', sources);
  await run('ingest/mergeClaims', claims);
  await run('ingest/linkClaims', claims);
  return { ...tx.counters };
}
