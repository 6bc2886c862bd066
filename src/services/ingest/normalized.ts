/**
 * A validated ingest document, flattened into what the write queries take. Every id in it has
 * been checked for form; references to ids not defined in the document are listed in
 * `externalRefs` for the in-graph check.
 */
import type { UnitRef } from './unitFit.js';

export interface NormalizedSource {
  id: string;
  kind: string;
  props: Record<string, unknown>;
  publisherId: string | null;
  authorIds: string[] | null;
  /** null: the document does not say (leave what the graph has); a list: exactly these. */
  derivedFrom: { id: string; kind: string }[] | null;
  /** ISO calendar dates, stored as Neo4j dates (props holds only plain values). */
  publishedAt: string | null;
  retrievedAt: string | null;
}

export interface NormalizedOrganization {
  id: string;
  props: Record<string, unknown>;
  aliases: string[];
  partOf: string | null;
}

export interface NormalizedPerson {
  id: string;
  props: Record<string, unknown>;
  aliases: string[];
  roles: { organizationId: string; title: string | null; from: string | null; to: string | null }[] | null;
}

export interface NormalizedRegion {
  id: string;
  props: Record<string, unknown>;
  aliases: string[];
  partOf: string | null;
}

export interface NormalizedMeasure {
  id: string;
  props: Record<string, unknown>;
}

export interface NormalizedPeriod {
  id: string;
  start: string;
  end: string | null;
  granularity: string | null;
  label: string | null;
}

export interface NormalizedClaim {
  id: string;
  sourceId: string;
  /** Every claim property, nulls included, so a re-ingest also clears what the document dropped. */
  props: Record<string, unknown>;
  statement: { quote: string | null; statedAt: string | null };
  /** Stored as a Neo4j datetime. */
  statedAt: string | null;
  /** Denormalized from the period (Neo4j dates) so filters and orderings need no join. */
  periodStart: string | null;
  periodEnd: string | null;
  measureId: string | null;
  periodId: string | null;
  regionIds: string[];
  attributedToIds: string[];
  basedOnIds: string[];
  supersedesIds: string[];
}

export interface ExternalRef {
  id: string;
  /** The label the referenced node must carry. */
  kind: string;
  /** Where the reference stands, e.g. claims[3].measure. */
  path: string;
}

export interface NormalizedDocument {
  sourceId: string;
  sources: NormalizedSource[];
  organizations: NormalizedOrganization[];
  people: NormalizedPerson[];
  regions: NormalizedRegion[];
  measures: NormalizedMeasure[];
  periods: NormalizedPeriod[];
  claims: NormalizedClaim[];
  externalRefs: ExternalRef[];
  /** Claims' units on measures the document does not define: the stored measure's unit must fit. */
  unitRefs: UnitRef[];
}
