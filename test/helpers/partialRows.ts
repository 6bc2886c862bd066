/**
 * What the partial-row tests share: a graph with corrections and a derivation chain, selections of
 * every field of each kind that states its reads, and the whole rows they are compared with (read
 * through `nodes`, which loads from the request's loader, never from a partial row).
 */
import path from 'node:path';
import { expect } from 'vitest';
import { readDocuments } from '../../src/cli/readDocuments.js';
import { DEFAULT_LIMITS } from '../../src/server/app.js';
import { bulkImport } from '../../src/services/ingest/bulkImport.js';
import { ingest } from '../../src/services/ingest/ingest.js';
import { fixture, seedGraph } from './graph.js';
import { createTestApp, type TestApp } from './testApp.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');

/** The seed, the minimal fixture, corrections (supersedes, revisions) and a derivation chain with its kinds. */
export async function partialRowsApp(): Promise<TestApp> {
  // Every field at once costs more than a client may ask for; the limits are not under test here.
  const t = await createTestApp(undefined, { limits: { ...DEFAULT_LIMITS, maxCost: 1_000_000, concurrentCost: null } });
  await seedGraph(t.db);
  await ingest(t.db, fixture('minimal.json'));
  for (const file of ['corrections.ndjson', 'provenance.ndjson']) {
    expect((await bulkImport(t.db, readDocuments([path.join(FIXTURES, file)]))).rejected).toEqual([]);
  }
  return t;
}

export const PERIOD = 'id label start end granularity';
export const MEASURE = 'id name unit description shareOf { base { id name } part { id name unit } }';
export const REGION = 'id name aliases kind code areaKm2 parent { id name parent { id } } children { id name }';
export const ORG = 'id name aliases kind reliability partOf { id name } subsidiaries { id name } people { title from to person { id name } organization { id } }';
export const PERSON = 'id name aliases roles { title from to organization { id name } person { id } }';
export const SOURCE = `id kind title url publishedAt publishedAtPrecision retrievedAt language reliability
  publisher { ${ORG} } authors { ${PERSON} }
  derivedFrom { kind source { id } derivedFrom { id title derivedFrom { kind derivedFrom { id url } } } }
  derivations { kind source { id title } derivedFrom { id } } ingestions { id }`;
export const CLAIM = `id text quote confidence status statedAt recordedAt
  quantity { value low high unit bound precision effectivePrecision aggregation per }
  measure { ${MEASURE} } period { ${PERIOD} } regions { ${REGION} }
  attributedTo { __typename id name aliases ... on Organization { kind reliability partOf { id } } ... on Person { roles { title organization { name } } } }
  statedIn { quote statedAt source { ${SOURCE} } } basedOn { id title }
  supersedes { id text status } supersededBy { id status } ingestions { id } revisions { fields }`;
/** Either kind of agent, every field. */
export const AGENT = `__typename ... on Organization { ${ORG} } ... on Person { ${PERSON} }`;
export const KINDS: Record<string, { root: string; fields: string }> = {
  Claim: { root: 'claim', fields: CLAIM },
  Source: { root: 'source', fields: SOURCE },
  Organization: { root: 'organization', fields: ORG },
  Person: { root: 'person', fields: PERSON },
  Region: { root: 'region', fields: REGION },
};

/** The data of a query that must answer without errors. */
export async function ok(t: TestApp, query: string, variables?: Record<string, unknown>): Promise<any> {
  const res = await t.exec(query, variables);
  expect(res.errors, query.slice(0, 200)).toBeUndefined();
  return res.data;
}

/** Every node as whole rows give it, by id. */
export async function whole(t: TestApp, kind: string, ids: string[]): Promise<Map<string, unknown>> {
  const out = new Map<string, unknown>();
  for (const id of ids) {
    const data = await ok(t, `query($ids: [ID!]!) { nodes(ids: $ids) { ... on ${kind} { ${KINDS[kind].fields} } } }`, { ids: [id] });
    out.set(id, data.nodes[0]);
  }
  return out;
}

const PREFIX: Record<string, string> = { Claim: 'claim:', Source: 'src:', Organization: 'org:', Person: 'person:', Region: 'region:', Measure: 'measure:' };

/** The graph's ids of one kind (ids are `<kind>:<slug>`). */
export async function idsOf(t: TestApp, kind: string): Promise<string[]> {
  const rows = await t.db.read<{ id: string }>('export/idsPage', { p: { afterId: '' }, limit: 5000 });
  return rows.map((r) => r.id).filter((id) => id.startsWith(PREFIX[kind]));
}
