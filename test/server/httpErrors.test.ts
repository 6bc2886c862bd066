/**
 * Failures outside GraphQL (malformed JSON, wrong content type, oversize body, unknown route)
 * answer in the GraphQL error shape with a stable code; CORS lets configured browser origins in
 * (preflight for POST + JSON + Authorization) and no others.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../src/db/database.js';
import { BODY_LIMIT, createApp, type App } from '../../src/server/app.js';
import { testTarget } from '../helpers/testApp.js';

const db = Database.connect(testTarget());
let app: App;
beforeAll(async () => {
  app = await createApp({ db, logLevel: 'silent', corsOrigins: ['https://frontend.example'] });
});
afterAll(async () => {
  await app.http.close();
  await db.close();
});

function expectCoded(res: { statusCode: number; json(): any }, status: number, code: string) {
  expect(res.statusCode).toBe(status);
  const body = res.json();
  expect(body.errors[0].extensions.code).toBe(code);
  expect(typeof body.errors[0].message).toBe('string');
}

describe('errors outside GraphQL carry a code', () => {
  it('malformed JSON', async () => {
    const res = await app.http.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json' }, payload: '{"query": ' });
    expectCoded(res, 400, 'BAD_REQUEST');
  });

  it('a wrong content type', async () => {
    const res = await app.http.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/xml' }, payload: '<query/>' });
    expectCoded(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('an oversize body', async () => {
    const res = await app.http.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json', 'x-request-id': 'oversize-1' },
      payload: `{"query":"${'a'.repeat(BODY_LIMIT)}"}`,
    });
    expectCoded(res, 413, 'PAYLOAD_TOO_LARGE');
    // An error answer names its request like any other.
    expect(res.headers['x-request-id']).toBe('oversize-1');
  });

  it('an empty body', async () => {
    const res = await app.http.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json' }, payload: '' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].extensions.code).toMatch(/BAD_REQUEST/);
  });

  it('an unknown route', async () => {
    expectCoded(await app.http.inject({ method: 'GET', url: '/nope?x=1' }), 404, 'NOT_FOUND');
    expectCoded(await app.http.inject({ method: 'DELETE', url: '/graphql' }), 404, 'NOT_FOUND');
  });
});

describe('CORS', () => {
  it('a configured origin gets a working preflight for POST with JSON and a key', async () => {
    const res = await app.http.inject({
      method: 'OPTIONS',
      url: '/graphql',
      headers: { origin: 'https://frontend.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' },
    });
    expect(res.statusCode).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe('https://frontend.example');
    expect(String(res.headers['access-control-allow-methods'])).toContain('POST');
    expect(String(res.headers['access-control-allow-headers'])).toMatch(/content-type/);
    expect(String(res.headers['access-control-allow-headers'])).toMatch(/authorization/);
    const post = await app.http.inject({ method: 'POST', url: '/graphql', headers: { origin: 'https://frontend.example', 'content-type': 'application/json' }, payload: { query: '{ __typename }' } });
    expect(post.headers['access-control-allow-origin']).toBe('https://frontend.example');
    expect(post.json().data).toEqual({ __typename: 'Query' });
  });

  it('other origins get no CORS headers', async () => {
    const res = await app.http.inject({
      method: 'OPTIONS',
      url: '/graphql',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it("a GET query without a preflight header is refused by Apollo's CSRF prevention", async () => {
    const res = await app.http.inject({ method: 'GET', url: '/graphql?query=%7B__typename%7D', headers: { origin: 'https://evil.example' } });
    expect(res.statusCode).toBe(400);
    const ok = await app.http.inject({ method: 'GET', url: '/graphql?query=%7B__typename%7D', headers: { 'apollo-require-preflight': 'true' } });
    expect(ok.json().data).toEqual({ __typename: 'Query' });
  });
});

describe('metrics', () => {
  it('GET /metrics answers Prometheus text with requests, cost, round trips and rejections', async () => {
    await app.http.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json' },
      payload: { query: 'query Search($text: String!) { search(text: $text, first: 25) { kind id label } }', variables: { text: 'Ukraine' } },
    });
    await app.http.inject({ method: 'GET', url: '/nowhere' });
    const res = await app.http.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/plain/);
    expect(res.body).toMatch(/claimgraph_graphql_requests_total\{operation="Search",outcome="ok"\} 1/);
    expect(res.body).toMatch(/claimgraph_graphql_request_cost_count \d+/);
    expect(res.body).toMatch(/claimgraph_db_round_trips_per_request_sum [1-9]/);
    expect(res.body).toMatch(/claimgraph_http_errors_total\{code="NOT_FOUND"\} [1-9]\d*/);
    expect(res.body).toMatch(/claimgraph_db_queries_in_flight 0/);
  });

  it('labels only the listed operations by name: a client cannot grow the series without bound', async () => {
    const send = (name: string) => app.http.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json' }, payload: { query: `query ${name} { __typename }` } });
    for (let i = 0; i < 50; i++) await send(`Flood${i}`);
    const body = (await app.http.inject({ method: 'GET', url: '/metrics' })).body;
    const names = new Set([...body.matchAll(/claimgraph_graphql_requests_total\{operation="([^"]+)"/g)].map((m) => m[1]));
    expect([...names].filter((n) => n.startsWith('Flood'))).toEqual([]);
    expect(names.has('Search')).toBe(true);
    // (Some of the flood may be rate-limited: the outcome is not what this counts.)
    expect(body).toMatch(/claimgraph_graphql_requests_total\{operation="other",outcome="\w+"\} [1-9]/);
  });
});

describe('compression', () => {
  it('large answers are compressed for clients that accept it, small ones are not', async () => {
    const big = await app.http.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json', 'accept-encoding': 'gzip' },
      payload: { query: '{ __schema { types { name description fields { name description } } } }' },
    });
    expect(big.statusCode).toBe(200);
    expect(big.headers['content-encoding']).toBe('gzip');
    const { gunzipSync } = await import('node:zlib');
    expect(JSON.parse(gunzipSync(big.rawPayload).toString()).data.__schema.types.length).toBeGreaterThan(50);
    const small = await app.http.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json', 'accept-encoding': 'gzip' }, payload: { query: '{ __typename }' } });
    expect(small.headers['content-encoding']).toBeUndefined();
  });
});
