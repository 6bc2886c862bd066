/**
 * Who may write, and nothing overwritten: API keys with roles over HTTP (401 without a key, 403
 * with too low a role), private reads, the overwrite attempt from another source (CONFLICT, claim
 * unchanged), a word-for-word restatement, a legitimate correction kept as a revision, and the
 * ingestions that record who wrote what.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseApiKeys } from '../../src/config.js';
import { Database } from '../../src/db/database.js';
import { AccessPolicy } from '../../src/services/access/accessPolicy.js';
import { KeyRing } from '../../src/services/access/keyRing.js';
import { createApp, type App } from '../../src/server/app.js';
import { graphCounts, resetGraph, seedDocument } from '../helpers/graph.js';
import { testTarget } from '../helpers/testApp.js';

const KEYS = {
  reader: 'reader-key-0123456789abcdef',
  writer: 'writer-key-0123456789abcdef',
  admin: 'admin-key-0123456789abcdef0',
};
const ENV = `reader:read:${KEYS.reader},writer:write:${KEYS.writer},boss:admin:${KEYS.admin}`;
const CLAIM = 'claim:express-2025-record-week-350';
const INGEST = 'mutation($doc: IngestDocument!) { ingest(document: $doc) { claimCount revisionsCreated ingestion { id keyName documentHash } } }';

const db = Database.connect(testTarget());
let open: App;
let locked: App;

function policy(publicReads: boolean) {
  return new AccessPolicy(new KeyRing(parseApiKeys(ENV)), { publicReads, openLocalWrites: true });
}

async function post(app: App, body: unknown, key?: string) {
  const res = await app.http.inject({
    method: 'POST',
    url: '/graphql',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    payload: body as Record<string, unknown>,
  });
  return { status: res.statusCode, body: res.json(), headers: res.headers };
}

/** A document from another source that reuses the seed's claim id with other content. */
function attackerDocument(value: number) {
  return {
    source: { id: 'src:attacker', kind: 'ARTICLE', title: 'Invented' },
    claims: [{ id: CLAIM, text: 'Nobody surrendered.', measure: 'measure:russian-soldiers-surrendered', quantity: { value, unit: 'persons', bound: 'EXACT', aggregation: 'PERIOD_TOTAL' } }],
  };
}

beforeAll(async () => {
  open = await createApp({ db, logLevel: 'warn', access: policy(true) });
  locked = await createApp({ db, logLevel: 'warn', access: policy(false) });
});
afterAll(async () => {
  await open.http.close();
  await locked.http.close();
  await db.close();
});

describe('API keys and roles', () => {
  beforeEach(() => resetGraph(db));

  it('ingest: anonymous 401, read 403, unknown key 401, write and admin succeed', async () => {
    const doc = seedDocument();
    const anonymous = await post(open, { query: INGEST, variables: { doc } });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(anonymous.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(anonymous.body.data).toEqual({ ingest: null });

    const reader = await post(open, { query: INGEST, variables: { doc } }, KEYS.reader);
    expect(reader.status).toBe(403);
    expect(reader.body.errors[0].extensions.code).toBe('FORBIDDEN');

    const unknown = await post(open, { query: '{ __typename }' }, 'not-a-key-at-all-123456');
    expect(unknown.status).toBe(401);
    expect(unknown.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await post(open, { query: '{ __typename }' }, undefined)).status).toBe(200);
    const malformed = await open.http.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json', authorization: 'Basic abc' }, payload: { query: '{ __typename }' } });
    expect(malformed.statusCode).toBe(401);
    expect((await graphCounts(db)).nodes).toBe(0);

    const writer = await post(open, { query: INGEST, variables: { doc } }, KEYS.writer);
    expect(writer.status).toBe(200);
    expect(writer.body.data.ingest.ingestion).toMatchObject({ keyName: 'writer', documentHash: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) });
    const admin = await post(open, { query: INGEST, variables: { doc } }, KEYS.admin);
    expect(admin.status).toBe(200);
    // The same document again: nothing changed, so no new ingestion.
    expect(admin.body.data.ingest.ingestion).toBeNull();
  });

  it('private reads: anonymous 401, any key reads', async () => {
    const anonymous = await post(locked, { query: '{ claims(first: 1) { totalCount } }' });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const reader = await post(locked, { query: '{ claims(first: 1) { totalCount } }' }, KEYS.reader);
    expect(reader.status).toBe(200);
    expect(reader.body.data.claims.totalCount).toBe(0);
    const exportAnon = await locked.http.inject({ method: 'GET', url: `/export/prov.jsonld?claim=${CLAIM}` });
    expect(exportAnon.statusCode).toBe(401);
    expect(exportAnon.json().errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('keys are compared by hash: the key itself is never kept', () => {
    const ring = new KeyRing(parseApiKeys(ENV));
    expect(JSON.stringify(ring.keys())).not.toContain(KEYS.writer);
    expect(ring.find(KEYS.writer)?.name).toBe('writer');
    expect(ring.find(KEYS.writer.slice(0, -1))).toBeUndefined();
  });
});

describe('no silent overwrite', () => {
  beforeEach(async () => {
    await resetGraph(db);
    const seeded = await post(open, { query: INGEST, variables: { doc: seedDocument() } }, KEYS.writer);
    expect(seeded.status).toBe(200);
  });

  const CLAIM_QUERY = `{ claim(id: "${CLAIM}") { text quantity { value } measure { id } regions { id } statedIn { source { id } } revisions { fields content validUntil replacedBy { keyName } } ingestions { keyName } } }`;

  it('another source reusing a claim id with other content is refused whole, naming the fields; the claim is unchanged', async () => {
    const before = (await post(open, { query: CLAIM_QUERY })).body;
    const counts = await graphCounts(db);
    const res = await post(open, { query: INGEST, variables: { doc: attackerDocument(0) } }, KEYS.writer);
    expect(res.status).toBe(409);
    const err = res.body.errors[0];
    expect(err.extensions.code).toBe('CONFLICT');
    expect(err.extensions.conflicts.map((c: { path: string }) => c.path)).toEqual(
      expect.arrayContaining(['claims[0].text', 'claims[0].quantity.value', 'claims[0].period', 'claims[0].regions', 'claims[0].attributedTo']),
    );
    expect(err.extensions.conflicts.find((c: { field: string }) => c.field === 'value')).toMatchObject({ existing: 350, proposed: 0 });
    expect((await post(open, { query: CLAIM_QUERY })).body).toEqual(before);
    expect(await graphCounts(db)).toEqual(counts);
  });

  it('another source restating a claim word for word adds its statement only', async () => {
    const seed = seedDocument();
    const original = seed.claims.find((c: { id: string }) => c.id === CLAIM);
    const doc = {
      source: { id: 'src:restater', kind: 'ARTICLE', title: 'Restating outlet', publishedAt: '2026-01' },
      claims: [{ ...original, quote: 'reported 350 in a week', basedOn: undefined }],
    };
    const res = await post(open, { query: INGEST, variables: { doc } }, KEYS.writer);
    expect(res.body.errors).toBeUndefined();
    const after = await post(open, { query: CLAIM_QUERY });
    expect(after.body.data.claim.statedIn.map((s: { source: { id: string } }) => s.source.id).sort()).toEqual(['src:express-2025-russian-surrenders', 'src:restater']);
    expect(after.body.data.claim.quantity.value).toBe(350);
    expect(after.body.data.claim.revisions).toEqual([]);
  });

  it("the owner's correction changes the claim and keeps the old content as a revision; an admin may override", async () => {
    const corrected = seedDocument();
    const c = corrected.claims.find((x: { id: string }) => x.id === CLAIM);
    c.quantity.value = 360;
    const res = await post(open, { query: INGEST, variables: { doc: corrected } }, KEYS.writer);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.ingest.revisionsCreated).toBe(1);
    const after = (await post(open, { query: CLAIM_QUERY })).body.data.claim;
    expect(after.quantity.value).toBe(360);
    expect(after.revisions).toHaveLength(1);
    expect(after.revisions[0]).toMatchObject({ fields: ['value'], content: { value: 350 }, replacedBy: { keyName: 'writer' } });
    expect(after.ingestions.map((i: { keyName: string }) => i.keyName)).toEqual(['writer', 'writer']);

    // The attacker's document again, now with an admin key: allowed, and still traced.
    const admin = await post(open, { query: INGEST, variables: { doc: attackerDocument(0) } }, KEYS.admin);
    expect(admin.body.errors).toBeUndefined();
    const final = (await post(open, { query: CLAIM_QUERY })).body.data.claim;
    expect(final.quantity.value).toBe(0);
    expect(final.revisions.map((r: { content: { value: number } }) => r.content.value)).toEqual([360, 350]);
    expect(final.revisions[0].replacedBy.keyName).toBe('boss');
  });

  it('entities: another source may fill in and add aliases, not rewrite', async () => {
    const rewrite = { source: { id: 'src:other', kind: 'ARTICLE' }, organizations: [{ id: 'org:express', name: 'The Daily Invented' }] };
    const refused = await post(open, { query: INGEST, variables: { doc: rewrite } }, KEYS.writer);
    expect(refused.body.errors[0].extensions).toMatchObject({ code: 'CONFLICT', conflicts: [{ path: 'organizations[0].name', field: 'name' }] });
    const alias = {
      source: { id: 'src:other', kind: 'ARTICLE' },
      organizations: [{ id: 'org:express', name: seedDocument().organizations.find((o: { id: string }) => o.id === 'org:express').name, aliases: ['Daily Express'] }],
    };
    expect((await post(open, { query: INGEST, variables: { doc: alias } }, KEYS.writer)).body.errors).toBeUndefined();
    const org = await post(open, { query: '{ organization(id: "org:express") { name aliases } }' });
    expect(org.body.data.organization.aliases).toContain('Daily Express');
  });

  it('ingestions are listed newest first and page with cursors', async () => {
    await post(open, { query: INGEST, variables: { doc: { source: { id: 'src:second', kind: 'ARTICLE' } } } }, KEYS.writer);
    const page1 = await post(open, { query: '{ ingestions(first: 1) { totalCount edges { cursor node { keyName source { id } claimCount } } pageInfo { hasNextPage endCursor } } }' });
    expect(page1.body.data.ingestions.totalCount).toBe(2);
    expect(page1.body.data.ingestions.edges[0].node).toEqual({ keyName: 'writer', source: { id: 'src:second' }, claimCount: 0 });
    const after = page1.body.data.ingestions.pageInfo.endCursor;
    const page2 = await post(open, { query: 'query($a: String) { ingestions(first: 1, after: $a) { edges { node { source { id } } } pageInfo { hasNextPage } } }', variables: { a: after } });
    expect(page2.body.data.ingestions).toEqual({ edges: [{ node: { source: { id: 'src:express-2025-russian-surrenders' } } }], pageInfo: { hasNextPage: false } });
  });
});

describe('mutations in one request', () => {
  beforeEach(() => resetGraph(db));

  it('a failing mutation leaves the results of those before it', async () => {
    const res = await post(
      open,
      {
        query: 'mutation($a: IngestDocument!, $b: IngestDocument!) { first: ingest(document: $a) { claimCount } second: ingest(document: $b) { claimCount } }',
        variables: { a: seedDocument(), b: attackerDocument(0) },
      },
      KEYS.writer,
    );
    expect(res.body.data).toEqual({ first: { claimCount: 24 }, second: null });
    expect(res.body.errors[0]).toMatchObject({ path: ['second'], extensions: { code: 'CONFLICT' } });
  });
});
