/**
 * The offline importer's in-memory graph refuses what the online import refuses because of the
 * graph: a claim whose unit does not fit a measure an earlier document stored, alone or beside
 * problems validation found, with the same paths and messages, judged against every document
 * before it (also by the online import, whose batch is still pending then), and nothing of the
 * refused document is applied. A refused document names every misfit claim, whether a worker
 * checked it (and sent each reference once) or the main thread did.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bulkImport, type ImportItem } from '../../../../src/services/ingest/bulkImport.js';
import { buildGraph } from '../../../../src/services/ingest/offline/buildGraph.js';
import { resetGraph } from '../../../helpers/graph.js';
import { createTestApp, type TestApp } from '../../../helpers/testApp.js';

const source = (n: number) => ({ id: `src:units-${n}`, kind: 'ARTICLE', title: `Article ${n}`, publishedAt: '2025-02-01' });
const claim = (id: string, quantity: Record<string, unknown>) => ({
  id,
  text: `${id} counted`,
  measure: 'measure:units-count',
  quantity: { bound: 'EXACT', aggregation: 'PERIOD_TOTAL', ...quantity },
  period: { start: '2025-01', granularity: 'MONTH' },
});

const DOCUMENTS: unknown[] = [
  // Stores the measure, counted in persons.
  { source: source(1), measures: [{ id: 'measure:units-count', name: 'People counted', unit: 'persons' }], claims: [claim('claim:units-1', { value: 10, unit: 'persons' })] },
  // A unit of the measure's dimension fits.
  { source: source(2), claims: [claim('claim:units-2', { value: 3, unit: 'thousand persons' })] },
  // An area on a count of persons does not: each such claim is named.
  { source: source(3), claims: [claim('claim:units-3', { value: 4, unit: 'km2' }), claim('claim:units-3b', { value: 5, unit: 'km2' })] },
  // The same beside a problem of shape: both are reported at once.
  { source: source(4), claims: [claim('claim:units-4', { value: 4, unit: 'km2' }), { ...claim('claim:units-5', { value: 'many', unit: 'persons' }) }] },
  // A missing reference is refused before units are judged, as online.
  { source: { ...source(5), publisher: 'org:units-nowhere' }, claims: [claim('claim:units-6', { value: 4, unit: 'km2' })] },
];

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());
beforeEach(() => resetGraph(t.db));

const items = (): ImportItem[] => DOCUMENTS.map((raw, i) => ({ ref: `units.ndjson:${i + 1}`, raw }));
const refusals = (rejected: { ref: string; problems: { path: string; message: string }[] }[]) => rejected.map((r) => [r.ref, r.problems.map((p) => `${p.path}: ${p.message}`)]);

describe('buildGraph', () => {
  it("refuses a claim whose unit does not fit a stored measure's, as the online import does", async () => {
    const online = await bulkImport(t.db, items());
    const { model, stats } = await buildGraph(items());
    expect(refusals(stats.rejected)).toEqual(refusals(online.rejected));
    expect(refusals(stats.rejected)).toEqual([
      [
        'units.ndjson:3',
        [expect.stringMatching(/^claims\[0\]\.quantity\.unit: "km2" \(area\) does not fit measure:units-count, measured in "persons"/), expect.stringMatching(/^claims\[1\]\.quantity\.unit: "km2"/)],
      ],
      // Only these two: the measure stored by the first line is no missing reference.
      ['units.ndjson:4', [expect.stringMatching(/^claims\[1\]\.quantity\.value: /), expect.stringMatching(/^claims\[0\]\.quantity\.unit: "km2"/)]],
      ['units.ndjson:5', [expect.stringMatching(/^source\.publisher: "org:units-nowhere" is neither defined/)]],
    ]);
    expect(stats.accepted).toBe(2);
    expect(model.get('claim:units-2')).toBeDefined();
    for (const id of ['src:units-3', 'claim:units-3', 'claim:units-3b', 'src:units-4', 'claim:units-4', 'claim:units-5', 'src:units-5', 'claim:units-6']) expect(model.get(id)).toBeUndefined();
  });
  it('names every misfit claim of a refused document, whether a worker or this thread checked its batch', async () => {
    // Enough batches (64 documents each) that every worker's queue fills and this thread checks some itself.
    const docs: unknown[] = [DOCUMENTS[0]];
    for (let n = 1; n < 64 * 14; n++) {
      const misfit = n % 5 === 0;
      docs.push({
        source: source(100 + n),
        claims: [claim(`claim:many-${n}-a`, { value: n, unit: misfit ? 'km2' : 'persons' }), claim(`claim:many-${n}-b`, { value: n, unit: misfit ? 'km2' : 'persons' })],
      });
    }
    const { model, stats } = await buildGraph(docs.map((raw, i) => ({ ref: `many.ndjson:${i + 1}`, raw })));
    const refused = docs.flatMap((_, i) => (i > 0 && i % 5 === 0 ? [`many.ndjson:${i + 1}`] : []));
    expect(stats.rejected.map((r) => r.ref)).toEqual(refused);
    for (const r of stats.rejected) expect(r.problems.map((p) => p.path)).toEqual(['claims[0].quantity.unit', 'claims[1].quantity.unit']);
    expect(stats.accepted).toBe(docs.length - refused.length);
    expect(model.get('claim:many-5-a')).toBeUndefined();
    expect(model.get('claim:many-6-a')).toBeDefined();
  });
});
