/**
 * The offline import's checking on worker threads answers what checking on the main thread
 * answers, in input order: the same normalized documents and hashes, the same parse errors, and
 * rejected documents whose problems (and suppressed paths) survive the trip between threads.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocuments } from '../../../../src/cli/readDocuments.js';
import { canonicalJson } from '../../../../src/services/ingest/canonicalJson.js';
import { documentHash } from '../../../../src/services/ingest/ingest.js';
import { compactRefs } from '../../../../src/services/ingest/offline/checkOne.js';
import { checkInParallel, type CheckedItem, type DocumentText } from '../../../../src/services/ingest/offline/checkPool.js';
import { Problems } from '../../../../src/services/ingest/problems.js';
import { checkDocument } from '../../../../src/services/ingest/validateDocument.js';
import { FIXTURES, SEED_FILE } from '../../../helpers/graph.js';

function doc(i: number): Record<string, unknown> {
  return {
    source: { id: `src:pool-${i}`, kind: 'ARTICLE', title: `Article ${i}`, publishedAt: '2025-03-01' },
    measures: [{ id: 'measure:pool-count', name: 'Count', unit: 'persons' }],
    claims: [{ id: `claim:pool-${i}`, measureId: 'measure:pool-count', value: i, period: { start: '2025-01' }, statement: { quote: `${i} were counted` } }],
  };
}

/** Claims on a measure and a region defined elsewhere, each referred to three times: the worker sends each reference once. */
function repeating(i: number): Record<string, unknown> {
  const claim = (n: number) => ({
    id: `claim:pool-${i}-${n}`,
    text: `${n} counted`,
    measure: 'measure:pool-elsewhere',
    regions: ['region:pool-elsewhere'],
    quantity: { value: n, unit: 'persons', bound: 'EXACT', aggregation: 'PERIOD_TOTAL' },
    period: { start: '2025-01', granularity: 'MONTH' },
  });
  return { source: { id: `src:pool-${i}`, kind: 'ARTICLE', title: `Article ${i}`, publishedAt: '2025-03-01' }, claims: [claim(1), claim(2), claim(3)] };
}

/** Every third document is broken in a different way: not JSON, a schema fault, a missing reference. */
function inputs(n: number): DocumentText[] {
  return Array.from({ length: n }, (_, i) => {
    const ref = `docs.ndjson:${i + 1}`;
    if (i % 9 === 3) return { ref, text: '{"source": ' };
    // A fault of shape beside a well-formed claim on an outside measure: its reference and unit travel too.
    if (i % 9 === 6) return { ref, text: JSON.stringify({ ...repeating(i), source: { id: `src:pool-${i}`, kind: 'NOT-A-KIND', title: 'Bad', publishedAt: '2025-03-01' } }) };
    if (i % 9 === 0) return { ref, raw: doc(i) };
    if (i % 9 === 1) return { ref, text: JSON.stringify(repeating(i)) };
    return { ref, text: JSON.stringify(doc(i)) };
  });
}

async function* asAsync(items: DocumentText[]) {
  yield* items;
}

async function checked(items: DocumentText[], workers: number): Promise<CheckedItem[]> {
  const out: CheckedItem[] = [];
  for await (const item of checkInParallel(asAsync(items), workers)) out.push(item);
  return out;
}

/** Each result is what checkDocument and documentHash answer on this thread for its input, in input order. */
function expectSameAsHere(items: DocumentText[], results: CheckedItem[]): void {
  expect(results.map((r) => r.ref)).toEqual(items.map((i) => i.ref));
  for (const [i, item] of items.entries()) {
    const result = results[i];
    let raw: unknown = item.raw;
    if (item.text !== undefined) {
      try {
        raw = JSON.parse(item.text);
      } catch (err) {
        expect(result.parseError).toBe(`not valid JSON: ${(err as Error).message}`);
        continue;
      }
    }
    const here = checkDocument(raw);
    if (here.doc) {
      // Strictly equal: the trip as JSON text loses nothing a normalized document holds. A
      // worker compacts the references; this thread, checking a batch itself, does not.
      if (result.doc && result.compacted) expect(result.doc).toStrictEqual(compactRefs(here.doc));
      else expect(result.doc).toStrictEqual(here.doc);
      if (result.doc) expect(result.hash).toBe(documentHash(raw));
      if (result.doc) expect(result.source).toBe(item);
    } else {
      expect(result.problems).toEqual(here.problems.snapshot());
      if (result.problems) expect(result.externalRefs).toEqual(here.externalRefs);
      if (result.problems) expect(result.unitRefs).toEqual(here.unitRefs);
      if (result.problems && item.text?.includes('NOT-A-KIND')) expect(here.unitRefs.length).toBeGreaterThan(0);
    }
  }
  expect(results.filter((r) => r.parseError).length).toBeGreaterThan(0);
  expect(results.filter((r) => r.problems).length).toBeGreaterThan(0);
}

/** How the valid documents were checked: by a worker (compacted) or on this thread. */
function checkedWhere(results: CheckedItem[]): Set<string> {
  return new Set(results.flatMap((r) => (r.doc ? [r.compacted ? 'worker' : 'here'] : [])));
}

describe('checkInParallel', () => {
  it('answers in input order what checkDocument and documentHash answer on this thread', async () => {
    const items = inputs(400);
    const results = await checked(items, 2);
    expectSameAsHere(items, results);
    // The first batches went to the workers, which compact; a later one no worker had taken was
    // checked on this thread while it waited for the first answers: both kinds are among the
    // answers. (Certain here: the input is in memory, so batches are read before any worker can answer.)
    expect(checkedWhere(results)).toEqual(new Set(['worker', 'here']));
  });

  it('answers the same when input comes slowly, so the worker answers while it reads', async () => {
    const items = inputs(1200);
    async function* slowly() {
      for (const [i, item] of items.entries()) {
        if (i % 16 === 0) await new Promise((resolve) => setImmediate(resolve));
        yield item;
      }
    }
    const results: CheckedItem[] = [];
    for await (const item of checkInParallel(slowly(), 1)) results.push(item);
    expectSameAsHere(items, results);
    expect(checkedWhere(results).has('worker')).toBe(true);
  });

  it('throws to its caller when a batch cannot go to a worker', async () => {
    const items = inputs(200);
    // A function is no JSON and cannot be copied to a thread: the first batch, a worker's, fails.
    items[5] = { ref: 'docs.ndjson:6', raw: { source: () => undefined } };
    await expect(checked(items, 1)).rejects.toThrow(/could not be cloned/);
  });

  it('stops its workers when the caller stops reading', async () => {
    const seen: string[] = [];
    for await (const item of checkInParallel(asAsync(inputs(500)), 1)) {
      seen.push(item.ref);
      if (seen.length === 5) break;
    }
    expect(seen).toEqual(['docs.ndjson:1', 'docs.ndjson:2', 'docs.ndjson:3', 'docs.ndjson:4', 'docs.ndjson:5']);
  });
});

describe('compactRefs', () => {
  it('keeps each reference and each outside unit once, without its path (a refusal is checked again for those)', () => {
    const doc = checkDocument(repeating(1)).doc!;
    expect(doc.externalRefs).toHaveLength(6);
    const compacted = compactRefs(doc);
    expect(compacted.externalRefs).toEqual([
      { id: 'measure:pool-elsewhere', kind: 'Measure', path: '' },
      { id: 'region:pool-elsewhere', kind: 'Region', path: '' },
    ]);
    expect(compacted.unitRefs).toEqual([{ measureId: 'measure:pool-elsewhere', unit: 'persons', path: '' }]);
    expect({ ...compacted, externalRefs: doc.externalRefs, unitRefs: doc.unitRefs }).toStrictEqual(doc);
  });
});

describe('a normalized document', () => {
  it('is plain JSON (no undefined, Set or Map to lose), for the seed and every fixture: the worker sends it as text', async () => {
    const files = [SEED_FILE, ...fs.readdirSync(FIXTURES).map((f) => path.join(FIXTURES, f))];
    let docs = 0;
    for await (const item of readDocuments(files.filter((f) => /\.(nd)?json$/.test(f)))) {
      const doc = checkDocument(item.raw).doc;
      if (!doc) continue;
      expect(JSON.parse(JSON.stringify(doc))).toStrictEqual(doc);
      docs += 1;
    }
    expect(docs).toBeGreaterThan(10);
  });
});

describe('Problems.restore', () => {
  it('keeps suppressing, after the trip, the paths the schema already faulted', () => {
    const problems = new Problems();
    problems.suppressUnder(new Set(['claims[0]']));
    problems.add('source.id', 'must be given');
    const restored = Problems.restore(structuredClone(problems.snapshot()));
    restored.add('claims[0].value', 'suppressed: inside a faulted place');
    restored.add('claims[1].value', 'reported');
    expect(restored.list).toEqual([
      { path: 'source.id', message: 'must be given' },
      { path: 'claims[1].value', message: 'reported' },
    ]);
  });
});

describe('documentHash', () => {
  it('hashes the canonical form: keys sorted, undefined left out, arrays in order', () => {
    const canonical = '{"a":[1,null,{"10":3,"9":4,"z":"é"}],"b":1,"d":""}';
    const expected = `sha256:${createHash('sha256').update(canonical).digest('hex')}`;
    expect(documentHash({ d: '', b: 1, c: undefined, a: [1, null, { z: 'é', 9: 4, 10: 3 }] })).toBe(expected);
  });
});

/**
 * The canonical form as ingest.ts first wrote it (74b6519, copied as it was): stored hashes were
 * made with it. (It writes an array's holes as nothing; JSON has no holes, so none are compared.)
 */
function firstCanonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(firstCanonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${firstCanonical(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

describe('canonicalJson', () => {
  it('writes what JSON.stringify writes for every key and value, so stored hashes still match', () => {
    const strings = [
      '',
      'plain',
      'é ünïcode ✓',
      'quote " here',
      'back\\slash',
      'tab\tnew\nline\r',
      '\u0000\u001f\u007f',
      'emoji 😀',
      'lone \ud800 high',
      'lone \udfff low',
      '\u2028\u2029',
      '</script>',
    ];
    const numbers = [0, -0, 1, -1.5, 1e21, 1e-7, 123456789.123, Number.MAX_SAFE_INTEGER, 5e-324, NaN, Infinity, -Infinity];
    const value = {
      strings,
      numbers,
      flags: [true, false, null, undefined],
      keys: Object.fromEntries(strings.map((s, i) => [s, i])),
      nested: { b: [{ y: 1, x: [2, { q: 'a"b' }] }], a: undefined, '10': 1, '9': 2 },
    };
    expect(canonicalJson(value)).toBe(firstCanonical(value));
    for (const s of strings) expect(canonicalJson(s)).toBe(JSON.stringify(s));
    for (const n of numbers) expect(canonicalJson(n)).toBe(JSON.stringify(n));
  });
});
