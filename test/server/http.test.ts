/**
 * The HTTP surface through Fastify's inject (the real routes, the real database): health,
 * GraphQL over POST and GET, request ids, query limits, masked internal errors, and the
 * offline IDE.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/testApp.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('health', () => {
  it('live answers without touching the database', async () => {
    const res = await t.app.http.inject({ method: 'GET', url: '/health/live' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('ready is 200 while Neo4j answers', async () => {
    const res = await t.app.http.inject({ method: 'GET', url: '/health/ready' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ready' });
  });
});

describe('GraphQL over HTTP', () => {
  it('answers POST /graphql and echoes the request id', async () => {
    const res = await t.app.http.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json', 'x-request-id': 'test-req-1' },
      payload: { query: '{ node(id: "org:nobody") { id } }' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-request-id']).toBe('test-req-1');
    expect(res.json().data).toEqual({ node: null });
    expect(res.json().extensions.cost).toMatchObject({ requestedQueryCost: 1, actualQueryCost: 0 });
  });

  it('answers GET /graphql?query=… for clients that cache GETs', async () => {
    const res = await t.app.http.inject({ method: 'GET', url: `/graphql?query=${encodeURIComponent('{ node(id: "x:y") { id } }')}`, headers: { 'apollo-require-preflight': 'true' } });
    expect(res.json().data).toEqual({ node: null });
    expect(res.json().extensions.cost).toMatchObject({ requestedQueryCost: 1, actualQueryCost: 0 });
  });

  it('rejects queries nested deeper than the limit before running them', async () => {
    let sel = 'id';
    for (let i = 0; i < 14; i++) sel = `partOf { ${sel} subsidiaries { id } }`;
    const res = await t.app.http.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json' }, payload: { query: `{ organization(id: "org:x") { ${sel} } }` } });
    const body = res.json();
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(body.errors[0].message).toMatch(/depth limit of 12 exceeded/);
    expect(body.errors[0].extensions.limit).toEqual({ kind: 'depth', max: 12 });
    expect(body.data).toBeUndefined();
  });

  it('reports invalid arguments as BAD_USER_INPUT', async () => {
    const res = await t.app.http.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json' }, payload: { query: '{ claims(first: 0) { totalCount } }' } });
    expect(res.json().errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});

describe('GraphiQL', () => {
  it('serves the IDE to a browser at /graphql, with no CDN reference', async () => {
    const res = await t.app.http.inject({ method: 'GET', url: '/graphql', headers: { accept: 'text/html' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.body).toContain('GraphiQL');
    expect(res.body).not.toMatch(/https?:\/\//);
  });

  it('serves its scripts and styles from installed packages', async () => {
    for (const asset of ['react.js', 'react-dom.js', 'graphiql.js', 'graphiql.css']) {
      const res = await t.app.http.inject({ method: 'GET', url: `/graphiql/${asset}` });
      expect(res.statusCode, asset).toBe(200);
      expect(res.body.length, asset).toBeGreaterThan(1000);
    }
    expect((await t.app.http.inject({ method: 'GET', url: '/graphiql/..%2Fpackage.json' })).statusCode).toBe(404);
  });
});

describe('the ingest format at hand', () => {
  it('serves the JSON Schema and the examples the ingest dialog links to, and nothing else from that folder', async () => {
    const schema = await t.app.http.inject({ method: 'GET', url: '/schema/ingest.schema.json' });
    expect(schema.statusCode).toBe(200);
    expect(schema.headers['content-type']).toMatch(/^application\/schema\+json/);
    expect(schema.json().$schema).toMatch(/2020-12/);
    const list = (await t.app.http.inject({ method: 'GET', url: '/examples/' })).json();
    expect(list.examples.map((e: { name: string }) => e.name)).toContain('01-statement.json');
    const one = await t.app.http.inject({ method: 'GET', url: list.examples[0].href });
    expect(one.statusCode).toBe(200);
    expect(one.json().source.id).toMatch(/^src:/);
    for (const url of ['/examples/README.md', '/examples/..%2F..%2Fpackage.json', '/examples/%2e%2e%2fseed']) {
      const res = await t.app.http.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(404);
      expect(res.json().errors[0].extensions.code).toBe('NOT_FOUND');
    }
  });
});
