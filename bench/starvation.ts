/**
 * One client cannot starve the others (issues #9, #21). Two phases on the generated graph
 * (CLAIMS, default 100,000) plus two organizations with 5,000 claims each on one measure, region
 * and month (the cross-reference's own bounds), SECONDS (default 30) each:
 * 1. CONCURRENCY (default 10) copies of the most expensive mixed request the cost cap allows
 *    loop, without rate limiting (cost admission alone); another client asks for claim(id).
 * 2. One anonymous attacker loops (ATTACKERS, default 4, connections) the most expensive
 *    cross-reference at the bounds the cap accepts, with the default rate limit on; the victim
 *    has its own API key (its own budget). Prints the victim's p50/p99/max and what the attacker
 *    was charged and refused.
 */
import { bulkImport } from '../src/services/ingest/bulkImport.js';
import { createApp, DEFAULT_LIMITS } from '../src/server/app.js';
import { AccessPolicy } from '../src/services/access/accessPolicy.js';
import { KeyRing } from '../src/services/access/keyRing.js';
import { hashKey } from '../src/services/access/keyStore.js';
import { benchDatabase } from './benchDatabase.js';
import { generatedItems } from './generator.js';
import { loadLine, percentile } from './stats.js';

const claims = Number(process.env.CLAIMS ?? 100_000);
const concurrency = Number(process.env.CONCURRENCY ?? 10);
const seconds = Number(process.env.SECONDS ?? 30);
const attackers = Number(process.env.ATTACKERS ?? 4);
const PER_ORG = 5_000;

/** One organization's 5,000 figures on one measure, region and month: every pair is comparable. */
function boundsDocument(o: number) {
  return {
    source: { id: `src:bounds-${o}`, kind: 'DATASET', title: `Bounds dataset ${o}`, publisher: `org:bounds-${o}` },
    organizations: [{ id: `org:bounds-${o}`, name: `Bounds body ${o}` }],
    regions: o === 0 ? [{ id: 'region:bounds', name: 'Boundsland', kind: 'COUNTRY' }] : [],
    measures: o === 0 ? [{ id: 'measure:bounds', name: 'Bounds count', unit: 'persons' }] : [],
    claims: Array.from({ length: PER_ORG }, (_, i) => ({
      id: `claim:bounds-${o}-${i}`,
      text: `Body ${o} counted ${1000 + ((i * 7919 + o * 104729) % 5000)}.`,
      measure: 'measure:bounds',
      quantity: { value: 1000 + ((i * 7919 + o * 104729) % 5000), unit: 'persons', bound: 'EXACT', aggregation: 'PERIOD_TOTAL' },
      period: { start: '2025-06', granularity: 'MONTH' },
      regions: ['region:bounds'],
      attributedTo: [`org:bounds-${o}`],
    })),
  };
}

type Body = { errors?: { extensions?: { code?: string } }[]; extensions?: { cost?: { requestedQueryCost: number; actualQueryCost: number } } };

/** The victim: claim(id) every 20 ms until `until`; its latencies and error codes. */
async function victim(post: (q: string, v: Record<string, unknown>) => Promise<Body>, until: number): Promise<{ light: number[]; errors: Map<string, number> }> {
  const light: number[] = [];
  const errors = new Map<string, number>();
  let i = 0;
  while (Date.now() < until) {
    const t = process.hrtime.bigint();
    const body = await post('query($id: ID!) { claim(id: $id) { id text measure { id } } }', { id: `claim:gen-${(i * 37) % Math.floor(claims / 100)}-${(i * 13) % 100}` });
    light.push(Number(process.hrtime.bigint() - t) / 1e6);
    const code = body.errors?.[0]?.extensions?.code;
    if (code) errors.set(code, (errors.get(code) ?? 0) + 1);
    i++;
    await new Promise((r) => setTimeout(r, 20));
  }
  light.sort((a, b) => a - b);
  return { light, errors };
}

const db = await benchDatabase();
try {
  const stats = await bulkImport(
    db.db,
    (function* () {
      yield* generatedItems({ claims });
      for (let o = 0; o < 2; o++) yield { ref: `bounds ${o}`, raw: boundsDocument(o) };
    })(),
  );
  console.log(`graph: ${stats.claims} claims`);
  const app = await createApp({ db: db.db, logLevel: 'warn' });
  await app.http.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(app.http.server.address() as { port: number }).port}/graphql`;
  const post = async (query: string, variables: Record<string, unknown> = {}) => {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
    return (await res.json()) as Body;
  };
  // The heaviest shape under the cost cap: a cross-reference of ten institutions (400 points)
  // with as many claim lists of 20 (each with its claims' agents, over an institution and its
  // subsidiaries) beside it as the cap allows.
  const orgs = Array.from({ length: 10 }, (_, i) => `org:gen-inst-${i}`);
  const heavyWith = (k: number) =>
    `query($o: [ID!]!) { crossReference(organizationIds: $o) { agreements { a { id } b { id } } conflicts { gap } truncated } ${Array.from({ length: k }, (_, i) => `l${i}: claims(first: 20, filter: { attributedTo: ["org:gen-inst-${i % 20}"], includeSubsidiaries: true }) { totalCount edges { node { id text attributedTo { id } } } }`).join(' ')} }`;
  let lists = 15;
  let probe = await post(heavyWith(lists), { o: orgs });
  while (probe.errors?.[0]?.extensions?.code === 'COST_LIMIT_EXCEEDED' && lists > 0) probe = await post(heavyWith(--lists), { o: orgs });
  const heavy = heavyWith(lists);
  console.log(
    `heavy request: crossReference of 10 institutions and ${lists} claim lists, cost ${probe.extensions?.cost?.requestedQueryCost} of at most ${DEFAULT_LIMITS.maxCost}; ${probe.errors ? `error ${probe.errors[0].extensions?.code}` : 'answers'}`,
  );
  console.log(loadLine());

  const until = Date.now() + seconds * 1000;
  const heavyTimes: number[] = [];
  const heavyErrors = new Map<string, number>();
  const heavyLoops = Array.from({ length: concurrency }, async () => {
    while (Date.now() < until) {
      const t = Date.now();
      const body = await post(heavy, { o: orgs });
      heavyTimes.push(Date.now() - t);
      const code = body.errors?.[0]?.extensions?.code;
      if (code) heavyErrors.set(code, (heavyErrors.get(code) ?? 0) + 1);
    }
  });
  const [{ light, errors: lightErrors }] = await Promise.all([victim(post, until), ...heavyLoops]);
  heavyTimes.sort((a, b) => a - b);
  console.log(
    `claim(id) beside ${concurrency} heavy clients: ${light.length} requests, p50 ${percentile(light, 50).toFixed(1)} ms, p99 ${percentile(light, 99).toFixed(1)} ms, max ${light.at(-1)!.toFixed(1)} ms; errors: ${JSON.stringify(Object.fromEntries(lightErrors))}`,
  );
  console.log(`heavy requests: ${heavyTimes.length} answered, p50 ${percentile(heavyTimes, 50)} ms, p99 ${percentile(heavyTimes, 99)} ms; errors: ${JSON.stringify(Object.fromEntries(heavyErrors))}`);
  // Size phase 2's attack here, where no rate limit applies, so the attacker starts with a full
  // bucket: the largest number of aliases the cost cap admits.
  const xrefWith = (k: number) =>
    `{ ${Array.from({ length: k }, (_, i) => `x${i}: crossReference(organizationIds: ["org:bounds-0", "org:bounds-1"]) { agreements { a { id } b { id } } conflicts { a { id } b { id } gap } truncated }`).join(' ')} }`;
  let aliases = 15;
  let sized = await post(xrefWith(aliases));
  while (sized.errors?.[0]?.extensions?.code === 'COST_LIMIT_EXCEEDED' && aliases > 1) sized = await post(xrefWith(--aliases));
  const attackQuery = xrefWith(aliases);
  const tSized = Date.now();
  sized = await post(attackQuery);
  const sizedMs = Date.now() - tSized;
  await app.http.close();

  // Phase 2: an anonymous attacker loops the most expensive cross-reference at the bounds.
  const victimKey = 'starvation-victim-key-0123456789';
  const access = new AccessPolicy(new KeyRing([{ name: 'victim', role: 'read', hash: hashKey(victimKey) }]), { publicReads: true, openLocalWrites: false });
  const rate = { capacity: 5_000, refillPerSecond: 100 };
  const limited = await createApp({ db: db.db, logLevel: 'warn', access, limits: { rate } });
  await limited.http.listen({ port: 0, host: '127.0.0.1' });
  const url2 = `http://127.0.0.1:${(limited.http.server.address() as { port: number }).port}/graphql`;
  const postAs =
    (key: string | null) =>
    async (query: string, variables: Record<string, unknown> = {}) => {
      const res = await fetch(url2, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return (await res.json()) as Body;
    };
  const attack = postAs(null);
  console.log(
    `attack request: ${aliases} cross-references of 2 × ${PER_ORG} claims in one month, estimated ${sized.extensions?.cost?.requestedQueryCost}, charged ${sized.extensions?.cost?.actualQueryCost}, ${sizedMs} ms alone; ${sized.errors ? `error ${sized.errors[0].extensions?.code}` : 'answers'}; rate limit ${rate.capacity} points, ${rate.refillPerSecond}/s`,
  );
  console.log(loadLine());
  const until2 = Date.now() + seconds * 1000;
  const attackCodes = new Map<string, number>();
  let charged = 0;
  let first429: number | null = null;
  const started2 = Date.now();
  const attackLoops = Array.from({ length: attackers }, async () => {
    while (Date.now() < until2) {
      const body = await attack(attackQuery);
      const code = body.errors?.[0]?.extensions?.code ?? 'ok';
      attackCodes.set(code, (attackCodes.get(code) ?? 0) + 1);
      charged += body.extensions?.cost?.actualQueryCost ?? 0;
      if (code === 'RATE_LIMITED') {
        first429 ??= Date.now() - started2;
        await new Promise((r) => setTimeout(r, 50)); // a client that ignores Retry-After, but not a busy loop
      }
    }
  });
  const [hurt] = await Promise.all([victim(postAs(victimKey), until2), ...attackLoops]);
  console.log(
    `claim(id) beside an attacker looping cross-references at the bounds (${attackers} connections): ${hurt.light.length} requests, p50 ${percentile(hurt.light, 50).toFixed(1)} ms, p99 ${percentile(hurt.light, 99).toFixed(1)} ms, max ${hurt.light.at(-1)!.toFixed(1)} ms; errors: ${JSON.stringify(Object.fromEntries(hurt.errors))}`,
  );
  console.log(
    `attacker: ${JSON.stringify(Object.fromEntries(attackCodes))}, charged ${charged} points in ${seconds} s, first 429 after ${first429 === null ? 'never' : `${(first429 / 1000).toFixed(1)} s`}`,
  );
  await limited.http.close();
} finally {
  await db.cleanup();
}
