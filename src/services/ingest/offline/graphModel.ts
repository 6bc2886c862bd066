/**
 * The graph an offline import builds, held in memory before Neo4j's bulk importer writes it: nodes
 * by id with their labels and properties, and each node's outgoing relationships. Temporals are
 * kept as the strings the database layer would read back (ISO instants, YYYY-MM-DD dates), and
 * csvFiles.ts declares their Neo4j types from the entity model's TEMPORAL_PROPS.
 */
import type { ExistingState } from '../ownership.js';

export interface ModelRel {
  type: string;
  to: string;
  props: Record<string, unknown>;
}

export interface ModelNode {
  id: string;
  /** The kind label (Claim, Source, …, Ingestion, Revision). */
  kind: string;
  /**
   * Labels beyond the kind (Entity, MultiRegion, MultiAgent), in the order they were added. An
   * array shared between nodes and replaced on change (withLabel): a Set per node cost a million
   * hash tables in an import's heap.
   */
  extraLabels: readonly string[];
  props: Record<string, unknown>;
  out: ModelRel[];
}

let lastText: string | undefined;
let lastInstant = '';

/**
 * An instant as the database layer reads a Neo4j datetime back (toPlain: ISO, milliseconds, Z).
 * The last one is remembered: a document's claims and statements mostly share one time, and
 * parsing and printing a date for each of a million claims was a tenth of applying them.
 */
export function instant(text: string): string {
  if (text !== lastText) {
    lastInstant = new Date(text).toISOString();
    lastText = text;
  }
  return lastInstant;
}

/** Nodes found lately; cleared at this size, so it stays small enough to sit in the CPU's cache. */
const RECENT_NODES = 2048;

export class GraphModel {
  readonly nodes = new Map<string, ModelNode>();
  /**
   * The nodes found lately. A document's claims refer to the same few measures, periods, regions
   * and sources, and finding each again in a map of a million ids missed the CPU's caches every
   * time: the largest single cost of applying documents. Nodes are never removed while the
   * graph is built (clear() empties both), so a node found stays right.
   */
  private readonly recent = new Map<string, ModelNode>();

  get(id: string): ModelNode | undefined {
    const seen = this.recent.get(id);
    if (seen) return seen;
    const node = this.nodes.get(id);
    if (node) {
      if (this.recent.size >= RECENT_NODES) this.recent.clear();
      this.recent.set(id, node);
    }
    return node;
  }

  /** Creates a node (it must not exist); Entity kinds also get the Entity label. */
  create(id: string, kind: string, props: Record<string, unknown>, entity = true): ModelNode {
    return this.createOwning(id, kind, withoutNulls(props), entity);
  }

  /** Creates a node from properties already without nulls, which become the node's own (not copied). */
  createOwning(id: string, kind: string, props: Record<string, unknown>, entity = true): ModelNode {
    const node: ModelNode = { id, kind, extraLabels: entity ? ENTITY_ONLY : NO_LABELS, props, out: [] };
    const before = this.nodes.size;
    this.nodes.set(id, node);
    // A node replaced would lose its links silently: a fault of the import (told by the size, no
    // second lookup). The model is not to be used after this throws: the node is replaced by then.
    if (this.nodes.size === before) throw new Error(`offline import: the node ${id} was created twice`);
    return node;
  }

  /** Lets the nodes go (after the CSV files are written, before the importer runs). */
  clear(): void {
    this.nodes.clear();
    this.recent.clear();
  }

  /**
   * Adds a relationship (CREATE: a second one of the same type and end may exist). Without
   * properties it shares one frozen empty map: most of a million claims' links carry none.
   */
  link(from: ModelNode, type: string, to: string, props?: Record<string, unknown>): ModelRel {
    const rel = { type, to, props: props ? withoutNulls(props) : NO_PROPS };
    from.out.push(rel);
    return rel;
  }

  /** The relationship of this type to `to` (with this match on its properties), created if missing (MERGE). */
  merge(from: ModelNode, type: string, to: string, match: Record<string, unknown> = {}): { rel: ModelRel; created: boolean } {
    const found = from.out.find((r) => r.type === type && r.to === to && Object.entries(match).every(([k, v]) => r.props[k] === v));
    if (found) {
      // A shared empty map becomes the relationship's own before anyone sets a property on it.
      if (found.props === NO_PROPS) found.props = {};
      return { rel: found, created: false };
    }
    return { rel: this.link(from, type, to, { ...match }), created: true };
  }

  /** Deletes `from`'s relationships of this type that `drop` selects; returns how many. */
  unlink(from: ModelNode, type: string, drop: (rel: ModelRel) => boolean): number {
    const before = from.out.length;
    from.out = from.out.filter((r) => !(r.type === type && drop(r)));
    return before - from.out.length;
  }

  /** Ids at the end of `from`'s relationships of one type. */
  targets(from: ModelNode, type: string): string[] {
    return from.out.filter((r) => r.type === type).map((r) => r.to);
  }

  /** What ingest/existingState.cypher answers for a node: owner, properties and links. */
  existingState(node: ModelNode): ExistingState {
    const kindOf = (id: string) => this.nodes.get(id)?.kind;
    const of = (type: string, kind?: string) => this.targets(node, type).filter((id) => !kind || kindOf(id) === kind);
    const sortedIds = (ids: string[]) => [...ids].sort();
    let owner = (node.props.ownerSourceId as string | undefined) ?? null;
    let links: Record<string, unknown>;
    switch (node.kind) {
      case 'Claim': {
        if (owner === null) {
          const first = node.out.filter((r) => r.type === 'STATED_IN').sort((a, b) => cmp(a.props.statedAt, b.props.statedAt) || cmp(a.to, b.to))[0];
          owner = first?.to ?? null;
        }
        links = {
          measureId: of('ABOUT', 'Measure')[0] ?? null,
          periodId: of('COVERS', 'Period')[0] ?? null,
          regionIds: sortedIds(of('IN_REGION', 'Region')),
          attributedToIds: sortedIds(of('ATTRIBUTED_TO')),
          supersedesIds: sortedIds(of('SUPERSEDES', 'Claim')),
          sourceIds: sortedIds(of('STATED_IN', 'Source')),
        };
        break;
      }
      case 'Source':
        links = {
          publisherId: of('PUBLISHED_BY', 'Organization')[0] ?? null,
          authorIds: sortedIds(of('AUTHORED_BY', 'Person')),
          derivedFrom: node.out
            .filter((r) => r.type === 'DERIVED_FROM' && kindOf(r.to) === 'Source')
            .map((r) => `${r.to} ${r.props.kind}`)
            .sort(),
        };
        break;
      case 'Person':
        links = {
          roles: node.out
            .filter((r) => r.type === 'ROLE' && kindOf(r.to) === 'Organization')
            .map((r) => `${r.to} ${r.props.title ?? ''}`)
            .sort(),
        };
        break;
      case 'Measure':
        links = {};
        break;
      default:
        links = { partOf: of('PART_OF')[0] ?? null };
    }
    return { owner, props: { ...node.props }, links };
  }
}

const NO_PROPS: Record<string, unknown> = Object.freeze({}) as Record<string, unknown>;
const NO_LABELS: readonly string[] = Object.freeze([]);
const ENTITY_ONLY: readonly string[] = Object.freeze(['Entity']);

/** Sets or clears one of a node's extra labels. */
export function withLabel(node: ModelNode, label: string, on: boolean): void {
  const has = node.extraLabels.includes(label);
  if (on && !has) node.extraLabels = [...node.extraLabels, label];
  else if (!on && has) node.extraLabels = node.extraLabels.filter((l) => l !== label);
}

/** Neo4j stores no null properties: a map set with nulls leaves those keys out. */
export function withoutNulls(props: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  // for…in, not Object.entries: no array of pairs per relationship. Plain maps, own keys only.
  for (const k in props) {
    const v = props[k];
    if (v !== null && v !== undefined) out[k] = v;
  }
  return out;
}

/** Sets (+=) a map of properties: nulls remove. */
export function assignProps(target: Record<string, unknown>, props: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(props)) {
    if (v === null || v === undefined) delete target[k];
    else target[k] = v;
  }
}

function cmp(a: unknown, b: unknown): number {
  // Cypher sorts nulls last.
  if (a == null) return b == null ? 0 : 1;
  if (b == null) return -1;
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}
