/**
 * Partial rows in the provenance answers (services/provenance/): a source chain, a corroboration
 * and a timeline read what their selection reads of the nodes below them, plus what the service
 * itself reads (withOwnReads). Each is answered here from partial rows and compared with the same
 * selection answered from whole rows, field by field; none may lend a partial row to the
 * request's loader, which every other field of the request reads.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGENT, CLAIM, idsOf, ok, partialRowsApp, SOURCE, whole } from '../helpers/partialRows.js';
import type { TestApp } from '../helpers/testApp.js';
import { createEntityLoader, type EntityLoader } from '../../src/services/entities/entities.js';
import { corroboration } from '../../src/services/provenance/corroboration.js';
import { sourceChain } from '../../src/services/provenance/sourceChain.js';
import { timeline } from '../../src/services/provenance/timeline.js';

let t: TestApp;
beforeAll(async () => {
  t = await partialRowsApp();
});
afterAll(() => t.close());

describe('provenance partial rows', () => {
  it('answer a source chain as whole rows do: bare paths, paths with every node field, and with its origins', async () => {
    const node = `__typename ... on Claim { ${CLAIM} } ... on Source { ${SOURCE} }`;
    const paths = `paths { steps { from { ${node} } relation kind to { ${SOURCE} } } end { ${SOURCE} } ending } cycles truncated`;
    const origins = `claim { ${CLAIM} } origins { source { ${SOURCE} } agents { __typename id name ... on Organization { partOf { id } } } institutions { id name } } independentOriginCount institutions { ${AGENT} } circularReporting`;
    let hops = 0;
    for (const id of await idsOf(t, 'Claim')) {
      // The first reads no edges of its own (bench:peers' W5): the chain's edges come from its own reads.
      const bare = 'paths { steps { from { id } relation kind to { id title } } end { id title } ending }';
      for (const selection of [bare, paths, `${paths} ${origins}`]) {
        // The explanation states no reads: the same selection with it is answered from whole rows.
        const partial = (await ok(t, `query($id: ID!) { sourceChain(claimId: $id) { ${selection} } }`, { id })).sourceChain;
        const { explanation, ...whole } = (await ok(t, `query($id: ID!) { sourceChain(claimId: $id) { ${selection} explanation } }`, { id })).sourceChain;
        expect(typeof explanation).toBe('string');
        expect(partial, `sourceChain(${id})`).toEqual(whole);
        hops += partial.paths.reduce((n: number, p: any) => n + p.steps.length, 0);
      }
    }
    expect(hops).toBeGreaterThan(20);
  });

  it("answer a claim's corroboration as whole rows do: the verdicts, and every field of the claims compared", async () => {
    const verdicts = 'allenRelation verdict gap sameOrigin scopeUnstated counted reason';
    const grade = 'independentAgreeingOrigins independentConflictingOrigins credibility credibilityReason';
    const claims = await idsOf(t, 'Claim');
    const expected = await whole(t, 'Claim', claims);
    let compared = 0;
    for (const id of claims) {
      // The bare selection reads nothing of the claims: the comparison's own reads are all it gets.
      const bare = (await ok(t, `query($id: ID!) { corroboration(claimId: $id) { comparisons { claim { id } ${verdicts} } ${grade} } }`, { id })).corroboration;
      const full = (await ok(t, `query($id: ID!) { corroboration(claimId: $id) { claim { ${CLAIM} } comparisons { claim { ${CLAIM} } ${verdicts} } ${grade} } }`, { id })).corroboration;
      // From whole rows: the service without a selection.
      const w = await corroboration(t.db, createEntityLoader(t.db), id);
      const fromWhole = {
        comparisons: w.comparisons.map(({ claim, allenRelation, ...rest }) => ({ claim: { id: claim.id }, allenRelation: allenRelation.toUpperCase().replace(/-/g, '_'), ...rest })),
        independentAgreeingOrigins: w.independentAgreeingOrigins,
        independentConflictingOrigins: w.independentConflictingOrigins,
        credibility: w.credibility,
        credibilityReason: w.credibilityReason,
      };
      expect(bare, `corroboration(${id})`).toEqual(fromWhole);
      expect({ ...full, claim: undefined, comparisons: full.comparisons.map((x: any) => ({ ...x, claim: { id: x.claim.id } })) }).toEqual({ ...bare, claim: undefined });
      expect(full.claim).toEqual(expected.get(id));
      for (const x of full.comparisons) expect(x.claim, `${id} against ${x.claim.id}`).toEqual(expected.get(x.claim.id));
      compared += bare.comparisons.length;
    }
    expect(compared).toBeGreaterThan(10);
  });

  it("answer a measure's timeline as whole rows do: the points, and every field of their claims, sources and agents", async () => {
    const figures = 'start end value low high bound decreases';
    let points = 0;
    for (const measureId of await idsOf(t, 'Measure')) {
      // The bare selection reads nothing of the rows: the timeline's own reads are all it gets.
      const bare = (await ok(t, `query($m: ID!) { timeline(measureId: $m) { claim { id } ${figures} source { id } agents { __typename id } previous { id } } }`, { m: measureId })).timeline;
      const full = (await ok(t, `query($m: ID!) { timeline(measureId: $m) { claim { ${CLAIM} } ${figures} source { ${SOURCE} } agents { ${AGENT} } previous { ${CLAIM} } } }`, { m: measureId }))
        .timeline;
      // From whole rows: the service without a selection.
      const fromWhole = (await timeline(t.db, createEntityLoader(t.db), { measureId })).map((p) => ({
        claim: { id: p.claim.id },
        start: p.start,
        end: p.end,
        value: p.value,
        low: p.low,
        high: p.high,
        bound: p.bound,
        decreases: p.decreases,
        source: p.source && { id: p.source.id },
        agents: p.agents.map((a) => ({ __typename: a.kind, id: a.id })),
        previous: p.previous && { id: p.previous.id },
      }));
      expect(bare, `timeline(${measureId})`).toEqual(fromWhole);
      const ids = (x: any) => x && { id: x.id };
      expect(
        full.map((p: any) => ({ ...p, claim: ids(p.claim), source: ids(p.source), agents: p.agents.map((a: any) => ({ __typename: a.__typename, id: a.id })), previous: ids(p.previous) })),
      ).toEqual(bare);
      // Each node read whole once: a source or an agent stands behind many points, and a point's previous claim is one of them.
      const distinct = (ids: string[]) => [...new Set(ids)];
      const claims = await whole(t, 'Claim', distinct(full.map((p: any) => p.claim.id)));
      const sources = await whole(t, 'Source', distinct(full.flatMap((p: any) => (p.source ? [p.source.id] : []))));
      const agentIds = distinct(full.flatMap((p: any) => p.agents.map((a: any) => a.id)));
      const agents = agentIds.length ? (await ok(t, `query($ids: [ID!]!) { nodes(ids: $ids) { ${AGENT} } }`, { ids: agentIds })).nodes : [];
      const agentById = new Map(agentIds.map((id, i) => [id, agents[i]]));
      for (const p of full) {
        expect(p.claim, `${measureId}: ${p.claim.id}`).toEqual(claims.get(p.claim.id));
        if (p.source) expect(p.source, `${measureId}: ${p.source.id}`).toEqual(sources.get(p.source.id));
        if (p.previous) expect(p.previous).toEqual(claims.get(p.previous.id));
        for (const a of p.agents) expect(a, `${measureId}: ${a.id}`).toEqual(agentById.get(a.id));
      }
      points += bare.length;
    }
    expect(points).toBeGreaterThan(10);
  });

  it("never lend a partial row to the request's loader, which serves every other field", async () => {
    // The claim and its source, read partial by each answer, then through the same loader.
    const claimId = 'claim:express-2025-record-week-350';
    const wholeRow = await createEntityLoader(t.db).load(claimId);
    const sourceId = wholeRow!.out.find((e) => e.type === 'STATED_IN')!.id;
    const measureId = wholeRow!.out.find((e) => e.type === 'ABOUT')!.id;
    const shape = { props: { Claim: ['text'], Source: ['title'] }, out: {}, in: {}, edgeProps: [] };
    const answers = {
      sourceChain: (loader: EntityLoader) => sourceChain(t.db, loader, claimId, 6, { agents: true, shape }),
      corroboration: (loader: EntityLoader) => corroboration(t.db, loader, claimId, shape),
      timeline: (loader: EntityLoader) => timeline(t.db, loader, { measureId }, shape),
    };
    for (const [name, answer] of Object.entries(answers)) {
      const loader = createEntityLoader(t.db);
      await answer(loader);
      for (const id of [claimId, sourceId]) expect(await loader.load(id), `${name}: ${id}`).toEqual(await createEntityLoader(t.db).load(id));
    }
  });
});
