/**
 * A draft under review: what `draft` answered, the reviewer's edits and decisions, kept in this
 * browser's localStorage until it is ingested or discarded (a reload must not lose an hour's
 * review). The document sent to `validate` and `ingest` is derived from it: rejected claims left
 * out, and with them every proposed entity and cited source no kept claim needs any more.
 */
import type { DraftArticleQuery } from '../generated/graphql';

export interface DraftInputState {
  text: string;
  url: string;
  title: string;
  publisher: string;
  publishedAt: string;
}

type DraftedClaim = DraftArticleQuery['draft']['claims'][number];

/** A span of the article's text (a sentence, a figure; a figure has its text). */
export type Span = DraftedClaim['sentence'] & { text?: string | null };
export type DraftField = DraftedClaim['fields'][number];
export type DraftMention = DraftedClaim['mentions'][number];

/** What `draft` says of one claim, plus what the reviewer decided. */
export type ClaimMeta = DraftedClaim & {
  decision: 'pending' | 'accepted' | 'rejected';
  /** Added by the reviewer from a selection, not drafted. */
  added?: boolean;
};

/**
 * The ingest document under review: `draft` answers it as JSON, the reviewer edits it in place,
 * and `validate` says what is wrong with it (the editor's loose view of IngestDocument).
 */
export type Doc = {
  source: Record<string, any> & { id: string; derivedFrom?: { source: string; kind: string }[] | null };
  sources?: Record<string, any>[] | null;
  organizations?: Record<string, any>[] | null;
  people?: Record<string, any>[] | null;
  regions?: Record<string, any>[] | null;
  measures?: Record<string, any>[] | null;
  claims: Record<string, any>[];
};

export interface ReviewState {
  input: DraftInputState;
  document: Doc;
  /** One per entry of document.claims, same order. */
  meta: ClaimMeta[];
  /** Problems `draft` itself raised (choices it could not make), by path in the drafted document. */
  draftProblems: DraftArticleQuery['draft']['problems'];
  selected: number;
}

const STORE = 'claimgraph.review';

export const reviewStore = {
  load(): ReviewState | null {
    try {
      const raw = localStorage.getItem(STORE);
      return raw ? (JSON.parse(raw) as ReviewState) : null;
    } catch {
      return null;
    }
  },
  save(state: ReviewState): void {
    try {
      localStorage.setItem(STORE, JSON.stringify(state));
    } catch {
      // A full store loses persistence, not the review on screen.
    }
  },
  clear(): void {
    localStorage.removeItem(STORE);
  },
};

/** The lists of a document that hold entities it proposes, by id prefix. */
export const LIST_OF_PREFIX: Record<string, 'organizations' | 'people' | 'regions' | 'measures' | 'sources'> = {
  org: 'organizations',
  person: 'people',
  region: 'regions',
  measure: 'measures',
  src: 'sources',
};

/**
 * The document to validate and ingest, and for each of its claims the index of the reviewed claim
 * it came from (problems come back by path in this document, and must land on the right row).
 */
export function documentToSend(state: ReviewState): { document: Doc; rowOf: number[] } {
  const rowOf: number[] = [];
  const claims = state.document.claims.filter((_, i) => state.meta[i]?.decision !== 'rejected' && rowOf.push(i) > 0);
  const needed = new Set<string>();
  const add = (id: unknown) => typeof id === 'string' && id && needed.add(id);
  for (const c of claims) {
    add(c.measure);
    for (const k of ['regions', 'attributedTo', 'basedOn', 'supersedes']) for (const id of (c[k] as string[] | undefined) ?? []) add(id);
  }
  const source = { ...state.document.source };
  add(source.publisher);
  for (const a of (source.authors as string[] | undefined) ?? []) add(a);
  // A cited source stays when a kept claim draws on it, or when it is not one the draft proposed.
  const proposedSources = new Set((state.document.sources ?? []).map((s) => s.id as string));
  if (source.derivedFrom) {
    source.derivedFrom = source.derivedFrom.filter((d) => !proposedSources.has(d.source) || needed.has(d.source));
    for (const d of source.derivedFrom) add(d.source);
    if (!source.derivedFrom.length) delete source.derivedFrom;
  }
  const sources = (state.document.sources ?? []).filter((s) => needed.has(s.id));
  for (const s of sources) {
    add(s.publisher);
    for (const a of (s.authors as string[] | undefined) ?? []) add(a);
  }
  // Entities an entity needs (a role's organization, a region's parent), to a fixed point.
  const lists = ['organizations', 'people', 'regions', 'measures'] as const;
  for (let grew = true; grew;) {
    grew = false;
    for (const l of lists) {
      for (const e of state.document[l] ?? []) {
        if (!needed.has(e.id)) continue;
        for (const ref of [e.partOf, ...((e.roles as { organization?: string }[] | undefined) ?? []).map((r) => r.organization), e.shareOf?.base, e.shareOf?.part]) {
          if (typeof ref === 'string' && !needed.has(ref)) {
            needed.add(ref);
            grew = true;
          }
        }
      }
    }
  }
  const document: Doc = { source, claims };
  if (sources.length) document.sources = sources;
  for (const l of lists) {
    const kept = (state.document[l] ?? []).filter((e) => needed.has(e.id));
    if (kept.length) document[l] = kept;
  }
  return { document, rowOf };
}

/** "claims[3].quantity.unit" → the reviewed row 3 stands for, and the field inside the claim. */
export function rowOfPath(path: string, rowOf: number[]): { row: number; field: string } | null {
  const m = /^claims\[(\d+)\](?:\.(.*))?$/.exec(path);
  if (!m) return null;
  const row = rowOf[Number(m[1])];
  return row == null ? null : { row, field: m[2] ?? '' };
}

/** An id for a new entity from its name: lower-case words joined by dashes, unique in the document. */
export function newId(prefix: string, name: string, taken: Set<string>): string {
  const slug =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'new';
  let id = `${prefix}:${slug}`;
  for (let n = 2; taken.has(id); n++) id = `${prefix}:${slug}-${n}`;
  return id;
}

/** Every id the document defines or uses. */
export function idsOf(doc: Doc): Set<string> {
  const ids = new Set<string>([doc.source.id]);
  for (const l of ['sources', 'organizations', 'people', 'regions', 'measures', 'claims'] as const) for (const e of doc[l] ?? []) ids.add(e.id);
  return ids;
}
