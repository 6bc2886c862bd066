/**
 * Applies one validated document to the in-memory graph exactly as the online write queries
 * (cypher/ingest/*.cypher, in writePlan.ts's order) would in a transaction of its own: the same
 * ownership verdict (judgeOwnership), merges, link replacement, claim creation or correction,
 * restatement, revisions and ingestion record. The offline import's graph must equal the online
 * import's; test/cli/offlineImportCommand.test.ts compares the two through the export.
 */
import { judgeOwnership, type NewRevision } from '../ownership.js';
import type { NormalizedClaim, NormalizedDocument } from '../normalized.js';
import { conflictError, definedIds } from '../writePlan.js';
import { checkReferences } from './graphChecks.js';
import { assignProps, instant, withLabel, withoutNulls, type GraphModel, type ModelNode } from './graphModel.js';

export interface ApplyContext {
  model: GraphModel;
  now: string;
  keyName: string;
  ingestionId: string;
  /** The ingestion's number in the order documents were read (the event feed's cursor; gaps are harmless). */
  ingestionSeq: number;
  documentHash: string;
  /** Each source's latest ingestion so far (an unchanged re-ingest of it records nothing). */
  latestBySource: Map<string, ModelNode>;
}

interface Counters {
  nodes: number;
  rels: number;
  deleted: number;
}

/** Throws the same client errors as the online path (missing references, misfit units, PART_OF cycles, CONFLICT); changes nothing then. */
export function applyDocument(doc: NormalizedDocument, ctx: ApplyContext): void {
  const { model } = ctx;
  const defined = definedIds([doc]);
  checkReferences(doc, model, defined);
  const state = new Map(
    [...defined.keys()].flatMap((id) => {
      const node = model.get(id);
      return node ? [[id, model.existingState(node)] as const] : [];
    }),
  );
  const verdict = judgeOwnership(doc, state, ctx.ingestionId, false);
  if (verdict.conflicts.length) throw conflictError(doc, verdict.conflicts);

  const c: Counters = { nodes: 0, rels: 0, deleted: 0 };
  const now = instant(ctx.now);
  const owner = doc.sourceId;
  const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  for (const o of byId(doc.organizations)) mergeEntity(model, c, 'Organization', o.id, o.props, owner, now, o.aliases);
  for (const p of byId(doc.people)) mergeEntity(model, c, 'Person', p.id, p.props, owner, now, p.aliases);
  for (const r of byId(doc.regions)) mergeEntity(model, c, 'Region', r.id, r.props, owner, now, r.aliases);
  for (const m of byId(doc.measures)) mergeEntity(model, c, 'Measure', m.id, m.props, owner, now);
  for (const s of byId(doc.sources)) {
    const n = mergeEntity(model, c, 'Source', s.id, s.props, owner, now);
    if (s.publishedAt != null) n.props.publishedAt = s.publishedAt;
    if (s.retrievedAt != null) n.props.retrievedAt = s.retrievedAt;
  }
  for (const p of byId(doc.periods)) {
    let n = model.get(p.id);
    if (!n) {
      n = model.create(p.id, 'Period', { start: p.start, end: p.end, granularity: p.granularity, recordedAt: now });
      c.nodes += 1;
    }
    if (n.props.label == null && p.label != null) n.props.label = p.label;
  }
  for (const row of byId([...doc.organizations, ...doc.regions].filter((x) => x.partOf))) {
    const n = model.get(row.id)!;
    c.deleted += model.unlink(n, 'PART_OF', (r) => r.to !== row.partOf);
    if (model.merge(n, 'PART_OF', row.partOf!).created) c.rels += 1;
  }
  for (const p of byId(doc.people.filter((x) => x.roles))) {
    const n = model.get(p.id)!;
    const keep = p.roles!.map((r) => `${r.organizationId}|${r.title ?? ''}`);
    c.deleted += model.unlink(n, 'ROLE', (r) => !keep.includes(`${r.to}|${r.props.title ?? ''}`));
    for (const role of p.roles!) {
      const { rel, created } = model.merge(n, 'ROLE', role.organizationId, { title: role.title ?? '' });
      if (created) c.rels += 1;
      assignProps(rel.props, { from: role.from, to: role.to });
    }
  }
  for (const s of byId(doc.sources)) {
    const n = model.get(s.id)!;
    if (s.publisherId != null) {
      c.deleted += model.unlink(n, 'PUBLISHED_BY', (r) => r.to !== s.publisherId);
      if (model.merge(n, 'PUBLISHED_BY', s.publisherId).created) c.rels += 1;
    }
    if (s.authorIds != null) {
      c.deleted += model.unlink(n, 'AUTHORED_BY', (r) => !s.authorIds!.includes(r.to));
      for (const a of s.authorIds) if (model.merge(n, 'AUTHORED_BY', a).created) c.rels += 1;
    }
    if (s.derivedFrom != null) {
      c.deleted += model.unlink(n, 'DERIVED_FROM', (r) => !s.derivedFrom!.some((d) => d.id === r.to));
      for (const d of s.derivedFrom) {
        const { rel, created } = model.merge(n, 'DERIVED_FROM', d.id);
        if (created) c.rels += 1;
        rel.props.kind = d.kind;
      }
    }
  }

  const claims = byId(doc.claims);
  for (const claim of claims) {
    if (verdict.restatedClaimIds.has(claim.id)) restate(model, c, claim);
    // `state` holds the defined ids the graph has: no second lookup per claim.
    else if (!state.has(claim.id)) createClaim(model, c, claim, now);
    else correctClaim(model, c, claim);
  }
  for (const rev of verdict.revisions) recordRevision(model, rev, now);
  recordIngestion(ctx, doc, defined, c.nodes + c.rels + c.deleted + verdict.revisions.length > 0, verdict.revisions.length, now);
}

function mergeEntity(model: GraphModel, c: Counters, kind: string, id: string, props: Record<string, unknown>, owner: string, now: string, aliases?: string[]): ModelNode {
  let n = model.get(id);
  if (!n) {
    n = model.create(id, kind, { recordedAt: now, ownerSourceId: owner, ...(aliases ? { aliases: [] } : {}) });
    c.nodes += 1;
  } else if (n.props.ownerSourceId == null) {
    n.props.ownerSourceId = owner;
  }
  assignProps(n.props, props);
  if (aliases) {
    const known = (n.props.aliases as string[] | undefined) ?? [];
    n.props.aliases = [...known, ...aliases.filter((a) => !known.includes(a))];
    n.props.aliasText = (n.props.aliases as string[]).map((a) => `${a} | `).join('');
  }
  return n;
}

/** Statement properties as the queries set them (a null quote or statedAt is no property). */
function setStatement(props: Record<string, unknown>, claim: NormalizedClaim): void {
  assignProps(props, { quote: claim.statement.quote, statedAt: claim.statement.statedAt == null ? null : instant(claim.statement.statedAt) });
}

/** A claim first stated at the earliest of its statements (ingest/linkClaims, restateClaims). */
function earliestStatement(node: ModelNode): void {
  const times = node.out
    .filter((r) => r.type === 'STATED_IN' && r.props.statedAt != null)
    .map((r) => String(r.props.statedAt))
    .sort();
  if (times.length) node.props.statedAt = times[0];
}

function multiLabels(node: NormalizedClaim, n: ModelNode): void {
  for (const [label, ids] of [
    ['MultiRegion', node.regionIds],
    ['MultiAgent', node.attributedToIds],
  ] as const) {
    withLabel(n, label, ids.length > 1);
  }
}

function createClaim(model: GraphModel, c: Counters, claim: NormalizedClaim, now: string): void {
  // SET c = props {…} stores no nulls; the copy becomes the node's own (the hot path of a million claims).
  const props = withoutNulls(claim.props);
  props.id = claim.id;
  props.recordedAt = now;
  props.ownerSourceId = claim.sourceId;
  if (claim.statedAt != null) props.statedAt = instant(claim.statedAt);
  if (claim.periodStart != null) props.periodStart = claim.periodStart;
  if (claim.periodEnd != null) props.periodEnd = claim.periodEnd;
  const n = model.createOwning(claim.id, 'Claim', props);
  c.nodes += 1;
  model.link(n, 'STATED_IN', claim.sourceId, { quote: claim.statement.quote, statedAt: claim.statement.statedAt == null ? null : instant(claim.statement.statedAt) });
  c.rels += 1;
  const linkAll = (type: string, ids: readonly (string | null)[]) => {
    for (const id of ids)
      if (id != null && model.get(id)) {
        model.link(n, type, id);
        c.rels += 1;
      }
  };
  linkAll('ABOUT', [claim.measureId]);
  linkAll('COVERS', [claim.periodId]);
  linkAll('IN_REGION', claim.regionIds);
  linkAll('ATTRIBUTED_TO', claim.attributedToIds);
  linkAll('BASED_ON', claim.basedOnIds);
  linkAll('SUPERSEDES', claim.supersedesIds);
  multiLabels(claim, n);
}

/** ingest/mergeClaims then ingest/linkClaims: the owner's (or an admin's) correction. */
function correctClaim(model: GraphModel, c: Counters, claim: NormalizedClaim): void {
  const n = model.get(claim.id)!;
  if (n.props.ownerSourceId == null) n.props.ownerSourceId = claim.sourceId;
  assignProps(n.props, claim.props);
  assignProps(n.props, { statedAt: claim.statedAt == null ? null : instant(claim.statedAt), periodStart: claim.periodStart, periodEnd: claim.periodEnd });
  const st = model.merge(n, 'STATED_IN', claim.sourceId);
  if (st.created) c.rels += 1;
  setStatement(st.rel.props, claim);
  earliestStatement(n);
  const keep: Record<string, string[]> = {
    ABOUT: claim.measureId ? [claim.measureId] : [],
    COVERS: claim.periodId ? [claim.periodId] : [],
    IN_REGION: claim.regionIds,
    ATTRIBUTED_TO: claim.attributedToIds,
    BASED_ON: claim.basedOnIds,
    SUPERSEDES: claim.supersedesIds,
  };
  for (const [type, ids] of Object.entries(keep)) {
    c.deleted += model.unlink(n, type, (r) => !ids.includes(r.to));
    for (const id of ids) if (model.get(id) && model.merge(n, type, id).created) c.rels += 1;
  }
  multiLabels(claim, n);
}

/** ingest/restateClaims: another source states the claim unchanged. */
function restate(model: GraphModel, c: Counters, claim: NormalizedClaim): void {
  const n = model.get(claim.id)!;
  const st = model.merge(n, 'STATED_IN', claim.sourceId);
  if (st.created) c.rels += 1;
  setStatement(st.rel.props, claim);
  earliestStatement(n);
}

function recordRevision(model: GraphModel, rev: NewRevision, now: string): void {
  const entity = model.get(rev.entityId)!;
  const node = model.create(
    rev.id,
    'Revision',
    {
      id: rev.id,
      entityId: rev.entityId,
      kind: rev.kind,
      content: rev.content,
      fields: rev.fields,
      validFrom: rev.validFrom == null ? null : instant(rev.validFrom),
      validUntil: now,
      ingestionId: rev.ingestionId,
    },
    false,
  );
  model.link(entity, 'HAS_REVISION', node.id);
  entity.props.updatedAt = now;
}

/** ingest/recordIngestions, for a document of a batch (a batch's counters are no one document's). */
function recordIngestion(ctx: ApplyContext, doc: NormalizedDocument, defined: Map<string, string>, changed: boolean, revisions: number, now: string): void {
  const { model } = ctx;
  const previous = ctx.latestBySource.get(doc.sourceId);
  if (!changed && previous && previous.props.documentHash === ctx.documentHash) return;
  const node = model.create(
    ctx.ingestionId,
    'Ingestion',
    {
      id: ctx.ingestionId,
      seq: ctx.ingestionSeq,
      keyName: ctx.keyName,
      at: now,
      documentHash: ctx.documentHash,
      sourceId: doc.sourceId,
      claimCount: doc.claims.length,
      revisionsCreated: revisions,
    },
    false,
  );
  model.link(node, 'INGESTED', doc.sourceId);
  for (const id of defined.keys()) model.link(node, 'WROTE', id);
  ctx.latestBySource.set(doc.sourceId, node);
}
