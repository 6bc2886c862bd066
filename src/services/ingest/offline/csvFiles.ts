/**
 * Writes the in-memory graph as the CSV files Neo4j's bulk importer reads: one node file per kind
 * (`:LABEL` carries Entity, MultiRegion, MultiAgent) and one relationship file per type, with typed
 * headers so numbers, dates, instants and lists arrive as the online import stores them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { TEMPORAL_PROPS } from '../../../model/derived.js';
import type { GraphModel, ModelNode, ModelRel } from './graphModel.js';

/**
 * Separates list elements and labels. A control character no validated text contains (the writer
 * refuses one that does), so aliases with commas or semicolons survive.
 */
export const ARRAY_DELIMITER = '\u001f';

// eslint-disable-next-line no-control-regex -- the importer's array delimiter is a control character on purpose
const SPECIAL = /["\r\n\u001f]/;

export interface CsvFiles {
  nodes: string[];
  relationships: string[];
  /** Whether some value spans lines (the importer must then parse multi-line fields, slower). */
  multiline: boolean;
}

/** Buffered appends to one file: a few large writes instead of one per row. */
class CsvWriter {
  private buffer: string[] = [];
  private size = 0;
  private readonly fd: number;

  constructor(
    readonly file: string,
    header: string,
  ) {
    this.fd = fs.openSync(file, 'w');
    this.write(header);
  }

  write(line: string): void {
    this.buffer.push(line, '\n');
    this.size += line.length + 1;
    if (this.size > 1 << 20) this.flush();
  }

  flush(): void {
    if (this.buffer.length) fs.writeSync(this.fd, this.buffer.join(''));
    this.buffer = [];
    this.size = 0;
  }

  close(): void {
    this.flush();
    fs.closeSync(this.fd);
  }
}

type ColumnType = 'string' | 'double' | 'boolean' | 'string[]' | 'date' | 'datetime';

function columnType(owner: string, key: string, value: unknown): ColumnType {
  const temporal = TEMPORAL_PROPS[owner]?.[key] ?? TEMPORAL_PROPS['*'][key];
  if (temporal) return temporal;
  if (typeof value === 'number') return 'double';
  if (typeof value === 'boolean') return 'boolean';
  if (Array.isArray(value)) return 'string[]';
  return 'string';
}

/** The columns (key and type) of a set of property maps, in a stable order. */
function columns(owner: string, maps: Iterable<Record<string, unknown>>): [string, ColumnType][] {
  const types = new Map<string, ColumnType>();
  for (const props of maps) {
    for (const [k, v] of Object.entries(props)) {
      if (k === 'id') continue;
      const t = columnType(owner, k, v);
      const seen = types.get(k);
      if (seen && seen !== t) throw new Error(`offline import: ${owner}.${k} holds both ${seen} and ${t} values`);
      types.set(k, t);
    }
  }
  return [...types].sort(([a], [b]) => (a < b ? -1 : 1));
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

  const byKind = new Map<string, ModelNode[]>();
  for (const n of model.nodes.values()) {
    const list = byKind.get(n.kind) ?? byKind.set(n.kind, []).get(n.kind)!;
    list.push(n);
  }
  const idSpace = (kind: string | undefined) => (kind === 'Ingestion' || kind === 'Revision' ? kind : 'Entity');
  const nodes: string[] = [];
  for (const [kind, list] of byKind) {
    const cols = columns(
      kind,
      list.map((n) => n.props),
    );
    const file = path.join(dir, `nodes-${kind}.csv`);
    const w = new CsvWriter(file, [`id:ID(${idSpace(kind)})`, ':LABEL', ...cols.map(([k, t]) => `${k}:${t}`)].join(','));
    for (const n of list) {
      const labels = [kind, ...n.extraLabels].join(ARRAY_DELIMITER);
      w.write([quote(n.id), labels, ...cols.map(([k, t]) => cell(t, n.props[k]))].join(','));
    }
    w.close();
    nodes.push(file);
  }

  // Relationships grouped by type (and the id spaces of their ends).
  const byType = new Map<string, { from: ModelNode; rel: ModelRel }[]>();
  for (const n of model.nodes.values()) {
    for (const rel of n.out) {
      const key = `${rel.type} ${idSpace(n.kind)} ${idSpace(model.get(rel.to)?.kind)}`;
      const list = byType.get(key) ?? byType.set(key, []).get(key)!;
      list.push({ from: n, rel });
    }
  }
  const relationships: string[] = [];
  for (const [key, list] of byType) {
    const [type, fromSpace, toSpace] = key.split(' ');
    const cols = columns(
      type,
      list.map((x) => x.rel.props),
    );
    const file = path.join(dir, `rels-${type}-${fromSpace}-${toSpace}.csv`);
    const w = new CsvWriter(file, [`:START_ID(${fromSpace})`, `:END_ID(${toSpace})`, ':TYPE', ...cols.map(([k, t]) => `${k}:${t}`)].join(','));
    for (const { from, rel } of list) w.write([quote(from.id), quote(rel.to), type, ...cols.map(([k, t]) => cell(t, rel.props[k]))].join(','));
    w.close();
    relationships.push(file);
  }
  return { nodes, relationships, multiline };
}
