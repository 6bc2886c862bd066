/**
 * `npm run bench:page-query`: what W2's page of claims costs Neo4j, apart from the server. On one
 * embedded Neo4j holding the generated graph (CLAIMS, default 20,000), ROUNDS (5) interleaved
 * rounds of SECONDS (3) at 16 queries in flight, over 80 organizations, after WARMUP (30) seconds
 * of each: claimgraph's page query exactly as its claims service sends it
 * (claims/directAnchorPageRows, with W2's row shape), and the raw peer's one query
 * (bench/peers/raw/w2.cypher). Both run through one bare driver in this
 * process, so the difference is the queries'. Prints, as medians of the rounds, queries/s,
 * Neo4j's CPU per query (from /proc) and this process's (the driver decoding the records), and
 * the characters of one answer.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import neo4j, { type Driver } from 'neo4j-driver';
import type { Params, Queries } from '../src/db/queries.js';
import type { QueryName } from '../src/db/queryRegistry.js';
import { loadNamedQueries } from '../src/db/queryFiles.js';
import { bulkImport } from '../src/services/ingest/bulkImport.js';
import { claims as claimsPage } from '../src/services/claims/claims.js';
import { createEntityLoader, type RowShape } from '../src/services/entities/entities.js';
import { benchDatabase } from './benchDatabase.js';
import { generatedItems } from './generator.js';
import { cpuMillis, loadLine, median } from './stats.js';

const claims = Number(process.env.CLAIMS ?? 20_000);
const rounds = Number(process.env.ROUNDS ?? 5);
const seconds = Number(process.env.SECONDS ?? 3);
// Neo4j's JIT takes about a minute of load to settle: each query runs this long first.
const warmupSeconds = Number(process.env.WARMUP ?? 30);
const organizations = Array.from({ length: 80 }, (_, i) => `org:gen-inst-${i % 20}-${i % 4}`);

/** What W2's selection reads (test/resolvers/partialRows.test.ts pins it: "lists what W2 reads"). */
const W2_SHAPE: RowShape = { props: { Claim: ['text'], Source: ['title'], Measure: ['name'] }, out: { Claim: ['ABOUT', 'STATED_IN'] }, in: {}, edgeProps: [] };

/** The query and parameters the claims service sends for one organization's first 20 claims, as W2 selects them. */
async function servicePageQuery(db: Queries, organization: string): Promise<{ name: QueryName; params: Params }> {
  const sent: { name: QueryName; params: Params }[] = [];
  const recording: Queries = {
    read: (name, params = {}) => (sent.push({ name, params }), db.read(name, params)),
    write: (name, params) => db.write(name, params),
    writeTransaction: (label, work) => db.writeTransaction(label, work),
    checkpoint: () => db.checkpoint(),
  };
  await claimsPage(recording, createEntityLoader(recording), { first: 20, filter: { attributedTo: [organization] } }, { neighbourTypes: ['ABOUT', 'STATED_IN'], withCount: false, shape: W2_SHAPE });
  if (sent.length !== 1) throw new Error(`the page took ${sent.length} queries, not one`);
  return sent[0];
}

/**
 * Runs `query` with 16 in flight for `seconds`, as auto-commit reads (as src/db/database.ts runs
 * them): queries/s and CPU per query of Neo4j and of this process.
 */
async function phase(driver: Driver, neo4jPid: number | undefined, query: string, params: (i: number) => Params, forSeconds = seconds) {
  const until = Date.now() + forSeconds * 1000;
  const neo4jBefore = cpuMillis(neo4jPid);
  const ownBefore = process.cpuUsage();
  let done = 0;
  await Promise.all(
    Array.from({ length: 16 }, async (_, k) => {
      for (let i = k; Date.now() < until; i += 16, done++) {
        const session = driver.session({ database: db.target.database, defaultAccessMode: neo4j.session.READ });
        await session.run(query, params(i)).finally(() => session.close());
      }
    }),
  );
  const own = process.cpuUsage(ownBefore);
  return { perSecond: done / forSeconds, neo4jMs: (cpuMillis(neo4jPid) - neo4jBefore) / done, clientMs: (own.user + own.system) / 1000 / done };
}

const db = await benchDatabase();
try {
  await bulkImport(db.db, generatedItems({ claims }));
  const sent: { name: QueryName; params: Params }[] = [];
  for (const o of organizations) sent.push(await servicePageQuery(db.db, o));
  const text = loadNamedQueries().get(sent[0].name)!.text;
  const raw = fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'peers/raw/w2.cypher'), 'utf8');
  const driver = neo4j.driver(db.target.uri, neo4j.auth.basic(db.target.user ?? 'neo4j', db.target.password ?? ''), { disableLosslessIntegers: true });
  try {
    const cases = [
      {
        name: `claimgraph (${sent[0].name})`,
        query: text,
        // The page query's one integer parameter goes as an Integer, as src/db/database.ts binds it.
        params: (i: number) => ({ ...sent[i % sent.length].params, limit: neo4j.int(sent[i % sent.length].params.limit as number) }),
      },
      { name: 'raw driver (bench/peers/raw/w2.cypher)', query: raw, params: (i: number) => ({ id: organizations[i % organizations.length] }) },
    ];
    const results = cases.map(() => [] as Awaited<ReturnType<typeof phase>>[]);
    for (const c of cases) await phase(driver, db.embedded?.pid, c.query, c.params, warmupSeconds);
    for (let r = 0; r < rounds; r++) for (const [k, c] of cases.entries()) results[k].push(await phase(driver, db.embedded?.pid, c.query, c.params));
    console.log(`graph: ${claims} claims; ${rounds} rounds of ${seconds} s at 16 in flight; ${loadLine()}\n`);
    console.log('| query | queries/s | Neo4j CPU per query | driver CPU per query | characters of one answer |');
    console.log('|---|---|---|---|---|');
    for (const [k, c] of cases.entries()) {
      const { records } = await driver.executeQuery(c.query, c.params(3), { routing: neo4j.routing.READ, database: db.target.database });
      const chars = JSON.stringify(records.map((rec) => rec.toObject())).length;
      const m = (key: 'perSecond' | 'neo4jMs' | 'clientMs') => median(results[k].map((x) => x[key]));
      console.log(`| ${c.name} | ${m('perSecond').toFixed(0)} | ${m('neo4jMs').toFixed(3)} ms | ${m('clientMs').toFixed(3)} ms | ${chars.toLocaleString('en')} |`);
    }
    console.log(`\n${loadLine()}`);
  } finally {
    await driver.close();
  }
} finally {
  await db.cleanup();
}
