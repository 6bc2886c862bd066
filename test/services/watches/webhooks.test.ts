/**
 * Watches with webhooks against the real database, through the GraphQL layer: a host outside
 * CLAIMGRAPH_WEBHOOK_HOSTS is refused when the watch is made; an ingest that conflicts with a
 * watched claim reaches a loopback receiver (listed exactly) signed, with the verdict; a
 * receiver that fails gets the same delivery again (same webhook-id) until it answers 2xx, and
 * the watch's deliveries record it; unwatch removes the watch and its deliveries.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseWebhookHosts } from '../../../src/services/watches/hostPolicy.js';
import { verifySignature } from '../../../src/services/watches/signature.js';
import { comparisonDocuments, seedGraph } from '../../helpers/graph.js';
import { createTestApp, type TestApp } from '../../helpers/testApp.js';

const SEED_ALMOST = 'claim:express-2025-casualties-2025-almost-420000';
const [WIRE] = comparisonDocuments();
const WATCH = 'mutation($input: WatchInput!) { watch(input: $input) { secret watch { id url claimId verdicts createdBy } } }';
const DELIVERIES = 'query { watches { id deliveries { id cursor status attempts lastStatusCode lastError deliveredAt } } }';

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

let t: TestApp;
let receiver: http.Server;
let hookUrl: string;
const received: Received[] = [];
/** Status codes the receiver answers with, in order; 204 once they run out. */
const answers: number[] = [];

beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.statusCode = answers.shift() ?? 204;
      res.end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  t = await createTestApp(undefined, { webhooks: { hosts: parseWebhookHosts('127.0.0.1, *.hooks.example.org'), dispatch: true, tickMs: 100, retryBaseMs: 200 } });
  await seedGraph(t.db);
  // Watches are the service's, not the graph's: a reset leaves them, so an earlier run's go here.
  for (const w of (await t.exec('{ watches { id } }')).data!.watches) await t.exec('mutation($id: ID!) { unwatch(id: $id) { id } }', { id: w.id });
});
afterAll(async () => {
  await t?.close();
  receiver?.close();
});

async function waitFor<T>(read: () => Promise<T> | T, ok: (v: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (ok(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('watches', () => {
  it('refuses, coded, a URL outside the allow-list, a private address behind a wildcard, and a bad target', async () => {
    for (const [url, code] of [
      ['https://elsewhere.example.com/hook', 'WEBHOOK_HOST_NOT_ALLOWED'],
      ['http://127.0.0.2:9/hook', 'WEBHOOK_HOST_NOT_ALLOWED'],
      ['ftp://127.0.0.1/hook', 'BAD_USER_INPUT'],
      ['http://user:pw@127.0.0.1/hook', 'BAD_USER_INPUT'],
    ] as const) {
      const res = await t.exec(WATCH, { input: { url, claimId: SEED_ALMOST } });
      expect(res.data?.watch).toBeNull();
      expect(res.errors?.[0].extensions?.code, url).toBe(code);
    }
    const both = await t.exec(WATCH, { input: { url: hookUrl, claimId: SEED_ALMOST, measureId: 'measure:x' } });
    expect(both.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await t.exec(DELIVERIES)).data!.watches).toEqual([]);
  });

  it('delivers a conflict signed to a loopback receiver, retries a failure with the same id, and records it', async () => {
    const made = await t.exec(WATCH, { input: { url: hookUrl, claimId: SEED_ALMOST, verdicts: ['CONFLICTS'], name: 'newsroom' } });
    expect(made.errors).toBeUndefined();
    const { secret, watch } = made.data!.watch;
    expect(secret).toMatch(/^whsec_/);
    expect(watch).toMatchObject({ url: hookUrl, claimId: SEED_ALMOST, verdicts: ['CONFLICTS'], createdBy: 'anonymous' });
    answers.push(500);
    expect((await t.exec('mutation($doc: IngestDocument!) { ingest(document: $doc) { claimCount } }', { doc: WIRE })).errors).toBeUndefined();

    await waitFor(
      () => received.length,
      (n) => n >= 2,
    );
    expect(received).toHaveLength(2);
    const [failed, delivered] = received;
    expect(delivered.headers['webhook-id']).toBe(failed.headers['webhook-id']);
    expect(delivered.body).toBe(failed.body);
    expect(verifySignature(secret, delivered.headers as never, delivered.body)).toBe(true);
    expect(verifySignature(secret, { ...delivered.headers, 'webhook-signature': 'v1,AAAA' } as never, delivered.body)).toBe(false);
    const body = JSON.parse(delivered.body);
    expect(body).toMatchObject({ type: 'comparisons.changed', id: delivered.headers['webhook-id'], watchId: watch.id, ingestion: { sourceId: WIRE.source.id } });
    expect(body.changes).toContainEqual(
      expect.objectContaining({
        claim: expect.objectContaining({ id: 'claim:wire-casualties-2025-about-455000' }),
        other: expect.objectContaining({ id: SEED_ALMOST }),
        verdict: 'CONFLICTS',
        change: 'NEW_CONFLICT',
      }),
    );
    expect(body.changes.every((c: any) => c.verdict === 'CONFLICTS')).toBe(true);

    const listed = await waitFor(
      () => t.exec(DELIVERIES),
      (r) => r.data?.watches[0]?.deliveries[0]?.status === 'DELIVERED',
    );
    expect(listed.data!.watches[0].deliveries).toEqual([
      expect.objectContaining({ id: delivered.headers['webhook-id'], cursor: body.cursor, status: 'DELIVERED', attempts: 2, lastStatusCode: 204, lastError: null }),
    ]);

    // Nothing more: the same event is not delivered twice once answered.
    await new Promise((r) => setTimeout(r, 500));
    expect(received).toHaveLength(2);

    const removed = await t.exec('mutation($id: ID!) { unwatch(id: $id) { id } }', { id: watch.id });
    expect(removed.data!.unwatch).toEqual({ id: watch.id });
    expect((await t.exec(DELIVERIES)).data!.watches).toEqual([]);
    const again = await t.exec('mutation($id: ID!) { unwatch(id: $id) { id } }', { id: watch.id });
    expect(again.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
