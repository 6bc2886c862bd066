/**
 * CLAIMGRAPH_PERSISTED_ONLY: only the explorer's compiled operations (and the exports') run; any
 * other document is refused with OPERATION_NOT_LISTED before it costs anything.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClaimComparisonsChangedDocument, NodePropertiesDocument, SearchDocument } from '../../web/src/generated/graphql.js';
import { seedGraph } from '../helpers/graph.js';
import { createTestApp, type TestApp } from '../helpers/testApp.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp(undefined, { persistedOnly: true });
  await seedGraph(t.db);
});
afterAll(() => t.close());

const post = (query: string, variables: Record<string, unknown> = {}) =>
  t.app.http.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json' }, payload: { query, variables } });

describe('a server that runs only listed operations', () => {
  it("runs the explorer's operations, as compiled or reformatted", async () => {
    const r = await post(SearchDocument.toString(), { text: 'Ukraine' });
    expect(r.statusCode).toBe(200);
    expect(r.json().data.search.length).toBeGreaterThan(0);
    // Layout, comments and field order do not matter: the normalized document does.
    const reformatted = '# a comment\nquery NodeProperties($id: ID!) { graph(seeds: [$id], depth: 1, limit: 1) {\n nodes { properties id } } }';
    const p = await post(reformatted, { id: 'region:ukraine' });
    expect(p.json().errors).toBeUndefined();
    expect(p.json().data.graph.nodes[0].id).toBe('region:ukraine');
    expect((await post(NodePropertiesDocument.toString(), { id: 'region:ukraine' })).json()).toEqual(p.json());
  });

  it('refuses any other document with OPERATION_NOT_LISTED (400), whatever its name', async () => {
    for (const query of ['{ __typename }', 'query Search($text: String!) { search(text: $text, first: 100) { id } }', '{ __schema { types { name } } }']) {
      const r = await post(query, { text: 'Ukraine' });
      expect(r.statusCode).toBe(400);
      expect(r.json().errors[0].extensions.code).toBe('OPERATION_NOT_LISTED');
      expect(r.json().data).toBeUndefined();
    }
  });

  it('guards the subscription stream the same way: the explorer’s subscription opens, any other is refused', async () => {
    const stream = (query: string) =>
      t.app.http.inject({ method: 'POST', url: '/graphql/stream', headers: { 'content-type': 'application/json', accept: 'text/event-stream' }, payload: { query, variables: { id: 'claim:x' } } });
    const r = await stream('subscription { claimsAdded { cursor } }');
    expect(r.statusCode).toBe(400);
    expect(r.json().errors[0].extensions.code).toBe('OPERATION_NOT_LISTED');
    const address = await t.app.http.listen({ port: 0, host: '127.0.0.1' });
    const gone = new AbortController();
    const open = await fetch(`${address}/graphql/stream`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: ClaimComparisonsChangedDocument.toString(), variables: { id: 'claim:x' } }),
      signal: gone.signal,
    });
    expect(open.status).toBe(200);
    expect(open.headers.get('content-type')).toMatch(/text\/event-stream/);
    gone.abort();
  });

  it('still serves the export routes, which run listed operations of their own', async () => {
    const r = await t.app.http.inject({ method: 'GET', url: '/export/claimreview.jsonld?claim=claim:express-2025-casualties-2025-almost-420000' });
    expect(r.statusCode).toBe(200);
    expect(r.json()['@type']).toBe('ClaimReview');
  });
});
