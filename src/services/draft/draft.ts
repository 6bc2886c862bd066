/**
 * The draft service behind `Query.draft`: an article's text in, an ingest document out, for a
 * person to review instead of write. Extraction runs in a worker (draftPool.ts), the names it
 * found are resolved against the graph in one query (resolve.ts), and the document is checked by
 * the same dry run as `validate`, so a draft whose problems list is empty is one ingest takes.
 * Writes nothing.
 */
import { createHash } from 'node:crypto';
import type { Queries } from '../../db/queries.js';
import { Gate } from '../../db/requestLimits.js';
import { badUserInput } from '../../errors.js';
import { parseTruncatedDate } from '../ingest/dates.js';
import { dryRun } from '../ingest/dryRun.js';
import type { Actor } from '../ingest/writePlan.js';
import { draftPool } from './draftPool.js';
import type { ExtractedClaim, Span } from './extract.js';
import { resolveMentions, type Mention, type MentionKind, type Resolution } from './resolve.js';

/** The longest text a draft reads: a long report, not a book (a 1 MB paste is refused). */
export const MAX_DRAFT_CHARS = 100_000;
const ENGLISH = /^(?:en|eng|english)(?:[-_][a-z]{2})?$/i;
const ENGLISH_WORDS = new Set('the of and to in a is that for on was with as by at from were has have are said it its this be an which their not but more than after been or'.split(' '));

export interface DraftInput {
  text: string;
  url?: string | null;
  title?: string | null;
  publisher?: string | null;
  publishedAt?: string | null;
  language?: string | null;
}

export interface DraftMention {
  text: string;
  role: 'ATTRIBUTION' | 'REGION' | 'MEASURE' | 'PUBLISHER';
  kind: MentionKind;
  state: Resolution['state'];
  id: string | null;
  candidates: string[];
}

export interface DraftField {
  field: string;
  value: string | null;
  evidence: string | null;
  span: Span | null;
  confidence: number;
}

export interface DraftClaim {
  path: string;
  claimId: string;
  sentence: Span;
  figure: Span;
  fields: DraftField[];
  confidence: number;
  attributionInherited: boolean;
  attributionSentence: number | null;
  mentions: DraftMention[];
}

export interface DraftProblem {
  path: string;
  message: string;
  code: string;
}

export interface Draft {
  document: Record<string, unknown>;
  claims: DraftClaim[];
  problems: DraftProblem[];
}

const slug = (s: string, max = 48) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '') || 'x';

/** Refuses what cannot be drafted, with the input's path: empty, too long, binary, another language, a bad date. */
function checkInput(input: DraftInput): { text: string; publishedAt: string } {
  const text = input.text ?? '';
  if (!text.trim()) throw badUserInput("is empty: paste the article's text", 'input.text');
  if (text.length > MAX_DRAFT_CHARS)
    throw badUserInput(`is ${text.length.toLocaleString('en')} characters; a draft reads at most ${MAX_DRAFT_CHARS.toLocaleString('en')} (split the text)`, 'input.text');
  // eslint-disable-next-line no-control-regex
  const control = (text.match(/[\u0000-\u0008\u000e-\u001f\ufffd]/g) ?? []).length;
  if (control > Math.max(2, text.length / 1000)) throw badUserInput('is not text (it holds control characters or undecodable bytes): paste the article as plain text', 'input.text');
  if (input.language && !ENGLISH.test(input.language)) throw badUserInput(`"${input.language}" is not supported: drafts read English only`, 'input.language', { reason: 'UNSUPPORTED_LANGUAGE' });
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length >= 20 && words.filter((w) => ENGLISH_WORDS.has(w)).length / words.length < 0.15) {
    throw badUserInput('does not read as English: drafts read English only (set `language` to say what it is)', 'input.text', { reason: 'UNSUPPORTED_LANGUAGE' });
  }
  let publishedAt = new Date().toISOString().slice(0, 10);
  if (input.publishedAt != null) {
    const parsed = parseTruncatedDate(input.publishedAt, 'start');
    if (typeof parsed === 'string') throw badUserInput(parsed, 'input.publishedAt');
    publishedAt = parsed.date;
  }
  return { text, publishedAt };
}

/** Aborts when the request runs out of time or its client leaves (polling the request's checkpoint). */
function requestSignal(db: Queries): { signal: AbortSignal; stop: () => void } {
  const controller = new AbortController();
  const timer = setInterval(() => {
    try {
      db.checkpoint();
    } catch (err) {
      controller.abort(err);
    }
  }, 25);
  return { signal: controller.signal, stop: () => clearInterval(timer) };
}

/**
 * Drafts at once, server-wide: each resolves tens of names by full-text search and dry-runs its
 * document, so many at once would starve other clients' reads of the database's CPU. The rest
 * wait their turn within their request's time.
 */
const DRAFT_GATE = new Gate(2);

async function enterGate(signal: AbortSignal): Promise<void> {
  let aborted = false;
  const entered = DRAFT_GATE.enter().then(() => {
    // Granted after its request ended: hand the place on.
    if (aborted) DRAFT_GATE.leave();
  });
  await Promise.race([
    entered,
    new Promise<never>((_, reject) => {
      if (signal.aborted) reject(signal.reason);
      signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    }),
  ]).catch((err) => {
    aborted = true;
    throw err;
  });
}

export async function draft(db: Queries, input: DraftInput, actor: Actor): Promise<Draft> {
  const checked = checkInput(input);
  const { signal, stop } = requestSignal(db);
  try {
    await enterGate(signal);
    try {
      return await draftWithin(db, input, checked, actor, signal);
    } finally {
      DRAFT_GATE.leave();
    }
  } finally {
    stop();
  }
}

async function draftWithin(db: Queries, input: DraftInput, { text, publishedAt }: { text: string; publishedAt: string }, actor: Actor, signal: AbortSignal): Promise<Draft> {
  const extraction = await draftPool.extract(text, publishedAt, signal);
  db.checkpoint();
  const extracted = extraction.claims;

  // Every name to resolve, once.
  const mentions = new Map<string, Mention>();
  const mention = (text: string, kinds: MentionKind[], unit?: string | null) => {
    const key = `${kinds.join('|')}:${text}:${unit ?? ''}`;
    if (!mentions.has(key)) mentions.set(key, { key, text, kinds, unit });
    return key;
  };
  const publisherName = input.publisher && !/^org:/.test(input.publisher) ? input.publisher : null;
  const publisherKey = publisherName ? mention(publisherName, ['ORGANIZATION']) : null;
  const claimKeys = extracted.map((c) => ({
    agents: c.agents.map((a) => mention(a.text, [a.kind, a.kind === 'PERSON' ? 'ORGANIZATION' : 'PERSON'])),
    places: c.places.map((p) => mention(p.text, ['REGION'])),
    measure: c.measureWords ? mention(c.measureWords, ['MEASURE'], c.figure.unit) : null,
  }));
  const resolved = await resolveMentions(db, [...mentions.values()]);

  const sourceSlug = slug(input.title ?? input.url ?? text.slice(0, 60));
  const sourceId = `src:${sourceSlug}-${createHash('sha256').update(text).digest('hex').slice(0, 8)}`;
  const organizations = new Map<string, Record<string, unknown>>();
  const people = new Map<string, Record<string, unknown>>();
  const measures = new Map<string, Record<string, unknown>>();
  const newRegions = new Map<string, Record<string, unknown>>();
  const sources = new Map<string, Record<string, unknown>>();
  const problems: DraftProblem[] = [];

  /** The id an agent mention stands for: the graph's, or a new entity proposed in the document. */
  const agentId = (key: string, text: string, kind: MentionKind): string | null => {
    const r = resolved.get(key)!;
    if (r.state === 'EXISTING') return r.id;
    if (r.state === 'AMBIGUOUS') return null;
    const name = text
      .replace(/^(?:the|a)\s+/i, '')
      .replace(/[“”"]/g, '')
      .trim();
    if (kind === 'PERSON') {
      // "army chief Oleksandr Syrskii": the name is the capitalised tail.
      const personName =
        name
          .split(/\s+/)
          .filter((w, i, all) => /^[A-Z]/.test(w) && all.slice(i).every((x) => /^[A-Z]/.test(x)))
          .join(' ') || name;
      const id = `person:${slug(personName)}`;
      people.set(id, { id, name: personName });
      return id;
    }
    const id = `org:${slug(name)}`;
    organizations.set(id, { id, name });
    return id;
  };

  let publisherId: string | null = input.publisher && /^org:/.test(input.publisher) ? input.publisher : null;
  if (publisherKey) publisherId = agentId(publisherKey, publisherName!, 'ORGANIZATION');

  const claims: Record<string, unknown>[] = [];
  const draftClaims: DraftClaim[] = [];
  extracted.forEach((c: ExtractedClaim, i) => {
    const path = `claims[${i}]`;
    const keys = claimKeys[i];
    const f = c.figure;
    const claimId = `claim:${sourceSlug.slice(0, 40)}-${i + 1}-${slug(String(f.value ?? `${f.low}-${f.high}`), 20)}`;
    const drafted: DraftMention[] = [];
    const attributedTo = c.agents
      .map((a, k) => {
        const r = resolved.get(keys.agents[k])!;
        const id = agentId(keys.agents[k], a.text, a.kind);
        drafted.push({ text: a.text, role: 'ATTRIBUTION', kind: r.kind ?? a.kind, state: r.state, id, candidates: r.candidates });
        if (!id) problems.push({ path: `${path}.attributedTo`, message: `"${a.text}" could be ${r.candidates.join(' or ')}: choose one`, code: 'REVIEW' });
        return id;
      })
      .filter((x): x is string => !!x);
    const regions = c.places
      .map((p, k) => {
        const r = resolved.get(keys.places[k])!;
        if (r.state === 'NEW') {
          // "in Quebec", "across Europe": a place the graph lacks is proposed; other names are not places.
          if (!/^(?:in|across|throughout|inside|within)$/.test(p.after ?? '') || p.text.split(/\s+/).length > 4) return null;
          const id = `region:${slug(p.text)}`;
          newRegions.set(id, { id, name: p.text.replace(/['’]s$/, '') });
          drafted.push({ text: p.text, role: 'REGION', kind: 'REGION', state: 'NEW', id, candidates: [] });
          return id;
        }
        drafted.push({ text: p.text, role: 'REGION', kind: 'REGION', state: r.state, id: r.id, candidates: r.candidates });
        return r.id;
      })
      .filter((x): x is string => !!x);
    let measureId: string | null = null;
    if (keys.measure) {
      const r = resolved.get(keys.measure)!;
      if (r.state === 'EXISTING') measureId = r.id;
      else {
        const name = c.measureWords.replace(/^%\s*/, '').replace(/^./, (x) => x.toUpperCase());
        const isShare = f.unit === 'percent';
        const measureName = isShare && !/^share/i.test(name) ? `Share: ${name}` : name;
        measureId = `measure:${slug(measureName)}${f.unit ? `-${slug(f.unit, 12)}` : ''}`;
        measures.set(measureId, { id: measureId, name: measureName, ...(f.unit ? { unit: f.unit } : {}) });
      }
      drafted.push({ text: c.measureWords, role: 'MEASURE', kind: 'MEASURE', state: r.state === 'AMBIGUOUS' ? 'NEW' : r.state, id: measureId, candidates: r.candidates });
    }
    // Figures from another body's data or statement derive the article from that body's source.
    const basedOn = attributedTo
      .filter((id) => id !== publisherId)
      .map((id) => {
        const src = `src:${slug(id.split(':')[1], 40)}-cited-${publishedAt.slice(0, 7)}`;
        sources.set(src, { id: src, kind: 'STATEMENT', title: `Figures of ${id} cited by the article`, ...(id.startsWith('org:') ? { publisher: id } : { authors: [id] }) });
        return src;
      });
    const quantity: Record<string, unknown> = f.bound === 'RANGE' ? { low: f.low, high: f.high } : { value: f.value };
    Object.assign(quantity, { unit: f.unit, bound: f.bound, aggregation: c.aggregation, ...(c.per ? { per: c.per } : {}) });
    if (quantity.unit == null) delete quantity.unit;
    const claim: Record<string, unknown> = {
      id: claimId,
      text: c.sentence.text.slice(0, 2000),
      quote: c.sentence.text.slice(0, 5000),
      quantity,
      ...(c.period ? { period: { ...c.period, label: c.periodEvidence.words ?? undefined } } : {}),
      ...(regions.length ? { regions: [...new Set(regions)] } : {}),
      ...(attributedTo.length ? { attributedTo: [...new Set(attributedTo)] } : {}),
      ...(basedOn.length ? { basedOn: [...new Set(basedOn)] } : {}),
      ...(measureId ? { measure: measureId } : {}),
      confidence: c.confidence,
    };
    claims.push(claim);
    if (!f.unit) problems.push({ path: `${path}.quantity.unit`, message: `no unit found for "${f.text}": say what it counts`, code: 'REVIEW' });
    const field = (name: string, value: unknown, evidence: string | null, confidence: number, span: Span | null = null): DraftField => ({
      field: name,
      value: value == null ? null : typeof value === 'string' ? value : JSON.stringify(value),
      evidence,
      span,
      confidence,
    });
    draftClaims.push({
      path,
      claimId,
      sentence: { start: c.sentence.start, end: c.sentence.end, text: c.sentence.text },
      figure: { start: f.start, end: f.end, text: f.text },
      fields: [
        field('quantity.value', f.bound === 'RANGE' ? [f.low, f.high] : f.value, f.text, 0.95),
        field('quantity.bound', f.bound, f.boundEvidence.words, f.boundEvidence.confidence),
        field('quantity.unit', f.unit, f.unitEvidence.words, f.unitEvidence.confidence),
        field('quantity.aggregation', c.aggregation, c.aggregationEvidence.words, c.aggregationEvidence.confidence),
        field('period', c.period, c.periodEvidence.words, c.periodEvidence.confidence, c.periodEvidence.span),
        field('attributedTo', attributedTo, c.attributionEvidence.words, c.attributionEvidence.confidence),
      ],
      confidence: c.confidence,
      attributionInherited: c.inherited,
      attributionSentence: c.attributionEvidence.sentenceIndex,
      mentions: drafted,
    });
  });

  if (!publisherId) {
    problems.push({ path: 'source.publisher', message: 'who published the article? give `publisher` (a name or an org: id)', code: 'REVIEW' });
  }
  const document: Record<string, unknown> = {
    source: {
      id: sourceId,
      kind: 'ARTICLE',
      ...(input.title ? { title: input.title } : {}),
      ...(input.url ? { url: input.url } : {}),
      ...(publisherId ? { publisher: publisherId } : {}),
      ...(input.publishedAt ? { publishedAt: input.publishedAt } : {}),
      language: 'en',
      ...(sources.size ? { derivedFrom: [...sources.keys()].map((s) => ({ source: s, kind: 'CITES' })) } : {}),
    },
    ...(sources.size ? { sources: [...sources.values()] } : {}),
    ...(organizations.size ? { organizations: [...organizations.values()] } : {}),
    ...(people.size ? { people: [...people.values()] } : {}),
    ...(newRegions.size ? { regions: [...newRegions.values()] } : {}),
    ...(measures.size ? { measures: [...measures.values()] } : {}),
    claims,
  };
  // What ingest would say of it, now: a draft with no problems listed is one ingest takes.
  const checked = await dryRun(db, document, actor);
  for (const p of checked.problems) problems.push(p);
  return { document, claims: draftClaims, problems };
}
