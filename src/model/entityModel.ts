/**
 * The entity model, stated once: each kind of node (its label, its GraphQL EntityKind, its id
 * prefix, the ingest document list that defines it), its properties with their types (temporal
 * ones included), and its outgoing relationships with their direction, targets and properties.
 * The tables other layers need are derived from it (derived.ts); what cannot be derived (the SDL,
 * the Cypher projections, the explorer's legend, the ingest JSON Schema) is checked against it by
 * test/model/entityModel.test.ts, which lists every such place per kind.
 *
 * Adding a property to a kind: add it here, to the kind's SDL type (schema/), and to the Cypher
 * that writes it (cypher/ingest/) — see the README's "Changing the model".
 */

/** How a property is stored. Dates and instants are Neo4j DATE and DATETIME values. */
export type PropType = 'string' | 'strings' | 'number' | 'date' | 'datetime';

export interface RelationshipSpec {
  /** The labels the relationship may point to (it always leaves the kind that lists it). */
  readonly to: readonly string[];
  /** Properties stored on the relationship. */
  readonly props?: Readonly<Record<string, PropType>>;
}

export interface KindSpec {
  /** The GraphQL EntityKind value (schema/base.graphql). */
  readonly kind: string;
  /** What every id of the kind starts with, before the colon (`claim:…`). */
  readonly idPrefix: string;
  /** The ingest document list defining entities of the kind; null for nodes ingest derives (periods). */
  readonly document: string | null;
  /** Stored properties beyond COMMON_PROPS. */
  readonly props: Readonly<Record<string, PropType>>;
  /** Outgoing relationships by type. */
  readonly out: Readonly<Record<string, RelationshipSpec>>;
}

/** Properties every entity has or may have: its id, when this graph learned it and last changed it, whose document owns it. */
export const COMMON_PROPS = { id: 'string', recordedAt: 'datetime', updatedAt: 'datetime', ownerSourceId: 'string' } as const satisfies Record<string, PropType>;

/** Names and aliases of the kinds search finds by alias: `aliasText` is the aliases joined for the full-text index. */
const NAMED = { name: 'string', aliases: 'strings', aliasText: 'string' } as const;

export const ENTITY_MODEL = {
  Claim: {
    kind: 'CLAIM',
    idPrefix: 'claim',
    document: 'claims',
    props: {
      text: 'string',
      quote: 'string',
      value: 'number',
      low: 'number',
      high: 'number',
      unit: 'string',
      bound: 'string',
      precision: 'number',
      aggregation: 'string',
      per: 'string',
      confidence: 'number',
      status: 'string',
      statedAt: 'datetime',
      periodStart: 'date',
      periodEnd: 'date',
    },
    out: {
      STATED_IN: { to: ['Source'], props: { quote: 'string', statedAt: 'datetime' } },
      ABOUT: { to: ['Measure'] },
      COVERS: { to: ['Period'] },
      IN_REGION: { to: ['Region'] },
      ATTRIBUTED_TO: { to: ['Organization', 'Person'] },
      BASED_ON: { to: ['Source'] },
      SUPERSEDES: { to: ['Claim'] },
    },
  },
  Source: {
    kind: 'SOURCE',
    idPrefix: 'src',
    document: 'sources',
    props: { kind: 'string', title: 'string', url: 'string', publishedAt: 'date', publishedAtPrecision: 'string', retrievedAt: 'date', language: 'string', reliability: 'string' },
    out: {
      PUBLISHED_BY: { to: ['Organization'] },
      AUTHORED_BY: { to: ['Person'] },
      DERIVED_FROM: { to: ['Source'], props: { kind: 'string' } },
    },
  },
  Organization: {
    kind: 'ORGANIZATION',
    idPrefix: 'org',
    document: 'organizations',
    props: { ...NAMED, kind: 'string', reliability: 'string' },
    out: { PART_OF: { to: ['Organization'] } },
  },
  Person: {
    kind: 'PERSON',
    idPrefix: 'person',
    document: 'people',
    props: { ...NAMED },
    out: { ROLE: { to: ['Organization'], props: { title: 'string', from: 'date', to: 'date' } } },
  },
  Region: {
    kind: 'REGION',
    idPrefix: 'region',
    document: 'regions',
    props: { ...NAMED, kind: 'string', code: 'string', areaKm2: 'number' },
    out: { PART_OF: { to: ['Region'] } },
  },
  Measure: {
    kind: 'MEASURE',
    idPrefix: 'measure',
    document: 'measures',
    props: { name: 'string', unit: 'string', description: 'string', shareBase: 'string', sharePart: 'string' },
    out: {},
  },
  Period: {
    kind: 'PERIOD',
    idPrefix: 'period',
    document: null,
    props: { start: 'date', end: 'date', granularity: 'string', label: 'string' },
    out: {},
  },
} as const satisfies Record<string, KindSpec>;

/** A node label of an entity kind: Claim, Source, … */
export type EntityLabel = keyof typeof ENTITY_MODEL;

/**
 * The temporal properties of the bookkeeping nodes beside the entities (who wrote what, and what
 * changed): not entities, never in graph views or exports, but the offline importer writes them.
 */
export const BOOKKEEPING_TEMPORALS = {
  Ingestion: { at: 'datetime' },
  Revision: { validFrom: 'datetime', validUntil: 'datetime' },
} as const satisfies Record<string, Record<string, 'date' | 'datetime'>>;

/**
 * Relationships that graph views draw but the store does not hold: cross-references compute
 * them (GraphQL RelationshipType has them too).
 */
export const COMPUTED_RELATIONSHIPS = ['AGREES_WITH', 'CONFLICTS_WITH'] as const;
