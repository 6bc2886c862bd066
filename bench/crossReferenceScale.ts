/**
 * crossReference at scale (issue #9): ORGS organizations (default 10) each state CLAIMS_EACH
 * figures (default 5,000), all on one measure, one aggregation and one period — the worst case,
 * where every pair is comparable. Prints the time and the server's resident memory for
 * crossReference of 2, 3 and all organizations. Before the sweep with a comparison budget, two
 * such organizations took 80.7 s and 2.1 GB, and three crashed Node.
 */
import { bulkImport } from '../src/services/ingest/bulkImport.js';
import { createApp } from '../src/server/app.js';
import { benchDatabase } from './benchDatabase.js';
import { loadLine } from './stats.js';

const orgs = Number(process.env.ORGS ?? 10);
const perOrg = Number(process.env.CLAIMS_EACH ?? 5_000);

function document(o: number) {
  return {
    source: { id: `src:scale-${o}`, kind: 'DATASET', title: `Dataset ${o}`, publisher: `org:scale-${o}` },
    organizations: [{ id: `org:scale-${o}`, name: `Scale body ${o}` }],
    regions: o === 0 ? [{ id: 'region:scale', name: 'Scaleland', kind: 'COUNTRY' }] : [],
    measures: o === 0 ? [{ id: 'measure:scale', name: 'Scale count', unit: 'persons' }] : [],
    claims: Array.from({ length: perOrg }, (_, i) => ({
      id: `claim:scale-${o}-${i}`,
      text: `Body ${o} counted ${1000 + ((i * 7919 + o * 104729) % 5000)}.`,
      measure: 'measure:scale',
      quantity: { value: 1000 + ((i * 7919 + o * 104729) % 5000), unit: 'persons', bound: 'EXACT', aggregation: 'PERIOD_TOTAL' },
      period: { start: '2025-06', granularity: 'MONTH' },
      regions: ['region:scale'],
      attributedTo: [`org:scale-${o}`],
    })),
  };
}

const db = await benchDatabase();
try {
  const started = Date.now();
  const stats = await bulkImport(
    db.db,
    Array.from({ length: orgs }, (_, o) => ({ ref: `org ${o}`, raw: document(o) })),
  );
  console.log(`graph: ${orgs} organizations × ${perOrg} claims (${stats.claims} imported, ${stats.rejected.length} rejected) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const app = await createApp({ db: db.db, logLevel: 'warn' });
  const query = `query($o: [ID!]!) { crossReference(organizationIds: $o) { agreements { a { id } b { id } } conflicts { a { id } b { id } gap } truncated } }`;
  console.log(loadLine());
  for (const n of [2, 3, orgs]) {
    const ids = Array.from({ length: n }, (_, o) => `org:scale-${o}`);
    const times: number[] = [];
    let peakRss = 0;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
    let outcome = '';
    for (let round = 0; round < 3; round++) {
      const t = process.hrtime.bigint();
      const res = await app.apollo.executeOperation({ query, variables: { o: ids } }, { contextValue: app.context() });
      times.push(Number(process.hrtime.bigint() - t) / 1e6);
      const body = res.body.kind === 'single' ? res.body.singleResult : undefined;
      const x = (body?.data as { crossReference?: { agreements: unknown[]; conflicts: unknown[]; truncated: boolean } } | undefined)?.crossReference;
      const cost = body?.extensions?.cost as { requestedQueryCost: number; actualQueryCost: number } | undefined;
      outcome = x ? `${x.agreements.length} agreements and ${x.conflicts.length} conflicts listed, truncated: ${x.truncated}` : `error ${String(body?.errors?.[0]?.extensions?.code)}`;
      outcome += `; cost estimated ${cost?.requestedQueryCost}, charged ${cost?.actualQueryCost}`;
    }
    clearInterval(sampler);
    times.sort((a, b) => a - b);
    console.log(
      `crossReference of ${String(n).padStart(2)} organizations: median ${times[1].toFixed(0)} ms of 3 rounds (min ${times[0].toFixed(0)}, max ${times[2].toFixed(0)}), peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MiB; ${outcome}`,
    );
  }
  await app.http.close();
} finally {
  await db.cleanup();
}
