/**
 * `@skip` and `@include` in the walkers that read a selection without executing it: the cost model
 * (requestCost), the look-ahead that prefetches relationships with a root field's rows
 * (selectionReads) and selectsPath. A field the answer will not hold costs nothing and is not
 * prefetched; each walker is driven by graphql-js itself (real resolve info, coerced variables).
 */
import { buildSchema, graphql, parse, type GraphQLResolveInfo } from 'graphql';
import { describe, expect, it } from 'vitest';
import { selectionReads, type SelectionReads } from '../../src/resolvers/rowShape.js';
import { selectsPath } from '../../src/resolvers/selection.js';
import { requestCost } from '../../src/server/limits/costModel.js';
import { loadTypeDefs } from '../../src/schema.js';
import { walkSchema } from '../helpers/schema.js';

const schema = buildSchema(loadTypeDefs());
const cost = (query: string, variables: Record<string, unknown> = {}) => requestCost(schema, parse(query), variables, undefined);

/** What `Query.claim`'s resolver would see: its selection's reads, and whether it selects statedIn.source. */
async function seen(query: string, variableValues: Record<string, unknown>): Promise<{ reads: SelectionReads; source: boolean }> {
  let out: { reads: SelectionReads; source: boolean } | undefined;
  const rootValue = {
    claim: (_args: unknown, _ctx: unknown, info: GraphQLResolveInfo) => {
      out = { reads: selectionReads(info), source: selectsPath(info, ['statedIn', 'source']) };
      return null;
    },
  };
  const res = await graphql({ schema: walkSchema(), source: query, rootValue, variableValues });
  expect(res.errors).toBeUndefined();
  return out!;
}

describe('@skip and @include', () => {
  const CHAIN = 'sourceChain(claimId: "c") { paths { steps { from { id } to { id } } } }';

  it('cost nothing where they drop a field, a fragment spread or an inline fragment', () => {
    const without = cost('{ claim(id: "c") { id } }');
    const withChain = cost(`{ claim(id: "c") { id } ${CHAIN} }`);
    expect(withChain).toBeGreaterThan(without + 15);
    expect(cost(`query($s: Boolean!) { claim(id: "c") { id } sourceChain(claimId: "c") @skip(if: $s) { paths { steps { from { id } to { id } } } } }`, { s: true })).toBe(without);
    expect(cost(`query($s: Boolean!) { claim(id: "c") { id } sourceChain(claimId: "c") @skip(if: $s) { paths { steps { from { id } to { id } } } } }`, { s: false })).toBe(withChain);
    expect(cost(`{ claim(id: "c") { id } ... @include(if: false) { ${CHAIN} } }`)).toBe(without);
    expect(cost(`query { claim(id: "c") { id } ...Chain @include(if: false) } fragment Chain on Query { ${CHAIN} }`)).toBe(without);
    expect(cost(`query { claim(id: "c") { id } ...Chain @include(if: true) } fragment Chain on Query { ${CHAIN} }`)).toBe(withChain);
  });

  it('prefetch nothing for a skipped field, and say it is not selected', async () => {
    const query = 'query($s: Boolean!) { claim(id: "c") { id statedIn @skip(if: $s) { source { derivedFrom { derivedFrom { id } } } } } }';
    const skipped = await seen(query, { s: true });
    expect(skipped.reads.types).toEqual([]);
    expect(skipped.reads.depth).toBe(1);
    expect(skipped.source).toBe(false);
    const kept = await seen(query, { s: false });
    expect(kept.reads.types).toEqual(['DERIVED_FROM', 'STATED_IN']);
    expect(kept.reads.depth).toBe(2); // a derivation's source is at its derivation's hop
    expect(kept.source).toBe(true);
    // In a fragment, and by @include.
    const fragment = await seen('query($i: Boolean!) { claim(id: "c") { id ...S @include(if: $i) } } fragment S on Claim { statedIn { source { id } } }', { i: false });
    expect(fragment.reads.types).toEqual([]);
    expect(fragment.source).toBe(false);
  });
});
