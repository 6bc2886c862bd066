/**
 * Cached estimates equal fresh ones: over documents whose cost turns on page sizes, on
 * `@include`/`@skip` flags (which decide what else is read) and on variables left out, every
 * request gets exactly what requestCost answers; and requests that differ only in variables the
 * estimate never reads (ids) walk the document once.
 */
import { buildSchema, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { CostCache } from '../../../src/server/limits/costCache.js';
import { requestCost, type Args } from '../../../src/server/limits/costModel.js';
import { loadTypeDefs } from '../../../src/schema.js';

const schema = buildSchema(loadTypeDefs());

const PAGED = parse(`query($o: ID!, $n: Int, $deep: Boolean = false, $m: Int = 5) {
  claims(first: $n, filter: { attributedTo: [$o] }) {
    edges { node { id statedIn { source { title } } sourceChain @include(if: $deep) { paths { end { id } } } } }
  }
  organizations(first: $m) @skip(if: $deep) { edges { node { id } } }
}`);
const BY_ID = parse('query($id: ID!) { claim(id: $id) { id text statedIn { source { id title } } measure { id name } } }');

describe('CostCache', () => {
  it('answers what requestCost answers, whatever the variables decide', () => {
    const cache = new CostCache(schema);
    const cases: Args[] = [];
    for (const n of [undefined, null, 1, 20, 100])
      for (const deep of [undefined, true, false])
        for (const m of [undefined, 1, 50]) cases.push({ o: `org:${cases.length}`, ...(n === undefined ? {} : { n }), ...(deep === undefined ? {} : { deep }), ...(m === undefined ? {} : { m }) });
    // Twice over, in two orders: figures recorded by one path must not answer for another.
    for (const vars of [...cases, ...[...cases].reverse()]) {
      const coerced = { deep: false, m: 5, ...vars };
      expect(cache.estimate(PAGED, coerced, undefined)).toBe(requestCost(schema, PAGED, coerced, undefined));
    }
  });

  it('walks a document once for requests that differ only in ids', () => {
    const cache = new CostCache(schema);
    const first = cache.estimate(BY_ID, { id: 'claim:a' }, undefined);
    for (let i = 0; i < 50; i++) expect(cache.estimate(BY_ID, { id: `claim:${i}` }, undefined)).toBe(first);
    expect(cache.walks).toBe(1);
  });

  it('keeps no figure keyed by a list or an input object the estimate reads, and ignores those it does not', () => {
    const cache = new CostCache(schema);
    const filtered = parse('query($f: ClaimFilter) { claims(first: 5, filter: $f) { edges { node { id } } } }');
    for (let i = 0; i < 3; i++)
      expect(cache.estimate(filtered, { f: { attributedTo: [`org:${i}`] } }, undefined)).toBe(requestCost(schema, filtered, { f: { attributedTo: [`org:${i}`] } }, undefined));
    expect(cache.walks).toBe(1);
    const compared = parse('query($orgs: [ID!]!) { crossReference(organizationIds: $orgs) { organizations { id } } }');
    for (const orgs of [
      ['org:a', 'org:b'],
      ['org:a', 'org:b', 'org:c'],
      ['org:a', 'org:b'],
    ])
      expect(cache.estimate(compared, { orgs }, undefined)).toBe(requestCost(schema, compared, { orgs }, undefined));
    expect(cache.walks).toBe(4);
    // A long string the estimate reads (a seed id inside a list) is not kept as a key either.
    const seeded = parse('query($id: ID!) { graph(seeds: [$id]) { truncated } }');
    const long = `claim:${'x'.repeat(300)}`;
    for (let i = 0; i < 2; i++) expect(cache.estimate(seeded, { id: long }, undefined)).toBe(requestCost(schema, seeded, { id: long }, undefined));
    expect(cache.walks).toBe(6);
  });

  it('does not let arguments priced at their defaults (a null where ids go) answer for real ones', () => {
    const cache = new CostCache(schema);
    const doc = parse('query($o: [ID!] = ["org:a", "org:b"]) { crossReference(organizationIds: $o) { organizations { id } } }');
    const many = { o: Array.from({ length: 1000 }, (_, i) => `org:${i}`) };
    for (const vars of [{ o: null }, many, { o: null }, many]) expect(cache.estimate(doc, vars, undefined)).toBe(requestCost(schema, doc, vars, undefined));
  });
});
