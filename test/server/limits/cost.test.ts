/**
 * The cost model priced against what runs (issue #21): variables coerced as graphql-js does
 * (defaults, `null`, values it refuses), lists at their real bounds, introspection by its size,
 * the answer measured after, a stopped request charged at least its estimate; and the export
 * routes behind the same door (cost cap, rate budget, deadline). Over HTTP, on the seed graph.
 */
import net from 'node:net';
import { buildSchema, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../../src/db/database.js';
import { createApp, type App, type AppOptions } from '../../../src/server/app.js';
import { requestCost } from '../../../src/server/limits/costModel.js';
import { loadTypeDefs } from '../../../src/schema.js';
import { seedGraph } from '../../helpers/graph.js';
import { testTarget } from '../../helpers/testApp.js';

const db = Database.connect(testTarget());
const CLAIM = 'claim:express-2025-record-week-350';
const apps: App[] = [];

async function serve(opts: Partial<AppOptions> = {}): Promise<string> {
  const app = await createApp({ db, logLevel: 'silent', ...opts });
  apps.push(app);
  await app.http.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(app.http.server.address() as net.AddressInfo).port}`;
}

let base: string;
const schema = buildSchema(loadTypeDefs());

beforeAll(async () => {
  await seedGraph(db);
  base = await serve();
});
afterAll(async () => {
  for (const app of apps) await app.http.close();
  await db.close();
});

async function post(url: string, query: string, variables?: unknown, raw?: string) {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: raw ?? JSON.stringify({ query, variables }) });
  return { status: res.status, body: (await res.json()) as any };
}

const nested = (first: string) =>
  `{ claims(first: ${first}) { edges { node { regions { claims(first: ${first}) { edges { node { regions { claims(first: ${first}) { edges { node { id } } } } } } } } } } } }`;

describe('the estimate prices what will run', () => {
  it('`first: null` is priced as the page it serves, not as one object', async () => {
    const withNull = await post(base, nested('null'));
    const with20 = await post(base, nested('20'));
    expect(with20.body.errors[0].extensions.code).toBe('COST_LIMIT_EXCEEDED');
    expect(withNull.status).toBe(400);
    expect(withNull.body.errors[0].extensions.code).toBe('COST_LIMIT_EXCEEDED');
    expect(withNull.body.errors[0].extensions.cost.requestedQueryCost).toBe(with20.body.errors[0].extensions.cost.requestedQueryCost);
  });

  it('an unsent variable is priced at its default, as graphql-js runs it', async () => {
    const q = 'query($n: Int = 100) { claims(first: $n) { edges { node { id regions { id } } } } }';
    const unsent = await post(base, q);
    const sent = await post(base, q, { n: 100 });
    expect(unsent.body.extensions.cost.requestedQueryCost).toBe(sent.body.extensions.cost.requestedQueryCost);
    // Priced as 100 claims, not as the field's default page of 20.
    const twenty = await post(base, q, { n: 20 });
    expect(unsent.body.extensions.cost.requestedQueryCost).toBeGreaterThan(3 * twenty.body.extensions.cost.requestedQueryCost);
  });

  it('an Int variable graphql-js refuses (1e309, Infinity) answers BAD_USER_INPUT, never a 500', async () => {
    for (const [query, name] of [
      ['query($n: Int) { claims(first: $n) { totalCount } }', 'n'],
      ['query($n: Int) { graph(seeds: ["' + CLAIM + '"], limit: $n) { truncated } }', 'n'],
      ['query($n: Int) { search(text: "x", first: $n) { id } }', 'n'],
    ]) {
      const r = await post(base, query, undefined, `{"query":${JSON.stringify(query)},"variables":{"${name}":1e309}}`);
      expect(r.status).toBe(400);
      expect(r.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    }
  });

  it('lists are priced at their real bounds: nodes(ids), search(first), a graph view by its limit', () => {
    const cost = (q: string, v: Record<string, unknown> = {}) => requestCost(schema, parse(q), v, undefined);
    expect(cost(`{ nodes(ids: [${Array.from({ length: 50 }, (_, i) => `"claim:${i}"`).join(',')}]) { id } }`)).toBe(50);
    expect(cost('{ search(text: "x", first: 40) { id } }')).toBe(45);
    expect(cost(`{ graph(seeds: ["${CLAIM}"], depth: 2, limit: 1000) { nodes { id } edges { id } } }`)).toBeGreaterThanOrEqual(2000);
    expect(cost(`{ graph(seeds: ["${CLAIM}"], depth: 2, limit: 1000) { nodes { id } edges { id } } }`)).toBeLessThanOrEqual(2500);
    // A 20,000-claim document, which the schema and the body limit allow, fits the default cap.
    const claims = Array.from({ length: 20_000 }, (_, i) => ({ id: `claim:c${i}`, text: 'x' }));
    expect(cost('mutation($d: IngestDocument!) { ingest(document: $d) { claimCount } }', { d: { source: { id: 's', kind: 'ARTICLE' }, claims } })).toBeLessThanOrEqual(2500);
  });

  it('introspection is priced by its size, within 3× of the objects it answers with', async () => {
    const full = await post(base, '{ __schema { types { name fields { name args { name type { name ofType { name } } } type { name ofType { name ofType { name } } } } } } }');
    const tiny = await post(base, '{ __schema { queryType { name } } }');
    expect(full.body.data.__schema.types.length).toBeGreaterThan(50);
    expect(full.body.extensions.cost.requestedQueryCost).toBeGreaterThan(20);
    expect(tiny.body.extensions.cost.requestedQueryCost).toBeLessThanOrEqual(2);
    const ratio = full.body.extensions.cost.actualQueryCost / full.body.extensions.cost.requestedQueryCost;
    expect(ratio).toBeGreaterThan(1 / 3);
    expect(ratio).toBeLessThan(3);
  });

  it('a list that holds more than its estimate is charged what it held', async () => {
    // Unpaged lists are estimated at their typical size (5 regions) and measured at their real one.
    const r = await post(base, `{ claims(first: 20) { edges { node { id regions { id } attributedTo { id } statedIn { source { id } } } } } }`);
    const objects = r.body.data.claims.edges.reduce((n: number, e: any) => n + 1 + e.node.regions.length + e.node.attributedTo.length + 2 * e.node.statedIn.length, 0);
    expect(r.body.extensions.cost.actualQueryCost).toBe(2 + objects);
  });
});

describe('a stopped request pays at least its estimate', () => {
  it('a request that runs out of time is charged its estimate, not refunded', async () => {
    const url = await serve({ limits: { timeoutMs: 1 } });
    const r = await post(url, `{ sourceChain(claimId: "${CLAIM}") { independentOriginCount } corroboration(claimId: "${CLAIM}") { credibility } }`);
    expect(r.body.errors.some((e: any) => e.extensions.code === 'QUERY_TIMEOUT')).toBe(true);
    expect(r.body.extensions.cost.actualQueryCost).toBeGreaterThanOrEqual(r.body.extensions.cost.requestedQueryCost);
  });
});

describe('the export routes go through the same door as GraphQL', () => {
  const prov = `/export/prov.jsonld?claim=${encodeURIComponent(CLAIM)}&maxDepth=10`;
  const review = `/export/claimreview.jsonld?claim=${encodeURIComponent(CLAIM)}`;

  it('answer as before, and report nothing but the JSON-LD', async () => {
    const p = await fetch(`${base}${prov}`);
    expect(p.status).toBe(200);
    expect(p.headers.get('content-type')).toContain('application/ld+json');
    expect(((await p.json()) as any)['@context']).toBeDefined();
    const c = await fetch(`${base}${review}`);
    expect(c.status).toBe(200);
    expect(((await c.json()) as any)['@type']).toBe('ClaimReview');
  });

  it('COST_LIMIT_EXCEEDED past the cost cap', async () => {
    const url = await serve({ limits: { maxCost: 2 } });
    for (const path of [prov, review]) {
      const r = await fetch(`${url}${path}`);
      expect(r.status).toBe(400);
      expect(((await r.json()) as any).errors[0].extensions.code).toBe('COST_LIMIT_EXCEEDED');
    }
  });

  it('RATE_LIMITED with Retry-After once the client budget is spent', async () => {
    const url = await serve({ limits: { rate: { capacity: 100, refillPerSecond: 0.01 } } });
    const statuses: number[] = [];
    let limited: Response | undefined;
    for (let i = 0; i < 10 && !limited; i++) {
      const r = await fetch(`${url}${prov}`);
      statuses.push(r.status);
      if (r.status === 429) limited = r;
      else await r.arrayBuffer();
    }
    expect(statuses[0]).toBe(200);
    expect(limited?.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(((await limited!.json()) as any).errors[0].extensions.code).toBe('RATE_LIMITED');
  });

  it('QUERY_TIMEOUT past the deadline; NOT_FOUND and BAD_USER_INPUT coded', async () => {
    const url = await serve({ limits: { timeoutMs: 1 } });
    const t = await fetch(`${url}${prov}`);
    expect(t.status).toBe(504);
    expect(((await t.json()) as any).errors[0].extensions.code).toBe('QUERY_TIMEOUT');
    const missing = await fetch(`${base}/export/claimreview.jsonld?claim=claim:none`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as any).errors[0].extensions.code).toBe('NOT_FOUND');
    const badDepth = await fetch(`${base}/export/prov.jsonld?claim=${CLAIM}&maxDepth=abc`);
    expect(badDepth.status).toBe(400);
    expect(((await badDepth.json()) as any).errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});
