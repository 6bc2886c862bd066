/**
 * Bookmarks: an answer to a request that wrote carries the write's bookmark (header and
 * `extensions.bookmark`), a request that sends it back reads after it, a read-only answer carries
 * none, and a header that is not a bookmark this database issued is refused with a code, never a
 * 500. Over HTTP against the real database (one instance: the wait itself needs a cluster).
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../src/db/database.js';
import { createApp, type App } from '../../src/server/app.js';
import { bookmarksFrom } from '../../src/server/bookmarks.js';
import { FIXTURES, resetGraph } from '../helpers/graph.js';
import { testTarget } from '../helpers/testApp.js';

const db = Database.connect(testTarget());
let app: App;
let base: string;
beforeAll(async () => {
  await resetGraph(db);
  app = await createApp({ db, logLevel: 'silent' });
  await app.http.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.http.server.address() as net.AddressInfo).port}`;
});
afterAll(async () => {
  await app.http.close();
  await db.close();
});

async function post(body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: res.status, header: res.headers.get('claimgraph-bookmark'), body: (await res.json()) as any };
}

const INGEST = 'mutation($doc: IngestDocument!) { ingest(document: $doc) { claimCount } }';
const READ = '{ claim(id: "claim:fixture-1") { id text } }';

describe('bookmarks', () => {
  it('bounds the header: tokens only, a few of them', () => {
    expect(bookmarksFrom(undefined)).toEqual([]);
    expect(bookmarksFrom('FB:abc=, FB:def')).toEqual(['FB:abc=', 'FB:def']);
    expect(() => bookmarksFrom('FB:a b')).toThrow(/not a bookmark/);
    expect(() => bookmarksFrom('x'.repeat(600))).toThrow(/not a bookmark/);
    expect(() => bookmarksFrom(Array.from({ length: 17 }, (_, i) => `FB:${i}`).join(','))).toThrow(/At most 16/);
  });

  it('a write answers its bookmark; sent back, the read sees the write; a read answers none', async () => {
    const doc = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'minimal.json'), 'utf8'));
    const wrote = await post({ query: INGEST, variables: { doc } });
    expect(wrote.body.errors).toBeUndefined();
    expect(wrote.body.data.ingest.claimCount).toBeGreaterThan(0);
    expect(wrote.header).toMatch(/^[A-Za-z0-9+/=:._-]+(,[A-Za-z0-9+/=:._-]+)*$/);
    expect(wrote.body.extensions.bookmark).toBe(wrote.header);

    const read = await post({ query: READ }, { 'claimgraph-bookmark': wrote.header! });
    expect(read.status).toBe(200);
    expect(read.body.data.claim.id).toBe('claim:fixture-1');
    expect(read.header).toBeNull();
    expect(read.body.extensions.bookmark).toBeUndefined();
  });

  it('refuses, coded, a header that is no bookmark of this database', async () => {
    // Not a token at all: refused before anything runs.
    const malformed = await post({ query: READ }, { 'claimgraph-bookmark': '$$$' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    // Well-formed but never issued (or tampered with): the database refuses it at the first read.
    for (const header of ['FB:not-a-bookmark', 'nonsense']) {
      const r = await post({ query: READ }, { 'claimgraph-bookmark': header });
      expect(r.status).toBeLessThan(500);
      expect(r.body.data?.claim ?? null).toBeNull();
      expect(r.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(r.body.errors[0].message).toMatch(/not one this database issued/);
    }
  });
});
