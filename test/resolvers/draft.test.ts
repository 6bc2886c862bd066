/**
 * Query.draft through GraphQL against the real database: the seed article drafted finds its
 * quantified claims with their value, bound and unit and reuses the seed's entity ids; a draft
 * goes through validate and ingest; bad input gets coded errors; nothing is written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphCounts, seedArticleText, seedDocument, seedGraph } from '../helpers/graph.js';
import { createTestApp, type TestApp } from '../helpers/testApp.js';

const SEED_TEXT = seedArticleText();
const DRAFT = `query Draft($input: DraftInput!) {
  draft(input: $input) {
    document
    claims { path claimId sentence { start end text } figure { start end text } fields { field value evidence confidence } confidence attributionInherited mentions { text role kind state id candidates } }
    problems { path message code }
  }
}`;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedGraph(t.db);
});
afterAll(() => t.close());

async function draft(input: Record<string, unknown>) {
  const before = await graphCounts(t.db);
  const res = await t.exec(DRAFT, { input });
  expect(await graphCounts(t.db)).toEqual(before);
  return res;
}

describe('draft: the seed article', () => {
  let res: Awaited<ReturnType<typeof draft>>;
  beforeAll(async () => {
    res = await draft({ text: SEED_TEXT, title: 'Russian soldiers revolt against Putin and surrender to Ukraine in record numbers', publisher: 'Express', publishedAt: '2025-12-10' });
  });

  it('finds every quantified claim of the hand-made document with its value, bound and unit', () => {
    expect(res.errors).toBeUndefined();
    const drafted = res.data!.draft.document.claims as { quantity: Record<string, unknown> }[];
    const gold = seedDocument().claims.filter((c: { quantity?: unknown }) => c.quantity);
    expect(gold).toHaveLength(20);
    const key = (q: Record<string, unknown>) => `${q.value ?? `${q.low}-${q.high}`} ${q.bound} ${q.unit}`;
    const found = new Set(drafted.map((c) => key(c.quantity)));
    const missing = gold.filter((g: { quantity: Record<string, unknown> }) => !found.has(key(g.quantity))).map((g: { id: string }) => g.id);
    expect(missing).toEqual([]);
  });

  it('reuses the seed\'s ids for Syrskii, the General Staff, the "I Want to Live" project and the publisher', () => {
    const doc = res.data!.draft.document;
    const attributed = new Set((doc.claims as { attributedTo?: string[] }[]).flatMap((c) => c.attributedTo ?? []));
    for (const id of ['person:oleksandr-syrskyi', 'org:general-staff-ua', 'org:i-want-to-live', 'org:coordination-hq-pows']) expect(attributed).toContain(id);
    expect(doc.source.publisher).toBe('org:express');
    expect(doc.organizations ?? []).toEqual([]);
    expect(doc.people ?? []).toEqual([]);
  });

  it('says where each figure stands and what decided it, and marks inherited attributions', () => {
    const claims = res.data!.draft.claims;
    for (const c of claims) {
      expect(SEED_TEXT.slice(c.figure.start, c.figure.end)).toBe(c.figure.text);
      expect(SEED_TEXT.slice(c.sentence.start, c.sentence.end)).toBe(c.sentence.text);
    }
    const week = claims.find((c: { figure: { text: string } }) => c.figure.text === '350')!;
    expect(week.attributionInherited).toBe(true);
    const almost = claims.find((c: { figure: { text: string } }) => c.figure.text === '420,000')!;
    expect(almost.fields.find((f: { field: string }) => f.field === 'quantity.bound')).toMatchObject({ value: 'ALMOST', evidence: 'almost' });
  });
});

describe('draft → validate → ingest', () => {
  it('takes a drafted document through the dry run and into the graph', async () => {
    const text =
      'The Office for National Statistics said on Tuesday that 1.2 million people were out of work in March 2025, up from 1.1 million a year earlier. Inflation was 3.4% in the same month, the ONS said.';
    const res = await draft({ text, title: 'Jobless total rises', publisher: 'Example Wire', publishedAt: '2025-04-15' });
    expect(res.errors).toBeUndefined();
    const { document, problems } = res.data!.draft;
    expect(problems.filter((p: { code: string }) => p.code !== 'REVIEW')).toEqual([]);
    const v = await t.exec(`query($doc: IngestDocument!) { validate(document: $doc) { valid problems { path message } } }`, { doc: document });
    expect(v.data!.validate).toEqual({ valid: true, problems: [] });
    const ing = await t.exec(`mutation($doc: IngestDocument!) { ingest(document: $doc) { claimCount } }`, { doc: document });
    expect(ing.errors).toBeUndefined();
    expect(ing.data!.ingest.claimCount).toBe(document.claims.length);
    const millions = document.claims.find((c: { quantity: { value: number } }) => c.quantity.value === 1_200_000);
    expect(millions).toMatchObject({ quantity: { unit: 'persons', bound: 'EXACT' }, period: { start: '2025-03', granularity: 'MONTH' } });
    await seedGraph(t.db);
  });
});

describe('draft: places', () => {
  it('resolves a region the graph holds, and proposes one it lacks after "in"', async () => {
    const res = await draft({ text: 'Fires burned 12,000 hectares in Quebec in 2023, officials said. Some 300 soldiers were captured in Donetsk last year.', publishedAt: '2024-01-10' });
    expect(res.errors).toBeUndefined();
    const doc = res.data!.draft.document;
    expect(doc.regions).toEqual([{ id: 'region:quebec', name: 'Quebec' }]);
    expect(doc.claims.map((c: { regions?: string[] }) => c.regions)).toEqual([['region:quebec'], ['region:donetsk-oblast']]);
  });
});

describe('draft: bad input gets coded errors', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['empty text', { text: '   ' }, 'input.text'],
    ['a 1 MB paste', { text: 'The council said 12 people came. '.repeat(32_000) }, 'input.text'],
    ['binary', { text: 'PK\u0003\u0004\u0000\u0000\u0008\u0000'.repeat(50) }, 'input.text'],
    ['another language, said', { text: 'La inflación subió al 3,4%.', language: 'es' }, 'input.language'],
    [
      'another language, unsaid',
      {
        text: 'Die Inflation in Deutschland ist im März auf 2,2 Prozent gestiegen, teilte das Statistische Bundesamt am Dienstag mit. Im Vormonat hatte sie noch bei 2,5 Prozent gelegen, wie die Behörde in Wiesbaden mitteilte.',
      },
      'input.text',
    ],
    ['a publishedAt that is no date', { text: 'Some 300 people came.', publishedAt: '2025-02-30' }, 'input.publishedAt'],
  ];
  for (const [name, input, jsonPath] of cases) {
    it(name, async () => {
      const res = await draft(input);
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', jsonPath });
    });
  }
});

describe('draft: bounded like every request', () => {
  it("stops at the request's deadline with QUERY_TIMEOUT, and the next draft still answers", async () => {
    const { createApp } = await import('../../src/server/app.js');
    const hurried = await createApp({ db: t.db, logLevel: 'silent', limits: { timeoutMs: 30 } });
    try {
      const long = `${SEED_TEXT}\n`.repeat(30);
      const res = await hurried.http.inject({
        method: 'POST',
        url: '/graphql',
        headers: { 'content-type': 'application/json' },
        payload: { query: DRAFT, variables: { input: { text: long, publishedAt: '2025-12-10' } } },
      });
      expect(res.json().errors[0].extensions.code).toBe('QUERY_TIMEOUT');
    } finally {
      await hurried.http.close();
    }
    const again = await draft({ text: 'Some 300 people came to the meeting, the council said.', publishedAt: '2025-01-02' });
    expect(again.errors).toBeUndefined();
    expect(again.data!.draft.claims).toHaveLength(1);
  });

  it('is priced by the length of the text', async () => {
    const { createApp } = await import('../../src/server/app.js');
    const app = await createApp({ db: t.db, logLevel: 'silent' });
    try {
      const price = async (text: string) => {
        const res = await app.http.inject({
          method: 'POST',
          url: '/graphql',
          headers: { 'content-type': 'application/json' },
          payload: { query: 'query($i: DraftInput!) { draft(input: $i) { problems { path } } }', variables: { i: { text, publishedAt: '2025-12-10' } } },
        });
        return res.json().extensions.cost.requestedQueryCost as number;
      };
      const short = await price('Some 300 people came.');
      const long = await price(SEED_TEXT);
      expect(long - short).toBe(2 * Math.ceil(SEED_TEXT.length / 1000) - 2);
    } finally {
      await app.http.close();
    }
  });
});
