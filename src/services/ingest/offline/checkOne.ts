/**
 * One document's check, the part of an offline import that needs no graph: parse, validate
 * (checkDocument) and hash. A worker thread does it (checkWorker.ts), and so does the main thread
 * when the workers are busy and it would otherwise wait (checkPool.ts).
 */
import { documentHash } from '../ingest.js';
import type { ExternalRef, NormalizedDocument } from '../normalized.js';
import type { ProblemsSnapshot } from '../problems.js';
import type { UnitRef } from '../unitFit.js';
import { checkDocument } from '../validateDocument.js';

/** One document to check: its text (a line of .ndjson), or already parsed (from a .json file). */
export interface DocumentText {
  ref: string;
  text?: string;
  raw?: unknown;
}

export type ParseFailure = { ref: string; parseError: string; doc?: undefined; problems?: undefined };
export type Refused = { ref: string; problems: ProblemsSnapshot; externalRefs: ExternalRef[]; unitRefs: UnitRef[]; doc?: undefined; parseError?: undefined };
export type Checked = { ref: string; doc: NormalizedDocument; hash: string; problems?: undefined; parseError?: undefined };

export function checkOne({ ref, raw, text }: DocumentText): ParseFailure | Refused | Checked {
  if (text !== undefined) {
    try {
      raw = JSON.parse(text);
    } catch (err) {
      return { ref, parseError: `not valid JSON: ${(err as Error).message}` };
    }
  }
  const checked = checkDocument(raw);
  if (!checked.doc) return { ref, problems: checked.problems.snapshot(), externalRefs: checked.externalRefs, unitRefs: checked.unitRefs };
  return { ref, doc: checked.doc, hash: documentHash(raw) };
}

/**
 * The document with each reference and each claim unit on an outside measure once, and without
 * their paths: a third of a checked document's size was the same few references' paths, copied
 * between threads. Whether the graph holds them is judged the same; a refusal reports every path
 * after the document is checked again where it was read.
 */
export function compactRefs(doc: NormalizedDocument): NormalizedDocument {
  return {
    ...doc,
    externalRefs: firstOfEach(doc.externalRefs, (r) => `${r.kind} ${r.id}`).map(({ id, kind }) => ({ id, kind, path: '' })),
    unitRefs: firstOfEach(doc.unitRefs, (r) => `${r.unit} ${r.measureId}`).map(({ measureId, unit }) => ({ measureId, unit, path: '' })),
  };
}

function firstOfEach<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
