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

/** Any node, as returned by node/nodesByIds. */
export interface EntityRow {
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
export interface RoleAssignmentRow {
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
export interface StatementRow {
  sourceId: string;
  props: Record<string, unknown>;
}

/** A DERIVED_FROM edge with both ends. */
export interface SourceDerivationRow {
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
