/**
 * Subscriptions over HTTP (graphql-sse at /graphql/stream) against the real database: an ingest
 * raises claimsAdded (filtered) and comparisonsChanged with the verdicts corroboration gives;
 * a subscriber resuming from a cursor gets what it missed, once; refusals come coded before any
 * stream opens; /graphql refuses a subscription and points here.
 */
import { createClient, type Client } from 'graphql-sse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { comparisonDocuments, seedGraph } from '../helpers/graph.js';
import { createTestApp, type TestApp } from '../helpers/testApp.js';

const SEED_ALMOST = 'claim:express-2025-casualties-2025-almost-420000';
const [WIRE, BLOG] = comparisonDocuments();
const INGEST = 'mutation($doc: IngestDocument!) { ingest(document: $doc) { claimCount } }';
const COMPARISONS = `subscription($id: ID!, $after: String) { comparisonsChanged(claimId: $id, after: $after) { cursor ingestion { source { id } } changes { claim { id } other { id } verdict change sameOrigin reason } } }`;
const ADDED = `subscription($measures: [ID!], $after: String) { claimsAdded(filter: { measureIds: $measures }, after: $after) { cursor ingestion { id } claims { change claim { id text } } } }`;

let t: TestApp;
let url: string;
let client: Client;

beforeAll(async () => {
  t = await createTestApp(undefined, { eventPollMs: 50 });
  await seedGraph(t.db);
  const address = await t.app.http.listen({ port: 0, host: '127.0.0.1' });
  url = `${address}/graphql/stream`;
  client = createClient({ url, retryAttempts: 0, fetchFn: fetch });
});
afterAll(async () => {
  client?.dispose();
  await t.close();
});

/** The next `n` events of a subscription, subscribed before `trigger` runs. */
async function collect(query: string, variables: Record<string, unknown>, n: number, trigger?: () => Promise<unknown>) {
  const events = client.iterate({ query, variables });
  const got: any[] = [];
  const done = (async () => {
    for await (const result of events) {
      got.push(result);
      if (got.length >= n) break;
    }
  })();
  // The stream is open once the feed counts it as a listener (its cursor taken).
  await expect.poll(() => t.app.events.listenerCount, { timeout: 5_000, interval: 20 }).toBeGreaterThan(0);
  await trigger?.();
  await Promise.race([done, new Promise((_, reject) => setTimeout(() => reject(new Error(`only ${got.length} of ${n} events`)), 10_000))]);
  return got;
}

async function ingest(doc: unknown) {
  const res = await t.exec(INGEST, { doc });
  expect(res.errors).toBeUndefined();
}

describe('subscriptions', () => {
  let wireCursor = '';

  it('an ingest raises comparisonsChanged with corroboration’s verdicts: one conflict, one agreement', async () => {
    const [event] = await collect(COMPARISONS, { id: SEED_ALMOST }, 1, () => ingest(WIRE));
    expect(event.errors).toBeUndefined();
    const { comparisonsChanged } = event.data;
    wireCursor = comparisonsChanged.cursor;
    expect(comparisonsChanged.ingestion.source.id).toBe(WIRE.source.id);
    const byOther = Object.fromEntries(comparisonsChanged.changes.map((c: any) => [c.claim.id, c]));
    expect(byOther['claim:wire-casualties-2025-about-455000']).toMatchObject({ other: { id: SEED_ALMOST }, verdict: 'CONFLICTS', change: 'NEW_CONFLICT' });
    expect(byOther['claim:wire-casualties-2025-420-thousand']).toMatchObject({ other: { id: SEED_ALMOST }, verdict: 'AGREES' });
    expect(['NEW_AGREEMENT', 'ORIGIN_REPEATED']).toContain(byOther['claim:wire-casualties-2025-420-thousand'].change);
    // The same verdicts a query gives.
    const res = await t.exec(`query { corroboration(claimId: "claim:wire-casualties-2025-about-455000") { comparisons { claim { id } verdict } } }`);
    expect(res.data!.corroboration.comparisons).toContainEqual({ claim: { id: SEED_ALMOST }, verdict: 'CONFLICTS' });
  });

  it('a subscriber resuming from a cursor gets the events it missed, once, then live ones', async () => {
    // Ingested while nobody listened; the resumed stream reads it from the graph.
    await ingest(BLOG);
    const measures = [...new Set(BLOG.claims.map((c: any) => c.measure))];
    const second = { ...BLOG, source: { ...BLOG.source, title: `${BLOG.source.title} (corrected)` }, claims: BLOG.claims.map((c: any) => ({ ...c, text: `${c.text} (corrected)` })) };
    const events = await collect(ADDED, { measures, after: wireCursor }, 2, () => ingest(second));
    expect(events.map((e) => e.errors)).toEqual([undefined, undefined]);
    const [missed, live] = events.map((e) => e.data.claimsAdded);
    expect(Number(missed.cursor)).toBeGreaterThan(Number(wireCursor));
    expect(missed.claims.map((c: any) => c.change)).toEqual(missed.claims.map(() => 'ADDED'));
    expect(missed.claims.map((c: any) => c.claim.id).sort()).toEqual(BLOG.claims.map((c: any) => c.id).sort());
    expect(Number(live.cursor)).toBeGreaterThan(Number(missed.cursor));
    expect(live.claims.every((c: any) => c.change === 'CORRECTED' && c.claim.text.endsWith('(corrected)'))).toBe(true);
  });

  it('frees a stream’s slots and its feed listener as soon as the client goes', async () => {
    const gauge = async () => (await t.app.metrics.subscriptions.get()).values[0]?.value ?? 0;
    const gone = new AbortController();
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: ADDED }),
      signal: gone.signal,
    });
    expect(res.status).toBe(200);
    await expect.poll(() => t.app.events.listenerCount, { timeout: 5_000, interval: 20 }).toBe(1);
    expect(await gauge()).toBe(1);
    gone.abort();
    await expect.poll(() => t.app.events.listenerCount, { timeout: 5_000, interval: 20 }).toBe(0);
    await expect.poll(gauge, { timeout: 5_000, interval: 20 }).toBe(0);
  });

  it('refuses, coded, before a stream opens: an unknown key, a bad cursor, a filter it cannot test, a query', async () => {
    const post = (body: unknown, headers: Record<string, string> = {}) =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...headers }, body: JSON.stringify(body) });
    const unknownKey = await post({ query: ADDED }, { authorization: 'Bearer not-a-key-0123456789' });
    expect(unknownKey.status).toBe(401);
    expect((await unknownKey.json()).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const query = await post({ query: '{ claims(first: 1) { totalCount } }' });
    expect(query.status).toBe(400);
    expect((await query.json()).errors[0].extensions.code).toBe('BAD_REQUEST');
    const tooDeep = await post({ query: `subscription { claimsAdded { claims { claim { ${'statedIn { claims(first: 1) { nodes { '.repeat(8)}id${' } } }'.repeat(8)} } } } }` });
    expect(tooDeep.status).toBe(400);
    for (const [variables, code] of [
      [{ after: 'x' }, 'BAD_USER_INPUT'],
      [{ filter: { text: 'soldiers' } }, 'BAD_USER_INPUT'],
    ] as const) {
      const [event] = await collectErrors(`subscription($after: String, $filter: ClaimFilter) { claimsAdded(after: $after, filter: $filter) { cursor } }`, variables);
      expect(event.extensions.code).toBe(code);
    }
    const onGraphql = await t.exec('subscription { claimsAdded { cursor } }');
    expect(onGraphql.errors?.[0].message).toMatch(/\/graphql\/stream/);
  });
});

async function collectErrors(query: string, variables: Record<string, unknown>): Promise<any[]> {
  try {
    for await (const result of client.iterate({ query, variables })) return (result as any).errors ?? [];
  } catch (err) {
    return Array.isArray(err) ? err : [err];
  }
  return [];
}
