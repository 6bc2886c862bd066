/**
 * Hostile HTTP, below GraphQL: requests written byte for byte to a raw socket of the real,
 * listening server (no client library to tidy them up). Names that reach Object.prototype in a
 * lookup table, requests without a Host header, operation types the schema does not have,
 * malformed automatic persisted queries, and a sweep of odd methods, bodies and paths. The bar:
 * every refusal is a 4xx in the GraphQL error shape with a code, never a 5xx and never
 * INTERNAL_SERVER_ERROR.
 */
import net from 'node:net';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../src/db/database.js';
import { createApp, type App } from '../../src/server/app.js';
import { testTarget } from '../helpers/testApp.js';

const db = Database.connect(testTarget());
let app: App;
let port: number;

beforeAll(async () => {
  app = await createApp({ db, logLevel: process.env.TEST_LOG_LEVEL ?? 'silent', requestTimeoutMs: 2_000 });
  await app.http.listen({ port: 0, host: '127.0.0.1' });
  port = (app.http.server.address() as net.AddressInfo).port;
});
afterAll(async () => {
  await app.http.close();
  await db.close();
});

interface RawResponse {
  raw: string;
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Writes `request` as it is and reads until the server closes the connection. */
function raw(request: string | Buffer): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = net.connect(port, '127.0.0.1', () => socket.write(request));
    socket.on('data', (d) => chunks.push(d));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const split = text.indexOf('\r\n\r\n');
      if (!text.startsWith('HTTP/') || split < 0) return reject(new Error(`no HTTP answer: ${JSON.stringify(text.slice(0, 200))}`));
      const [statusLine, ...lines] = text.slice(0, split).split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of lines) {
        const colon = line.indexOf(':');
        headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
      }
      let body = text.slice(split + 4);
      if (headers['transfer-encoding'] === 'chunked') {
        let out = '';
        for (let rest = body; ;) {
          const eol = rest.indexOf('\r\n');
          const size = parseInt(rest.slice(0, eol), 16);
          if (!size) break;
          out += rest.slice(eol + 2, eol + 2 + size);
          rest = rest.slice(eol + 2 + size + 2);
        }
        body = out;
      }
      resolve({ raw: text, status: Number(statusLine.split(' ')[1]), headers, body });
    });
    socket.setTimeout(10_000, () => socket.destroy());
  });
}

/** An HTTP/1.1 request with a Host, closing the connection after the answer. */
function request(method: string, path: string, opts: { body?: string; headers?: Record<string, string>; version?: string; host?: string | null } = {}): string {
  const headers: Record<string, string> = { ...(opts.host === null ? {} : { Host: opts.host ?? 'localhost' }), Connection: 'close', ...opts.headers };
  if (opts.body !== undefined) {
    headers['Content-Type'] ??= 'application/json';
    headers['Content-Length'] = String(Buffer.byteLength(opts.body));
  }
  const head = Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('');
  return `${method} ${path} HTTP/${opts.version ?? '1.1'}\r\n${head}\r\n${opts.body ?? ''}`;
}

const post = (body: unknown, headers: Record<string, string> = {}) => request('POST', '/graphql', { body: typeof body === 'string' ? body : JSON.stringify(body), headers });

function expectCoded(res: RawResponse, status: number, code: string | RegExp): any {
  expect(res.status, res.raw.slice(0, 400)).toBe(status);
  const body = JSON.parse(res.body);
  expect(body.errors[0].extensions.code).toMatch(code);
  expect(typeof body.errors[0].message).toBe('string');
  expect(res.body).not.toContain('INTERNAL_SERVER_ERROR');
  return body;
}

describe('IDE asset names that are not own keys of the table', () => {
  for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', '__defineGetter__', 'propertyIsEnumerable', 'toLocaleString']) {
    it(`GET /graphiql/${name} is 404 NOT_FOUND, not cached for a day`, async () => {
      const res = await raw(request('GET', `/graphiql/${name}`));
      expectCoded(res, 404, 'NOT_FOUND');
      expect(res.headers['cache-control'] ?? '').not.toMatch(/max-age=[1-9]/);
    });
  }

  it('the real assets are still served, and cached', async () => {
    const res = await raw(request('GET', '/graphiql/graphiql.css'));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/css/);
    expect(res.headers['cache-control']).toBe('public, max-age=86400');
  });
});

describe('requests without a usable Host header', () => {
  const body = JSON.stringify({ query: '{ __typename }' });

  it('HTTP/1.0 POST /graphql without Host is a coded 400', async () => {
    const res = await raw(request('POST', '/graphql', { body, version: '1.0', host: null }));
    expectCoded(res, 400, 'BAD_REQUEST');
  });

  it('HTTP/1.1 POST /graphql without Host is a coded 400', async () => {
    const res = await raw(request('POST', '/graphql', { body, host: null }));
    expectCoded(res, 400, 'BAD_REQUEST');
  });

  it('HTTP/1.1 GET of another route without Host is a coded 400 too', async () => {
    expectCoded(await raw(request('GET', '/metrics', { host: null })), 400, 'BAD_REQUEST');
  });

  it('an HTTP/1.0 health probe without Host (load balancer checks) still answers', async () => {
    const res = await raw(request('GET', '/health/live', { version: '1.0', host: null }));
    expect(res.status).toBe(200);
  });

  it('an empty Host is a coded 400', async () => {
    expectCoded(await raw(request('POST', '/graphql', { body, host: '' })), 400, 'BAD_REQUEST');
  });

  for (const host of ['a b', '[', ':::', 'x:99999', '%', '\u00e9', 'a/b', 'a?b', 'a#b', '@', '[::1', 'localhost:', '..']) {
    it(`Host ${JSON.stringify(host)} answers GraphQL, or a coded 400`, async () => {
      const res = await raw(request('POST', '/graphql', { body, host }));
      expect(res.status, res.raw.slice(0, 300)).toBeLessThan(500);
      if (res.status === 200) expect(JSON.parse(res.body).data).toEqual({ __typename: 'Query' });
      else expectCoded(res, 400, 'BAD_REQUEST');
    });
  }

  it('HTTP/1.0 with a Host works as usual', async () => {
    const res = await raw(request('POST', '/graphql', { body, version: '1.0' }));
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body).data).toEqual({ __typename: 'Query' });
  });
});

describe('operation types the schema does not have', () => {
  it('a subscription is a 400 GRAPHQL_VALIDATION_FAILED', async () => {
    const body = expectCoded(await raw(post({ query: 'subscription { __typename }' })), 400, 'GRAPHQL_VALIDATION_FAILED');
    expect(body.errors[0].message).toMatch(/subscription/i);
    expect(body.data).toBeUndefined();
  });

  it('a named subscription next to a query, chosen by operationName, is refused the same way', async () => {
    expectCoded(await raw(post({ query: 'query Q { __typename } subscription S { __typename }', operationName: 'S' })), 400, 'GRAPHQL_VALIDATION_FAILED');
  });

  it('a subscription over GET is refused with a code too', async () => {
    const res = await raw(request('GET', `/graphql?query=${encodeURIComponent('subscription { __typename }')}`, { headers: { 'apollo-require-preflight': 'true' } }));
    expectCoded(res, 400, /^(GRAPHQL_VALIDATION_FAILED|BAD_REQUEST)$/);
  });
});

describe('automatic persisted queries', () => {
  const query = '{ __typename }';
  const sha = createHash('sha256').update(query).digest('hex');

  it('a hash that does not match the query is a 400 BAD_REQUEST', async () => {
    const body = expectCoded(await raw(post({ query, extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } } })), 400, 'BAD_REQUEST');
    expect(body.errors[0].message).toMatch(/sha/i);
  });

  it('version 2 is a 400 BAD_REQUEST', async () => {
    const body = expectCoded(await raw(post({ query, extensions: { persistedQuery: { version: 2, sha256Hash: sha } } })), 400, 'BAD_REQUEST');
    expect(body.errors[0].message).toMatch(/version/i);
  });

  it('a matching hash registers the query, and the hash alone runs it', async () => {
    const first = await raw(post({ query, extensions: { persistedQuery: { version: 1, sha256Hash: sha } } }));
    expect(JSON.parse(first.body).data).toEqual({ __typename: 'Query' });
    const second = await raw(post({ extensions: { persistedQuery: { version: 1, sha256Hash: sha } } }));
    expect(JSON.parse(second.body).data).toEqual({ __typename: 'Query' });
  });

  it('an unknown hash alone is PERSISTED_QUERY_NOT_FOUND (the client then sends the query)', async () => {
    const res = await raw(post({ extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } }));
    expect(res.status).toBeLessThan(500);
    expect(JSON.parse(res.body).errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  for (const [name, persistedQuery] of [
    ['a string', 'x'],
    ['a number', 1],
    ['an array', [1]],
    ['true', true],
    ['no version', { sha256Hash: sha }],
    ['version "1"', { version: '1', sha256Hash: sha }],
    ['a numeric hash', { version: 1, sha256Hash: 5 }],
    ['an object hash', { version: 1, sha256Hash: { toString: 1 } }],
    ['an array hash', { version: 1, sha256Hash: [sha] }],
    ['a null hash', { version: 1, sha256Hash: null }],
    ['no hash', { version: 1 }],
    ['a huge hash', { version: 1, sha256Hash: 'a'.repeat(100_000) }],
  ] as const) {
    for (const withQuery of [true, false]) {
      it(`persistedQuery ${name}, ${withQuery ? 'with' : 'without'} the query, is a coded 4xx`, async () => {
        const res = await raw(post({ ...(withQuery ? { query } : {}), extensions: { persistedQuery } }));
        expect(res.status, res.raw.slice(0, 300)).toBeGreaterThanOrEqual(200);
        expect(res.status, res.raw.slice(0, 300)).toBeLessThan(500);
        expect(res.body).not.toContain('INTERNAL_SERVER_ERROR');
        const body = JSON.parse(res.body);
        if (body.errors) for (const e of body.errors) expect(typeof e.extensions?.code).toBe('string');
      });
    }
  }

  it('over GET, a mismatched hash is a coded 400 too', async () => {
    const ext = encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } }));
    const res = await raw(request('GET', `/graphql?query=${encodeURIComponent(query)}&extensions=${ext}`, { headers: { 'apollo-require-preflight': 'true' } }));
    expectCoded(res, 400, 'BAD_REQUEST');
  });
});

describe('a sweep of odd HTTP requests', () => {
  const q = JSON.stringify({ query: '{ __typename }' });
  const preflight = { 'apollo-require-preflight': 'true' };
  const corpus: [string, string | Buffer][] = [
    ...['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'PROPFIND', 'SEARCH', 'PURGE', 'LINK', 'MKCOL'].map((m): [string, string] => [`${m} /graphql`, request(m, '/graphql', { body: q })]),
    ['HEAD /graphql', request('HEAD', '/graphql')],
    ['an unknown method token', request('FOO', '/graphql', { body: q })],
    ['CONNECT', request('CONNECT', 'localhost:80')],
    ['GET mutation', request('GET', `/graphql?query=${encodeURIComponent('mutation { ingest(document: {source: {id: "src:g", kind: ARTICLE}}) { claimCount } }')}`, { headers: preflight })],
    ['GET mutation without preflight header', request('GET', `/graphql?query=${encodeURIComponent('mutation { __typename }')}`)],
    ['GET query without preflight header', request('GET', `/graphql?query=${encodeURIComponent('{ __typename }')}`)],
    ['GET query twice', request('GET', '/graphql?query=%7B__typename%7D&query=%7B__typename%7D', { headers: preflight })],
    ['GET variables not JSON', request('GET', '/graphql?query=%7B__typename%7D&variables=%7B', { headers: preflight })],
    ['GET variables a JSON array', request('GET', '/graphql?query=%7B__typename%7D&variables=%5B%5D', { headers: preflight })],
    ['GET extensions a number', request('GET', '/graphql?query=%7B__typename%7D&extensions=5', { headers: preflight })],
    ['GET no query', request('GET', '/graphql', { headers: preflight })],
    ['GET empty query', request('GET', '/graphql?query=', { headers: preflight })],
    ['GET malformed percent', request('GET', '/graphql?query=%E0%A4%A', { headers: preflight })],
    ['GET query with a text/plain content type', request('GET', '/graphql?query=%7B__typename%7D', { headers: { ...preflight, 'Content-Type': 'text/plain' } })],
    ['GET bracketed query params', request('GET', '/graphql?query[a]=1&query[b]=2', { headers: preflight })],
    ['GET __proto__ query param', request('GET', '/graphql?__proto__=1&constructor=2&query=%7B__typename%7D', { headers: preflight })],
    ['invalid JSON', post('{"query": ')],
    ['JSON array body', post([{ query: '{ __typename }' }])],
    ['JSON string body', post('"{ __typename }"')],
    ['JSON number body', post('42')],
    ['JSON null body', post('null')],
    ['JSON true body', post('true')],
    ['empty object', post({})],
    ['empty body', post('')],
    ['text/plain', request('POST', '/graphql', { body: q, headers: { 'Content-Type': 'text/plain' } })],
    ['application/graphql', request('POST', '/graphql', { body: '{ __typename }', headers: { 'Content-Type': 'application/graphql' } })],
    ['form-encoded', request('POST', '/graphql', { body: 'query=%7B__typename%7D', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } })],
    ['multipart', request('POST', '/graphql', { body: '--x\r\n\r\n--x--', headers: { 'Content-Type': 'multipart/form-data; boundary=x' } })],
    ['no content type', `POST /graphql HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: ${q.length}\r\n\r\n${q}`],
    ['variables as a string', post({ query: '{ __typename }', variables: '{}' })],
    ['variables as a number', post({ query: '{ __typename }', variables: 1 })],
    ['variables as an array', post({ query: '{ __typename }', variables: [] })],
    ['extensions as a number', post({ query: '{ __typename }', extensions: 1 })],
    ['extensions as a string', post({ query: '{ __typename }', extensions: '{}' })],
    ['extensions as an array', post({ query: '{ __typename }', extensions: [] })],
    ['operationName as a number', post({ query: '{ __typename }', operationName: 1 })],
    ['operationName as an object', post({ query: '{ __typename }', operationName: {} })],
    ['operationName unknown', post({ query: 'query A { __typename }', operationName: 'B' })],
    ['two operations, no name', post({ query: 'query A { __typename } query B { __typename }' })],
    ['query a number', post({ query: 1 })],
    ['query an object', post({ query: {} })],
    ['query an AST', post({ query: { kind: 'Document', definitions: [] } })],
    ['query an array', post({ query: ['{ __typename }'] })],
    ['query true', post({ query: true })],
    ['query empty', post({ query: '' })],
    ['query only whitespace', post({ query: '   ' })],
    ['query null, no extensions', post({ query: null })],
    ['__proto__ key', post('{"__proto__": {"query": "{ __typename }"}, "query": "{ __typename }"}')],
    ['constructor key', post('{"constructor": {"prototype": {"polluted": 1}}, "query": "{ __typename }"}')],
    ['__proto__ in variables', post('{"query": "query($x: String) { __typename }", "variables": {"__proto__": {"x": 1}}}')],
    ['unknown top-level keys', post({ query: '{ __typename }', id: 'x', documentId: 'y' })],
    ['extensions with odd keys', post({ query: '{ __typename }', extensions: { clientLibrary: 5, __proto__: 1, persistedQuery: null } })],
    ['an accept the server cannot give', post(q, { Accept: 'image/png' })],
    ['accept multipart only', post(q, { Accept: 'multipart/mixed' })],
    ['@defer without multipart', post({ query: '{ ... @defer { __typename } }' })],
    ['@stream', post({ query: '{ claims(first: 2) { edges @stream { cursor } } }' })],
    ['charset utf-16', request('POST', '/graphql', { body: q, headers: { 'Content-Type': 'application/json; charset=utf-16' } })],
    ['content-encoding gzip, body plain', post(q, { 'Content-Encoding': 'gzip' })],
    ['content-encoding unknown', post(q, { 'Content-Encoding': 'zstd-nope' })],
    ['content-length too short', `POST /graphql HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: 5\r\n\r\n${q}`],
    ['content-length negative', `POST /graphql HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: -1\r\n\r\n${q}`],
    ['content-length and chunked', `POST /graphql HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`],
    ['chunked body', `POST /graphql HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n${q.length.toString(16)}\r\n${q}\r\n0\r\n\r\n`],
    ['bad chunk size', `POST /graphql HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n${q}\r\n0\r\n\r\n`],
    ['two Host headers', `POST /graphql HTTP/1.1\r\nHost: a\r\nHost: b\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: ${q.length}\r\n\r\n${q}`],
    ['a header with no colon', `GET /health/live HTTP/1.1\r\nHost: x\r\nnonsense\r\nConnection: close\r\n\r\n`],
    ['a NUL in a header', `GET /health/live HTTP/1.1\r\nHost: x\r\nX-A: a\u0000b\r\nConnection: close\r\n\r\n`],
    ['HTTP/2.0 on the wire', request('GET', '/health/live', { version: '2.0' })],
    ['HTTP/0.9', 'GET /\r\n\r\n'],
    ['HTTP/1.2', request('GET', '/health/live', { version: '1.2' })],
    ['a long x-request-id', request('GET', '/health/live', { headers: { 'x-request-id': 'r'.repeat(5000) } })],
    ['x-request-id with odd characters', request('GET', '/health/live', { headers: { 'x-request-id': '"\\<script>' } })],
    ['absolute-form target', request('POST', 'http://evil.example/graphql', { body: q })],
    ['asterisk target', request('OPTIONS', '*')],
    ['authority target on GET', request('GET', 'localhost:80')],
    ['garbage bytes', Buffer.from([0x16, 0x03, 0x01, 0x00, 0xff, 0x01, 0x00, 0x00, 0x0d, 0x0a, 0x0d, 0x0a])],
    // Paths.
    ...[
      '/%00',
      '/graphql%00',
      '/%00graphql',
      '/graphiql/%00',
      '/graphiql/react.js%00',
      '/..%2f',
      '/..%2f..%2fetc%2fpasswd',
      '/graphiql/..%2f..%2fpackage.json',
      '/graphiql/%2e%2e%2fpackage.json',
      '/graphiql/%2e%2e',
      '/graphiql/',
      '/graphiql',
      '/graphiql/%',
      '/graphiql/%ZZ',
      '/graphiql/%E0%A4%A',
      '/%',
      '/%ZZ',
      '/assets/%00',
      '/assets/%2e%2e%2fpackage.json',
      '/assets/..%5c..%5cpackage.json',
      '/assets/constructor',
      '/assets/__proto__',
      '/export/prov.jsonld?claim[]=a&claim[]=b',
      '/export/prov.jsonld?claim=%00',
      '/export/claimreview.jsonld?claim[__proto__]=x',
      '/export/prov.jsonld?claim=x&maxDepth=NaN',
      '/export/prov.jsonld?claim=x&maxDepth=1e309',
      '/export/prov.jsonld?claim=x&maxDepth=-1',
      '//graphql',
      '/graphql/',
      '/graphql//',
      '/GRAPHQL',
      '/graphql;a=b',
      '/graphql?',
      '/graphql#x',
      '/./graphql',
      '/graphql/../graphql',
      '/health/live/..',
      '/health/%6cive',
      '/metrics?%00',
      '/constructor',
      '/__proto__',
      '/toString',
      '/\u00e9',
      '/\\..\\package.json',
      `/${'a'.repeat(8_000)}`,
      `/graphql?query=${'%7B'.repeat(2_000)}`,
      `/graphiql/${'a'.repeat(8_000)}`,
      `/${'a'.repeat(100_000)}`,
    ].map((p): [string, string] => [`GET ${p.slice(0, 60)}`, request('GET', p, { headers: preflight })]),
    ['POST to an unknown path', request('POST', '/..%2fgraphql', { body: q })],
    ['POST to an IDE asset', request('POST', '/graphiql/react.js', { body: q })],
    ['POST to health', request('POST', '/health/live', { body: q })],
  ];

  it(`${corpus.length} requests: each < 500, no INTERNAL_SERVER_ERROR, every error coded`, async () => {
    const problems: string[] = [];
    for (const [name, req] of corpus) {
      let res: RawResponse;
      try {
        res = await raw(req);
      } catch (err) {
        // CONNECT has no listener: Node closes the connection, as it should for an unsupported tunnel.
        if (name === 'CONNECT' || name === 'HTTP/0.9') continue;
        problems.push(`${name}: ${(err as Error).message}`);
        continue;
      }
      if (res.status >= 500) problems.push(`${name}: HTTP ${res.status} ${res.body.slice(0, 200)}`);
      // (Prometheus text names the code as a label value; only JSON answers are searched.)
      if (/json/.test(res.headers['content-type'] ?? '') && res.body.includes('INTERNAL_SERVER_ERROR')) problems.push(`${name}: INTERNAL_SERVER_ERROR in ${res.body.slice(0, 200)}`);
      if (res.status >= 400 && name !== 'HEAD /graphql') {
        let body: any;
        try {
          body = JSON.parse(res.body);
        } catch {
          problems.push(`${name}: ${res.status} not JSON: ${JSON.stringify(res.body.slice(0, 100))}`);
          continue;
        }
        if (!Array.isArray(body.errors) || !body.errors.every((e: any) => typeof e?.extensions?.code === 'string' && typeof e.message === 'string')) {
          problems.push(`${name}: ${res.status} without coded errors: ${res.body.slice(0, 200)}`);
        }
      }
      if (res.status >= 400 && /max-age=[1-9]/.test(res.headers['cache-control'] ?? '')) problems.push(`${name}: an error cached: ${res.headers['cache-control']}`);
    }
    expect(problems).toEqual([]);
    // Nothing above got into Object.prototype.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // And the server still answers.
    expect((await raw(request('GET', '/health/live'))).status).toBe(200);
  }, 120_000);
});
