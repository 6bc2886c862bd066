/**
 * Row types: what src/db/ hands to services and resolvers. codegen.ts maps GraphQL types onto
 * these (mappers), so a resolver's parent is exactly what the database returned.
 */

/** A relationship seen from one end: its type, the id at the other end, and its properties. */
export interface EdgeRef {
  type: string;
  id: string;
  props: Record<string, unknown>;
}

/**
 * Where a resolver finds the rows its parent's fields lead to: the request's entity loader, or
 * the partial rows one query fetched for its own selection (services/entities/partialRows.ts).
 * DataLoader has this shape.
 */
export interface RowSource {
  load(id: string): Promise<EntityRow | null>;
  loadMany(ids: readonly string[]): Promise<Array<EntityRow | null | Error>>;
  /**
   * The row if this source already holds it (null: known absent), undefined if it would have to
   * load it. Lets a resolver answer without a promise, which graphql-js completes at once.
   */
  peek?(id: string): EntityRow | null | undefined;
}

/** Rows and wrappers fetched as partial rows carry the source their neighbours come from. */
export interface Scoped {
  /** On partial rows only (a getter, not an own property); absent, the request's loader serves. */
  readonly scope?: RowSource;
}

/** Any node, as returned by node/nodesByIds and node/nodesWithNeighbours. */
export interface EntityRow extends Scoped {
  id: string;
  /** The node's label other than Entity: Claim, Source, Organization, Person, Region, Measure, Period. */
  kind: string;
  props: Record<string, unknown>;
  /** Outgoing relationships (all of them: a node's outgoing fan-out is small by design). */
  out: EdgeRef[];
  /** Incoming PART_OF, ROLE, SUPERSEDES and DERIVED_FROM (never the large claim lists). */
  in: EdgeRef[];
}

export type OrganizationRow = EntityRow & { kind: 'Organization' };
export type PersonRow = EntityRow & { kind: 'Person' };
export type AgentRow = OrganizationRow | PersonRow;

/** A role edge with both ends, built from an EntityRow's ROLE edges. */
export interface RoleAssignmentRow extends Scoped {
  personId: string;
  organizationId: string;
  props: Record<string, unknown>;
}

export type ClaimRow = EntityRow & { kind: 'Claim' };
export type SourceRow = EntityRow & { kind: 'Source' };
export type RegionRow = EntityRow & { kind: 'Region' };
export type MeasureRow = EntityRow & { kind: 'Measure' };
export type PeriodRow = EntityRow & { kind: 'Period' };

/** A claim's STATED_IN edge: the source and the edge's quote and statedAt. */
export interface StatementRow extends Scoped {
  sourceId: string;
  props: Record<string, unknown>;
}

/** A DERIVED_FROM edge with both ends. */
export interface SourceDerivationRow extends Scoped {
  sourceId: string;
  derivedFromId: string;
  kind: string;
}

/** One full-text hit (search/search.cypher). */
export interface SearchHitRow {
  id: string;
  kind: string;
  label: string;
  score: number;
}

/** A source as chains see it: its derivations and the agents behind it. */
export interface ChainSourceRow {
  id: string;
  derivedFrom: { id: string; kind: string }[];
  publishers: string[];
  authors: string[];
}

/** What one claim's source chain is computed from. */
export interface ChainSubgraphRow {
  claimId: string;
  appearances: { sourceId: string; quote: string | null; statedAt: string | null }[];
  basedOn: string[];
  attributedTo: string[];
  sources: ChainSourceRow[];
}

/** provenance/topInstitutions: an agent's top institutions and the hops leading there. */
export interface TopInstitutionRow {
  agentId: string;
  tops: { topId: string; hops: { source: string; type: string; target: string; title: string | null }[] }[];
}

/** An edge of a graph view before its nodes are loaded. */
export interface GraphEdgeRow {
  source: string;
  type: string;
  target: string;
  props: Record<string, unknown>;
}

/** A claim in the compact form cross-referencing compares (provenance/organizationClaims). */
export interface CompactClaimRow {
  id: string;
  value: number | null;
  low: number | null;
  high: number | null;
  bound: string | null;
  precision: number | null;
  aggregation: string | null;
  per: string | null;
  unit: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  statedAt: string | null;
  measureId: string | null;
  periodId: string | null;
  regionIds: string[];
  sourceIds: string[];
}

/**
 * A compact claim as provenance/organizationClaims sends it (one per row): a tuple in CompactClaimRow's field
 * order, statedAt as epoch millis (thousands of maps with temporals cost more to decode than
 * Neo4j takes to find them; see wireTemporals.ts).
 */
export type CompactClaimWire = [
  id: string,
  value: number | null,
  low: number | null,
  high: number | null,
  bound: string | null,
  precision: number | null,
  aggregation: string | null,
  per: string | null,
  unit: string | null,
  periodStart: string | null,
  periodEnd: string | null,
  statedAtMillis: number | null,
  measureId: string | null,
  periodId: string | null,
  regionIds: string[],
  sourceIds: string[],
];
