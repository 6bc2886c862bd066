/**
 * No silent overwrite. A claim or entity belongs to the source whose document first wrote it.
 * Another source's document may restate a claim word for word (it then adds its STATED_IN link)
 * and may fill in what nobody stated yet (a missing property, new aliases), but it may not change
 * a stated value: that is a CONFLICT naming each field. The owner's corrected document, or an
 * admin key, may change it; what it said before is kept as a revision.
 */
import { randomUUID } from 'node:crypto';
import type { NormalizedDocument } from './normalized.js';

/** What every revision id starts with (the offline importer tells revisions by it). */
export const REVISION_ID_PREFIX = 'revision:';

/** What the graph holds for an id a document defines (from ingest/existingState). */
export interface ExistingState {
  owner: string | null;
  props: Record<string, unknown>;
  links: Record<string, unknown>;
}

export interface Conflict {
  path: string;
  field: string;
  existing: unknown;
  proposed: unknown;
}

/** A revision about to be recorded (the stored one adds when it ended: history.ts). */
export interface NewRevision {
  id: string;
  entityId: string;
  kind: string;
  /** JSON of what the claim or entity said before (the changed fields and their old values, and the rest as it was). */
  content: string;
  fields: string[];
  validFrom: string | null;
  ingestionId: string;
}

export interface OwnershipVerdict {
  conflicts: Conflict[];
  /** Claims another source restates unchanged: only a STATED_IN link is added. */
  restatedClaimIds: Set<string>;
  revisions: NewRevision[];
}

type Content = Record<string, unknown>;

/** A claim's own values, compared as stored properties: field → JSON path in a document. */
const CLAIM_VALUES: [field: string, path: string][] = [
  ['text', 'text'],
  ['value', 'quantity.value'],
  ['low', 'quantity.low'],
  ['high', 'quantity.high'],
  ['unit', 'quantity.unit'],
  ['bound', 'quantity.bound'],
  ['precision', 'quantity.precision'],
  ['aggregation', 'quantity.aggregation'],
  ['per', 'quantity.per'],
  ['confidence', 'confidence'],
  ['status', 'status'],
];
/** A claim's links, compared as id lists (sorted, so order never counts as a change). */
const CLAIM_LINKS: [field: string, path: string][] = [
  ['measureId', 'measure'],
  ['periodId', 'period'],
  ['regionIds', 'regions'],
  ['attributedToIds', 'attributedTo'],
  ['supersedesIds', 'supersedes'],
];
const CLAIM_FIELDS = [...CLAIM_VALUES, ...CLAIM_LINKS];

const sorted = (ids: unknown) => (Array.isArray(ids) ? [...ids].map(String).sort() : []);

/** What a claim says, from its properties and links: the same shape for the graph and a document. */
function claimContent(props: Record<string, unknown>, links: Record<string, unknown>): Content {
  const content: Content = {};
  for (const [f] of CLAIM_VALUES) content[f] = props[f] ?? null;
  for (const [f] of CLAIM_LINKS) content[f] = f.endsWith('Ids') ? sorted(links[f]) : (links[f] ?? null);
  return content;
}

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
  return JSON.stringify(a) === JSON.stringify(b);
}

const isBlank = (v: unknown) => v === null || v === undefined || (Array.isArray(v) && v.length === 0);

/** One defined thing of a document: its id, kind, JSON path, and what the document says of it. */
interface Statement {
  id: string;
  kind: string;
  path: string;
  /** Field → [value the document gives, JSON path of that field]. Only what the document gives. */
  fields: Map<string, [unknown, string]>;
}

function entityStatements(doc: NormalizedDocument): Statement[] {
  const out: Statement[] = [];
  const add = (kind: string, path: string, id: string, values: Record<string, unknown>, paths: Record<string, string> = {}) => {
    const fields = new Map<string, [unknown, string]>();
    for (const [k, v] of Object.entries(values)) if (v !== undefined && v !== null) fields.set(k, [v, `${path}.${paths[k] ?? k}`]);
    out.push({ id, kind, path, fields });
  };
  // The main source is sources[0] of the normalized document (path `source`); the others follow.
  doc.sources.forEach((s, i) => {
    const path = i === 0 ? 'source' : `sources[${i - 1}]`;
    add(
      'Source',
      path,
      s.id,
      {
        ...s.props,
        publishedAt: s.publishedAt,
        retrievedAt: s.retrievedAt,
        publisherId: s.publisherId,
        authorIds: s.authorIds ? sorted(s.authorIds) : null,
        derivedFrom: s.derivedFrom ? s.derivedFrom.map((d) => `${d.id} ${d.kind}`).sort() : null,
      },
      { publisherId: 'publisher', authorIds: 'authors' },
    );
  });
  doc.organizations.forEach((o, i) => add('Organization', `organizations[${i}]`, o.id, { ...o.props, partOf: o.partOf }));
  doc.people.forEach((p, i) => add('Person', `people[${i}]`, p.id, { ...p.props, roles: p.roles ? p.roles.map((r) => `${r.organizationId} ${r.title ?? ''}`).sort() : null }));
  doc.regions.forEach((r, i) => add('Region', `regions[${i}]`, r.id, { ...r.props, partOf: r.partOf }));
  doc.measures.forEach((m, i) => add('Measure', `measures[${i}]`, m.id, { ...m.props }));
  return out;
}

/** The stored value of an entity field: a property, or one of its links. */
function storedField(s: ExistingState, field: string): unknown {
  if (field in s.links) return s.links[field] ?? null;
  return s.props[field] ?? null;
}

/**
 * Decides, for one document, what it may write over what the graph holds. `mayOverride` is true
 * for an admin key: it may change what another source stated (a revision still records it).
 */
export function judgeOwnership(doc: NormalizedDocument, state: Map<string, ExistingState>, ingestionId: string, mayOverride: boolean): OwnershipVerdict {
  const conflicts: Conflict[] = [];
  const revisions: NewRevision[] = [];
  const restatedClaimIds = new Set<string>();
  const revise = (id: string, kind: string, before: Content, fields: string[], validFrom: unknown) =>
    revisions.push({
      id: `${REVISION_ID_PREFIX}${randomUUID()}`,
      entityId: id,
      kind,
      content: JSON.stringify(before),
      fields,
      validFrom: typeof validFrom === 'string' ? validFrom : null,
      ingestionId,
    });

  doc.claims.forEach((claim, i) => {
    const existing = state.get(claim.id);
    if (!existing) return;
    const owned = existing.owner === null || existing.owner === doc.sourceId;
    const before = claimContent(existing.props, existing.links);
    const after = claimContent(claim.props, claim as unknown as Record<string, unknown>);
    const changed = CLAIM_FIELDS.filter(([f]) => !same(before[f], after[f]));
    if (!changed.length) {
      if (!owned) restatedClaimIds.add(claim.id);
      return;
    }
    if (!owned && !mayOverride) {
      for (const [f, p] of changed) conflicts.push({ path: `claims[${i}].${p}`, field: f, existing: before[f], proposed: after[f] });
      return;
    }
    revise(
      claim.id,
      'Claim',
      before,
      changed.map(([f]) => f),
      existing.props.updatedAt ?? existing.props.recordedAt,
    );
  });

  for (const st of entityStatements(doc)) {
    const existing = state.get(st.id);
    if (!existing) continue;
    const owned = existing.owner === null || existing.owner === doc.sourceId;
    const changed: string[] = [];
    for (const [field, [value, path]] of st.fields) {
      if (field === 'aliases') continue; // aliases only ever grow: adding one overwrites nothing
      const stored = storedField(existing, field);
      if (isBlank(stored) || same(stored, value)) continue;
      if (!owned && !mayOverride) conflicts.push({ path, field, existing: stored, proposed: value });
      else changed.push(field);
    }
    if (changed.length) {
      const before: Content = {};
      for (const field of st.fields.keys()) if (field !== 'aliases') before[field] = storedField(existing, field);
      revise(st.id, st.kind, before, changed, existing.props.updatedAt ?? existing.props.recordedAt);
    }
  }
  return { conflicts, restatedClaimIds, revisions };
}
