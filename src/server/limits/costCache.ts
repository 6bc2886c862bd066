/**
 * The cost estimate depends on the document and on the few variables it reads (a page size, an
 * `@include` flag), not on the ids most requests vary: each estimate is recorded with the
 * variables it depended on (resolvers/variableReads.ts), and a later request of the same document (Apollo's document store hands back
 * the same parsed DocumentNode) with the same values of those variables gets the recorded figure
 * without a second walk.
 *
 * Exact, not approximate: the walk is deterministic, so a request agreeing on every variable any
 * recorded walk of the document read takes the same path and reaches the same cost. Only
 * short primitive values are keys (an ingest document as a variable is priced afresh), each document
 * keeps a bounded number of figures, and documents leave with Apollo's store (a WeakMap).
 */
import type { DocumentNode, GraphQLSchema } from 'graphql';
import { requestCost, type Args } from './costModel.js';

/** Figures kept per document and operation; more starts the list afresh (a rarely varied page size fits). */
const MAX_FIGURES = 256;

interface Figures {
  /** Every variable a walk of this operation has read, in first-read order. */
  reads: string[];
  costs: Map<string, number>;
}

const ABSENT = '\u0000absent';

/** Longer strings are not kept as keys: a client must not grow the cache with megabyte ids. */
const MAX_KEY_STRING = 200;

/** A key from the values of `names`, or null when one is not a short primitive (not worth keeping). */
function keyOf(names: readonly string[], variables: Args): string | null {
  let key = '';
  for (const name of names) {
    const value = Object.prototype.hasOwnProperty.call(variables, name) ? variables[name] : ABSENT;
    if (value !== null && typeof value === 'object') return null;
    if (typeof value === 'string' && value.length > MAX_KEY_STRING) return null;
    key += `${typeof value}:${String(value)}\u0000`;
  }
  return key;
}

export class CostCache {
  private readonly byDocument = new WeakMap<DocumentNode, Map<string, Figures>>();
  /** Walks done (a miss each); for tests and the benchmark. */
  walks = 0;

  constructor(readonly schema: GraphQLSchema) {}

  estimate(document: DocumentNode, variables: Args, operationName: string | undefined): number {
    let byOperation = this.byDocument.get(document);
    if (!byOperation) this.byDocument.set(document, (byOperation = new Map()));
    const op = operationName ?? '';
    let figures = byOperation.get(op);
    if (!figures) byOperation.set(op, (figures = { reads: [], costs: new Map() }));
    const known = keyOf(figures.reads, variables);
    const hit = known === null ? undefined : figures.costs.get(known);
    if (hit !== undefined) return hit;

    this.walks += 1;
    const reads = new Set<string>();
    const cost = requestCost(this.schema, document, variables, operationName, reads);
    const fresh = [...reads].filter((name) => !figures.reads.includes(name));
    if (fresh.length) {
      // A walk read a variable earlier ones did not: figures keyed without it could mislead.
      figures.reads.push(...fresh);
      figures.costs.clear();
    }
    const key = keyOf(figures.reads, variables);
    if (key !== null) {
      if (figures.costs.size >= MAX_FIGURES) figures.costs.clear();
      figures.costs.set(key, cost);
    }
    return cost;
  }
}
