/**
 * The offline import's checking on worker threads answers what checking on the main thread
 * answers, in input order: the same normalized documents and hashes, the same parse errors, and
 * rejected documents whose problems (and suppressed paths) survive the trip between threads.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { documentHash } from '../../../../src/services/ingest/ingest.js';
import { checkInParallel, type CheckedItem, type DocumentText } from '../../../../src/services/ingest/offline/checkPool.js';
import { Problems } from '../../../../src/services/ingest/problems.js';
import { checkDocument } from '../../../../src/services/ingest/validateDocument.js';

function doc(i: number): Record<string, unknown> {
  return {
    source: { id: `src:pool-${i}`, kind: 'ARTICLE', title: `Article ${i}`, publishedAt: '2025-03-01' },
    measures: [{ id: 'measure:pool-count', name: 'Count', unit: 'persons' }],
    claims: [{ id: `claim:pool-${i}`, measureId: 'measure:pool-count', value: i, period: { start: '2025-01' }, statement: { quote: `${i} were counted` } }],
  };
}

/** Every third document is broken in a different way: not JSON, a schema fault, a missing reference. */
function inputs(n: number): DocumentText[] {
  return Array.from({ length: n }, (_, i) => {
    const ref = `docs.ndjson:${i + 1}`;
    if (i % 9 === 3) return { ref, text: '{"source": ' };
    if (i % 9 === 6) return { ref, text: JSON.stringify({ ...doc(i), claims: [{ id: `claim:pool-${i}`, value: 'many', measureId: 'measure:elsewhere' }] }) };
    if (i % 9 === 0) return { ref, raw: doc(i) };
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

describe('checkInParallel', () => {
  it('answers in input order what checkDocument and documentHash answer on this thread', async () => {
    const items = inputs(400);
    const results = await checked(items, 2);
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
        expect(result.doc).toEqual(here.doc);
        if (result.doc) expect(result.hash).toBe(documentHash(raw));
      } else {
        expect(result.problems).toEqual(here.problems.snapshot());
        if (result.problems) expect(result.externalRefs).toEqual(here.externalRefs);
      }
    }
    expect(results.filter((r) => r.parseError).length).toBeGreaterThan(0);
    expect(results.filter((r) => r.problems).length).toBeGreaterThan(0);
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
