/**
 * `npm run bench:live`: what one replica's subscriptions cost. A claimgraph server runs as its own
 * process (as `npm start` does) over a fresh embedded Neo4j with the seed and the demo; this
 * process opens SUBSCRIBERS streams at /graphql/stream (half claimsAdded on one measure, half
 * comparisonsChanged on it), then:
 *  - warm-up: WARMUP ingests whose slowest delivery is printed apart (a fresh server compiles);
 *  - delay: ROUNDS ingests, one every GAP_MS; for each, the time from the ingest's acknowledgement
 *    to each subscriber's event (p50/p99/max over every subscriber and ingest), and how long one
 *    event's arrivals spread (first subscriber to last);
 *  - a burst: BURST ingests sent at once; events delivered to all subscribers per second, from the
 *    first ingest sent to the last event received (bounded by the ingests themselves, which
 *    contend for one organization's lock and the same two cores).
 * The subscribers run in this process, on the same two cores as the server: the figures include
 * their parsing. Usage: npm run bench:live [-- --subscribers 1000 --rounds 30 --burst 20];
 * BENCH_SERVER_FLAGS adds Node flags to the server (e.g. --cpu-prof).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { seedIfEmpty } from '../src/services/admin/seed.js';
import { freePort } from '../src/ports.js';
import { targetEnv, type Neo4jTarget } from '../src/db/target.js';
import { benchDatabase } from './benchDatabase.js';
import { percentile } from './stats.js';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

const SUBSCRIBERS = arg('subscribers', 1_000);
const ROUNDS = arg('rounds', 30);
const BURST = arg('burst', 20);
const GAP_MS = 400;
const WARMUP = 3;
const MEASURE = 'measure:russian-military-casualties';
const KEY = `bench-${randomBytes(16).toString('hex')}`;

const ADDED = `subscription($m: [ID!]) { claimsAdded(filter: { measureIds: $m }) { cursor ingestion { source { id } } claims { change claim { id text } } } }`;
const COMPARED = `subscription($m: ID!) { comparisonsChanged(measureId: $m) { cursor ingestion { source { id } } changes { claim { id } other { id } verdict change } } }`;

/** One document with two figures of the measure: one near the seed's, one far from it (an agreement and a conflict). */
function doc(n: number) {
  const source = `src:bench-live-${n}`;
  return {
    source: { id: source, kind: 'ARTICLE', title: `Bench wire ${n}`, publisher: 'org:bench-live', publishedAt: '2026-01-05' },
    organizations: [{ id: 'org:bench-live', name: 'Bench Live', kind: 'MEDIA' }],
    claims: [
      {
        id: `claim:bench-live-${n}-near`,
        text: `Some 420,000 Russians were killed or wounded in 2025 (bench ${n}).`,
        measure: MEASURE,
        quantity: { value: 420_000, unit: 'persons', bound: 'APPROX', aggregation: 'PERIOD_TOTAL', precision: 10_000 },
        period: { start: '2025', granularity: 'YEAR' },
        attributedTo: ['org:bench-live'],
      },
      {
        id: `claim:bench-live-${n}-far`,
        text: `About ${600 + n},000 Russians were killed or wounded in 2025 (bench ${n}).`,
        measure: MEASURE,
        quantity: { value: (600 + n) * 1000, unit: 'persons', bound: 'APPROX', aggregation: 'PERIOD_TOTAL', precision: 1000 },
        period: { start: '2025', granularity: 'YEAR' },
        attributedTo: ['org:bench-live'],
      },
    ],
  };
}

/**
 * One subscriber: graphql-sse's "distinct connections" protocol (a POST answered with a stream of
 * `event: next` / `data: <result>` messages) read with node:http. graphql-sse's own client reads
 * through fetch's web streams, which cost this process about 2 ms per event at 1,000 streams on
 * two cores: the figures would be the client's, not the server's.
 */
function subscribe(
  url: string,
  headers: Record<string, string>,
  query: string,
  variables: unknown,
  onResult: (r: { data?: any; errors?: unknown }) => void,
  onError: (err: unknown) => void,
): http.ClientRequest {
  const req = http.request(`${url}/graphql/stream`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json', accept: 'text/event-stream' } });
  req.on('response', (res) => {
    if (res.statusCode !== 200) return void (onError(`HTTP ${res.statusCode}`), res.resume());
    res.setEncoding('utf8');
    let buffer = '';
    res.on('data', (chunk: string) => {
      buffer += chunk;
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        const message = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (!/^event: ?next$/m.test(message)) continue;
        const data = message
          .split('\n')
          .filter((l) => l.startsWith('data:'))
          .map((l) => l.slice(5).trimStart())
          .join('\n');
        onResult(JSON.parse(data));
      }
    });
    res.on('error', () => {});
  });
  req.on('error', (err) => onError(err.message));
  req.end(JSON.stringify({ query, variables }));
  return req;
}

async function startServer(target: Neo4jTarget): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--enable-source-maps', '--max-semi-space-size=64', ...(process.env.BENCH_SERVER_FLAGS ?? '').split(' ').filter(Boolean), '--import', 'tsx', 'src/main.ts'], {
    env: {
      ...process.env,
      ...targetEnv(target),
      PORT: String(port),
      HOST: '127.0.0.1',
      CLAIMGRAPH_SEED: 'false',
      CLAIMGRAPH_API_KEYS: `bench:write:${KEY}`,
      CLAIMGRAPH_RATE_POINTS: '0',
      CLAIMGRAPH_SUBSCRIPTIONS_PER_CLIENT: String(SUBSCRIBERS + 10),
      CLAIMGRAPH_MAX_SUBSCRIPTIONS: String(SUBSCRIBERS + 10),
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${url}/health/ready`)).ok) return { child, url };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the server did not become ready in 120 s');
}

async function main(): Promise<void> {
  const db = await benchDatabase();
  let server: ChildProcess | undefined;
  try {
    await seedIfEmpty(db.db, { demo: true });
    const started = await startServer(db.db.target);
    server = started.child;
    const { url } = started;
    const headers = { authorization: `Bearer ${KEY}` };

    /** Receipt times per source id, one entry per subscriber event. */
    const receipts = new Map<string, number[]>();
    let events = 0;
    const failures: unknown[] = [];
    const streams: http.ClientRequest[] = [];
    const onResult = (result: { data?: any; errors?: unknown }) => {
      const at = performance.now();
      const payload = result.data?.claimsAdded ?? result.data?.comparisonsChanged;
      if (!payload) return void failures.push(result.errors);
      events += 1;
      const id = payload.ingestion.source.id as string;
      (receipts.get(id) ?? receipts.set(id, []).get(id)!).push(at);
    };
    for (let i = 0; i < SUBSCRIBERS; i++) {
      const [query, variables] = i % 2 ? [COMPARED, { m: MEASURE }] : [ADDED, { m: [MEASURE] }];
      streams.push(subscribe(url, headers, query, variables, onResult, (err) => failures.push(err)));
    }
    for (let i = 0; ; i++) {
      const text = await (await fetch(`${url}/metrics`, { headers })).text();
      const open = Number(/^claimgraph_subscriptions_open (\d+)/m.exec(text)?.[1] ?? 0);
      if (open >= SUBSCRIBERS) break;
      if (i > 600) throw new Error(`only ${open} of ${SUBSCRIBERS} subscriptions opened: ${JSON.stringify(failures.slice(0, 3))}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    // Every stream attaches to the feed right after it is counted.
    await new Promise((r) => setTimeout(r, 2_000));

    const ingest = async (n: number): Promise<number> => {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'mutation($d: IngestDocument!) { ingest(document: $d) { claimCount } }', variables: { d: doc(n) } }),
      });
      const body = (await res.json()) as { errors?: unknown };
      if (body.errors) throw new Error(`ingest ${n} failed: ${JSON.stringify(body.errors)}`);
      return performance.now();
    };
    const waitAll = async (ids: string[], timeoutMs: number) => {
      const end = performance.now() + timeoutMs;
      while (ids.some((id) => (receipts.get(id)?.length ?? 0) < SUBSCRIBERS) && performance.now() < end) await new Promise((r) => setTimeout(r, 20));
    };

    // Warm-up: a fresh server's first events pay for compiling its code paths (about 2 s for the
    // first); reported apart, not mixed into the steady state's percentiles.
    const warm: number[] = [];
    for (let r = 0; r < WARMUP; r++) {
      const ack = await ingest(2_000 + r);
      const id = `src:bench-live-${2_000 + r}`;
      await waitAll([id], 20_000);
      warm.push(Math.max(...(receipts.get(id) ?? [NaN])) - ack);
    }

    // Delay rounds.
    const delays: number[] = [];
    /** Per ingest: first subscriber's event to the last's — how long fanning one event out takes. */
    const spreads: number[] = [];
    let missing = 0;
    const loads: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const ack = await ingest(r);
      const id = `src:bench-live-${r}`;
      await waitAll([id], 10_000);
      const got = receipts.get(id) ?? [];
      missing += SUBSCRIBERS - got.length;
      for (const at of got) delays.push(at - ack);
      if (got.length) spreads.push(Math.max(...got) - Math.min(...got));
      loads.push(os.loadavg()[0]);
      await new Promise((res) => setTimeout(res, GAP_MS));
    }
    delays.sort((a, b) => a - b);

    // Fan-out burst.
    const before = events;
    const t0 = performance.now();
    const ids: string[] = [];
    // All at once: the feed finds a backlog and fans it out as fast as it can.
    for (let b = 0; b < BURST; b++) ids.push(`src:bench-live-${1_000 + b}`);
    const acked = await Promise.all(ids.map((_, b) => ingest(1_000 + b)));
    await waitAll(ids, 60_000);
    const last = Math.max(...ids.flatMap((id) => receipts.get(id) ?? [0]));
    const burstEvents = events - before;
    const seconds = (last - t0) / 1000;

    const ms = (v: number) => `${v.toFixed(0)} ms`;
    console.log(
      `bench:live — ${SUBSCRIBERS} subscribers (half claimsAdded, half comparisonsChanged) on one replica, load ${
        loads.length
          ? percentile(
              [...loads].sort((a, b) => a - b),
              50,
            ).toFixed(2)
          : '?'
      } (1-min, median of rounds), ${os.cpus().length} cores`,
    );
    console.log(`delay, ingest acknowledged → event received, ${ROUNDS} ingests × ${SUBSCRIBERS} subscribers (${delays.length} events, ${missing} missing):`);
    console.log(`  p50 ${ms(percentile(delays, 50))}  p99 ${ms(percentile(delays, 99))}  max ${ms(delays[delays.length - 1] ?? NaN)}`);
    spreads.sort((a, b) => a - b);
    const spread = percentile(spreads, 50);
    console.log(`spread of one event, first subscriber's arrival to the last's: p50 ${ms(spread)}, max ${ms(spreads[spreads.length - 1])}`);
    console.log(`  warm-up (${WARMUP} ingests first after start, not counted above): slowest subscriber ${warm.map(ms).join(', ')}`);
    console.log(
      `burst, ${BURST} ingests sent at once (all acknowledged after ${((Math.max(...acked) - t0) / 1000).toFixed(2)} s): ${burstEvents} events in ${seconds.toFixed(2)} s = ${(burstEvents / seconds).toFixed(0)} events/s`,
    );
    if (failures.length) console.log(`stream failures: ${failures.length} (first: ${JSON.stringify(failures[0])})`);
    for (const stream of streams) stream.destroy();
  } finally {
    server?.kill('SIGTERM');
    if (server) await new Promise((r) => server!.once('exit', r));
    await db.cleanup();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
