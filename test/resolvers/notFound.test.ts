/**
 * An unknown id answers the same way on every by-id field: null for that field, a NOT_FOUND error
 * whose path names it, and every sibling field still answered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedGraph } from '../helpers/graph.js';
import { createTestApp, type TestApp } from '../helpers/testApp.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedGraph(t.db);
});
afterAll(() => t.close());

describe('unknown ids', () => {
  it('null their own field with NOT_FOUND, and leave the siblings answered', async () => {
    const res = await t.exec(`{
      claim(id: "claim:none") { id }
      source(id: "src:none") { id }
      organization(id: "org:none") { id }
      person(id: "person:none") { id }
      region(id: "region:none") { id }
      measure(id: "measure:none") { id }
      node(id: "nothing") { id }
      wrongKind: claim(id: "org:express") { id }
      sourceChain(claimId: "claim:none") { independentOriginCount }
      corroboration(claimId: "claim:none") { credibility }
      crossReference(organizationIds: ["org:express", "org:none"]) { truncated }
      timeline(measureId: "measure:none") { value }
      regionTimeline: timeline(measureId: "measure:russian-military-casualties", regionId: "region:none") { value }
      known: claim(id: "claim:express-2025-record-week-350") { id }
    }`);
    const fields = ['claim', 'source', 'organization', 'person', 'region', 'measure', 'node', 'wrongKind', 'sourceChain', 'corroboration', 'crossReference', 'timeline', 'regionTimeline'];
    expect(res.data).toEqual({ ...Object.fromEntries(fields.map((f) => [f, null])), known: { id: 'claim:express-2025-record-week-350' } });
    const byPath = Object.fromEntries(res.errors!.map((e) => [(e.path as string[]).join('.'), e]));
    expect(Object.keys(byPath).sort()).toEqual([...fields].sort());
    for (const f of fields) expect(byPath[f].extensions!.code, f).toBe('NOT_FOUND');
    expect(byPath.claim.message).toBe('No claim with id "claim:none"');
    expect(byPath.regionTimeline.message).toBe('No region with id "region:none"');
  });

  it('null their entry of `nodes`, with NOT_FOUND at that index', async () => {
    const res = await t.exec(`{ nodes(ids: ["claim:express-2025-record-week-350", "claim:none"]) { id } }`);
    expect(res.data!.nodes).toEqual([{ id: 'claim:express-2025-record-week-350' }, null]);
    expect(res.errors!.map((e) => [e.path, e.extensions!.code])).toEqual([[['nodes', 1], 'NOT_FOUND']]);
  });
});
