/**
 * The tables other layers read, derived from the entity model (entityModel.ts) so that they
 * cannot disagree with it or with each other.
 */
import { BOOKKEEPING_TEMPORALS, COMMON_PROPS, ENTITY_MODEL, type EntityLabel, type KindSpec, type PropType } from './entityModel.js';

const kinds = Object.entries(ENTITY_MODEL) as [EntityLabel, KindSpec][];

/** A kind ingest documents define (every kind but Period). */
export type DefinedLabel = { [L in EntityLabel]: (typeof ENTITY_MODEL)[L]['document'] extends null ? never : L }[EntityLabel];

/** The node label of each GraphQL EntityKind: CLAIM → Claim. */
export const LABEL_OF_KIND: Readonly<Record<string, EntityLabel>> = Object.fromEntries(kinds.map(([label, k]) => [k.kind, label]));

/** The id prefix (before the colon) of each kind ingest documents define. */
export const ID_PREFIX = Object.fromEntries(kinds.filter(([, k]) => k.document).map(([label, k]) => [label, k.idPrefix])) as Readonly<Record<DefinedLabel, string>>;

/** Each ingest document list with the kind it defines: ['sources', 'Source'], … */
export const DOCUMENT_LISTS: readonly (readonly [string, DefinedLabel])[] = kinds.filter(([, k]) => k.document).map(([label, k]) => [k.document!, label as DefinedLabel] as const);

/** The relationship types the store holds between entities, each once. */
export const RELATIONSHIP_TYPES: readonly string[] = [...new Set(kinds.flatMap(([, k]) => Object.keys(k.out)))];

const temporalsOf = (props: Readonly<Record<string, PropType>>) => Object.fromEntries(Object.entries(props).filter(([, t]) => t === 'date' || t === 'datetime')) as Record<string, 'date' | 'datetime'>;

/**
 * Which properties hold dates and instants, per node label and relationship type ('*': on every
 * entity): what the offline importer declares to Neo4j's bulk importer.
 */
export const TEMPORAL_PROPS: Readonly<Record<string, Readonly<Record<string, 'date' | 'datetime'>>>> = {
  '*': temporalsOf(COMMON_PROPS),
  ...Object.fromEntries(kinds.map(([label, k]) => [label, temporalsOf(k.props)])),
  ...Object.fromEntries(kinds.flatMap(([, k]) => Object.entries(k.out).map(([type, r]) => [type, temporalsOf(r.props ?? {})]))),
  ...BOOKKEEPING_TEMPORALS,
};

/** Entity and relationship properties stored as DateTime: hot read paths send them as epoch millis (db/wireTemporals.ts). */
export const DATETIME_KEYS: ReadonlySet<string> = new Set(
  [COMMON_PROPS, ...kinds.map(([, k]) => k.props), ...kinds.flatMap(([, k]) => Object.values(k.out).map((r) => r.props ?? {}))].flatMap((props) =>
    Object.entries(props)
      .filter(([, t]) => t === 'datetime')
      .map(([name]) => name),
  ),
);

/** The properties a kind's nodes store, common ones included. */
export function propsOf(label: EntityLabel): Readonly<Record<string, PropType>> {
  return { ...COMMON_PROPS, ...ENTITY_MODEL[label].props };
}

/** The relationship types that may arrive at a kind's nodes. */
export function inboundOf(label: EntityLabel): string[] {
  return [...new Set(kinds.flatMap(([, k]) => Object.entries(k.out).flatMap(([type, r]) => (r.to.includes(label) ? [type] : []))))];
}
