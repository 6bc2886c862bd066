/**
 * schema.org ClaimReview of a claim, over HTTP and from the CLI's export: the claim, where it
 * appeared along its chain and first appeared, the rating mapped from its credibility grade, and
 * the counts that back the rating.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import jsonld from 'jsonld';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportCommand } from '../../../src/cli/exportCommand.js';
import { readDocuments } from '../../../src/cli/readDocuments.js';
import { bulkImport } from '../../../src/services/ingest/bulkImport.js';
import { RATING_SCALE } from '../../../src/services/provenance/claimReview.js';
import { DEFAULT_BASE_IRI } from '../../../src/config.js';
import { nodeIri } from '../../../src/services/provenance/prov.js';
import { FIXTURES, seedGraph } from '../../helpers/graph.js';
import { createTestApp, type TestApp } from '../../helpers/testApp.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedGraph(t.db);
  expect((await bulkImport(t.db, readDocuments([path.join(FIXTURES, 'comparisons.ndjson')]))).rejected).toEqual([]);
});
afterAll(() => t.close());

const CLAIM = 'claim:express-2025-casualties-2025-almost-420000';
const iri = (id: string) => nodeIri(DEFAULT_BASE_IRI, id);

/** schema.org's context, served locally: the test runs offline and the context is only a vocabulary. */
const offlineLoader = async (url: string) => {
  if (url.replace(/\/$/, '') === 'https://schema.org') return { contextUrl: undefined, documentUrl: url, document: { '@context': { '@vocab': 'https://schema.org/' } } };
  throw new Error(`unexpected remote context ${url}`);
};

async function review(claimId: string) {
  const res = await t.app.http.inject({ method: 'GET', url: `/export/claimreview.jsonld?claim=${encodeURIComponent(claimId)}` });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toMatch(/application\/ld\+json/);
  return res.json();
}

describe('GET /export/claimreview.jsonld', () => {
  it('reviews "almost 420,000 killed or wounded in 2025": appearances from the chain, the first one its origin, a rating from its grade', async () => {
    const r = await review(CLAIM);
    const corroboration = (await t.exec(`{ corroboration(claimId: "${CLAIM}") { credibility credibilityReason independentAgreeingOrigins independentConflictingOrigins comparisons { verdict } } }`))
      .data!.corroboration;
    const chain = (await t.exec(`{ sourceChain(claimId: "${CLAIM}", maxDepth: 10) { independentOriginCount origins { source { id } } paths { steps { to { id } } } } }`)).data!.sourceChain;
    expect(r).toMatchObject({ '@context': 'https://schema.org', '@type': 'ClaimReview', url: iri(CLAIM), claimReviewed: 'Almost 420,000 Russians were killed or wounded in 2025 alone.' });
    expect(r.datePublished).toBe(new Date().toISOString().slice(0, 10));
    expect(r.author).toMatchObject({ '@type': 'Organization', name: 'claimgraph' });
    const scale = RATING_SCALE[corroboration.credibility];
    expect(r.reviewRating).toMatchObject({ '@type': 'Rating', bestRating: 5, worstRating: 1, alternateName: scale.name, ratingExplanation: corroboration.credibilityReason });
    expect(r.reviewRating.ratingValue ?? null).toBe(scale.value);
    // The wire's "about 455,000" conflicts with it: the review carries that.
    expect(corroboration.comparisons.some((c: any) => c.verdict === 'CONFLICTS')).toBe(true);
    const props = Object.fromEntries(r.additionalProperty.map((p: any) => [p.name, p.value]));
    expect(props).toEqual({
      admiraltyCredibility: corroboration.credibility,
      independentOriginCount: chain.independentOriginCount,
      circularReporting: expect.any(Boolean),
      independentAgreeingOrigins: corroboration.independentAgreeingOrigins,
      independentConflictingOrigins: corroboration.independentConflictingOrigins,
      conflictingFigures: corroboration.comparisons.filter((c: any) => c.verdict === 'CONFLICTS').length,
    });
    const item = r.itemReviewed;
    expect(item['@type']).toBe('Claim');
    expect(item.author).toBeUndefined(); // the article attributes it to no one
    const onChain = new Set<string>(chain.paths.flatMap((p: any) => p.steps.map((s: any) => iri(s.to.id))));
    expect(new Set(item.appearance.map((a: any) => a['@id']))).toEqual(onChain);
    expect(chain.origins.map((o: any) => iri(o.source.id))).toContain(item.firstAppearance['@id']);
    const express = item.appearance.find((a: any) => a['@id'] === iri('src:express-2025-russian-surrenders'));
    expect(express).toMatchObject({ '@type': 'CreativeWork', publisher: { '@type': 'Organization', name: 'Express' } });
    const staff = (await review('claim:express-2025-casualties-1213460')).itemReviewed;
    expect(staff.author).toEqual([{ '@type': 'Organization', '@id': iri('org:general-staff-ua'), name: expect.stringMatching(/General Staff/) }]);

    // Valid JSON-LD in schema.org's vocabulary.
    const expanded = (await jsonld.expand(r, { documentLoader: offlineLoader as never })) as Record<string, any>[];
    expect(expanded[0]['@type']).toEqual(['https://schema.org/ClaimReview']);
    expect(expanded[0]['https://schema.org/claimReviewed'][0]['@value']).toBe(r.claimReviewed);
  });

  it('answers an unknown claim with 404 NOT_FOUND and a missing one with 400', async () => {
    const unknown = await t.app.http.inject({ method: 'GET', url: '/export/claimreview.jsonld?claim=claim:none' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().errors[0].extensions.code).toBe('NOT_FOUND');
    const missing = await t.app.http.inject({ method: 'GET', url: '/export/claimreview.jsonld' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('is what `export --format claimreview --claim` writes', async () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cg-review-')), 'review.jsonld');
    expect(await exportCommand(t.db, { format: 'claimreview', claimId: CLAIM, out, baseIri: DEFAULT_BASE_IRI })).toBe(0);
    expect(JSON.parse(fs.readFileSync(out, 'utf8'))).toEqual(await review(CLAIM));
  });
});
