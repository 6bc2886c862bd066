/**
 * Writes validated documents: one transaction, the named ingest queries in dependency order,
 * each batched with UNWIND over every row of every document given. Dangling references are
 * checked again inside the transaction, so a node deleted meanwhile cannot slip through, and so
 * are PART_OF cycles closed with the stored edges (partOfCycles.ts).
 */
import { DOCUMENT_LISTS } from '../../model/derived.js';
import type { TxRunner, WriteCounters } from '../../db/database.js';
import { conflict, type ClientError } from '../../errors.js';
import { judgeOwnership, type Conflict, type ExistingState } from './ownership.js';
import { storedCycleProblems } from './partOfCycles.js';
import { Problems } from './problems.js';
import type { NormalizedDocument, NormalizedPeriod } from './normalized.js';
import { storedUnitProblems } from './unitFit.js';

/** The ids (with their kinds) that a set of documents define, so batch-mates may refer to them. */
export function definedIds(docs: NormalizedDocument[]): Map<string, string> {
  const defined = new Map<string, string>();
  for (const doc of docs) {
    for (const [key, kind] of DOCUMENT_LISTS) for (const e of doc[key as keyof typeof doc] as { id: string }[]) defined.set(e.id, kind);
  }
  return defined;
}

/**
 * The external references neither the graph nor `alsoDefined` (ids written in the same
 * transaction) holds with the right kind, as one Problems per document.
 */
export async function missingReferences(
  lookup: (ids: string[]) => Promise<{ id: string; kind: string }[]>,
  docs: Pick<NormalizedDocument, 'externalRefs'>[],
  alsoDefined: Map<string, string> = new Map(),
): Promise<Problems[]> {
  const pending = (doc: Pick<NormalizedDocument, 'externalRefs'>) => doc.externalRefs.filter((r) => alsoDefined.get(r.id) !== r.kind);
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

/** Each measure's unit: as a document of the batch defines it, else as the graph holds it. */
function measureUnits(stored: { id: string; unit?: string | null }[], docs: NormalizedDocument[]): (id: string) => string | null | undefined {
  const units = new Map(stored.map((r) => [r.id, r.unit ?? null]));
  for (const d of docs) for (const m of d.measures) units.set(m.id, (m.props.unit as string | undefined) ?? null);
  return (id) => units.get(id);
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

/** One document to write, with the ingestion that records it. */
export interface DocumentWrite {
  doc: NormalizedDocument;
  ingestionId: string;
  documentHash: string;
}

/** Who writes: the key's name (recorded on the ingestion) and whether it may override owners. */
export interface Actor {
  keyName: string;
  mayOverride: boolean;
}

export interface WriteOutcome {
  /** What the documents changed, without the ingestion and revision bookkeeping. */
  counters: WriteCounters;
  revisionsCreated: number;
  /** The ingestions recorded (an unchanged re-ingest of a source's latest document records none). */
  ingestionIds: string[];
}

const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** One problem a write would be refused for, by JSON path, with the code ingest would answer. */
export interface WriteProblem {
  path: string;
  message: string;
  code: 'BAD_USER_INPUT' | 'CONFLICT';
}

/** What the graph says about a batch before it is written: what it holds, and every refusal. */
export interface WriteJudgement {
  state: Map<string, ExistingState>;
  verdicts: ReturnType<typeof judgeOwnership>[];
  /** The error ingest answers (the first refusal, as one error), or null when the batch may be written. */
  refusal: ClientError | null;
  /** Every refusal, for a dry run: missing references, units that do not fit, cycles, conflicts. */
  problems: WriteProblem[];
}

/**
 * Reads what a batch needs from the graph and judges it, writing nothing: both the write below
 * (inside its transaction, so nothing changes between the check and the write) and a dry run
 * (dryRun.ts, with plain reads) run this one function, so a dry run answers what ingest would.
 */
export async function judgeWrites(run: TxRunner['run'], writes: DocumentWrite[], actor: Actor): Promise<WriteJudgement> {
  const docs = writes.map((w) => w.doc);
  // One lookup answers three questions: are the references there, which claims and entities exist
  // already, and what do those say now (for the ownership rules and revisions).
  const defined = definedIds(docs);
  const wanted = [...new Set([...docs.flatMap((d) => d.externalRefs.map((r) => r.id)), ...defined.keys()])];
  const present = wanted.length
    ? await run<{ id: string; kind: string; unit: string | null; state: ExistingState | null }>('ingest/existingState', { p: { ids: wanted, stateIds: [...defined.keys()] } })
    : [];
  const missing = await missingReferences(async () => present, docs, defined);
  const misfits = docs.map((d) => storedUnitProblems(d.unitRefs, measureUnits(present, docs)));
  const cycles = await storedCycleProblems((ids) => run<{ id: string; parentId: string | null }>('ingest/partOfAncestors', { p: { ids } }), docs);
  const state = new Map(present.filter((r) => r.state).map((r) => [r.id, r.state!]));
  const verdicts = writes.map((w) => judgeOwnership(w.doc, state, w.ingestionId, actor.mayOverride));

  const refusals: Problems[] = [...missing, ...misfits, cycles];
  const problems: WriteProblem[] = [
    ...refusals.flatMap((p) => p.list.map((x) => ({ ...x, code: 'BAD_USER_INPUT' as const }))),
    ...verdicts.flatMap((v) =>
      v.conflicts.map((c) => ({
        path: c.path,
        message: `would change what another source stated (${JSON.stringify(c.existing)} → ${JSON.stringify(c.proposed)}); only the owning source's document or an admin key may change it`,
        code: 'CONFLICT' as const,
      })),
    ),
  ];
  const refused = refusals.find((p) => !p.empty);
  const conflicted = verdicts.findIndex((v) => v.conflicts.length > 0);
  const refusal = refused ? refused.toError() : conflicted >= 0 ? conflictError(writes[conflicted].doc, verdicts[conflicted].conflicts) : null;
  return { state, verdicts, refusal, problems };
}

export async function writeDocuments(tx: TxRunner, writes: DocumentWrite[], now: string, actor: Actor): Promise<WriteOutcome> {
  const docs = writes.map((w) => w.doc);
  const { state, verdicts, refusal } = await judgeWrites(tx.run, writes, actor);
  if (refusal) throw refusal;
  const restated = new Set(verdicts.flatMap((v) => [...v.restatedClaimIds]));

  // Each row knows its document's source: what a document creates, that source owns.
  const rowsOf = <K extends 'organizations' | 'people' | 'regions' | 'measures' | 'sources'>(key: K) =>
    docs.flatMap((d) => (d[key] as { id: string }[]).map((e) => ({ ...e, ownerSourceId: d.sourceId })));
  const orgs = rowsOf('organizations') as (NormalizedDocument['organizations'][number] & { ownerSourceId: string })[];
  const people = rowsOf('people') as (NormalizedDocument['people'][number] & { ownerSourceId: string })[];
  const regions = rowsOf('regions') as (NormalizedDocument['regions'][number] & { ownerSourceId: string })[];
  const sources = rowsOf('sources');
  const claims = docs.flatMap((d) => d.claims);
  const run = async (name: Parameters<TxRunner['run']>[0], rows: { id: string }[]) => {
    // Rows in id order: concurrent writers then take their locks in one order, which avoids most
    // deadlocks. One map parameter: lists of any length share one cached plan (see claims.ts).
    if (rows.length) await tx.run(name, { p: { rows: byId(rows), now } });
  };

  await run('ingest/mergeOrganizations', orgs);
  await run('ingest/mergePeople', people);
  await run('ingest/mergeRegions', regions);
  await run('ingest/mergeMeasures', rowsOf('measures'));
  await run('ingest/mergeSources', sources);
  await run('ingest/mergePeriods', uniquePeriods(docs.flatMap((d) => d.periods)));
  await run(
    'ingest/linkOrganizationParents',
    orgs.filter((o) => o.partOf),
  );
  await run(
    'ingest/linkRegionParents',
    regions.filter((r) => r.partOf),
  );
  await run(
    'ingest/linkPersonRoles',
    people.filter((p) => p.roles),
  );
  await run('ingest/linkSources', sources);
  // Claims new to the graph are created outright (the common case, and much cheaper); claims
  // already there are merged, and their links reconciled with what the document now says;
  // claims another source owns and this document restates unchanged only gain a STATED_IN link.
  const fresh = claims.filter((c) => !state.has(c.id) && !restated.has(c.id));
  await run('ingest/createClaims', fresh);
  const known = claims.filter((c) => state.has(c.id) && !restated.has(c.id));
  await run('ingest/mergeClaims', known);
  await run('ingest/linkClaims', known);
  await run(
    'ingest/restateClaims',
    claims.filter((c) => restated.has(c.id)),
  );
  const counters = { ...tx.counters };

  const revisions = verdicts.flatMap((v) => v.revisions);
  await run('ingest/recordRevisions', revisions);
  const changed = counters.nodesCreated + counters.relationshipsCreated + counters.relationshipsDeleted + revisions.length > 0;
  const single = writes.length === 1;
  const ingestionRows = writes.map((w, i) => ({
    id: w.ingestionId,
    keyName: actor.keyName,
    documentHash: w.documentHash,
    sourceId: w.doc.sourceId,
    claimCount: w.doc.claims.length,
    // A batch is one transaction: its counters are not any one document's, so only a single
    // document's ingestion carries them.
    nodesCreated: single ? counters.nodesCreated : null,
    relationshipsCreated: single ? counters.relationshipsCreated : null,
    relationshipsDeleted: single ? counters.relationshipsDeleted : null,
    revisionsCreated: verdicts[i].revisions.length,
    changed,
    wroteIds: [...definedIds([w.doc]).keys()],
  }));
  const recorded = ingestionRows.length ? await tx.run<{ id: string }>('ingest/recordIngestions', { p: { rows: ingestionRows, now } }) : [];
  return { counters, revisionsCreated: revisions.length, ingestionIds: recorded.map((r) => r.id) };
}

/** CONFLICT naming every field the document would overwrite, with both values. */
export function conflictError(doc: NormalizedDocument, conflicts: Conflict[]) {
  const [first] = conflicts;
  const more = conflicts.length > 1 ? ` (and ${conflicts.length - 1} more field${conflicts.length > 2 ? 's' : ''})` : '';
  return conflict(
    `Ingest document rejected: ${first.path} would change what another source stated (${JSON.stringify(first.existing)} → ${JSON.stringify(first.proposed)})${more}. ` +
      `Only the owning source's document or an admin key may change it; ${doc.sourceId} may restate it unchanged.`,
    conflicts,
  );
}
