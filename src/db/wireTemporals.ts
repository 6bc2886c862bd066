/**
 * How temporal properties cross Bolt on hot read paths. neo4j-driver decodes each Date and
 * DateTime with Integer arithmetic, tens of microseconds per value: loading 400 claims spent more
 * time there than in Neo4j. So queries that return whole property maps project the known temporal
 * keys as plain values — Dates as ISO strings (`toString(d)`, exactly what toPlain gives), and
 * DateTimes as epoch milliseconds — and `reviveProps` turns the millis back into the ISO strings
 * toPlain would have produced. The keys are the ones the ingest queries write (cypher/ingest/);
 * the queries projecting them are node/nodesByIds and node/nodesWithNeighbours (whole rows;
 * partial rows convert by value type), graph/nodeCards, graph/expand and
 * provenance/organizationClaims — a new temporal property must be added to each, and a new
 * DateTime to the entity model (src/model/entityModel.ts), whose DATETIME_KEYS the millis are
 * revived by; test/model/entityModel.test.ts checks the projections against the model.
 */

import { DATETIME_KEYS } from '../model/derived.js';

/** One projected value back: millis of a DateTime key become its ISO string. */
const reviveValue = (key: string, value: unknown): unknown => (DATETIME_KEYS.has(key) && typeof value === 'number' ? new Date(value).toISOString() : value);

/**
 * A projected property map back to what `properties(n)` would have given: millis become ISO
 * strings, and nulls (keys projected for properties the node does not have; Neo4j never stores
 * a null) are dropped.
 */
export function reviveProps(props: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key in props) if (props[key] != null) out[key] = reviveValue(key, props[key]);
  return out;
}

/** A partial row's property values, in the order of `names`, as reviveProps gives a map. */
export function reviveNamed(names: readonly string[], values: readonly unknown[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (let i = 0; i < names.length; i++) if (values[i] != null) out[names[i]] = reviveValue(names[i], values[i]);
  return out;
}
