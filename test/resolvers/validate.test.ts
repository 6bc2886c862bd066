/**
 * Query.validate, the dry run of ingest, and the unit/measure rule, through GraphQL against the
 * real database: every problem ingest would refuse for, by JSON path and code, with the graph's
 * counts exactly as they were; a document it passes, ingest takes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { graphCounts, seedDocument, seedGraph } from '../helpers/graph.js';
import { createTestApp, type TestApp } from '../helpers/testApp.js';

const VALIDATE = `query Validate($doc: IngestDocument!) {
  validate(document: $doc) { valid problems { path message code } sourceId claimCount newClaims revisions }
}`;
const INGEST = `mutation Ingest($doc: IngestDocument!) { ingest(document: $doc) { claimCount } }`;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());
beforeEach(() => seedGraph(t.db));

/** A new source's document with one claim on the seed's measure of `measureId`. */
function doc(claim: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return {
    source: { id: 'src:validate-test', kind: 'ARTICLE', title: 'Validate test', publisher: 'org:express', publishedAt: '2026-01-02' },
    claims: [{ id: 'claim:validate-test-1', text: 'A figure.', ...claim }],
    ...extra,
  };
}

async function validate(document: unknown) {
  const before = await graphCounts(t.db);
  const res = await t.exec(VALIDATE, { doc: document });
  expect(res.errors).toBeUndefined();
  expect(await graphCounts(t.db)).toEqual(before);
  return res.data!.validate;
}

describe('validate: a dry run of ingest', () => {
  it('passes a good document, says what it would add, writes nothing, and ingest then takes it', async () => {
    const d = doc({
      measure: 'measure:russian-military-casualties',
      quantity: { value: 1000, unit: 'persons', bound: 'EXACT', aggregation: 'PERIOD_TOTAL' },
      period: { start: '2025-12' },
      regions: ['region:ukraine'],
    });
    expect(await validate(d)).toEqual({ valid: true, problems: [], sourceId: 'src:validate-test', claimCount: 1, newClaims: 1, revisions: 0 });
    const res = await t.exec(INGEST, { doc: d });
    expect(res.errors).toBeUndefined();
  });

  it('passes the seed again: nothing new, nothing changed', async () => {
    expect(await validate(seedDocument())).toMatchObject({ valid: true, problems: [], newClaims: 0, revisions: 0 });
  });

  it("lists the document's own problems and the references the graph lacks, all at once", async () => {
    const d = doc({ measure: 'measure:no-such-measure', regions: ['region:atlantis'], period: { start: '2025-13' } });
    const v = await validate(d);
    expect(v.valid).toBe(false);
    const paths = v.problems.map((p: { path: string }) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['claims[0].period.start', 'claims[0].measure', 'claims[0].regions[0]']));
    expect(v.problems.every((p: { code: string }) => p.code === 'BAD_USER_INPUT')).toBe(true);
  });

  it('finds a CONFLICT with what another source stated, as ingest would', async () => {
    const seed = seedDocument();
    const claim = { ...seed.claims.find((c: { id: string }) => c.id === 'claim:express-2025-record-week-350') };
    claim.quantity = { ...claim.quantity, value: 351 };
    delete claim.basedOn; // this source does not derive from the seed's origins
    const v = await validate(doc({}, { claims: [claim] }));
    expect(v.valid).toBe(false);
    expect(v.problems).toEqual([expect.objectContaining({ path: 'claims[0].quantity.value', code: 'CONFLICT' })]);
    const res = await t.exec(INGEST, { doc: doc({}, { claims: [claim] }) });
    expect(res.errors![0].extensions!.code).toBe('CONFLICT');
  });
});

describe("a claim's unit must fit its measure", () => {
  it('refuses km2 on a stored percent measure, naming both units, in validate and ingest alike', async () => {
    const d = doc({ measure: 'measure:ukrainian-territory-taken-share', quantity: { value: 4800, unit: 'km2', bound: 'APPROX', aggregation: 'PERIOD_TOTAL' }, period: { start: '2025' } });
    const v = await validate(d);
    expect(v.problems).toEqual([
      {
        path: 'claims[0].quantity.unit',
        code: 'BAD_USER_INPUT',
        message: expect.stringMatching(/"km2" \(area\) does not fit measure:ukrainian-territory-taken-share, measured in "percent" \(share\)/),
      },
    ]);
    const before = await graphCounts(t.db);
    const res = await t.exec(INGEST, { doc: d });
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', jsonPath: 'claims[0].quantity.unit' });
    expect(res.errors![0].message).toContain('"percent"');
    expect(await graphCounts(t.db)).toEqual(before);
  });

  it('refuses it against a measure the same document defines, and a count of other things', async () => {
    const d = doc(
      { measure: 'measure:validate-test-deaths', quantity: { value: 35, unit: 'divisions', bound: 'EXACT', aggregation: 'PERIOD_TOTAL' }, period: { start: '2025' } },
      { measures: [{ id: 'measure:validate-test-deaths', name: 'Deaths', unit: 'persons' }] },
    );
    const res = await t.exec(INGEST, { doc: d });
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', jsonPath: 'claims[0].quantity.unit' });
    expect(res.errors![0].message).toMatch(/"divisions" \(a count of divisions\) does not fit .*"persons" \(a count of persons\)/);
  });

  it("takes units of the measure's dimension (thousand persons, square miles) and any unit on a measure without one", async () => {
    const d = doc(
      {},
      {
        measures: [{ id: 'measure:validate-test-free', name: 'Anything' }],
        claims: [
          { id: 'claim:validate-test-a', text: 'a', measure: 'measure:russian-military-casualties', quantity: { value: 420, unit: 'thousand persons', bound: 'APPROX', aggregation: 'PERIOD_TOTAL' } },
          { id: 'claim:validate-test-b', text: 'b', measure: 'measure:country-area', quantity: { value: 233000, unit: 'sq mi', bound: 'APPROX', aggregation: 'NONE' } },
          { id: 'claim:validate-test-c', text: 'c', measure: 'measure:validate-test-free', quantity: { value: 35, unit: 'divisions', bound: 'EXACT', aggregation: 'NONE' } },
        ],
      },
    );
    expect(await validate(d)).toMatchObject({ valid: true, problems: [] });
  });
});

describe('the README’s ingest template', () => {
  it('is a valid document: the dry run passes it and ingest takes it whole', async () => {
    // The first JSON block under "### The ingest document", exactly as a reader would copy it.
    const readme = fs.readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('### The ingest document'));
    const block = /```json\n([\s\S]*?)\n```/.exec(section)![1];
    const template = JSON.parse(block);
    expect(await validate(template)).toMatchObject({ valid: true, problems: [], claimCount: 1 });
    const res = await t.exec(INGEST, { doc: template });
    expect(res.errors).toBeUndefined();
    expect(res.data!.ingest.claimCount).toBe(1);
    const chain = await t.exec(`{ sourceChain(claimId: "claim:gazette-surrenders-weekly-aug-2024") { origins { source { id } institutions { id } } } }`);
    expect(chain.data!.sourceChain.origins).toEqual([{ source: { id: 'src:surrender-project-data-2025' }, institutions: [{ id: 'org:defence-ministry' }] }]);
  });
});
