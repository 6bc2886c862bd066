/**
 * A hostile corpus sent to the real server over HTTP (a listening Fastify, the real database):
 * malformed JSON, wrong content types, empty and huge bodies, deep, aliased and fragment-bomb
 * documents, out-of-range and oversized arguments, Lucene syntax, unicode and NUL bytes, garbage
 * ingest documents, unknown routes. The bar: no crash, no answer slower than 5 s, every error
 * with `extensions.code`, the graph unchanged by every rejected write, liveness answering
 * throughout. Then the limits one by one: cost, rate, the request deadline, slow bodies.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../src/db/database.js';
import { createApp, type App } from '../../src/server/app.js';
import { graphCounts, seedDocument, seedGraph } from '../helpers/graph.js';
import { testTarget } from '../helpers/testApp.js';

const db = Database.connect(testTarget());
let app: App;
let base: string;

interface Probe {
  name: string;
  method?: string;
  path?: string;
  contentType?: string | null;
  body?: string | Buffer;
}

const gql = (name: string, query: string, variables?: unknown): Probe => ({ name, body: JSON.stringify({ query, variables }) });
const CLAIM = 'claim:express-2025-record-week-350';

function fragmentBomb(levels: number): string {
  let doc = 'query { ...F0 }';
  for (let i = 0; i < levels; i++) doc += ` fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`;
  return `${doc} fragment F${levels} on Query { __typename }`;
}

function corpus(): Probe[] {
  const probes: Probe[] = [];
  // Malformed JSON and JSON of the wrong shape.
  const malformed = [
    '{',
    '{"query": ',
    '{"query": "{ __typename }"',
    'null',
    '[]',
    '"query"',
    '123',
    'true',
    '{"query": 1}',
    '{"query": null}',
    '{"query": {}}',
    '{"query": []}',
    '{"variables": {}}',
    '{"query": "{ __typename }", "variables": "x"}',
    '{"query": "{ __typename }", "variables": [1]}',
    '{"query": "{ __typename }", "operationName": 5}',
    '{"query": "{ __typename }", "extensions": "x"}',
    '{"query":"{ __typename }",}',
    "{'query': '{ __typename }'}",
    '{"query": "\\u0000"}',
    '\u0000\u0001\u0002',
    '{"a":'.repeat(500),
    '[{"query": "{ __typename }"}]',
    '{"query": "{ __typename }"}{"query": "{ __typename }"}',
    '{"__proto__": {"query": "{ __typename }"}}',
    '{"constructor": {"prototype": {"x": 1}}, "query": "{ __typename }"}',
    '{"query": "query", "operationName": "missing"}',
    '{"query": "query A { __typename } query B { __typename }"}',
    '{"query": "mutation"}',
    '{"query": "subscription { x }"}',
  ];
  malformed.forEach((body, i) => probes.push({ name: `malformed ${i}`, body }));
  for (let i = 0; i < 10; i++) probes.push({ name: `bytes ${i}`, body: Buffer.from(Array.from({ length: 64 + i * 50 }, (_, k) => (k * 37 + i * 11) % 256)) });
  // Wrong content types.
  for (const ct of [
    'text/plain',
    'application/xml',
    'multipart/form-data; boundary=x',
    'application/x-www-form-urlencoded',
    'application/graphql',
    'image/png',
    'application/json-patch+json',
    'application/octet-stream',
    'text/html',
    '',
    'application/json; charset=utf-16',
    'application/json; charset=latin1',
    'APPLICATION/JSON',
    'application/ld+json',
    'application/*',
    '*/*',
    'application/json, text/plain',
    ';;;',
    'a'.repeat(300),
    'text/csv',
  ]) {
    probes.push({ name: `content type "${ct.slice(0, 30)}"`, contentType: ct, body: JSON.stringify({ query: '{ __typename }' }) });
  }
  probes.push({ name: 'no content type', contentType: null, body: JSON.stringify({ query: '{ __typename }' }) });
  // Empty and huge bodies.
  probes.push({ name: 'empty body', body: '' });
  probes.push({ name: 'whitespace body', body: '   \n ' });
  probes.push({ name: 'huge body', body: `{"query":"${'a'.repeat(17 * 1024 * 1024)}"}` });
  probes.push({ name: 'huge query', body: JSON.stringify({ query: `{ ${'__typename '.repeat(200_000)} }` }) });
  probes.push({ name: 'huge variables', body: JSON.stringify({ query: 'query($x: String) { __typename }', variables: { x: 'y'.repeat(1_000_000) } }) });
  probes.push({ name: 'many variables', body: JSON.stringify({ query: '{ __typename }', variables: Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`v${i}`, i])) }) });
  // Deep, aliased and fragment-bomb documents.
  for (const depth of [13, 16, 20, 30, 50, 100]) {
    let sel = 'id';
    for (let i = 0; i < depth; i++) sel = `partOf { ${sel} }`;
    probes.push(gql(`depth ${depth}`, `{ organization(id: "org:express") { ${sel} } }`));
  }
  for (const levels of [5, 10, 16, 20, 24, 30, 40]) probes.push(gql(`fragment fan-out ${levels}`, fragmentBomb(levels)));
  for (const n of [16, 50, 100, 500])
    probes.push(gql(`${n} aliases of graph`, `{ ${Array.from({ length: n }, (_, i) => `g${i}: graph(seeds: ["${CLAIM}"], depth: 3, limit: 1000) { nodes { id } }`).join(' ')} }`));
  for (const n of [10, 15])
    probes.push(
      gql(
        `${n} aliases of nested claims`,
        `{ ${Array.from({ length: n }, (_, i) => `c${i}: claims(first: 100) { edges { node { id statedIn { source { claims(first: 100) { edges { node { id } } } } } } } }`).join(' ')} }`,
      ),
    );
  probes.push(gql('60 directives', `{ __typename ${'@include(if: true) '.repeat(60)} }`));
  probes.push(gql('6000 tokens', `{ ${'__typename '.repeat(6000)} }`));
  probes.push(gql('introspection', '{ __schema { types { name fields { name args { name type { name ofType { name ofType { name } } } } } } } }'));
  probes.push(gql('circular fragments', 'query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }'));
  probes.push(gql('unknown field', '{ nope }'));
  probes.push(gql('syntax error', '{ claims( }'));
  // Out-of-range and oversized arguments.
  for (const first of [-1, 0, 101, 1000, 2147483647, 2147483648, 1.5]) probes.push(gql(`claims first ${first}`, `{ claims(first: ${first}) { totalCount } }`));
  for (const args of ['limit: 0', 'limit: 1001', 'depth: 0', 'depth: 4', 'depth: -1', 'limit: 2147483647', 'edgeTypes: ["NOPE"]', 'edgeTypes: ["STATED_IN) DETACH DELETE n //"]'])
    probes.push(gql(`graph ${args}`, `{ graph(seeds: ["${CLAIM}"], ${args}) { nodes { id } } }`));
  probes.push(gql('graph 101 seeds', `{ graph(seeds: [${Array.from({ length: 101 }, (_, i) => `"x:${i}"`).join(',')}]) { nodes { id } } }`));
  probes.push(gql('graph no seeds', '{ graph(seeds: []) { nodes { id } } }'));
  probes.push(gql('nodes 101 ids', `{ nodes(ids: [${Array.from({ length: 101 }, (_, i) => `"x:${i}"`).join(',')}]) { id } }`));
  probes.push(gql('nodes 20000 ids', 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: Array.from({ length: 20_000 }, (_, i) => `claim:${i}`) }));
  for (const d of [0, 11, -5, 1000]) probes.push(gql(`sourceChain maxDepth ${d}`, `{ sourceChain(claimId: "${CLAIM}", maxDepth: ${d}) { independentOriginCount } }`));
  probes.push(gql('sourceChain unknown claim', '{ sourceChain(claimId: "claim:none") { independentOriginCount } }'));
  probes.push(gql('corroboration unknown', '{ corroboration(claimId: "nope") { credibility } }'));
  probes.push(gql('crossReference one org', '{ crossReference(organizationIds: ["org:express"]) { agreements { gap } } }'));
  probes.push(gql('crossReference 11 orgs', `{ crossReference(organizationIds: [${Array.from({ length: 11 }, (_, i) => `"org:${i}"`).join(',')}]) { agreements { gap } } }`));
  probes.push(gql('crossReference unknown orgs', '{ crossReference(organizationIds: ["org:a", "org:b"]) { agreements { gap } } }'));
  probes.push(gql('filter 101 measures', `{ claims(filter: { measureIds: [${Array.from({ length: 101 }, (_, i) => `"m:${i}"`).join(',')}] }) { totalCount } }`));
  probes.push(gql('filter text 501', `{ claims(filter: { text: "${'x'.repeat(501)}" }) { totalCount } }`));
  probes.push(gql('filter minConfidence 2', '{ claims(filter: { minConfidence: 2 }) { totalCount } }'));
  probes.push(gql('filter period reversed', '{ claims(filter: { period: { from: "2025-12-01", to: "2025-01-01" } }) { totalCount } }'));
  probes.push(gql('filter bad date', '{ claims(filter: { period: { from: "yesterday" } }) { totalCount } }'));
  probes.push(gql('timeline bad asOf', '{ timeline(measureId: "measure:x", asOf: "not a date") { claim { id } } }'));
  for (const after of ['x', '', 'eyJ4IjoxfQ', Buffer.from('[1,2,3]').toString('base64url'), Buffer.from('["a", 5]').toString('base64url'), '%%%', 'a'.repeat(5000)])
    probes.push(gql(`cursor "${after.slice(0, 10)}"`, 'query($a: String) { claims(first: 2, after: $a) { totalCount } }', { a: after }));
  probes.push(gql('ingestions bad cursor', '{ ingestions(after: "zzz") { totalCount } }'));
  probes.push(gql('wrong variable type', 'query($n: Int) { claims(first: $n) { totalCount } }', { n: 'ten' }));
  probes.push(gql('missing variable', 'query($id: ID!) { claim(id: $id) { id } }', {}));
  for (const field of ['sources', 'organizations', 'regions', 'measures', 'ingestions']) {
    for (const first of [-1, 0, 101, 100000, 2147483648]) probes.push(gql(`${field} first ${first}`, `{ ${field}(first: ${first}) { totalCount } }`));
    probes.push(gql(`${field} bad cursor`, `{ ${field}(after: "AAAA") { totalCount } }`));
  }
  for (const [field, arg] of [
    ['organization', 'org:express'],
    ['region', 'region:ukraine'],
    ['measure', 'measure:russian-soldiers-surrendered'],
    ['source', 'src:express-2025-russian-surrenders'],
  ]) {
    for (const first of [0, 101, -7]) probes.push(gql(`${field}.claims first ${first}`, `{ ${field}(id: "${arg}") { claims(first: ${first}) { totalCount } } }`));
  }
  // Lucene syntax and odd search text.
  const cjk = Array.from({ length: 150 }, (_, i) => String.fromCodePoint(0x4e00 + i)).join(' ');
  const searches = [
    '*',
    '?',
    '"',
    '""',
    'AND',
    'OR NOT',
    'title:foo',
    'text:*',
    '\\',
    '~',
    '~1',
    '^3',
    '[a TO z]',
    '{a TO z}',
    '/.*/',
    'a AND (b OR',
    'foo^999999',
    'a~999',
    '+-&&||!(){}[]^"~*?:\\/',
    '*:*',
    cjk,
    cjk.replace(/ /g, ''),
    '漢字'.repeat(250),
    '🙂'.repeat(100),
    'a '.repeat(250),
    'Syrskyi',
    'syrskii',
    'x'.repeat(500),
    'x'.repeat(501),
    '\u0000',
    '\u202eevil',
    'null',
    'undefined',
    'DROP DATABASE neo4j',
    "') MATCH (n) DETACH DELETE n //",
    '$p',
    '{ __typename }',
    'ß',
    'İstanbul',
    'a b c d e f g h i j k l m n o p q r s t u v w x y z',
  ];
  searches.forEach((text, i) => probes.push(gql(`search ${i}`, 'query($t: String!) { search(text: $t) { id } }', { t: text })));
  // Unicode and NUL bytes in ids and text.
  for (const id of [
    '\u0000',
    'claim:\u0000',
    '\ud800',
    '\udfff',
    'claim:\u202e',
    '🙂:🙂',
    'claim:' + 'é'.repeat(1000),
    '',
    ' ',
    'org:express\n',
    'org:express\u0000x',
    '%00',
    '../../etc/passwd',
    "claim:express-2025-record-week-350'",
  ])
    probes.push(gql(`id ${JSON.stringify(id).slice(0, 20)}`, 'query($id: ID!) { node(id: $id) { id } claim(id: $id) { id } }', { id }));
  for (let cp = 0; cp < 10; cp++) probes.push(gql(`control character ${cp}`, `{ search(text: "a\\u000${cp}b") { id } }`));
  probes.push({ name: 'invalid utf-8', body: Buffer.concat([Buffer.from('{"query":"{ node(id: \\"'), Buffer.from([0xff, 0xfe, 0xc0, 0x80]), Buffer.from('\\") { id } }"}')]) });
  // Garbage ingest documents: every one must be refused, with nothing written.
  const INGEST = 'mutation($doc: IngestDocument!) { ingest(document: $doc) { claimCount } }';
  const seed = seedDocument();
  const garbage: unknown[] = [
    null,
    1,
    'doc',
    [],
    {},
    { source: null },
    { source: {} },
    { source: { id: 'src:x' } },
    { source: { id: 'x', kind: 'ARTICLE' } },
    { source: { id: 'src:x', kind: 'NOPE' } },
    { source: { id: 'src:x', kind: 'ARTICLE', publishedAt: '2025-13' } },
    { source: { id: 'src:x', kind: 'ARTICLE', publishedAt: 'yesterday' } },
    { source: { id: 'src:x', kind: 'ARTICLE', url: 'javascript:alert(1)' } },
    { source: { id: 'src:x', kind: 'ARTICLE', publisher: 'org:missing' } },
    { source: { id: 'src:x', kind: 'ARTICLE', derivedFrom: [{ source: 'src:missing', kind: 'CITES' }] } },
    { source: { id: 'src:x', kind: 'ARTICLE' }, claims: [{ id: 'claim:a' }] },
    { source: { id: 'src:x', kind: 'ARTICLE' }, claims: [{ id: 'claim:a', text: 'x', measure: 'measure:missing' }] },
    { source: { id: 'src:x', kind: 'ARTICLE' }, claims: [{ id: 'claim:a', text: 'x', quantity: { low: 5, high: 1, bound: 'RANGE' } }] },
    { source: { id: 'src:x', kind: 'ARTICLE' }, claims: [{ id: 'claim:a', text: 'x', period: { start: '2025-06', end: '2025-01' } }] },
    {
      source: { id: 'src:x', kind: 'ARTICLE' },
      claims: [
        { id: 'claim:a', text: 'x' },
        { id: 'claim:a', text: 'y' },
      ],
    },
    { source: { id: 'src:x', kind: 'ARTICLE' }, claims: [{ id: 'claim:a', text: 'x', confidence: 7 }] },
    { source: { id: 'src:x', kind: 'ARTICLE' }, claims: [{ id: 'claim:a', text: 'x', regions: ['org:express'] }] },
    { source: { id: 'src:x', kind: 'ARTICLE' }, claims: [{ id: 'claim:a', text: 'x', supersedes: ['claim:a'] }] },
    { source: { id: 'src:x', kind: 'ARTICLE' }, organizations: [{ id: 'org:y', name: 'Y', partOf: 'org:missing' }] },
    { source: { id: 'src:x', kind: 'ARTICLE' }, claims: [{ id: 'claim:a', text: '\u0000'.repeat(10), quote: 'q'.repeat(100_000) }] },
    { source: { id: 'src:x', kind: 'ARTICLE' }, claims: [{ id: `claim:${'a'.repeat(5000)}`, text: 'x' }] },
    { ...seed, source: { ...seed.source, kind: 'BLOG' } },
    { ...seed, claims: [...seed.claims, { id: 'claim:express-2025-record-week-350', text: 'duplicate' }] },
    { source: { id: 'src:attacker', kind: 'ARTICLE' }, claims: [{ id: CLAIM, text: 'Nobody surrendered.', quantity: { value: 0, bound: 'EXACT', aggregation: 'PERIOD_TOTAL' } }] },
    { source: { id: 'src:attacker', kind: 'ARTICLE' }, organizations: [{ id: 'org:express', name: 'Hijacked' }] },
  ];
  garbage.forEach((doc, i) => probes.push(gql(`garbage ingest ${i}`, INGEST, { doc })));
  for (let i = 0; i < 20; i++)
    probes.push(
      gql(`garbage ingest nested ${i}`, INGEST, {
        doc: { source: { id: `src:x${i}`, kind: 'ARTICLE' }, claims: Array.from({ length: i + 1 }, (_, k) => ({ id: `claim:g${i}-${k}`, text: 'x', quantity: { value: 'NaN', bound: 'EXACT' } })) },
      }),
    );
  probes.push({ name: 'ingest as text/plain (CSRF)', contentType: 'text/plain', body: JSON.stringify({ query: INGEST, variables: { doc: garbage[7] } }) });
  probes.push({
    name: 'GET mutation',
    method: 'GET',
    path: `/graphql?query=${encodeURIComponent('mutation { ingest(document: {source: {id: "src:g", kind: ARTICLE}}) { claimCount } }')}`,
    body: undefined,
  });
  // Unknown routes and methods.
  for (const [method, path] of [
    ['GET', '/'],
    ['GET', '/admin'],
    ['POST', '/graphql/../admin'],
    ['PUT', '/graphql'],
    ['DELETE', '/graphql'],
    ['PATCH', '/graphql'],
    ['GET', '/export/prov.jsonld'],
    ['GET', '/export/prov.jsonld?claim=claim:none'],
    ['GET', '/export/prov.jsonld?claim=' + CLAIM + '&maxDepth=99'],
    ['GET', '/%00'],
    ['GET', '/graphiql/../../package.json'],
    ['GET', '/graphiql/nope.js'],
    ['GET', '/assets/../../package.json'],
    ['GET', '/assets/%2e%2e%2fpackage.json'],
    ['GET', '/assets/nope.js'],
    ['GET', '/export/claimreview.jsonld'],
    ['GET', '/export/claimreview.jsonld?claim=claim:none'],
    ['GET', '/export/claimreview.jsonld?claim=' + CLAIM],
  ] as const) {
    probes.push({ name: `${method} ${path}`, method, path, body: method === 'GET' ? undefined : '{}' });
  }
  probes.push(...roundTwo());
  return probes;
}

/** The second hostile round's reproductions (issue #21): each must answer a coded 4xx or data. */
function roundTwo(): Probe[] {
  const probes: Probe[] = [];
  const nested = (first: string) =>
    `claims(first: ${first}) { edges { node { regions { claims(first: ${first}) { edges { node { regions { claims(first: ${first}) { edges { node { id } } } } } } } } } } }`;
  probes.push(gql('first: null nested', `{ ${nested('null')} }`));
  probes.push(gql('first: null nested, 14 aliases', `{ ${Array.from({ length: 14 }, (_, i) => `a${i}: ${nested('null')}`).join(' ')} }`));
  probes.push(gql('unsent variable default 100', 'query($n: Int = 100) { claims(first: $n) { edges { node { id } } } }'));
  for (const [name, query] of [
    ['claims', 'query($n: Int) { claims(first: $n) { totalCount } }'],
    ['graph', `query($n: Int) { graph(seeds: ["${CLAIM}"], limit: $n) { truncated } }`],
    ['search', 'query($n: Int) { search(text: "x", first: $n) { id } }'],
  ]) {
    for (const n of ['1e309', '-1e309', '1e20', '2147483648']) probes.push({ name: `${name} Int variable ${n}`, body: `{"query":${JSON.stringify(query)},"variables":{"n":${n}}}` });
  }
  probes.push(gql('timeline of every point', `{ timeline(measureId: "measure:russian-soldiers-surrendered") { value claim { id regions { id } } } }`));
  probes.push(gql('full introspection', '{ __schema { types { name fields { name args { name type { name ofType { name ofType { name } } } } } } } }'));
  for (const asset of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) probes.push({ name: `GET /graphiql/${asset}`, method: 'GET', path: `/graphiql/${asset}` });
  probes.push(gql('subscription', 'subscription { __typename }'));
  probes.push({ name: 'APQ hash mismatch', body: JSON.stringify({ query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } }) });
  probes.push({ name: 'APQ version 2', body: JSON.stringify({ query: '{ __typename }', extensions: { persistedQuery: { version: 2, sha256Hash: 'a'.repeat(64) } } }) });
  probes.push(gql('organizations text 10,000', 'query($t: String) { organizations(filter: { text: $t }) { totalCount } }', { t: 'x'.repeat(10_000) }));
  probes.push(gql('sources publisherIds 10,000', 'query($p: [ID!]) { sources(filter: { publisherIds: $p }) { totalCount } }', { p: Array.from({ length: 10_000 }, (_, i) => `org:${i}`) }));
  probes.push(gql('regions kinds 10,000', 'query($k: [String!]) { regions(filter: { kinds: $k }) { totalCount } }', { k: Array.from({ length: 10_000 }, (_, i) => `K${i}`) }));
  const INGEST = 'mutation($doc: IngestDocument!) { ingest(document: $doc) { claimCount } }';
  probes.push(
    gql('PART_OF 2-cycle', INGEST, {
      doc: {
        source: { id: 'src:cycle', kind: 'ARTICLE' },
        organizations: [
          { id: 'org:c1', name: 'C1', partOf: 'org:c2' },
          { id: 'org:c2', name: 'C2', partOf: 'org:c1' },
        ],
      },
    }),
  );
  probes.push(
    gql('PART_OF region 3-cycle', INGEST, {
      doc: {
        source: { id: 'src:cycle', kind: 'ARTICLE' },
        regions: [
          { id: 'region:c1', name: 'R1', kind: 'CITY', partOf: 'region:c2' },
          { id: 'region:c2', name: 'R2', kind: 'OBLAST', partOf: 'region:c3' },
          { id: 'region:c3', name: 'R3', kind: 'COUNTRY', partOf: 'region:c1' },
        ],
      },
    }),
  );
  for (let i = 0; i < 20; i++) probes.push({ name: `export loop ${i}`, method: 'GET', path: `/export/prov.jsonld?claim=${encodeURIComponent(CLAIM)}&maxDepth=10` });
  for (const d of ['abc', '1e309', '-1', '99999999999', '']) probes.push({ name: `export maxDepth ${d}`, method: 'GET', path: `/export/prov.jsonld?claim=${encodeURIComponent(CLAIM)}&maxDepth=${d}` });
  probes.push({ name: 'export claim twice', method: 'GET', path: `/export/claimreview.jsonld?claim=a&claim=b` });
  return probes;
}

beforeAll(async () => {
  await seedGraph(db);
  app = await createApp({ db, logLevel: 'silent', requestTimeoutMs: 2_000 });
  await app.http.listen({ port: 0, host: '127.0.0.1' });
  const address = app.http.server.address() as net.AddressInfo;
  base = `http://127.0.0.1:${address.port}`;
});
afterAll(async () => {
  await app.http.close();
  await db.close();
});

async function send(p: Probe): Promise<{ status: number; ms: number; text: string }> {
  const started = Date.now();
  const headers: Record<string, string> = {};
  if (p.contentType !== null) headers['content-type'] = p.contentType ?? 'application/json';
  const res = await fetch(`${base}${p.path ?? '/graphql'}`, { method: p.method ?? 'POST', headers, body: p.body as BodyInit | undefined, signal: AbortSignal.timeout(15_000) });
  const text = await res.text();
  return { status: res.status, ms: Date.now() - started, text };
}

describe('a hostile corpus', () => {
  it('no crash, nothing over 5 s, every error coded, the graph unchanged, liveness throughout', async () => {
    const probes = corpus();
    expect(probes.length).toBeGreaterThanOrEqual(300);
    const before = await graphCounts(db);
    let liveFailures = 0;
    let liveChecks = 0;
    let running = true;
    const liveness = (async () => {
      while (running) {
        const started = Date.now();
        const res = await fetch(`${base}/health/live`, { signal: AbortSignal.timeout(2_000) }).catch(() => undefined);
        liveChecks += 1;
        if (res?.status !== 200 || Date.now() - started > 1_000) liveFailures += 1;
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    const problems: string[] = [];
    let slowest = 0;
    // Four at a time, as several hostile clients would send them.
    for (let i = 0; i < probes.length; i += 4) {
      await Promise.all(
        probes.slice(i, i + 4).map(async (p) => {
          const r = await send(p);
          slowest = Math.max(slowest, r.ms);
          if (r.ms > 5_000) problems.push(`${p.name}: ${r.ms} ms`);
          if (r.status >= 500) problems.push(`${p.name}: HTTP ${r.status} ${r.text.slice(0, 200)}`);
          // The IDE's assets and the explorer's page are not JSON by design.
          if (r.status === 200 && (p.path?.startsWith('/graphiql') || p.path === '/')) return;
          let body: any;
          try {
            body = JSON.parse(r.text);
          } catch {
            problems.push(`${p.name}: not JSON (${r.status}) ${r.text.slice(0, 100)}`);
            return;
          }
          if (body.errors) {
            for (const e of body.errors) if (typeof e.extensions?.code !== 'string') problems.push(`${p.name}: an error without a code: ${JSON.stringify(e).slice(0, 200)}`);
            for (const e of body.errors) if (e.extensions?.code === 'INTERNAL_SERVER_ERROR') problems.push(`${p.name}: INTERNAL_SERVER_ERROR (${r.status})`);
          } else if (r.status !== 200 || (!('data' in body) && !('@context' in body))) {
            problems.push(`${p.name}: neither data nor coded errors (${r.status}) ${r.text.slice(0, 100)}`);
          }
        }),
      );
    }
    running = false;
    await liveness;
    console.info(`hostile corpus: ${probes.length} requests, slowest ${slowest} ms, ${liveChecks} liveness checks`);
    expect(problems).toEqual([]);
    expect(liveFailures).toBe(0);
    expect(await graphCounts(db)).toEqual(before);
    expect((await fetch(`${base}/health/ready`)).status).toBe(200);
  }, 240_000);

  it('a fragment fan-out of 30 levels is refused by validation, with the limit named', async () => {
    const r = await send(gql('bomb', fragmentBomb(30)));
    const body = JSON.parse(r.text);
    expect(r.status).toBe(400);
    expect(body.errors[0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: { kind: 'depth', max: 12 } });
  });

  it('aliases over the limit are refused before any database work', async () => {
    const queries = db.queryCount;
    const r = await send(gql('aliases', `{ ${Array.from({ length: 16 }, (_, i) => `c${i}: claim(id: "${CLAIM}") { id }`).join(' ')} }`));
    expect(JSON.parse(r.text).errors[0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: { kind: 'aliases', max: 15 } });
    expect(db.queryCount).toBe(queries);
  });

  it('a request over the cost cap is refused with its cost; others report extensions.cost', async () => {
    const expensive = await send(
      gql('cost', `{ ${Array.from({ length: 10 }, (_, i) => `c${i}: claims(first: 100) { edges { node { id statedIn { source { claims(first: 100) { edges { node { id } } } } } } } }`).join(' ')} }`),
    );
    const body = JSON.parse(expensive.text);
    expect(expensive.status).toBe(400);
    expect(body.errors[0].extensions.code).toBe('COST_LIMIT_EXCEEDED');
    expect(body.errors[0].extensions.cost.requestedQueryCost).toBeGreaterThan(2500);
    const cheap = JSON.parse((await send(gql('cheap', `{ claim(id: "${CLAIM}") { id text } }`))).text);
    expect(cheap.extensions.cost).toMatchObject({ requestedQueryCost: 1, actualQueryCost: 1, maximumQueryCost: 2500 });
  });

  it('nodes(ids) takes at most 100 ids', async () => {
    const body = JSON.parse((await send(gql('nodes', 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: Array.from({ length: 101 }, (_, i) => `x:${i}`) }))).text);
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('a slowly sent body is cut (here after 2 s) with a coded error', async () => {
    const port = Number(new URL(base).port);
    const answer = await new Promise<string>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.write('POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"query":');
      });
      let data = '';
      socket.on('data', (d) => (data += d.toString()));
      socket.on('close', () => resolve(data));
      socket.setTimeout(10_000, () => socket.destroy());
    });
    expect(answer).toMatch(/^HTTP\/1.1 408/);
    expect(answer).toMatch(/REQUEST_TIMEOUT/);
  }, 20_000);

  it("search text that would pass Lucene's clause limit is cut to a safe query", async () => {
    const cjk = Array.from({ length: 150 }, (_, i) => String.fromCodePoint(0x4e00 + i)).join(' ');
    const body = JSON.parse((await send(gql('cjk', 'query($t: String!) { search(text: $t) { id } }', { t: cjk }))).text);
    expect(body.errors).toBeUndefined();
    expect(body.data.search).toEqual([]);
  });
});

describe('rate limits and deadlines', () => {
  it('over the budget: 429, RATE_LIMITED, Retry-After, and the throttle status', async () => {
    const limited = await createApp({ db, logLevel: 'silent', limits: { rate: { capacity: 100, refillPerSecond: 5 } } });
    try {
      const q = { query: `{ sourceChain(claimId: "${CLAIM}") { independentOriginCount } }` };
      const statuses: number[] = [];
      let last: any;
      let retryAfter: string | undefined;
      for (let i = 0; i < 8; i++) {
        const res = await limited.http.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json' }, payload: q });
        statuses.push(res.statusCode);
        last = res.json();
        if (res.statusCode === 429) retryAfter = String(res.headers['retry-after']);
      }
      expect(statuses.slice(0, 4)).toEqual([200, 200, 200, 200]);
      expect(statuses).toContain(429);
      expect(last.errors[0].extensions.code).toBe('RATE_LIMITED');
      expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
      const ok = await limited.http.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json' }, payload: { query: '{ __typename }' } });
      expect(ok.json().extensions.cost.throttleStatus).toMatchObject({ maximumAvailable: 100, restoreRate: 5 });
    } finally {
      await limited.http.close();
    }
  });

  it('a request over its time budget stops with QUERY_TIMEOUT', async () => {
    const hurried = await createApp({ db, logLevel: 'silent', limits: { timeoutMs: 1 } });
    try {
      const res = await hurried.http.inject({
        method: 'POST',
        url: '/graphql',
        headers: { 'content-type': 'application/json' },
        payload: { query: '{ crossReference(organizationIds: ["org:general-staff-ua", "org:i-want-to-live"]) { agreements { gap } } }' },
      });
      expect(res.json().errors[0].extensions.code).toBe('QUERY_TIMEOUT');
    } finally {
      await hurried.http.close();
    }
  });
});
