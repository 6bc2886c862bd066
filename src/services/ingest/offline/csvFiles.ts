/**
 * Writes the in-memory graph as the CSV files Neo4j's bulk importer reads: one node file per kind
 * (`:LABEL` carries Entity, MultiRegion, MultiAgent) and one relationship file per type, with typed
 * headers so numbers, dates, instants and lists arrive as the online import stores them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { TEMPORAL_PROPS } from '../../../model/derived.js';
import { INGESTION_ID_PREFIX } from '../ingest.js';
import { REVISION_ID_PREFIX } from '../ownership.js';
import type { GraphModel, ModelNode } from './graphModel.js';

/**
 * Separates list elements and labels. A control character no validated text contains (the writer
 * refuses one that does), so aliases with commas or semicolons survive.
 */
export const ARRAY_DELIMITER = '\u001f';

// eslint-disable-next-line no-control-regex -- the importer's array delimiter is a control character on purpose
const SPECIAL = /["\r\n\u001f]/;

/** An id the importer reads unquoted: no delimiter, quote, space or line break in it. */
const SAFE_ID = /^[A-Za-z0-9:._~-]+$/;

function hasKeys(props: Record<string, unknown>): boolean {
  for (const _ in props) return true;
  return false;
}

export interface CsvFiles {
  nodes: string[];
  relationships: string[];
  /** Whether some value spans lines (the importer must then parse multi-line fields, slower). */
  multiline: boolean;
}

/**
 * Written out at this length: a string of 64 K characters stays in V8's young generation and dies
 * there, while one of a megabyte went to the large-object space and made the old generation grow
 * and be collected, writing the CSV 2 s (a quarter) slower at 1,000,000 claims.
 */
const FLUSH_CHARS = 1 << 16;

/**
 * Buffered appends to one file: a few large writes instead of one per row. Rows are appended to
 * one string: joining an array of a million small rows was the largest cost of writing the CSV.
 */
class CsvWriter {
  private buffer = '';
  private closed = false;
  private readonly fd: number;

  constructor(
    readonly file: string,
    header: string,
  ) {
    this.fd = fs.openSync(file, 'w');
    this.write(`${header}\n`);
  }

  /** Appends `text`: whole rows, each with its line break (one concatenation per row, not two). */
  write(text: string): void {
    this.buffer += text;
    if (this.buffer.length > FLUSH_CHARS) this.flush();
  }

  flush(): void {
    if (this.buffer) fs.writeSync(this.fd, this.buffer);
    this.buffer = '';
  }

  /** Writes what is buffered and closes the file. */
  close(): void {
    this.flush();
    this.abandon();
  }

  /** Closes the file without writing more: the import failed, and the files are removed. */
  abandon(): void {
    if (this.closed) return;
    this.closed = true;
    fs.closeSync(this.fd);
  }
}

type ColumnType = 'string' | 'double' | 'boolean' | 'string[]' | 'date' | 'datetime';

function columnType(owner: string, key: string, value: unknown): ColumnType {
  return TEMPORAL_PROPS[owner]?.[key] ?? TEMPORAL_PROPS['*'][key] ?? valueType(value);
}

/** A column's type as its value tells it (a temporal column's comes from its key instead). */
function valueType(value: unknown): ColumnType {
  if (typeof value === 'number') return 'double';
  if (typeof value === 'boolean') return 'boolean';
  if (Array.isArray(value)) return 'string[]';
  return 'string';
}

/** Whether columnType would give `value` the column's type `type` (a temporal column's type comes from its key). */
function holds(type: ColumnType, value: unknown): boolean {
  return type === 'date' || type === 'datetime' || valueType(value) === type;
}

/** The columns (key and type) of a set of property maps, gathered one map at a time. */
class Columns {
  private readonly types = new Map<string, ColumnType>();
  constructor(private readonly owner: string) {}

  add(props: Record<string, unknown>): void {
    for (const k in props) {
      if (k === 'id') continue;
      // Most keys are met again with a value of their type: no need to work the type out again.
      const known = this.types.get(k);
      if (known !== undefined && holds(known, props[k])) continue;
      const t = columnType(this.owner, k, props[k]);
      if (known === undefined) this.types.set(k, t);
      else if (known !== t) throw new Error(`offline import: ${this.owner}.${k} holds both ${known} and ${t} values`);
    }
  }

  /** In a stable order. */
  list(): [string, ColumnType][] {
    return [...this.types].sort(([a], [b]) => (a < b ? -1 : 1));
  }
}

/** The importer's id space of a node kind: ingestions and revisions have their own. */
function spaceOfKind(kind: string): string {
  return kind === 'Ingestion' || kind === 'Revision' ? kind : 'Entity';
}

export function writeCsvFiles(model: GraphModel, dir: string): CsvFiles {
  fs.mkdirSync(dir, { recursive: true });
  let multiline = false;
  const quote = (text: string, list = false) => {
    // One scan for the common case: nothing to escape.
    if (!SPECIAL.test(text)) return `"${text}"`;
    if (!list && text.includes(ARRAY_DELIMITER)) throw new Error(`offline import: a value contains the control character U+001F: ${JSON.stringify(text.slice(0, 80))}`);
    if (/[\r\n]/.test(text)) multiline = true;
    return `"${text.replace(/"/g, '""')}"`;
  };
  const joinList = (items: unknown[]) => {
    for (const item of items) if (String(item).includes(ARRAY_DELIMITER)) quote(String(item));
    return quote(items.map(String).join(ARRAY_DELIMITER), true);
  };
  const cell = (type: ColumnType, value: unknown): string => {
    if (value === undefined || value === null) return '';
    switch (type) {
      case 'string':
        return quote(String(value));
      case 'string[]':
        return (value as unknown[]).length ? joinList(value as unknown[]) : '';
      default:
        return String(value);
    }
  };
  // An id as it is: ids are validated (fields.ts ID_FORM) or made here, and need no quotes; any
  // other is quoted, to be safe.
  const id = (text: string) => (SAFE_ID.test(text) ? text : quote(text));
  // Node ids the node files had to quote (none, when every id was validated or made here).
  const quoted = new Set<string>();
  // A relationship's end as its node's row wrote it: every end is a node of the graph (the links
  // are made to nodes found or checked to exist), so its id was tested there, not again per row.
  // (An end outside the graph would fail in Neo4j's importer, quoted or not.)
  const endId = (text: string) => (quoted.has(text) ? quote(text) : text);
  const cells = (cols: [string, ColumnType][], props: Record<string, unknown>): string => {
    let row = '';
    for (const [k, t] of cols) row += `,${cell(t, props[k])}`;
    return row;
  };

  // The nodes outside the Entity id space, by id: few, so a small map to look a relationship's end
  // up in. Only ids with their kinds' prefixes are looked up (checked below as each is met): most
  // relationships end at entities, and a lookup for each of millions was a sixth of this phase.
  const spaces = new Map<string, string>();
  const spaceOf = (id: string) => (id.startsWith(INGESTION_ID_PREFIX) || id.startsWith(REVISION_ID_PREFIX) ? (spaces.get(id) ?? 'Entity') : 'Entity');

  // Nodes: one file per kind.
  const byKind = new Map<string, { columns: Columns; nodes: ModelNode[] }>();
  for (const n of model.nodes.values()) {
    if (spaceOfKind(n.kind) !== 'Entity') {
      if (!n.id.startsWith(n.kind === 'Ingestion' ? INGESTION_ID_PREFIX : REVISION_ID_PREFIX)) throw new Error(`offline import: the ${n.kind} ${n.id} lacks its kind's id prefix`);
      spaces.set(n.id, n.kind);
    }
    let group = byKind.get(n.kind);
    if (!group) byKind.set(n.kind, (group = { columns: new Columns(n.kind), nodes: [] }));
    group.columns.add(n.props);
    group.nodes.push(n);
  }
  const nodes: string[] = [];
  for (const [kind, group] of byKind) {
    const cols = group.columns.list();
    const file = path.join(dir, `nodes-${kind}.csv`);
    const w = new CsvWriter(file, [`id:ID(${spaceOfKind(kind)})`, ':LABEL', ...cols.map(([k, t]) => `${k}:${t}`)].join(','));
    try {
      for (const n of group.nodes) {
        const labels = n.extraLabels.length ? [kind, ...n.extraLabels].join(ARRAY_DELIMITER) : kind;
        const nodeId = id(n.id);
        if (nodeId !== n.id) quoted.add(n.id);
        w.write(`${nodeId},${labels}${cells(cols, n.props)}\n`);
      }
      w.close();
    } finally {
      // Also when a value is refused midway: no descriptor left open.
      w.abandon();
    }
    nodes.push(file);
  }

  // Relationships: one file per type and id spaces of their ends. A first pass finds each file's
  // columns from the relationships with properties (a claim's links mostly have none), the second
  // writes the rows, opening the files of the groups the first pass did not meet (no list of
  // millions of pairs held in between).
  interface RelGroup {
    type: string;
    fromSpace: string;
    toSpace: string;
    columns: Columns;
    cols?: [string, ColumnType][];
    writer?: CsvWriter;
    /** What follows the ids in a row without properties: the type and the line break. */
    rest?: string;
  }
  const groups = new Map<string, Map<string, Map<string, RelGroup>>>();
  const groupOf = (type: string, fromSpace: string, toSpace: string): RelGroup => {
    let byFrom = groups.get(type);
    if (!byFrom) groups.set(type, (byFrom = new Map()));
    let byTo = byFrom.get(fromSpace);
    if (!byTo) byFrom.set(fromSpace, (byTo = new Map()));
    let group = byTo.get(toSpace);
    if (!group) byTo.set(toSpace, (group = { type, fromSpace, toSpace, columns: new Columns(type) }));
    return group;
  };
  for (const n of model.nodes.values()) {
    const fromSpace = spaceOfKind(n.kind);
    for (const rel of n.out) if (hasKeys(rel.props)) groupOf(rel.type, fromSpace, spaceOf(rel.to)).columns.add(rel.props);
  }
  const relationships: string[] = [];
  const opened: RelGroup[] = [];
  const writerOf = (group: RelGroup): CsvWriter => {
    if (group.writer) return group.writer;
    group.cols = group.columns.list();
    group.rest = `,${group.type}\n`;
    const file = path.join(dir, `rels-${group.type}-${group.fromSpace}-${group.toSpace}.csv`);
    group.writer = new CsvWriter(file, [`:START_ID(${group.fromSpace})`, `:END_ID(${group.toSpace})`, ':TYPE', ...group.cols.map(([k, t]) => `${k}:${t}`)].join(','));
    opened.push(group);
    relationships.push(file);
    return group.writer;
  };
  // The groups between entities by type alone: nearly every relationship, found with one lookup.
  const betweenEntities = new Map<string, RelGroup>();
  try {
    for (const n of model.nodes.values()) {
      if (!n.out.length) continue;
      // Its id and the comma after it: the start of each of its rows.
      const from = `${endId(n.id)},`;
      const fromSpace = spaceOfKind(n.kind);
      for (const rel of n.out) {
        const toSpace = spaceOf(rel.to);
        const plain = fromSpace === 'Entity' && toSpace === 'Entity';
        let group = plain ? betweenEntities.get(rel.type) : undefined;
        if (!group) {
          group = groupOf(rel.type, fromSpace, toSpace);
          if (plain) betweenEntities.set(rel.type, group);
        }
        // Opened first: opening sets the group's columns.
        const writer = writerOf(group);
        writer.write(group.cols!.length ? `${from}${endId(rel.to)},${rel.type}${cells(group.cols!, rel.props)}\n` : `${from}${endId(rel.to)}${group.rest}`);
      }
    }
    for (const group of opened) group.writer!.close();
  } finally {
    // Every writer opened is closed, also when a value is refused midway (no descriptor left open).
    for (const group of opened) group.writer!.abandon();
  }
  return { nodes, relationships, multiline };
}
