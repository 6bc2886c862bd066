/**
 * One client cannot starve the others (issue #9): while CONCURRENCY (default 10) copies of the
 * most expensive request the limits allow run in a loop, another client asks for claim(id) and
 * its latency is measured. Prints that client's p50/p99/max and any errors, and how the heavy
 * requests fared. Runs on the generated graph (CLAIMS, default 100,000) for SECONDS (default 30).
 */
import { bulkImport } from '../src/services/ingest/bulkImport.js';
import { createApp, DEFAULT_LIMITS } from '../src/server/app.js';
import { benchDatabase } from './benchDatabase.js';
import { generateDocuments } from './generator.js';
import { loadLine, percentile } from './stats.js';

const claims = Number(process.env.CLAIMS ?? 100_000);
const concurrency = Number(process.env.CONCURRENCY ?? 10);
const seconds = Number(process.env.SECONDS ?? 30);

const db = await benchDatabase();
try {
  const stats = await bulkImport(db.db, (function* () {
    let i = 0;
    for (const raw of generateDocuments({ claims })) yield { ref: `generated ${i++}`, raw };
  })());
  console.log(`graph: ${stats.claims} claims`);
  const app = await createApp({ db: db.db, logLevel: 'warn' });
  await app.http.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(app.http.server.address() as { port: number }).port}/graphql`;
  const post = async (query: string, variables: Record<string, unknown> = {}) => {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
    return (await res.json()) as { errors?: { extensions?: { code?: string } }[]; extensions?: { cost?: { requestedQueryCost: number } } };
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
  console.log(`heavy request: crossReference of 10 institutions and ${lists} claim lists, cost ${probe.extensions?.cost?.requestedQueryCost} of at most ${DEFAULT_LIMITS.maxCost}; ${probe.errors ? `error ${probe.errors[0].extensions?.code}` : 'answers'}`);
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
  const light: number[] = [];
  const lightErrors = new Map<string, number>();
  const lightLoop = (async () => {
    let i = 0;
    while (Date.now() < until) {
      const t = process.hrtime.bigint();
      const body = await post('query($id: ID!) { claim(id: $id) { id text measure { id } } }', { id: `claim:gen-${(i * 37) % Math.floor(claims / 100)}-${(i * 13) % 100}` });
      light.push(Number(process.hrtime.bigint() - t) / 1e6);
      const code = body.errors?.[0]?.extensions?.code;
      if (code) lightErrors.set(code, (lightErrors.get(code) ?? 0) + 1);
      i++;
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  await Promise.all([...heavyLoops, lightLoop]);
  light.sort((a, b) => a - b);
  heavyTimes.sort((a, b) => a - b);
  console.log(`claim(id) beside ${concurrency} heavy clients: ${light.length} requests, p50 ${percentile(light, 50).toFixed(1)} ms, p99 ${percentile(light, 99).toFixed(1)} ms, max ${light.at(-1)!.toFixed(1)} ms; errors: ${JSON.stringify(Object.fromEntries(lightErrors))}`);
  console.log(`heavy requests: ${heavyTimes.length} answered, p50 ${percentile(heavyTimes, 50)} ms, p99 ${percentile(heavyTimes, 99)} ms; errors: ${JSON.stringify(Object.fromEntries(heavyErrors))}`);
  await app.http.close();
} finally {
  await db.cleanup();
}
