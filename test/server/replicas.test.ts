/**
 * Two claimgraph server processes over one Neo4j (the run's embedded one): a key added through
 * the database is accepted by both within a second and refused after revocation; a document
 * ingested through A raises comparisonsChanged on a subscriber of B and one signed webhook
 * delivery to a loopback receiver, with the verdict; A killed with SIGKILL, B's subscribers keep
 * receiving; A restarted, its subscriber resumes from its cursor with nothing missed or repeated.
 */
import { spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient, type Client } from 'graphql-sse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../src/db/database.js';
import { targetEnv } from '../../src/db/target.js';
import { freePort } from '../../src/ports.js';
import { verifySignature } from '../../src/services/watches/signature.js';
import { comparisonDocuments, seedGraph } from '../helpers/graph.js';
import { startServerProcess } from '../helpers/serverProcess.js';
import { testTarget } from '../helpers/testApp.js';

const SEED_ALMOST = 'claim:express-2025-casualties-2025-almost-420000';
const [WIRE, BLOG] = comparisonDocuments();
const CORRECTED = { ...BLOG, source: { ...BLOG.source, title: `${BLOG.source.title} (corrected)` }, claims: BLOG.claims.map((c: any) => ({ ...c, text: `${c.text} (corrected)` })) };
const OPS_KEY = `ops-${randomBytes(16).toString('hex')}`;
const COMPARISONS = `subscription($id: ID!) { comparisonsChanged(claimId: $id) { cursor ingestion { source { id } } changes { claim { id } other { id } verdict change } } }`;
const ADDED = `subscription($after: String) { claimsAdded(after: $after) { cursor ingestion { source { id } } claims { change claim { id } } } }`;

interface Replica {
  child: ChildProcess;
  url: string;
  log: string[];
}

const target = testTarget();
const children: ChildProcess[] = [];
const clients: Client[] = [];
let db: Database;
let receiver: http.Server;
let hookUrl: string;
const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];

function env(port: number): NodeJS.ProcessEnv {
  return {
    ...process.env,
    ...targetEnv(target),
    PORT: String(port),
    HOST: '127.0.0.1',
    CLAIMGRAPH_SEED: 'false',
    CLAIMGRAPH_API_KEYS: `ops:write:${OPS_KEY}`,
    CLAIMGRAPH_WEBHOOK_HOSTS: '127.0.0.1',
    LOG_LEVEL: 'info',
  };
}

async function startReplica(port?: number): Promise<Replica> {
  const p = port ?? (await freePort());
  const { child, log } = await startServerProcess(env(p), children, 120_000);
  return { child, url: `http://127.0.0.1:${p}`, log };
}

async function gql(r: Replica, query: string, variables: Record<string, unknown> = {}, key = OPS_KEY): Promise<{ status: number; body: any }> {
  const res = await fetch(`${r.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: JSON.stringify({ query, variables }) });
  return { status: res.status, body: await res.json() };
}

async function ingest(r: Replica, doc: unknown): Promise<void> {
  const res = await gql(r, 'mutation($doc: IngestDocument!) { ingest(document: $doc) { claimCount } }', { doc });
  expect(res.body.errors).toBeUndefined();
}

function keysCli(...args: string[]): string {
  const out = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'keys', ...args], { env: env(0), encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`keys ${args.join(' ')} failed: ${out.stderr}`);
  return out.stdout;
}

/** A subscription's events as they come, with a way to wait for the next `n`. */
function follow(r: Replica, query: string, variables: Record<string, unknown>) {
  const client = createClient({ url: `${r.url}/graphql/stream`, retryAttempts: 0, fetchFn: fetch, headers: { authorization: `Bearer ${OPS_KEY}` } });
  clients.push(client);
  const events: any[] = [];
  const errors: unknown[] = [];
  void (async () => {
    try {
      for await (const result of client.iterate({ query, variables })) events.push(result);
    } catch (err) {
      errors.push(err);
    }
  })();
  return {
    events,
    errors,
    async until(n: number, timeoutMs = 10_000) {
      await waitFor(
        () => events.length >= n,
        timeoutMs,
        () => `${events.length} of ${n} events (errors: ${JSON.stringify(errors)})`,
      );
      return events;
    },
  };
}

async function waitFor(ok: () => boolean | Promise<boolean>, timeoutMs: number, what: () => string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`timed out: ${what()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Waits until a replica's stream is listening: its feed took a cursor (an ingest after it is seen). */
async function listening(r: Replica): Promise<void> {
  await waitFor(
    async () => {
      const text = await (await fetch(`${r.url}/metrics`, { headers: { authorization: `Bearer ${OPS_KEY}` } })).text();
      return /^claimgraph_subscriptions_open [1-9]/m.test(text);
    },
    10_000,
    () => 'no open subscription',
  );
  // The stream counted is attached within a poll: give it one.
  await new Promise((r) => setTimeout(r, 500));
}

beforeAll(async () => {
  db = Database.connect(target);
  await seedGraph(db);
  receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.statusCode = 204;
      res.end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
}, 60_000);

afterAll(async () => {
  for (const c of clients) c.dispose();
  for (const c of children)
    if (c.exitCode === null && c.signalCode === null) {
      c.kill('SIGTERM');
      await new Promise((r) => c.once('exit', r));
    }
  receiver?.close();
  await db?.close();
}, 60_000);

describe('two replicas over one Neo4j', () => {
  it('share keys, events and webhooks; survive a SIGKILL; resume from a cursor', async () => {
    const [a, b] = await Promise.all([startReplica(), startReplica()]);
    for (const w of (await gql(b, '{ watches { id } }')).body.data.watches) await gql(b, 'mutation($id: ID!) { unwatch(id: $id) { id } }', { id: w.id });

    // A key added through the database: both accept it within a second, and refuse it once revoked.
    const bob = /cgk_\S+/.exec(keysCli('add', `bob-${process.pid}`, '--role', 'read'))![0];
    let since = Date.now();
    await waitFor(
      async () => (await gql(a, '{ __typename }', {}, bob)).status === 200 && (await gql(b, '{ __typename }', {}, bob)).status === 200,
      5_000,
      () => 'key not accepted',
    );
    expect(Date.now() - since).toBeLessThan(1_000);
    keysCli('revoke', `bob-${process.pid}`);
    since = Date.now();
    await waitFor(
      async () => (await gql(a, '{ __typename }', {}, bob)).status === 401 && (await gql(b, '{ __typename }', {}, bob)).status === 401,
      5_000,
      () => 'key not refused',
    );
    expect(Date.now() - since).toBeLessThan(1_000);

    // A watch made through B; subscribers on B (comparisons) and on A (claims added).
    const made = await gql(b, 'mutation($input: WatchInput!) { watch(input: $input) { secret watch { id } } }', { input: { url: hookUrl, claimId: SEED_ALMOST, verdicts: ['CONFLICTS'] } });
    expect(made.body.errors).toBeUndefined();
    const { secret } = made.body.data.watch;
    const onB = follow(b, COMPARISONS, { id: SEED_ALMOST });
    const addedOnB = follow(b, ADDED, {});
    const onA = follow(a, ADDED, {});
    await listening(a);
    await listening(b);

    await ingest(a, WIRE);
    const [comparison] = await onB.until(1);
    expect(comparison.data.comparisonsChanged.ingestion.source.id).toBe(WIRE.source.id);
    expect(comparison.data.comparisonsChanged.changes).toContainEqual({
      claim: { id: 'claim:wire-casualties-2025-about-455000' },
      other: { id: SEED_ALMOST },
      verdict: 'CONFLICTS',
      change: 'NEW_CONFLICT',
    });
    const [wireOnA] = await onA.until(1);
    const cursor = wireOnA.data.claimsAdded.cursor;

    // One signed delivery, though both replicas dispatch.
    await waitFor(
      () => received.length >= 1,
      10_000,
      () => 'no webhook delivery',
    );
    const delivery = received[0];
    expect(verifySignature(secret, delivery.headers as never, delivery.body)).toBe(true);
    expect(JSON.parse(delivery.body).changes).toContainEqual(expect.objectContaining({ verdict: 'CONFLICTS', other: expect.objectContaining({ id: SEED_ALMOST }) }));

    // A dies mid-stream; B's subscribers keep receiving.
    a.child.kill('SIGKILL');
    await new Promise((r) => a.child.once('exit', r));
    await ingest(b, BLOG);
    await addedOnB.until(2);
    expect(addedOnB.events.map((e) => e.data.claimsAdded.ingestion.source.id)).toEqual([WIRE.source.id, BLOG.source.id]);

    // A again: its subscriber resumes after its last cursor: BLOG (missed), then a live one, once each.
    const again = await startReplica(Number(new URL(a.url).port));
    const resumed = follow(again, ADDED, { after: cursor });
    await resumed.until(1);
    await listening(again);
    await ingest(b, CORRECTED);
    await resumed.until(2);
    await new Promise((r) => setTimeout(r, 1_000));
    const seen = resumed.events.map((e) => [e.data.claimsAdded.ingestion.source.id, e.data.claimsAdded.claims[0].change]);
    expect(seen).toEqual([
      [BLOG.source.id, 'ADDED'],
      [BLOG.source.id, 'CORRECTED'],
    ]);
    const cursors = resumed.events.map((e) => Number(e.data.claimsAdded.cursor));
    expect(cursors[0]).toBeGreaterThan(Number(cursor));
    expect(cursors[1]).toBeGreaterThan(cursors[0]);
    // The conflict was delivered once: nothing in BLOG or its correction conflicts with the watched claim.
    expect(new Set(received.map((r) => r.headers['webhook-id'])).size).toBe(received.length);
    await gql(b, 'mutation($id: ID!) { unwatch(id: $id) { id } }', { id: made.body.data.watch.watch.id });
  }, 300_000);
});
